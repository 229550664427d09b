#!/usr/bin/env python3
"""Turn a clean `relief simulate` CSV into a messy clinic export (data/clinic_export.csv).

Usage:
    relief simulate --patients 60 --seed 20261126 | python3 data/make_clinic_export.py - data/clinic_export.csv
    python3 data/make_clinic_export.py SOURCE.csv OUT.csv

Python 3 standard library only. The transformation is deterministic (fixed row positions, no
randomness), so the same source always gives the same export. The output looks like a real clinic
export and exercises every messy-CSV feature Relief must handle:

* UTF-8 byte order mark, CRLF line ends, `;` as the delimiter;
* decimal commas in dose_mg_kg, baseline_pain and relief_days ("12,5", "0,5"; trailing zeros dropped);
* missing codes (NA, empty, ".") in a few relief_days / relief_ended cells;
* an extra free-text `notes` column, quoted where needed, with an embedded `;`, doubled quotes and a
  line break;
* four invalid rows: a negative relief_days, a non-numeric relief_days ("2 weeks"), relief_ended = 9,
  and a ragged (truncated) row.

It prints, one per line, the physical line number (1 = header) where each changed record starts and
what was done to it; data/README.md lists the same lines.
"""
import csv
import io
import sys

# 1-based data-row positions (row 1 is the first record after the header) and what to do there.
MISSING = {  # row -> (column, missing code)
    5: ("relief_days", "NA"),
    12: ("relief_days", ""),
    20: ("relief_days", "."),
    27: ("relief_ended", "NA"),
    33: ("relief_ended", ""),
}
INVALID = {  # row -> (column, bad value); "ragged" cuts the record after 9 fields
    40: ("relief_days", "-3,5"),
    48: ("relief_days", "2 weeks"),
    55: ("relief_ended", "9"),
    61: ("ragged", None),
}
NOTES = {
    2: 'phoned clinic; "much better" after 2 days',
    3: "ok",
    8: "nausea during infusion\nresolved by evening",
    15: "dose reduced; patient asked",
    22: 'said "like a fog lifted"',
    30: "ok",
}
DECIMAL_COLUMNS = ("dose_mg_kg", "baseline_pain", "relief_days")


def decimal_comma(text):
    """'12.50' -> '12,5', '34.00' -> '34', '0.500' -> '0,5'."""
    if "." not in text:
        return text
    whole, frac = text.split(".", 1)
    frac = frac.rstrip("0")
    return whole + ("," + frac if frac else "")


def quote(field):
    """RFC 4180 quoting for a `;`-delimited file."""
    if any(c in field for c in ';"\r\n'):
        return '"' + field.replace('"', '""') + '"'
    return field


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    source, out_path = sys.argv[1], sys.argv[2]
    text = sys.stdin.read() if source == "-" else open(source, encoding="utf-8").read()
    rows = list(csv.reader(io.StringIO(text)))
    header, records = rows[0], rows[1:]
    needed = max(max(MISSING), max(INVALID), max(NOTES))
    if len(records) < needed:
        sys.exit(f"the source has {len(records)} rows; need at least {needed}")
    col = {name: i for i, name in enumerate(header)}

    lines = [";".join(header + ["notes"])]
    report = []
    physical = 2  # physical line where the next record starts
    for number, record in enumerate(records, start=1):
        fields = list(record)
        for name in DECIMAL_COLUMNS:
            fields[col[name]] = decimal_comma(fields[col[name]])
        what = None
        if number in MISSING:
            name, code = MISSING[number]
            fields[col[name]] = code
            what = f"missing: {name} = {code!r}"
        note = NOTES.get(number, "")
        fields.append(note)
        if number in INVALID:
            name, bad = INVALID[number]
            if name == "ragged":
                fields = fields[:9]
                what = f"invalid: ragged row ({len(fields)} fields instead of {len(header) + 1})"
            else:
                fields[col[name]] = bad
                what = f"invalid: {name} = {bad!r}"
        if note and what is None:
            what = "note: " + note.replace("\n", "\\n")
        line = ";".join(quote(f) for f in fields)
        if what:
            report.append(f"line {physical}: patient {record[col['patient_id']]}: {what}")
        lines.append(line)
        physical += 1 + line.count("\n")

    with open(out_path, "w", encoding="utf-8", newline="") as f:
        # Records end in CRLF; the line break inside the quoted note stays a bare LF, as spreadsheet
        # exports write it.
        f.write("\ufeff" + "\r\n".join(lines) + "\r\n")
    print("\n".join(report))


if __name__ == "__main__":
    main()
