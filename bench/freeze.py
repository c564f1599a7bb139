"""1. Build and freeze: `python build.py` as a user runs it, the freeze of the site and of content x10."""

from __future__ import annotations

import contextlib
import gc
import io
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench.common import ROOT, Results, Scale, median, say


def freeze_once(content_dir: Path | None, destination: Path) -> tuple[float, float, int]:
    """(seconds to load the content, seconds to freeze, pages) for one fresh app."""
    import build
    from app import create_app

    gc.collect()
    started = time.perf_counter()
    app = create_app({"CONTENT_DIR": content_dir} if content_dir else None)
    loaded = time.perf_counter()
    quiet = io.StringIO()
    try:
        with contextlib.redirect_stdout(quiet):
            pages = build.freeze(app, destination)
    except SystemExit as error:  # build.freeze stops on a non-200 page or a Frozen-Flask warning
        raise RuntimeError(f"freeze failed: {error}") from None
    done = time.perf_counter()
    return loaded - started, done - loaded, pages


def make_synthetic_content(source: Path, destination: Path, copies: int) -> int:
    """content/ with every section folder of every language copied copies-1 more times (werknemer-2 ...).

    Internal links in the copies keep pointing at the original sections, which stay valid; the home's
    roles name only the original sections, and every section folder is frozen all the same.
    """
    shutil.copytree(source, destination)
    added = 0
    for lang_dir in sorted(p for p in destination.iterdir() if p.is_dir()):
        sections = sorted(p for p in lang_dir.iterdir() if (p / "_section.yml").is_file())
        for section in sections:
            for n in range(2, copies + 1):
                shutil.copytree(section, lang_dir / f"{section.name}-{n}")
                added += 1
    return added


def time_build_command(runs: int) -> list[float]:
    """Wall seconds of `python build.py`, the whole command as a user runs it, from a fresh process."""
    timings = []
    for run in range(runs):
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "build.py"], cwd=ROOT, capture_output=True, text=True)
        timings.append(time.perf_counter() - started)
        if done.returncode != 0:
            raise RuntimeError(f"python build.py failed: {(done.stderr or done.stdout)[-400:]}")
        say(f"   python build.py, run {run + 1}: {timings[-1]:.2f}s")
    return timings


def bench_freeze(results: Results, scale: Scale, skip: set[str], scratch: Path) -> Path:
    """Freeze timings; returns the folder of one complete frozen build of the real content."""
    say("1. Build and freeze")
    runs, copies = scale.runs, scale.copies
    results.freeze["command"] = time_build_command(runs)
    keep = scratch / "build"
    results.freeze["x1"] = freeze_runs(None, "x1", runs, scratch, keep=keep)
    if "freeze10" in skip:
        return keep
    content = scratch / f"content-x{copies}"
    added = make_synthetic_content(ROOT / "content", content, copies)
    say(f"   synthetic content: {added} section copies in {content}")
    x10 = results.freeze["x10"] = freeze_runs(content, f"x{copies}", runs, scratch)
    shutil.rmtree(content)
    x1 = results.freeze["x1"]
    results.freeze["ratio_total"] = x10["total"] / x1["total"]
    results.freeze["ratio_freeze"] = x10["freeze"] / x1["freeze"]
    results.freeze["ratio_pages"] = x10["pages"] / x1["pages"]
    results.freeze["per_page_ms"] = (x1["freeze"] / x1["pages"] * 1000, x10["freeze"] / x10["pages"] * 1000)
    say(f"   ratio x{copies}/x1: {results.freeze['ratio_total']:.2f}x (load+freeze), "
        f"{results.freeze['ratio_freeze']:.2f}x (freeze only), for {results.freeze['ratio_pages']:.2f}x pages")
    return keep


def freeze_runs(content: Path | None, label: str, runs: int, scratch: Path, keep: Path | None = None) -> dict:
    """Freeze `runs` times, each into a fresh folder; the last build is kept at `keep` when given."""
    timings = []
    for run in range(runs):
        destination = scratch / f"freeze-{label}-{run}"
        load, freeze, pages = freeze_once(content, destination)
        timings.append((load, freeze, pages))
        say(f"   content {label}, run {run + 1}: load {load:.2f}s + freeze {freeze:.2f}s, {pages} pages")
        if keep and run == runs - 1:
            destination.rename(keep)
        else:
            shutil.rmtree(destination)
    return summarise_freeze(timings)


def summarise_freeze(runs: list[tuple[float, float, int]]) -> dict:
    return {"load": median([r[0] for r in runs]), "freeze": median([r[1] for r in runs]),
            "total": median([r[0] + r[1] for r in runs]), "pages": runs[-1][2], "runs": len(runs),
            "all": [round(r[0] + r[1], 2) for r in runs]}
