"""What every measurement shares: paths, targets, the scale of a run, the results, small helpers."""

from __future__ import annotations

import contextlib
import math
import os
import signal
import statistics
import subprocess
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent

REPORT = ROOT / "BENCHMARKS.md"
COMMAND = ".venv/bin/python bench/run.py"
SEED = 8  # issue 8: the render sample is the same on every run
LOAD_PAGE = "/nl/werknemer/check/a1/"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROMIUM = "/usr/bin/chromium"
# The certificate nginx serves is made for the run, so Chromium is told not to check it.
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --ignore-certificate-errors"
KB = 1024
BUSY = 0.25  # cores used by other processes above which a step's figures are marked as disturbed

# Targets from issues 8 and 16.
TARGET_BUILD_SECONDS = 5.0
TARGET_FREEZE_RATIO = 11.0
TARGET_HTML_MEDIAN = 20 * KB
TARGET_SHARED = 20 * KB
TARGET_RPS = 1000
TARGET_P99_MS = 50.0
TARGET_LIGHTHOUSE = 100
TARGET_FAST_TIER_SECONDS = 60  # issue 15
TARGET_SUITE_MINUTES = 10  # issue 15: the whole suite as CI runs it


@dataclass(frozen=True)
class Scale:
    """How much a run measures. FULL gives the figures in BENCHMARKS.md; QUICK checks that every step works."""

    name: str
    runs: int  # runs of `python build.py` and of each freeze
    copies: int  # synthetic content: every section folder this many times (the original and copies-1)
    render_sample: int  # URLs timed in the Flask test client: every reading page, then check states
    render_min_states: int
    wrk_args: tuple[str, ...]
    lighthouse_pages: tuple[tuple[str, str], ...]
    # Seconds to wait at most for other processes to calm down before a timed step (or a repeated wrk run).
    quiet_wait: dict = field(default_factory=dict)
    editions: int = 10  # organisation editions packaged in one command (bench/editions.py)


LIGHTHOUSE_PAGES = (
    ("home", "/nl/"),
    ("question", "/nl/werknemer/check/a1/"),
    ("outcome", "/nl/werknemer/check/a1/b1/c1/d1/"),
    ("checklist", "/nl/werkgever/checklist/"),
    ("letter", "/nl/werkgever/aanstellingsbrief/"),
    ("report", "/nl/vertrouwenspersoon/jaarverslag/"),
    ("search", "/nl/zoeken/"),
)
FULL = Scale("full", runs=3, copies=10, render_sample=300, render_min_states=50,
             wrk_args=("-t2", "-c50", "-d10s", "--latency"), lighthouse_pages=LIGHTHOUSE_PAGES,
             quiet_wait={"freeze": 30, "render": 20, "load": 30, "wrk": 10})
QUICK = Scale("quick", runs=1, copies=2, render_sample=0, render_min_states=10,
              wrk_args=("-t1", "-c4", "-d1s", "--latency"), lighthouse_pages=LIGHTHOUSE_PAGES[:1],
              quiet_wait={"freeze": 0, "render": 0, "load": 0, "wrk": 0}, editions=2)


@dataclass
class Results:
    facts: dict = field(default_factory=dict)
    freeze: dict = field(default_factory=dict)
    weight: dict = field(default_factory=dict)
    render: dict = field(default_factory=dict)
    load: dict = field(default_factory=dict)
    lighthouse: dict = field(default_factory=dict)
    editions: dict = field(default_factory=dict)
    tiers: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)  # steps that could not be measured
    other_cpu: dict = field(default_factory=dict)  # step -> cores used by other processes meanwhile
    duration: float = 0.0


def say(text: str = "") -> None:
    print(text, flush=True)


def median(values):
    return statistics.median(values) if values else float("nan")


def p99(values):
    """Nearest-rank 99th percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.99 * len(ordered)) - 1)] if ordered else float("nan")


def kb(n: float) -> str:
    return f"{n / KB:.1f} KB"


def command_output(command: list[str], timeout: float = 20) -> str:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"unavailable ({error.__class__.__name__})"
    return (done.stdout + done.stderr).strip()


def wait_for(url: str, seconds: float = 30) -> None:
    """Until url answers 200, or raise."""
    deadline = time.monotonic() + seconds
    last = None
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError as error:
            last = error
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds:.0f}s ({last})")


def stop(process: subprocess.Popen | None, name: str) -> None:
    """Stop a server this script started: SIGTERM to its own process group, then SIGKILL if needed."""
    if process is None or process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        say(f"  {name} did not stop on SIGTERM; killing it")
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
