"""6. Editions (issue 17): `python build.py package` for one organisation and for ten, time per edition.

The ten site.yml files are examples/site.yml with ten different names, so every edition is a full
organisation edition (logo, accent colour, trust persons). The figures come from the command's own
lines ("package: <zip> (<size> MB, <files> files) in <seconds>s"), and the whole command is timed too.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

from bench.common import ROOT, Results, Scale, median, say

EDITION_LINE = re.compile(r"^package: (?P<zip>\S+) \((?P<mb>[\d.]+) MB, (?P<pages>\d+) files\) in (?P<s>[\d.]+)s$",
                          re.MULTILINE)


def edition_files(folder: Path, count: int) -> list[Path]:
    """count copies of examples/site.yml, each with its own organisation name (so its own zip)."""
    example = (ROOT / "examples" / "site.yml").read_text(encoding="utf-8")
    name = re.search(r"^organisation: (.+)$", example, re.MULTILINE)[1]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "logo.svg").write_bytes((ROOT / "examples" / "logo.svg").read_bytes())
    files = []
    for n in range(1, count + 1):
        path = folder / f"edition-{n:02d}.yml"
        path.write_text(example.replace(f"organisation: {name}", f"organisation: {name} {n}"), encoding="utf-8")
        files.append(path)
    return files


def package(files: list[Path], dist: Path) -> tuple[float, list[float], float]:
    """(wall seconds of the whole command, seconds per edition in order, MB of the first zip)."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "build.py", "package", *map(str, files)], cwd=ROOT, text=True,
                          capture_output=True, env={**os.environ, "WEGWIJZER_DIST": str(dist)})
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"build.py package failed: {(done.stderr or done.stdout)[-400:]}")
    lines = list(EDITION_LINE.finditer(done.stdout))
    if len(lines) != len(files):
        raise RuntimeError(f"expected {len(files)} 'package:' lines, got {len(lines)}: {done.stdout[-400:]}")
    return wall, [float(m["s"]) for m in lines], float(lines[0]["mb"])


def bench_editions(results: Results, scale: Scale, scratch: Path) -> None:
    say("6. Editions: python build.py package")
    count = scale.editions
    files = edition_files(scratch / "editions", count)
    one_wall, one, megabytes = package(files[:1], scratch / "dist-1")
    many_wall, many, _ = package(files, scratch / f"dist-{count}")
    results.editions = {"count": count, "one_wall": one_wall, "one": one[0], "many_wall": many_wall,
                        "many": many, "median": median(many[1:] or many), "last": many[-1], "mb": megabytes}
    say(f"   one edition: {one_wall:.1f}s for the command ({one[0]:.1f}s the edition itself), {megabytes:.1f} MB")
    say(f"   {count} editions: {many_wall:.1f}s for the command; per edition {', '.join(f'{s:.1f}' for s in many)}s")
