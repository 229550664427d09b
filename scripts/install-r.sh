#!/usr/bin/env bash
# Installs R with survival (for regenerating reference fixtures and benchmark anchors; never in CI).
set -euo pipefail
command -v Rscript >/dev/null 2>&1 && Rscript -e 'library(survival); library(jsonlite); library(DoseFinding)' >/dev/null 2>&1 && exit 0
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq r-base-core r-cran-survival r-cran-data.table r-cran-jsonlite r-cran-dosefinding
