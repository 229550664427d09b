# make_split_fixtures.R -- reference output of R's survSplit for `relief split` (SurvivalSplit in DataIO):
# each row's follow-up (start, stop] cut at given times.
#
# CI NEVER RUNS THIS SCRIPT. Its outputs (the CSV files below, next to it) are committed, and the Swift
# tests (Tests/StatModelsTests/SplitReferenceTests.swift) read them through Bundle.module.
#
# To regenerate (Debian/Ubuntu):
#   apt-get install -y r-base-core r-cran-survival
#   cd <repository root> && Rscript Tests/StatModelsTests/Reference/make_split_fixtures.R
# Produced with R 4.2.2 and survival 3.5-3. The script is deterministic (set.seed): a second run writes
# byte-identical files.
#
# Files:
#   entry_trial.csv   INPUT of the (start, stop] case: the first infusion of each of the 400 patients of
#                     data/ketamine_trial.csv (one row per patient, so a patient's rows never overlap), with
#                     an entry time `entry_days` before `relief_days`: 0 for about 70% of the rows, else a
#                     uniform fraction (0 to 0.6) of relief_days rounded to 2 decimals (patients who
#                     joined follow-up late: delayed entry). The other columns are the trial's text.
#                     The golden CLI tests of `relief split`, `relief report --start` and `relief schedule
#                     --start` read it too.
#   split_ketamine.csv  survSplit(Surv(relief_days, relief_ended) ~ ., data = trial, cut = c(7, 14, 28),
#                     episode = "episode", start = "tstart") on data/ketamine_trial.csv.
#   split_entry.csv   survSplit(Surv(entry_days, relief_days, relief_ended) ~ ., data = entry,
#                     cut = c(7, 14, 28), episode = "episode") on entry_trial.csv: the start column keeps
#                     its name.
#
# Both outputs have R's column order: the other columns in input order, then the start, the stop, the
# event and the episode. The other columns are read as text (colClasses = "character") so they are
# carried exactly as written ("20.00" stays "20.00"); the start and stop are R's numbers as write.csv
# writes them (15 significant digits). Rows come in input order, each row's pieces in time order; only a
# row's last piece keeps its event; episode = 1 + the number of cuts at or before the piece's start
# (1 before the first cut). Written with quote = FALSE: the script checks that no field needs quoting.

suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = FALSE)
script_arg <- sub("^--file=", "", args[grep("^--file=", args)])
out_dir <- if (length(script_arg) == 1) dirname(normalizePath(script_arg)) else "Tests/StatModelsTests/Reference"
repo_root <- normalizePath(file.path(out_dir, "..", "..", ".."))
cuts <- c(7, 14, 28)

read_text <- function(path) read.csv(path, colClasses = "character", na.strings = character(0))
outcome <- function(d, columns) {
  for (column in columns) d[[column]] <- as.numeric(d[[column]])
  d
}
write_plain <- function(d, name) {
  fields <- unlist(lapply(d, as.character))
  stopifnot(!any(grepl("[\",\r\n]", fields)), !any(grepl("[\",\r\n]", names(d))))
  write.csv(d, file.path(out_dir, name), quote = FALSE, row.names = FALSE)
}

# The plain case: durations from 0.
trial <- read_text(file.path(repo_root, "data", "ketamine_trial.csv"))
split_trial <- survSplit(Surv(relief_days, relief_ended) ~ ., data = outcome(trial, c("relief_days", "relief_ended")),
                         cut = cuts, episode = "episode", start = "tstart")
stopifnot(identical(names(split_trial), c(setdiff(names(trial), c("relief_days", "relief_ended")),
                                          "tstart", "relief_days", "relief_ended", "episode")))
write_plain(split_trial, "split_ketamine.csv")

# The (start, stop] case: delayed entry.
set.seed(20261207)
entry <- trial[trial$infusion_number == "1", ]
stopifnot(!anyDuplicated(entry$patient_id))
stop_days <- as.numeric(entry$relief_days)
late <- runif(nrow(entry)) < 0.3
entry_days <- ifelse(late, round(runif(nrow(entry), 0, 0.6) * stop_days, 2), 0)
stopifnot(all(entry_days < stop_days))
position <- match("relief_days", names(entry))
entry <- cbind(entry[, seq_len(position - 1)], entry_days = as.character(entry_days),
               entry[, position:ncol(entry)], stringsAsFactors = FALSE)
write_plain(entry, "entry_trial.csv")
split_entry <- survSplit(Surv(entry_days, relief_days, relief_ended) ~ .,
                         data = outcome(entry, c("entry_days", "relief_days", "relief_ended")),
                         cut = cuts, episode = "episode")
stopifnot(identical(names(split_entry), c(setdiff(names(entry), c("entry_days", "relief_days", "relief_ended")),
                                          "entry_days", "relief_days", "relief_ended", "episode")))
write_plain(split_entry, "split_entry.csv")
