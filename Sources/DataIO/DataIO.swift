// DataIO: streaming CSV reading, column roles, survival datasets with exclusions, CSV writing and
// atomic file writes.
//
// Entry points: `SurvivalDatasetReader(dialect:roles:limits:).read(path:)` -> `SurvivalDataset`;
// `InfusionLogReader` + `EpisodeBuilder` -> `EpisodeTable`; `ClinicalDate`; `CSVWriter`; `AtomicFileWriter`;
// every failure is a `DataError` whose `kind` maps to a sysexits code (usage 64, badData 65, missingInput
// 66, cannotWrite 73).
//
// Reading
// -------
// * The file is read with read(2) in 4 MiB chunks and parsed as bytes by an RFC 4180 state machine
//   (quoted fields with embedded delimiters, doubled quotes and line breaks; LF, CRLF or lone CR line
//   ends; a UTF-8 byte-order mark is skipped). It is never held as one String. Only the columns the
//   roles name are materialised: numbers are parsed from the bytes (correctly rounded, as strtod);
//   string columns are dictionary-encoded (one copy per distinct value).
// * Spaces around unquoted fields are ignored; spaces inside quotes are kept.
// * Every byte is hashed with SHA-256 (`SourceInfo.sha256`, equal to `sha256sum`), on a background
//   queue one chunk behind the parser, and validated as UTF-8 without NUL bytes. ZIP/.xlsx, .xls,
//   UTF-16, PDF and gzip files are recognised by their first bytes and named in the error.
// * Line numbers are physical lines (1-based, header = line 1 for a file without leading blank lines);
//   a record with a quoted line break spans several lines and is reported at its first line.
// * Blank lines are skipped and not counted as rows.
// * Delimiter `.auto` chooses among `,` `;` tab the one splitting the header into the most fields
//   consistently with the next 20 lines. An explicit delimiter that does not occur in the header while
//   another one does is an error that names the right `--delimiter`.
//
// Values
// ------
// * Missing tokens (default `NA`, empty, `.`) in a used column exclude the row (`isMissing`); a missing
//   patient id does not.
// * Time: a finite number >= 0. Event: `1`/`0` (also `1.0`/`0.0`), or the `--event-codes` tokens.
//   Anything else, and a record whose field count differs from the header's, is invalid: an error
//   naming file, line and column, or with `skipInvalid` an exclusion listing line, column and reason.
//   A wrong event coding (yes/no, TRUE/FALSE, 1/2) is an error even with `skipInvalid` when no row
//   has a valid event value.
//
// Groupings
// ---------
// * String levels sort by UTF-8 byte order (R's C locale); numeric columns (every used value a finite
//   number) sort numerically, equal values merge ("7" and "7.0"), labels are the shortest form ("7",
//   "0.5") and the scores are the values. `levelOrder` must list exactly the present labels; its
//   scores are 1...k. Only levels present among the used rows exist.
// * Banding rule: cut points c1 < ... < ck give bands x <= c1, c1 < x <= c2, ..., x > ck, labelled
//   `<=c1`, `a+1-b` for (a,b] when the data and cut points are integers (`b` alone when a+1 == b;
//   interval notation if a+1 < 0), otherwise `(a,b]`, and `>ck`. Example: `--band interval_days=7,28`
//   on whole days gives `<=7`, `8-28`, `>28`. Scores are the band indices 1...k+1; empty bands are left
//   out (the other bands keep their index). A by/strata column named `interval_days` that is numeric
//   gets the band 7,28 by default.
//
// Covariates
// ----------
// * `ColumnRoles.covariates` names the columns a model uses besides time and event (a column may also be
//   a by, strata or id column; repeats are read once). `SurvivalDataset.covariates` holds one
//   `CovariateColumn` per name, in the row order of `time`: numeric when every value of the used rows is
//   a finite number (as R's read.csv), else categorical with the levels present among the used rows in
//   byte order (R's factor in the C locale) and a code per row. A missing value in any covariate excludes
//   the row (R's na.omit) with the exclusion `missing <column>`; `SurvivalDataset.rowLines` gives the
//   file line of every used row. `SurvivalDatasetReader.header(path:)` reads only the column names.
// * Streaming as for groupings: a covariate is dictionary-encoded (32-bit token per row); once it holds
//   more than 65,536 distinct values, all numbers, its cells are parsed straight to doubles, and a later
//   non-number is an invalid value (error, or exclusion with skipInvalid). A categorical covariate whose
//   every level is a decimal-comma number is an error suggesting --decimal-comma.
//
// Dates and episodes (Dates/, Episodes/)
// -------------------
// * `ClinicalDate.parse(_:format:)`: a strict byte-level parser (no DateFormatter, no locale) of ISO 8601
//   (`2026-03-14`, `2026-03-14T09:30`, `2026-03-14 09:30:00`) or a `DateFormatSpec` (`%d/%m/%Y`,
//   `%m/%d/%Y`, `%d.%m.%Y`, each with an optional or required ` %H:%M`), to days since 1970-01-01 with the
//   time of day as a fraction. A `DateParseError` says why a text is refused: an impossible date, an
//   ambiguous day/month order (both readings named), another supported format (named), a spreadsheet
//   serial number, a missing time of day.
// * `InfusionLogReader(dialect:roles:).read(path:)` -> `InfusionLog`: one row per infusion, the patient,
//   infusion date, relief end and last contact columns of `InfusionLogRoles`, every other column kept as
//   CSV-encoded bytes. `EpisodeBuilder().build(_:)` -> `EpisodeTable`: one episode per infusion, ended by
//   the earliest of the relief end (event; also on a tie), the next infusion and the last contact
//   (censored). `EpisodeTable.csvBytes()` writes the episodes file.
//
// Documented limits (CSVLimits; each exceeded limit is a clear error)
// -----------------
// * One field: at most 1 MiB (`maxFieldBytes`); an unclosed quote runs into this limit.
// * Columns: at most 10,000 (`maxColumns`).
// * Groups: at most 1,000 levels per by/strata column (`maxGroups`); the error suggests `--band`.
// * Distinct values per dictionary-encoded column: at most 2^32 - 3.
