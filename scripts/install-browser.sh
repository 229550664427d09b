#!/usr/bin/env bash
# Installs Debian's chromium and poppler-utils (pdfinfo, pdftoppm) for the HTML report browser tests and
# `relief report --format pdf` (with the fonts the report's stylesheet names), only when they are
# missing. Quiet when both are present.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium fonts-dejavu-core fonts-liberation)
{ command -v pdfinfo >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1; } || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "relief: installing ${missing[*]} (apt-get)" >&2
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo_cmd=(sudo)
  else
    echo "relief: not root and sudo is missing; install ${missing[*]} with apt-get as root" >&2
    exit 1
  fi
fi
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
