"""The machine's facts for the report: hardware, system, the versions of every tool measured."""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import platform
import shutil
import sys
from importlib.metadata import version
from pathlib import Path

from bench.common import BENCH, CHROMIUM, ROOT, command_output


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
    commit = command_output(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"])
    dirty = command_output(["git", "-C", str(ROOT), "status", "--porcelain", "--", "app", "content",
                            "translations", "build.py"])
    installed = installed_during_the_run()
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit + (" with uncommitted changes in app/, content/ or translations/" if dirty else ""),
        "CPU": cpu,
        "cores": str(os.cpu_count()),
        "memory": memory,
        "OS": f"{os_name}, kernel {platform.release()}",
        "Python": platform.python_version(),
        "Flask / Frozen-Flask": f"{version('flask')} / {version('frozen-flask')}",
        "gunicorn": installed["gunicorn"],
        "Chromium": chromium.strip().removeprefix("Chromium "),
        "nginx": installed["nginx"],
        "wrk": installed["wrk"],
        "Node / Lighthouse": installed["Node / Lighthouse"],
    }


def installed_during_the_run() -> dict:
    """The versions of gunicorn, nginx, wrk and Lighthouse, which the load and Lighthouse steps install when
    missing (the runner asks again at the end, so the report names what was measured)."""
    nginx = command_output(["nginx", "-v"]) if shutil.which("nginx") else "not installed"
    wrk = command_output(["wrk", "-v"]).splitlines()[0] if shutil.which("wrk") else "not installed"
    gunicorn = command_output([sys.executable, "-m", "gunicorn", "--version"])
    lighthouse = "not installed"
    with contextlib.suppress(OSError, ValueError):
        lighthouse = json.loads((BENCH / "node_modules/lighthouse/package.json").read_text())["version"]
    return {"gunicorn": gunicorn.replace("gunicorn (version ", "").rstrip(")"),
            "nginx": nginx.replace("nginx version: ", ""), "wrk": wrk.split(" Copyright")[0],
            "Node / Lighthouse": f"{command_output(['node', '--version'])} / {lighthouse}"}
