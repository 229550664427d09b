#!/usr/bin/env bash
# Installs the notebooks' pinned requirements, regenerates the notebooks from
# notebooks/build_notebooks.py and executes them headless (nbclient, python3 kernel, 600 s per
# cell). Exits non-zero, naming the notebook and cell, on any cell error.
#
# The committed notebooks are left alone: they are built and run in .build-notebooks/out
# (git-ignored). NOTEBOOKS_UPDATE=1 (`make notebooks-update`) writes them in notebooks/ instead.
#
# Needs the relief binary: $RELIEF, else .build/release/relief (`make build`).
# Python: the requirements always go into a virtualenv in .build-notebooks/venv (git-ignored),
# made from $PYTHON (default python3; python3-venv is installed with apt-get if missing), never into
# the system Python. NOTEBOOK_VENV=0 uses $PYTHON itself (e.g. inside your own virtualenv).
set -euo pipefail
cd "$(dirname "$0")/.."
export OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}"

relief_bin="${RELIEF:-.build/release/relief}"
case "$relief_bin" in /*) ;; *) relief_bin="$PWD/$relief_bin" ;; esac
if [ ! -x "$relief_bin" ]; then
  echo "relief: the relief binary is missing at $relief_bin: run \`make build\` first (or set RELIEF)" >&2
  exit 1
fi
export RELIEF="$relief_bin"

python="${PYTHON:-python3}"
command -v "$python" >/dev/null 2>&1 || { echo "relief: $python not found; install Python 3.11 or later" >&2; exit 1; }

externally_managed() {
  "$python" - <<'EOF'
import os, sys, sysconfig
in_venv = sys.prefix != sys.base_prefix
marker = os.path.join(sysconfig.get_paths()["stdlib"], "EXTERNALLY-MANAGED")
sys.exit(0 if (os.path.exists(marker) and not in_venv) else 1)
EOF
}

if [ "${NOTEBOOK_VENV:-1}" = 1 ]; then
  venv=.build-notebooks/venv
  if [ ! -x "$venv/bin/python" ]; then
    if ! "$python" -m venv "$venv" >/dev/null 2>&1; then
      rm -rf "$venv"
      echo "relief: installing python3-venv (apt-get)" >&2
      sudo_cmd=()
      if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || { echo "relief: not root and sudo is missing; install python3-venv as root" >&2; exit 1; }
        sudo_cmd=(sudo)
      fi
      "${sudo_cmd[@]}" apt-get update -qq
      DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq python3-venv
      "$python" -m venv "$venv"
    fi
  fi
  python="$PWD/$venv/bin/python"
  export PATH="$PWD/$venv/bin:$PATH"
fi

if [ "${NOTEBOOK_VENV:-1}" != 1 ] && externally_managed; then
  echo "relief: $python is the system's (externally managed); leave NOTEBOOK_VENV unset to use a virtualenv" >&2
  exit 1
fi
if [ "${NOTEBOOKS_UPDATE:-0}" = 1 ]; then
  export NOTEBOOK_OUT="$PWD/notebooks"
else
  export NOTEBOOK_OUT="$PWD/.build-notebooks/out"
fi
"$python" -m pip install -q --disable-pip-version-check -r notebooks/requirements.txt
"$python" notebooks/build_notebooks.py
"$python" notebooks/execute_notebooks.py
