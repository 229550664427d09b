#!/usr/bin/env python3
"""Execute the Relief notebooks in place, headless, and fail on the first cell error.

    python3 notebooks/execute_notebooks.py [NAME.ipynb ...]   # default: every NN_*.ipynb here

Each notebook runs in a fresh python3 kernel whose working directory is this folder, with a
600-second limit per cell. On success the notebook is written back with its outputs; on a cell
error nothing is written, the notebook and cell are named, and the exit status is 1.
The relief binary is found as the notebooks find it: $RELIEF, else <repo>/.build/release/relief.
"""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CELL_TIMEOUT = 600


def relief_binary() -> Path:
    path = Path(os.environ.get("RELIEF", REPO / ".build" / "release" / "relief"))
    return path if path.is_absolute() else REPO / path


def failing_cell(nb: nbformat.NotebookNode) -> tuple[int, dict] | None:
    """The first code cell whose outputs hold an error, with its 1-based position."""
    for position, cell in enumerate(nb.cells, start=1):
        if cell.cell_type == "code" and any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            return position, cell
    return None


def execute(path: Path) -> bool:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(HERE)}},
        record_timing=False,  # no timestamps in the committed notebooks
    )
    started = time.perf_counter()
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError) as err:
        found = failing_cell(nb)
        where = f"cell {found[0]} (id {found[1].get('id')})" if found else "a cell"
        plain = re.sub(r"\x1b\[[0-9;]*m", "", str(err))  # no terminal colours in CI logs
        sys.stderr.write(f"FAILED {path.name}: {where}\n{plain}\n")
        return False
    nbformat.write(nb, path)
    print(f"ok {path.name} ({time.perf_counter() - started:.0f} s)")
    return True


def main(argv: list[str]) -> int:
    binary = relief_binary()
    if not (binary.is_file() and os.access(binary, os.X_OK)):
        sys.stderr.write(f"the relief binary is missing at {binary}: run `make build` first "
                         "(or set RELIEF=/path/to/relief)\n")
        return 1
    # NOTEBOOK_OUT: the folder of the notebooks to run and write back (default: this folder); the
    # kernels always start in this folder, so the notebooks' relative paths hold either way.
    folder = Path(os.environ.get("NOTEBOOK_OUT") or HERE).resolve()
    names = argv or sorted(p.name for p in folder.glob("[0-9][0-9]_*.ipynb"))
    if not names:
        sys.stderr.write(f"no notebooks in {folder}: run python3 notebooks/build_notebooks.py first\n")
        return 1
    started = time.perf_counter()
    failed = [name for name in names if not execute(folder / name)]
    print(f"{len(names) - len(failed)} of {len(names)} notebooks ran in {time.perf_counter() - started:.0f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
