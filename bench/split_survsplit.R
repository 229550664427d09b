#!/usr/bin/env Rscript
# The R side of the `relief split` benchmark (README, Speed): R's survSplit on the same file, as a whole
# process: read, split at 7, 14, 28 (episode = "episode", start = "tstart"), write the CSV.
#
# Usage: Rscript bench/split_survsplit.R IN.csv OUT.csv [--base]
#   default: data.table::fread and fwrite (R's fastest readers and writers; 1 thread with
#            OMP_THREAD_LIMIT=1 or setDTthreads(1) for a 1-core comparison);
#   --base:  utils::read.csv and write.csv.
# Needs r-cran-survival (and r-cran-data.table for the default).
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 2) stop("usage: split_survsplit.R IN.csv OUT.csv [--base]")
base <- "--base" %in% args
if (base) {
  d <- read.csv(args[1])
} else {
  suppressPackageStartupMessages(library(data.table))
  d <- as.data.frame(fread(args[1]))
}
s <- survSplit(Surv(relief_days, relief_ended) ~ ., data = d, cut = c(7, 14, 28), episode = "episode", start = "tstart")
if (base) write.csv(s, args[2], row.names = FALSE) else fwrite(s, args[2])
