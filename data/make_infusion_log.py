#!/usr/bin/env python3
"""Turn data/ketamine_trial.csv (one row per treatment episode) into an infusion log (data/infusion_log.csv).

Usage:
    python3 data/make_infusion_log.py                      # data/ketamine_trial.csv -> data/infusion_log.csv
    python3 data/make_infusion_log.py SOURCE.csv OUT.csv   # OUT.csv may be - for stdout

Python 3 standard library only; deterministic (no randomness, no clock): the same source always gives
the same bytes. The log is what a clinic records, one row per infusion, with dates instead of durations;
`relief episodes` turns it back into episodes:

* each patient's first infusion is on a day of 2025 taken from the patient number
  (2025-01-01 + (97 * number) mod 365 days); the next infusions follow at the episode's `interval_days`;
* patients whose number is 1 mod 4 are infused at 09:30, those 3 mod 4 at 14:15, the others have
  dates without a time of day (`2025-03-14T09:30` or `2025-03-14`);
* `relief_end_date` = infusion + `relief_days` when `relief_ended` is 1, empty otherwise (written with
  the time of day, to the second, whenever it is not midnight: `2025-03-25 10:56:24`);
* `last_contact_date` (the same on every row of a patient) = the last infusion + its `relief_days`, plus
  3 days when that relief ended (the visit that recorded the end);
* `site`, `condition`, `dose_group`, `dose_mg_kg`, `baseline_pain` and `cotherapy` are carried as they are;
* rows are in the order a clinic writes them: by infusion moment across patients (then patient id).

So `relief episodes data/infusion_log.csv` gives back every relief that ended with its `relief_days`,
censors at the next infusion the episodes censored by it, and censors each patient's last episode at
the last contact. What the log cannot hold: an episode censored by loss to follow-up before the next
infusion (`relief_ended` 0 with `relief_days` < `interval_days`, not the patient's last) is followed
up to the next infusion in the log, so it comes back censored at `interval_days`.
"""
import csv
import datetime
import io
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CARRIED = ("site", "condition", "dose_group", "dose_mg_kg", "baseline_pain", "cotherapy")
COLUMNS = ("patient_id", "infusion_date", "relief_end_date", "last_contact_date") + CARRIED
EPOCH = datetime.datetime(2025, 1, 1)


def moment_text(moment, with_time):
    """2025-03-14, 2025-03-14 09:30 or 2025-03-14 09:30:15 (the time whenever it is not midnight or asked for)."""
    if not with_time and moment.time() == datetime.time(0, 0):
        return moment.strftime("%Y-%m-%d")
    if moment.second:
        return moment.strftime("%Y-%m-%d %H:%M:%S")
    return moment.strftime("%Y-%m-%d %H:%M")


def after(moment, days_text):
    """moment + days given with 2 decimals, exactly (to the second: 0.01 day = 864 s)."""
    hundredths = round(float(days_text) * 100)
    return moment + datetime.timedelta(seconds=864 * hundredths)


def make_log(rows):
    by_patient = {}
    for row in rows:
        by_patient.setdefault(row["patient_id"], []).append(row)
    records = []
    for patient, episodes in by_patient.items():
        records.extend(patient_records(patient, episodes))
    records.sort(key=lambda item: (item[0], item[1]))
    return [record for _, _, record in records]


def patient_records(patient, episodes):
    """One patient's log rows as (infusion moment, patient, record) from their episodes (dicts of the source)."""
    episodes = sorted(episodes, key=lambda r: int(r["infusion_number"]))
    records = []
    number = int(patient.lstrip("P"))
    time_of_day = {1: (9, 30), 3: (14, 15)}.get(number % 4)
    moment = EPOCH + datetime.timedelta(days=(97 * number) % 365)
    if time_of_day:
        moment = moment.replace(hour=time_of_day[0], minute=time_of_day[1])
    moments = []
    for episode in episodes:
        moments.append(moment)
        moment = moment + datetime.timedelta(days=int(episode["interval_days"]))
    last, last_moment = episodes[-1], moments[-1]
    contact = after(last_moment, last["relief_days"])
    if last["relief_ended"] == "1":
        contact += datetime.timedelta(days=3)
    for episode, start in zip(episodes, moments):
        end = after(start, episode["relief_days"]) if episode["relief_ended"] == "1" else None
        infusion = start.strftime("%Y-%m-%dT%H:%M") if time_of_day else start.strftime("%Y-%m-%d")
        record = {
            "patient_id": patient,
            "infusion_date": infusion,
            "relief_end_date": moment_text(end, bool(time_of_day)) if end else "",
            "last_contact_date": moment_text(contact, bool(time_of_day)),
        }
        for column in CARRIED:
            record[column] = episode[column]
        records.append((start, patient, record))
    return records


def main(argv):
    source = argv[1] if len(argv) > 1 else os.path.join(HERE, "ketamine_trial.csv")
    target = argv[2] if len(argv) > 2 else os.path.join(HERE, "infusion_log.csv")
    with open(source, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(make_log(rows))
    if target == "-":
        sys.stdout.write(out.getvalue())
    else:
        with open(target, "w", newline="", encoding="utf-8") as handle:
            handle.write(out.getvalue())
        print(f"wrote {len(rows)} infusions of {len({r['patient_id'] for r in rows})} patients to {target}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
