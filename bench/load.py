"""4. Load: gunicorn (2 workers) on wsgi:app, as README recommends, and nginx with docs/nginx.conf serving the
frozen build over TLS, each under wrk on loopback; and their ratio."""

from __future__ import annotations

import os
import re
import shutil
import ssl
import subprocess
import sys
import urllib.request
from pathlib import Path

from app.nginx import free_port
from bench.common import BUSY, LOAD_PAGE, ROOT, Results, Scale, say, stop, wait_for
from bench.quiet import OtherLoad, wait_quiet


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


def run_wrk(url: str, label: str, scale: Scale) -> dict:
    """wrk against url; run again (once) when other processes took CPU meanwhile."""
    for attempt in range(2):
        with OtherLoad() as meter:
            output = subprocess.run(["wrk", *scale.wrk_args, url], capture_output=True, text=True, timeout=60).stdout
        result = parse_wrk(output)
        result["raw"] = output
        result["other_cpu"] = meter.cores
        if meter.cores <= BUSY or attempt == 1:
            return result
        say(f"   {label}: other processes used {meter.cores:.2f} cores during wrk "
            f"({result['rps']:.0f} req/s); measuring again")
        wait_quiet(label, scale.quiet_wait["wrk"])
    return result


def warm(url: str, count: int = 40) -> None:
    unchecked = ssl._create_unverified_context()  # nginx's certificate is made for the run (app/nginx.py)
    for _ in range(count):
        with urllib.request.urlopen(url, timeout=5, context=unchecked) as response:
            response.read()


def bench_load(results: Results, build: Path, scratch: Path, scale: Scale) -> None:
    say(f"4. Load: wrk {' '.join(scale.wrk_args)} on loopback, {LOAD_PAGE}")
    why = ensure_load_tools() or ensure_gunicorn()
    if why:
        raise RuntimeError(why)
    from app.nginx import serving

    g = results.load["gunicorn"] = run_gunicorn("wsgi:app", scratch / "gunicorn.log", scale)
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
        results.load["nginx"] = n = run_wrk(url, "nginx", scale)
    say(f"   nginx (2 workers, docs/nginx.conf, TLS): {n['rps']:.0f} req/s, p50 {n['p50_ms']:.2f} ms, "
        f"p99 {n['p99_ms']:.2f} ms, {n['errors']} errors")
    results.load["ratio"] = g["rps"] / n["rps"] if n["rps"] else float("nan")
    say(f"   gunicorn/nginx: {results.load['ratio']:.2f}")


def run_gunicorn(target: str, log: Path, scale: Scale, options: list[str] = ()) -> dict:
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
            return run_wrk(url, target, scale)
        finally:
            stop(process, "gunicorn")
