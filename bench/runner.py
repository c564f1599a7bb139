"""Benchmarks of the Wegwijzer (issue 8): figures, not a test. Writes BENCHMARKS.md.

Run from the project root:

    .venv/bin/python bench/run.py

It measures, in one run (about 6-8 minutes on 2 cores), one module of bench/ per step:
  1. `python build.py` as a user runs it (median of 3), the freeze of the whole site (median of 3) and of
     synthetic content 10x larger, and their ratio (freeze.py);
  2. page weight of every frozen .html page, the shared CSS+JS, and requests per page (weight.py);
  3. render time per page in the Flask app (test client, ~300 URLs of every kind) (render.py);
  4. load: gunicorn (2 workers) on wsgi:app, the app README recommends, and nginx with docs/nginx.conf
     (the frozen build, over TLS) under wrk, 50 connections, 10 s, loopback, and their ratio (load.py);
  5. Lighthouse (mobile) scores for a page of every kind, served by nginx with docs/nginx.conf (lighthouse.py);
  6. `python build.py package` for one organisation edition and for ten, the time per edition (editions.py);
  7. the fast test tier as an editor runs it, and with --suite the whole suite as CI runs it (tiers.py).

It prints the figures as it goes and rewrites BENCHMARKS.md with them, the machine's facts and the date,
from the template bench/report.md.j2 (report.py). The hand-written analysis of the misses is
bench/analysis.md, which the report includes. A figure that misses its target does not fail the run; a
step that could not be measured does (exit 1), after the report has been written.

Options:
  --runs N        freeze runs per content size (default 3)
  --skip STEP     leave out a step: freeze10, weight, render, load, lighthouse, editions, tiers (may be repeated)
  --suite         also run the whole test suite (about nine minutes) and report the time per tier
  --no-write      print only; leave BENCHMARKS.md as it is
  --quick         every step on a tiny scale (1 run, content x2, 10 check states, wrk for 1 s, Lighthouse
                  on one page), to check that the benchmark works in a minute or two; it leaves
                  BENCHMARKS.md alone (--output to see its report)
  --output FILE   write the report to FILE instead of BENCHMARKS.md

The machine may be shared: before the freeze, render and load steps the script waits a little while
other processes keep more than a quarter of a core busy, runs wrk again (once) when they took CPU during
it, and the report says how much CPU other processes used during each step.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import tempfile
import time
from pathlib import Path

from bench.common import FULL, QUICK, REPORT, ROOT, Results, say
from bench.freeze import bench_freeze
from bench.editions import bench_editions
from bench.lighthouse import bench_lighthouse
from bench.load import bench_load
from bench.machine import installed_during_the_run, machine_facts
from bench.quiet import OtherLoad, note_load, wait_quiet
from bench.render import bench_render
from bench.report import misses, report
from bench.tiers import bench_tiers
from bench.weight import bench_weight

STEPS = ["freeze10", "weight", "render", "load", "lighthouse", "editions", "tiers"]


def arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="bench/run.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=None)
    parser.add_argument("--skip", action="append", default=[], choices=STEPS)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--output", type=Path, default=None)
    parser.add_argument("--suite", action="store_true")
    args = parser.parse_args(argv)
    if args.runs is not None and args.runs < 1:
        parser.error(f"--runs must be 1 or more, not {args.runs}")
    return args


def main(argv: list[str]) -> int:
    args = arguments(argv)
    scale = QUICK if args.quick else FULL
    if args.runs is not None:
        scale = dataclasses.replace(scale, runs=args.runs)
    output = args.output.resolve() if args.output else (None if args.quick else REPORT)
    os.chdir(ROOT)
    started = time.perf_counter()
    results = Results(facts=machine_facts())
    say("Machine: " + "; ".join(f"{k} {v}" for k, v in results.facts.items()))
    with tempfile.TemporaryDirectory(prefix="wegwijzer-bench-") as scratch_name:
        scratch = Path(scratch_name)
        wait_quiet("freeze", scale.quiet_wait["freeze"])
        with OtherLoad() as meter:
            build = bench_freeze(results, scale, set(args.skip), scratch)
        note_load(results, "freeze", meter)
        from app import create_app

        app = create_app()
        steps = [("weight", lambda: bench_weight(results, build, app)),
                 ("render", lambda: bench_render(results, app, build, scale)),
                 ("load", lambda: bench_load(results, build, scratch, scale)),
                 ("lighthouse", lambda: bench_lighthouse(results, build, scratch, scale)),
                 ("editions", lambda: bench_editions(results, scale, scratch)),
                 ("tiers", lambda: bench_tiers(results, scratch, args.suite))]
        for name, step in steps:
            if name in args.skip:
                continue
            try:
                if name in scale.quiet_wait:
                    wait_quiet(name, scale.quiet_wait[name])
                with OtherLoad() as meter:
                    step()
            except Exception as error:  # noqa: BLE001 - report it and go on with the other steps
                results.problems.append(f"{name}: {error}")
                say(f"   {name} NOT MEASURED: {error}")
            else:
                if name != "weight":  # page weight counts bytes, not time
                    note_load(results, name, meter)
    results.facts.update(installed_during_the_run())
    results.duration = time.perf_counter() - started
    found = misses(results, scale)
    say(f"Done in {results.duration / 60:.1f} min. " + (f"Missed: {len(found)}" if found else "All targets met."))
    for miss in found:
        say(f"  - {miss}")
    if args.no_write or output is None:
        say("BENCHMARKS.md left as it is" + (" (a quick run; --output FILE writes its report)" if args.quick else ""))
    else:
        output.write_text(report(results, scale), encoding="utf-8")
        say(f"Wrote {output}")
    return 1 if results.problems else 0
