#!/usr/bin/env python3
"""The benchmark's entry point: `.venv/bin/python bench/run.py [--quick] [--help]` (see bench/runner.py)."""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, Python puts bench/ first on the path; the package and the app are found from the root.
sys.path[0] = str(Path(__file__).resolve().parent.parent)

from bench.runner import main  # noqa: E402 - needs the path above

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
