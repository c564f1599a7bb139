"""CPU that other processes use while a step runs: the machine may be shared (tests beside the benchmark)."""

from __future__ import annotations

import os
import time

from bench.common import BUSY, Results, say


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


def wait_quiet(step: str, seconds: float) -> None:
    """Before a timed step: wait, at most this long, while other processes keep the machine busy."""
    if seconds <= 0:  # a quick run checks that the step works; its figures mean nothing anyway
        return
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
