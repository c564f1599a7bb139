"""7. Test tiers (issue 15): the wall time of the fast tier, as an editor runs it (`bin/test fast`).

The whole suite takes about nine minutes, longer than the rest of a benchmark run: `--suite` adds it,
run as CI runs it (`bin/test`'s pytest command on a fresh build), with the time per tier from
pytest's own report of each test's duration.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from bench.common import ROOT, Results, say

FAST = ["-m", "not browser and not gate and not build"]
XDIST = ["-n", "auto", "--dist", "loadgroup"]


def pytest(arguments: list[str], env: dict | None = None) -> float:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *XDIST, *arguments],
                          cwd=ROOT, capture_output=True, text=True, env={**os.environ, **(env or {})})
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"pytest {' '.join(arguments)} failed: {done.stdout[-600:]}")
    return seconds


def tier_seconds(junit: Path) -> dict[str, float]:
    """Seconds of test time per tier (a test of two tiers counts in both), from pytest's JUnit XML;
    tests/conftest.py writes each test's tiers into it as `tier` properties."""
    totals: dict[str, float] = {}
    for case in ElementTree.parse(junit).getroot().iter("testcase"):
        tiers = case.find("properties")
        names = {p.get("value") for p in tiers.iter("property") if p.get("name") == "tier"} if tiers is not None else set()
        for name in names or {"fast"}:
            totals[name] = totals.get(name, 0.0) + float(case.get("time", 0))
    return totals


def bench_tiers(results: Results, scratch: Path, suite: bool) -> None:
    """The fast tier; with suite, the whole suite on the build `python build.py` just wrote (step 1)."""
    say("7. Test tiers")
    results.tiers["fast"] = pytest(FAST)
    say(f"   fast tier (bin/test fast): {results.tiers['fast']:.0f}s")
    if suite:
        junit = scratch / "suite.xml"
        results.tiers["suite"] = pytest([f"--junitxml={junit}"], env={"WEGWIJZER_FROZEN": str(ROOT / "build")})
        results.tiers["test_seconds"] = tier_seconds(junit)
        say(f"   whole suite: {results.tiers['suite'] / 60:.1f} min")
