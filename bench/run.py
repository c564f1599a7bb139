#!/usr/bin/env python3
"""Benchmarks of the Wegwijzer (issue 8): figures, not a test. Writes BENCHMARKS.md.

Run from the project root:

    .venv/bin/python bench/run.py

It measures, in one run (about 6-8 minutes on 2 cores):
  1. `python build.py` as a user runs it (median of 3), the freeze of the whole site (median of 3) and of
     synthetic content 10x larger, and their ratio;
  2. page weight of every frozen .html page, the shared CSS+JS, and requests per page;
  3. render time per page in the Flask app (test client, ~300 URLs of every kind);
  4. load: gunicorn (2 workers) on wsgi:app, the app README recommends, and nginx with docs/nginx.conf
     (the frozen build, over TLS) under wrk, 50 connections, 10 s, loopback, and their ratio;
  5. Lighthouse (mobile) scores for a page of every kind, served by nginx with docs/nginx.conf.

It prints the figures as it goes and rewrites BENCHMARKS.md with them, the machine's facts and the date.
The hand-written "Misses and causes" analysis in BENCHMARKS.md (between the analysis markers) is kept.
A figure that misses its target does not fail the run; a step that could not be measured does (exit 1),
after the report has been written.

Options:
  --runs N        freeze runs per content size (default 3)
  --skip STEP     leave out a step: freeze10, weight, render, load, lighthouse (may be repeated)
  --no-write      print only; leave BENCHMARKS.md as it is

The machine may be shared: before the freeze, render and load steps the script waits a little (QUIET_WAIT)
while other processes keep more than a quarter of a core busy, runs wrk again (once) when they
took CPU during it, and the report says how much CPU other processes used during each step.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import gc
import gzip
import io
import json
import math
import os
import platform
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))

REPORT = ROOT / "BENCHMARKS.md"
COMMAND = ".venv/bin/python bench/run.py"
SEED = 8  # issue 8: the render sample is the same on every run
RENDER_SAMPLE = 300
COPIES = 10  # synthetic content: every section folder 10 times (the original and 9 copies)
LOAD_PAGE = "/nl/werknemer/check/a1/"
WRK_ARGS = ["-t2", "-c50", "-d10s", "--latency"]
LIGHTHOUSE_PAGES = [
    ("home", "/nl/"),
    ("question", "/nl/werknemer/check/a1/"),
    ("outcome", "/nl/werknemer/check/a1/b1/c1/d1/"),
    ("checklist", "/nl/werkgever/checklist/"),
    ("letter", "/nl/werkgever/aanstellingsbrief/"),
    ("report", "/nl/vertrouwenspersoon/jaarverslag/"),
    ("search", "/nl/zoeken/"),
]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROMIUM = "/usr/bin/chromium"
# The certificate nginx serves is made for the run, so Chromium is told not to check it.
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --ignore-certificate-errors"
KB = 1024
BUSY = 0.25  # cores used by other processes above which a step's figures are marked as disturbed
# Seconds to wait at most for other processes to calm down before a timed step (or a repeated wrk run).
QUIET_WAIT = {"freeze": 30, "render": 20, "load": 30, "wrk": 10}
ANALYSIS_START = "<!-- analysis:start (kept by bench/run.py; written by hand) -->"
ANALYSIS_END = "<!-- analysis:end -->"

# Targets from issues 8 and 16.
TARGET_BUILD_SECONDS = 5.0
TARGET_FREEZE_RATIO = 11.0
TARGET_HTML_MEDIAN = 20 * KB
TARGET_SHARED = 20 * KB
TARGET_RPS = 1000
TARGET_P99_MS = 50.0
TARGET_LIGHTHOUSE = 100


# ---- small helpers ----------------------------------------------------------------------------------


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


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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


class OtherLoad:
    """CPU that other processes used during a step, in cores: the machine's busy time less this run's own.

    The machine may be shared (tests running beside the benchmark); a busy machine lowers every figure.
    """

    def __enter__(self):
        self.started = (time.monotonic(), self.machine_busy(), self.own())
        return self

    def __exit__(self, *exc):
        wall, busy, own = (now - then for now, then in zip((time.monotonic(), self.machine_busy(), self.own()),
                                                            self.started))
        self.cores = max(0.0, (busy - own) / wall) if wall > 0 else 0.0
        return False

    @staticmethod
    def machine_busy() -> float:
        with open("/proc/stat") as stat:
            ticks = [int(x) for x in stat.readline().split()[1:9]]
        return (sum(ticks) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")  # less idle and iowait

    @staticmethod
    def own() -> float:
        """CPU seconds of this process, its finished children, and every live descendant (servers, Chromium)."""
        t = os.times()
        total = t.user + t.system + t.children_user + t.children_system
        parents, times = {}, {}
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                with open(f"/proc/{entry.name}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:  # gone meanwhile
                continue
            pid = int(entry.name)
            parents[pid] = int(fields[1])
            times[pid] = sum(int(x) for x in fields[11:15])  # utime, stime, cutime, cstime
        mine, todo = set(), [os.getpid()]
        children = {}
        for pid, parent in parents.items():
            children.setdefault(parent, []).append(pid)
        while todo:
            for child in children.get(todo.pop(), ()):
                if child not in mine:
                    mine.add(child)
                    todo.append(child)
        return total + sum(times[pid] for pid in mine) / os.sysconf("SC_CLK_TCK")


# ---- results ----------------------------------------------------------------------------------------


@dataclass
class Results:
    facts: dict = field(default_factory=dict)
    freeze: dict = field(default_factory=dict)
    weight: dict = field(default_factory=dict)
    render: dict = field(default_factory=dict)
    load: dict = field(default_factory=dict)
    lighthouse: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)  # steps that could not be measured
    other_cpu: dict = field(default_factory=dict)  # step -> cores used by other processes meanwhile
    duration: float = 0.0


# ---- machine facts ----------------------------------------------------------------------------------


def machine_facts() -> dict:
    cpu = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = "unknown"
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    os_name = platform.system()
    with contextlib.suppress(OSError):
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                os_name = line.split("=", 1)[1].strip('"')
    chromium = next((line for line in command_output([CHROMIUM, "--version"]).splitlines()
                     if "Chromium" in line), "not found")
    nginx = command_output(["nginx", "-v"]) if shutil.which("nginx") else "not installed"
    wrk = command_output(["wrk", "-v"]).splitlines()[0] if shutil.which("wrk") else "not installed"
    gunicorn = command_output([sys.executable, "-m", "gunicorn", "--version"])
    lighthouse = "not installed"
    with contextlib.suppress(OSError, ValueError):
        lighthouse = json.loads((BENCH / "node_modules/lighthouse/package.json").read_text())["version"]
    from importlib.metadata import version

    commit = command_output(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"])
    dirty = command_output(["git", "-C", str(ROOT), "status", "--porcelain", "--", "app", "content",
                            "translations", "build.py"])
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit + (" with uncommitted changes in app/, content/ or translations/" if dirty else ""),
        "CPU": cpu,
        "cores": str(os.cpu_count()),
        "memory": memory,
        "OS": f"{os_name}, kernel {platform.release()}",
        "Python": platform.python_version(),
        "Flask / Frozen-Flask": f"{version('flask')} / {version('frozen-flask')}",
        "gunicorn": gunicorn.replace("gunicorn (version ", "").rstrip(")"),
        "Chromium": chromium.strip().removeprefix("Chromium "),
        "nginx": nginx.replace("nginx version: ", ""),
        "wrk": wrk.split(" Copyright")[0],
        "Node / Lighthouse": f"{command_output(['node', '--version'])} / {lighthouse}",
    }


# ---- 1. freeze --------------------------------------------------------------------------------------


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


def bench_freeze(results: Results, runs: int, skip: set[str], scratch: Path) -> Path:
    """Freeze timings; returns the folder of one complete frozen build of the real content."""
    say("1. Build and freeze")
    results.freeze["command"] = time_build_command(runs)
    keep = scratch / "build"
    normal = []
    for run in range(runs):
        destination = scratch / f"freeze-{run}"
        load, freeze, pages = freeze_once(None, destination)
        normal.append((load, freeze, pages))
        say(f"   content x1, run {run + 1}: load {load:.2f}s + freeze {freeze:.2f}s, {pages} pages")
        if run == runs - 1:
            destination.rename(keep)
        else:
            shutil.rmtree(destination)
    results.freeze["x1"] = summarise_freeze(normal)
    if "freeze10" in skip:
        return keep
    content = scratch / "content-x10"
    added = make_synthetic_content(ROOT / "content", content, COPIES)
    say(f"   synthetic content: {added} section copies in {content}")
    larger = []
    for run in range(runs):
        destination = scratch / f"freeze-x10-{run}"
        load, freeze, pages = freeze_once(content, destination)
        larger.append((load, freeze, pages))
        say(f"   content x{COPIES}, run {run + 1}: load {load:.2f}s + freeze {freeze:.2f}s, {pages} pages")
        shutil.rmtree(destination)
    shutil.rmtree(content)
    x1, x10 = results.freeze["x1"], summarise_freeze(larger)
    results.freeze["x10"] = x10
    results.freeze["ratio_total"] = x10["total"] / x1["total"]
    results.freeze["ratio_freeze"] = x10["freeze"] / x1["freeze"]
    results.freeze["ratio_pages"] = x10["pages"] / x1["pages"]
    results.freeze["per_page_ms"] = (x1["freeze"] / x1["pages"] * 1000, x10["freeze"] / x10["pages"] * 1000)
    say(f"   ratio x{COPIES}/x1: {results.freeze['ratio_total']:.2f}x (load+freeze), "
        f"{results.freeze['ratio_freeze']:.2f}x (freeze only), for {results.freeze['ratio_pages']:.2f}x pages")
    return keep


def summarise_freeze(runs: list[tuple[float, float, int]]) -> dict:
    return {"load": median([r[0] for r in runs]), "freeze": median([r[1] for r in runs]),
            "total": median([r[0] + r[1] for r in runs]), "pages": runs[-1][2], "runs": len(runs),
            "all": [round(r[0] + r[1], 2) for r in runs]}


# ---- 2. page weight ---------------------------------------------------------------------------------


class Subresources(HTMLParser):
    """Counts what a browser fetches for a page: stylesheets, icons, preloads, scripts, images."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "link" and values.get("href"):
            rel = set((values.get("rel") or "").lower().split())
            if rel & {"stylesheet", "icon", "apple-touch-icon", "preload", "modulepreload", "manifest"}:
                self.found.append(values["href"])
        elif tag in ("script", "img", "iframe", "embed", "source", "audio", "video") and values.get("src"):
            self.found.append(values["src"])
        elif tag == "object" and values.get("data"):
            self.found.append(values["data"])


def page_url(build: Path, path: Path) -> str:
    relative = path.relative_to(build).as_posix()
    if relative == "index.html":
        return "/"
    if relative.endswith("/index.html"):
        return "/" + relative[: -len("index.html")]
    return "/" + relative


def page_kind(app, url: str) -> str:
    """The kind of page at url: its endpoint, with topics, tools, questions and outcomes told apart."""
    from werkzeug.exceptions import HTTPException

    from app.content.model import Check, Question
    from app.content.tools import Tool

    try:
        endpoint, values = app.url_map.bind("localhost").match(url)
    except HTTPException:  # an address the app does not know (a static file)
        return "other"
    editions = app.extensions["content"].editions
    if endpoint == "pages.item":
        item = editions[values["lang"]].item(values["section"], values["item"])
        if isinstance(item, Check):
            return "check start (question)"
        if isinstance(item, Tool):
            return f"tool ({item.kind})"
        return "topic"
    if endpoint == "checks.state":
        check = editions[values["lang"]].item(values["section"], values["item"])
        walk = check.walk(tuple(values["answers"].split("/")))
        return "question" if walk and isinstance(walk.node, Question) else "outcome"
    return endpoint


def bench_weight(results: Results, build: Path, app) -> None:
    say("2. Page weight")
    sizes, gzipped, requests, kinds, found = {}, {}, {}, {}, {}
    for path in sorted(build.rglob("*.html")):
        data = path.read_bytes()
        url = page_url(build, path)
        sizes[url] = len(data)
        gzipped[url] = len(gzip.compress(data, 6))
        parser = Subresources()
        parser.feed(data.decode("utf-8"))
        requests[url] = len(set(parser.found))
        found[url] = parser.found
        kinds.setdefault(page_kind(app, url), []).append(url)
    heaviest = max(sizes, key=sizes.get)
    most = max(requests, key=requests.get)
    static = ROOT / "app" / "static"
    css, js = static / "css" / "site.css", static / "js" / "site.js"
    shared = css.read_bytes() + js.read_bytes()
    extras = {}
    for name in ("tools.js", "search.js"):
        script = static / "js" / name
        if script.is_file():
            loading = sum(1 for refs in found.values() if any(ref.endswith("/" + name) for ref in refs))
            extras[name] = (script.stat().st_size, len(gzip.compress(script.read_bytes(), 6)), loading)
    results.weight = {
        "pages": len(sizes),
        "median": median(list(sizes.values())),
        "median_gzip": median(list(gzipped.values())),
        "max": sizes[heaviest], "max_url": heaviest, "max_gzip": gzipped[heaviest],
        "over_target": sum(1 for n in sizes.values() if n > TARGET_HTML_MEDIAN),
        "shared": len(shared), "shared_gzip": len(gzip.compress(css.read_bytes(), 6))
        + len(gzip.compress(js.read_bytes(), 6)),
        "css": css.stat().st_size, "js": js.stat().st_size,
        "extras": extras,
        "requests_median": median(list(requests.values())), "requests_max": requests[most], "requests_max_url": most,
        "kinds": {kind: {"pages": len(urls), "median": median([sizes[u] for u in urls]),
                         "max": max(sizes[u] for u in urls), "max_url": max(urls, key=sizes.get),
                         "requests": median([requests[u] for u in urls])}
                  for kind, urls in sorted(kinds.items())},
    }
    w = results.weight
    say(f"   {w['pages']} pages: HTML median {kb(w['median'])} (gzip {kb(w['median_gzip'])}), "
        f"max {kb(w['max'])} at {w['max_url']}")
    say(f"   shared CSS+JS {kb(w['shared'])} (site.css {kb(w['css'])} + site.js {kb(w['js'])}; "
        f"gzip {kb(w['shared_gzip'])})")
    for name, (size, zipped, pages) in extras.items():
        say(f"   {name}: {kb(size)} (gzip {kb(zipped)}), loaded by {pages} pages")
    say(f"   requests per page (besides the HTML): median {w['requests_median']:g}, "
        f"max {w['requests_max']} at {w['requests_max_url']}")


# ---- 3. render time ---------------------------------------------------------------------------------


def bench_render(results: Results, app, build: Path) -> None:
    say("3. Render time per page (Flask test client)")
    urls = sorted(page_url(build, p) for p in build.rglob("*.html"))
    kinds = {url: page_kind(app, url) for url in urls}
    reading = [u for u in urls if kinds[u] not in ("question", "outcome", "other")]
    states = [u for u in urls if kinds[u] in ("question", "outcome")]
    rng = random.Random(SEED)
    sample = reading + rng.sample(states, min(len(states), max(RENDER_SAMPLE - len(reading), 50)))
    client = app.test_client()
    warmed = set()
    for url in sample:  # one untimed request per kind: templates compile on first use
        if kinds[url] not in warmed:
            warmed.add(kinds[url])
            client.get(url)
    times, by_kind, bad = [], {}, []
    for url in sample:
        started = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - started) * 1000
        expected = 200
        if response.status_code != expected:
            bad.append(f"{url} {response.status_code}")
        times.append((elapsed, url))
        by_kind.setdefault(kinds[url], []).append(elapsed)
    values = [t for t, _ in times]
    slowest = max(times)
    results.render = {
        "urls": len(sample), "reading": len(reading), "states": len(sample) - len(reading),
        "median": median(values), "p99": p99(values), "max": slowest[0], "max_url": slowest[1],
        "kinds": {k: (len(v), median(v), max(v)) for k, v in sorted(by_kind.items())}, "bad": bad,
    }
    r = results.render
    say(f"   {r['urls']} URLs ({r['reading']} reading pages, {r['states']} check states, seed {SEED}): "
        f"median {r['median']:.2f} ms, p99 {r['p99']:.2f} ms, max {r['max']:.2f} ms at {r['max_url']}")
    for kind, (n, med, top) in r["kinds"].items():
        say(f"     {kind:<28} {n:>4} URLs  median {med:6.2f} ms  max {top:6.2f} ms")
    if bad:
        say(f"   NOT 200: {', '.join(bad[:10])}")


# ---- 4. load ----------------------------------------------------------------------------------------


def ensure_load_tools() -> str | None:
    """wrk and nginx from Debian; installs them when missing and root. None if ready, else why not."""
    missing = [tool for tool in ("wrk", "nginx") if not shutil.which(tool)]
    if not missing:
        return None
    if os.geteuid() != 0:
        return f"{', '.join(missing)} missing: run `sudo apt-get install -y wrk nginx`"
    say(f"   installing {' '.join(missing)} from Debian (apt-get)...")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], env=env, capture_output=True, timeout=300)
    done = subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "wrk", "nginx"],
                          env=env, capture_output=True, text=True, timeout=300)
    if done.returncode != 0 or any(not shutil.which(tool) for tool in ("wrk", "nginx")):
        return f"apt-get install wrk nginx failed: {done.stderr.strip()[-300:]}"
    return None


def ensure_gunicorn() -> str | None:
    if subprocess.run([sys.executable, "-c", "import gunicorn"], capture_output=True).returncode == 0:
        return None
    say("   installing gunicorn into the venv...")
    done = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "gunicorn~=27.0.1"],
                          capture_output=True, text=True, timeout=300)
    return None if done.returncode == 0 else f"pip install gunicorn failed: {done.stderr.strip()[-300:]}"


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def parse_wrk(output: str) -> dict:
    def number(pattern: str, default: float = 0.0) -> float:
        found = re.search(pattern, output)
        return float(found.group(1)) if found else default

    latency = re.search(r"^\s*99%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    socket_errors = dict(zip(("connect", "read", "write", "timeout"), map(int, sockets.groups()))) if sockets else {}
    return {
        "rps": number(r"Requests/sec:\s+([\d.]+)"),
        "p99_ms": float(latency.group(1)) * UNITS[latency.group(2)] if latency else float("nan"),
        "p50_ms": (lambda m: float(m.group(1)) * UNITS[m.group(2)] if m else float("nan"))(
            re.search(r"^\s*50%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M)),
        "requests": int(number(r"(\d+) requests in")),
        "non2xx": int(number(r"Non-2xx or 3xx responses:\s+(\d+)")),
        "socket_errors": socket_errors,
        "errors": int(number(r"Non-2xx or 3xx responses:\s+(\d+)")) + sum(socket_errors.values()),
    }


def run_wrk(url: str, label: str) -> dict:
    """wrk against url; run again (once) when other processes took CPU meanwhile."""
    for attempt in range(2):
        with OtherLoad() as meter:
            output = subprocess.run(["wrk", *WRK_ARGS, url], capture_output=True, text=True, timeout=60).stdout
        result = parse_wrk(output)
        result["raw"] = output
        result["other_cpu"] = meter.cores
        if meter.cores <= BUSY or attempt == 1:
            return result
        say(f"   {label}: other processes used {meter.cores:.2f} cores during wrk "
            f"({result['rps']:.0f} req/s); measuring again")
        wait_quiet(label, QUIET_WAIT["wrk"])
    return result


def warm(url: str, count: int = 40) -> None:
    import ssl

    unchecked = ssl._create_unverified_context()  # nginx's certificate is made for the run (app/nginx.py)
    for _ in range(count):
        with urllib.request.urlopen(url, timeout=5, context=unchecked) as response:
            response.read()


def bench_load(results: Results, build: Path, scratch: Path) -> None:
    say(f"4. Load: wrk {' '.join(WRK_ARGS)} on loopback, {LOAD_PAGE}")
    why = ensure_load_tools() or ensure_gunicorn()
    if why:
        raise RuntimeError(why)
    from app.nginx import serving

    g = results.load["gunicorn"] = run_gunicorn("wsgi:app", scratch / "gunicorn.log")
    say(f"   gunicorn -w 2 wsgi:app: {g['rps']:.0f} req/s, p50 {g['p50_ms']:.1f} ms, p99 {g['p99_ms']:.1f} ms, "
        f"{g['errors']} errors")
    folder = scratch / "nginx"
    folder.mkdir()
    with serving(build, folder, workers=2) as ports:
        url = f"https://127.0.0.1:{ports['https']}{LOAD_PAGE}"
        served = subprocess.run(["curl", "-sk", url], capture_output=True).stdout
        if served != (build / LOAD_PAGE.lstrip("/") / "index.html").read_bytes():
            raise RuntimeError(f"nginx served something else than the frozen file at {url}")
        warm(url)
        results.load["nginx"] = n = run_wrk(url, "nginx")
    say(f"   nginx (2 workers, docs/nginx.conf, TLS): {n['rps']:.0f} req/s, p50 {n['p50_ms']:.2f} ms, "
        f"p99 {n['p99_ms']:.2f} ms, {n['errors']} errors")
    results.load["ratio"] = g["rps"] / n["rps"] if n["rps"] else float("nan")
    say(f"   gunicorn/nginx: {results.load['ratio']:.2f}")


def run_gunicorn(target: str, log: Path, options: list[str] = ()) -> dict:
    """gunicorn -w 2 on a free loopback port, warmed, under wrk; always stopped again."""
    process = None
    with log.open("w") as output:
        try:
            port = free_port()
            process = subprocess.Popen([sys.executable, "-m", "gunicorn", "-w", "2", "-b", f"127.0.0.1:{port}",
                                        *options, target], cwd=ROOT, stdout=output, stderr=subprocess.STDOUT,
                                       start_new_session=True)
            url = f"http://127.0.0.1:{port}{LOAD_PAGE}"
            wait_for(url)
            warm(url)
            return run_wrk(url, target)
        finally:
            stop(process, "gunicorn")


# ---- 5. Lighthouse ----------------------------------------------------------------------------------


def ensure_lighthouse() -> Path:
    binary = BENCH / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        say("   installing Lighthouse (npm ci --prefix bench)...")
        done = subprocess.run(["npm", "ci", "--prefix", str(BENCH), "--no-audit", "--no-fund"],
                              capture_output=True, text=True, timeout=600)
        if done.returncode != 0 or not binary.exists():
            raise RuntimeError(f"npm ci --prefix bench failed: {done.stderr.strip()[-300:]}")
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"no Chromium at {CHROMIUM}: apt-get install -y chromium")
    return binary


def failed_audits(report: dict, category: str) -> list[str]:
    """The audits that cost the category points, heaviest first."""
    refs = report["categories"][category]["auditRefs"]
    lost = []
    for ref in refs:
        audit = report["audits"].get(ref["id"], {})
        score = audit.get("score")
        if ref.get("weight", 0) > 0 and score is not None and score < 1:
            shown = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
            lost.append((ref["weight"] * (1 - score), f"{ref['id']}{shown}: {audit.get('title', '')}"))
    return [text for _, text in sorted(lost, reverse=True)]


def bench_lighthouse(results: Results, build: Path, scratch: Path) -> None:
    say("5. Lighthouse (mobile) on the frozen build, served by nginx with docs/nginx.conf on loopback")
    binary = ensure_lighthouse()
    from app.nginx import serving

    folder = scratch / "nginx-lighthouse"
    folder.mkdir()
    with serving(build, folder) as ports:
        for name, path in LIGHTHOUSE_PAGES:
            url = f"https://127.0.0.1:{ports['https']}{path}"
            output = scratch / f"lighthouse-{name}.json"
            command = [str(binary), url, f"--chrome-flags={CHROME_FLAGS}", "--form-factor=mobile",
                       "--output=json", f"--output-path={output}", "--quiet",
                       f"--only-categories={','.join(CATEGORIES)}"]
            done = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True,
                                  text=True, timeout=240)
            if done.returncode != 0 or not output.is_file():
                raise RuntimeError(f"lighthouse failed on {path}: {(done.stderr or done.stdout).strip()[-400:]}")
            report = json.loads(output.read_text())
            if report.get("runtimeError"):
                raise RuntimeError(f"lighthouse on {path}: {report['runtimeError']}")
            scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
            metrics = {key: report["audits"][key].get("displayValue", "")
                       for key in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                                   "cumulative-layout-shift", "speed-index") if key in report["audits"]}
            lost = {c: failed_audits(report, c) for c in CATEGORIES if scores[c] < TARGET_LIGHTHOUSE}
            results.lighthouse[name] = {"path": path, "scores": scores, "metrics": metrics, "lost": lost}
            say(f"   {name:<9} {path:<45} " + "  ".join(f"{c} {scores[c]}" for c in CATEGORIES))
            for category, audits in lost.items():
                for audit in audits[:5]:
                    say(f"      {category}: {audit}")


# ---- the report -------------------------------------------------------------------------------------


def verdict(ok: bool | None) -> str:
    return "" if ok is None else ("met" if ok else "**MISSED**")


def figure_rows(r: Results) -> list[tuple[str, str, str, bool | None]]:
    rows = []
    f = r.freeze
    if "command" in f:
        rows.append((f"`python build.py`, the whole command, median of {len(f['command'])}",
                     f"{median(f['command']):.2f} s (runs: {', '.join(f'{t:.2f}' for t in f['command'])})",
                     f"≤ {TARGET_BUILD_SECONDS:g} s", median(f["command"]) <= TARGET_BUILD_SECONDS))
    if "x1" in f:
        x1 = f["x1"]
        rows.append((f"Freeze, whole site ({x1['pages']} pages), median of {x1['runs']}",
                     f"{x1['total']:.1f} s (load {x1['load']:.1f} s + freeze {x1['freeze']:.1f} s)", "", None))
    if "x10" in f:
        x10 = f["x10"]
        rows.append((f"Freeze, content x{COPIES} ({x10['pages']} pages), median of {x10['runs']}",
                     f"{x10['total']:.1f} s (load {x10['load']:.1f} s + freeze {x10['freeze']:.1f} s)", "", None))
        rows.append((f"Cost ratio x{COPIES} / x1 (pages x{f['ratio_pages']:.2f})",
                     f"{f['ratio_total']:.2f}x (freeze alone {f['ratio_freeze']:.2f}x)",
                     f"≤ ~{TARGET_FREEZE_RATIO:g}x", f["ratio_total"] <= TARGET_FREEZE_RATIO))
    w = r.weight
    if w:
        rows.append((f"HTML per page, median ({w['pages']} pages)", f"{kb(w['median'])} (gzip {kb(w['median_gzip'])})",
                     "≤ 20 KB", w["median"] <= TARGET_HTML_MEDIAN))
        rows.append(("HTML per page, max", f"{kb(w['max'])} (gzip {kb(w['max_gzip'])}), `{w['max_url']}`", "", None))
        rows.append(("Shared CSS+JS (site.css + site.js)",
                     f"{kb(w['shared'])} ({kb(w['css'])} + {kb(w['js'])}; gzip {kb(w['shared_gzip'])})",
                     "≤ 20 KB", w["shared"] <= TARGET_SHARED))
        for name, (size, zipped, pages) in w["extras"].items():
            rows.append((f"{name} (only the {pages} pages that load it)", f"{kb(size)} (gzip {kb(zipped)})", "", None))
        rows.append(("Requests per page besides the HTML, median / max",
                     f"{w['requests_median']:g} / {w['requests_max']} (`{w['requests_max_url']}`)", "", None))
    if r.render:
        rows.append((f"Render per page, Flask test client ({r.render['urls']} URLs), median / p99",
                     f"{r.render['median']:.2f} ms / {r.render['p99']:.2f} ms", "", None))
    g, n = r.load.get("gunicorn"), r.load.get("nginx")
    if g:
        rows.append(("gunicorn -w 2 `wsgi:app`, requests/s", f"{g['rps']:,.0f}", "≥ 1,000", g["rps"] >= TARGET_RPS))
        rows.append(("gunicorn -w 2, p99 latency", f"{g['p99_ms']:.1f} ms", "≤ 50 ms", g["p99_ms"] <= TARGET_P99_MS))
        rows.append(("gunicorn -w 2, errors", f"{g['errors']} of {g['requests']:,}", "0", g["errors"] == 0))
    if n:
        rows.append(("nginx with docs/nginx.conf (frozen build, TLS), requests/s / p99 / errors",
                     f"{n['rps']:,.0f} / {n['p99_ms']:.2f} ms / {n['errors']}", "", None))
        rows.append(("gunicorn / nginx requests/s, same page, same run", f"{r.load['ratio']:.2f}", "", None))
    for name, page in r.lighthouse.items():
        scores = page["scores"]
        rows.append((f"Lighthouse {name} (`{page['path']}`): perf / a11y / best practices / SEO",
                     " / ".join(str(scores[c]) for c in CATEGORIES), "100 each",
                     all(scores[c] >= TARGET_LIGHTHOUSE for c in CATEGORIES)))
    return rows


def misses(r: Results) -> list[str]:
    found = [f"{name}: {value} (target {target})" for name, value, target, ok in figure_rows(r) if ok is False]
    return found + [f"not measured: {problem}" for problem in r.problems]


def kept_analysis() -> str:
    if REPORT.is_file():
        text = REPORT.read_text(encoding="utf-8")
        if ANALYSIS_START in text and ANALYSIS_END in text:
            return text.split(ANALYSIS_START, 1)[1].split(ANALYSIS_END, 1)[0].strip("\n")
    return "(No analysis written yet.)"


def report(r: Results) -> str:
    lines = [
        "# Benchmarks",
        "",
        "Figures for issue 8, written by `bench/run.py` (a measurement, not a test: a missed target does not "
        "fail it). Reproduce from the project root with:",
        "",
        "```",
        COMMAND,
        "```",
        "",
        f"It needs wrk and nginx (`apt-get install -y wrk nginx`; the script installs them when run as root), "
        f"gunicorn in the venv, Chromium at {CHROMIUM}, and Lighthouse from `bench/package-lock.json` "
        f"(`npm ci --prefix bench`; the script runs it when `bench/node_modules` is missing). "
        f"This run took {r.duration / 60:.1f} minutes.",
        "",
        "## Machine",
        "",
        "| | |",
        "| --- | --- |",
        *[f"| {key} | {value} |" for key, value in r.facts.items()],
        "",
        "## Figures",
        "",
        "CPU used by other processes on the machine while a step ran (its busy time less this run's own): "
        + ", ".join(f"{step} {cores:.2f} cores" for step, cores in r.other_cpu.items())
        + ("; the machine was shared, so the figures of steps above "
           f"{BUSY} cores are lower than on a quiet machine." if any(v > BUSY for v in r.other_cpu.values())
           else "; a quiet machine.")
        + " Each wrk run is repeated (once) when other processes took more than "
        f"{BUSY} cores during it; the table under Load gives the figure for the run kept.",
        "",
        "| Figure | Result | Target | |",
        "| --- | --- | --- | --- |",
        *[f"| {name} | {value} | {target} | {verdict(ok)} |" for name, value, target, ok in figure_rows(r)],
        "",
        "KB = 1,024 bytes. Freeze time is `create_app()` (reading and checking the content) plus "
        "`build.freeze()` (Frozen-Flask) into a fresh temporary folder, in one process; the x"
        f"{COPIES} content is content/ with every section folder of each language copied 9 more times "
        "(`werknemer-2` ... `werknemer-10`, links left pointing at the originals).",
        "",
    ]
    f = r.freeze
    if "x10" in f:
        lines += [
            "### Freeze",
            "",
            f"- x1: runs {f['x1']['all']} s; x{COPIES}: runs {f['x10']['all']} s.",
            f"- Per page: {f['per_page_ms'][0]:.2f} ms at x1, {f['per_page_ms'][1]:.2f} ms at x{COPIES}.",
            "",
        ]
    w = r.weight
    if w:
        lines += [
            "### Page weight by kind of page",
            "",
            "Requests: stylesheets, icons, scripts and images the HTML names (the HTML itself not counted; "
            "search.js fetches the Pagefind index in `static/pagefind/` only when someone uses the search field).",
            "",
            "| Kind | Pages | HTML median | HTML max | Requests (median) |",
            "| --- | ---: | ---: | ---: | ---: |",
            *[f"| {kind} | {k['pages']} | {kb(k['median'])} | {kb(k['max'])} | {k['requests']:g} |"
              for kind, k in w["kinds"].items()],
            "",
            f"Pages over 20 KB: {w['over_target']} of {w['pages']}.",
            "",
        ]
    if r.render:
        lines += [
            "### Render time by kind of page",
            "",
            f"Every reading page ({r.render['reading']}) and {r.render['states']} check states drawn with "
            f"`random.Random({SEED})`; one untimed request per kind first (template compilation); each GET "
            "timed with `time.perf_counter()`; p99 is nearest-rank. "
            f"Slowest: {r.render['max']:.2f} ms at `{r.render['max_url']}`."
            + (f" Not 200: {', '.join(r.render['bad'])}." if r.render["bad"] else ""),
            "",
            "| Kind | URLs | Median | Max |",
            "| --- | ---: | ---: | ---: |",
            *[f"| {kind} | {n} | {med:.2f} ms | {top:.2f} ms |" for kind, (n, med, top) in r.render["kinds"].items()],
            "",
        ]
    if r.load:
        lines += ["### Load", "",
                  f"`wrk {' '.join(WRK_ARGS)}` against `{LOAD_PAGE}` on 127.0.0.1, wrk and the server sharing "
                  "the 2 cores. gunicorn: `gunicorn -w 2 -b 127.0.0.1:PORT wsgi:app` (sync workers; wsgi.py "
                  "keeps rendered pages in a bounded cache), the command README gives. nginx: 2 workers, "
                  "docs/nginx.conf as it is (filled in by app/nginx.py), over TLS, serving the frozen build.",
                  ""]
        labels = {"gunicorn": "gunicorn wsgi:app", "nginx": "nginx"}
        for name, label in labels.items():
            if name in r.load:
                lines += [f"{label} (other processes meanwhile: {r.load[name]['other_cpu']:.2f} cores):", "", "```", r.load[name]["raw"].strip(), "```", ""]
    if r.lighthouse:
        lines += [
            "### Lighthouse",
            "",
            f"Lighthouse {r.facts.get('Node / Lighthouse', '').split(' / ')[-1]}, mobile (simulated throttling), "
            f"`CHROME_PATH={CHROMIUM}`, `--chrome-flags=\"{CHROME_FLAGS}\"`, the frozen build served by "
            "nginx with docs/nginx.conf over TLS on 127.0.0.1 (app/nginx.py).",
            "",
            "| Page | Performance | Accessibility | Best practices | SEO | FCP | LCP | TBT | CLS |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
            *[f"| {name} `{p['path']}` | " + " | ".join(str(p["scores"][c]) for c in CATEGORIES) + " | "
              + " | ".join(p["metrics"].get(k, "") for k in ("first-contentful-paint", "largest-contentful-paint",
                                                              "total-blocking-time", "cumulative-layout-shift"))
              + " |" for name, p in r.lighthouse.items()],
            "",
        ]
        for name, page in r.lighthouse.items():
            for category, audits in page["lost"].items():
                lines.append(f"- {name}, {category}: " + ("; ".join(audits[:6]) or "no single audit below 1"))
        lines.append("")
    found = misses(r)
    lines += [
        "## Misses and causes",
        "",
        "Missed in this run (listed by the script):",
        "",
        *([f"- {m}" for m in found] or ["- none"]),
        "",
        "Causes and proposed fixes (investigated by hand; bench/run.py keeps this part when it rewrites the file):",
        "",
        ANALYSIS_START,
        kept_analysis(),
        ANALYSIS_END,
        "",
    ]
    return "\n".join(lines)


# ---- main -------------------------------------------------------------------------------------------


def wait_quiet(step: str, seconds: float) -> None:
    """Before a timed step: wait, at most this long, while other processes keep the machine busy."""
    waited = 0.0
    while True:
        with OtherLoad() as meter:
            time.sleep(2)
        if meter.cores <= BUSY:
            return
        if waited >= seconds:
            say(f"   other processes use {meter.cores:.2f} cores; measuring {step} anyway (waited {waited:.0f}s)")
            return
        say(f"   other processes use {meter.cores:.2f} cores; waiting for a quieter machine before {step}...")
        time.sleep(8)
        waited += 10


def note_load(results: Results, step: str, meter: OtherLoad) -> None:
    results.other_cpu[step] = meter.cores
    if meter.cores > BUSY:
        say(f"   note: other processes used {meter.cores:.2f} cores during this step; its figures are low")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip", action="append", default=[], choices=["freeze10", "weight", "render", "load", "lighthouse"])
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    started = time.perf_counter()
    results = Results(facts=machine_facts())
    say("Machine: " + "; ".join(f"{k} {v}" for k, v in results.facts.items()))
    with tempfile.TemporaryDirectory(prefix="wegwijzer-bench-") as scratch_name:
        scratch = Path(scratch_name)
        wait_quiet("freeze", QUIET_WAIT["freeze"])
        with OtherLoad() as meter:
            build = bench_freeze(results, args.runs, set(args.skip), scratch)
        note_load(results, "freeze", meter)
        from app import create_app

        app = create_app()
        steps = [("weight", lambda: bench_weight(results, build, app)),
                 ("render", lambda: bench_render(results, app, build)),
                 ("load", lambda: bench_load(results, build, scratch)),
                 ("lighthouse", lambda: bench_lighthouse(results, build, scratch))]
        for name, step in steps:
            if name in args.skip:
                continue
            try:
                if name in QUIET_WAIT:
                    wait_quiet(name, QUIET_WAIT[name])
                with OtherLoad() as meter:
                    step()
            except Exception as error:  # noqa: BLE001 - report it and go on with the other steps
                results.problems.append(f"{name}: {error}")
                say(f"   {name} NOT MEASURED: {error}")
            else:
                if name != "weight":  # page weight counts bytes, not time
                    note_load(results, name, meter)
    results.duration = time.perf_counter() - started
    found = misses(results)
    say(f"Done in {results.duration / 60:.1f} min. " + (f"Missed: {len(found)}" if found else "All targets met."))
    for miss in found:
        say(f"  - {miss}")
    if not args.no_write:
        REPORT.write_text(report(results), encoding="utf-8")
        say(f"Wrote {REPORT.relative_to(ROOT)}")
    return 1 if results.problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
