"""The benchmark's report (bench/report.md.j2) filled in with fixed figures: every section, every verdict."""

from __future__ import annotations

import pytest

from bench.common import FULL, QUICK, Results
from bench.report import misses, report

WRK_OUTPUT = """Running 10s test @ http://127.0.0.1:8000/nl/werknemer/check/a1/
  2 threads and 50 connections
Requests/sec:    398.22
"""


def fixed_results() -> Results:
    """Figures shaped as the steps leave them; the build misses its target, the HTML meets its own."""
    return Results(
        facts={"date": "2026-12-01 21:23 UTC", "cores": "2", "Node / Lighthouse": "v20.20.2 / 12.8.2"},
        freeze={"command": [9.93, 10.16, 11.63],
                "x1": {"load": 1.1, "freeze": 5.6, "total": 6.6, "pages": 1848, "runs": 3, "all": [6.47, 6.55]},
                "x10": {"load": 10.3, "freeze": 67.1, "total": 77.1, "pages": 18246, "runs": 3, "all": [77.14]},
                "ratio_total": 11.77, "ratio_freeze": 12.02, "ratio_pages": 9.87, "per_page_ms": (3.02, 3.68)},
        weight={"pages": 1811, "median": 7372.8, "median_gzip": 2560, "max": 51916.8, "max_gzip": 10137.6,
                "max_url": "/nl/review/werknemer/check/", "over_target": 7, "shared": 16179, "shared_gzip": 5324,
                "css": 11264, "js": 4915, "extras": {"tools.js": (20582, 6041, 6)},
                "requests_median": 3, "requests_max": 6, "requests_max_url": "/en/vertrouwenspersoon/jaarverslag/",
                "kinds": {"outcome": {"pages": 1140, "median": 7884.8, "max": 11059.2, "max_url": "/x/",
                                      "requests": 3}}},
        render={"urls": 300, "reading": 143, "states": 157, "median": 10.24, "p99": 35.75, "max": 120.83,
                "max_url": "/en/competenties/kennis/", "kinds": {"topic": (98, 8.4, 120.83)}, "bad": []},
        load={"gunicorn": {"rps": 398.22, "p99_ms": 150.48, "p50_ms": 125.36, "errors": 0, "requests": 3996,
                           "raw": WRK_OUTPUT, "other_cpu": 1.27},
              "nginx": {"rps": 9000.5, "p99_ms": 4.2, "p50_ms": 1.1, "errors": 0, "requests": 90005,
                        "raw": WRK_OUTPUT, "other_cpu": 0.1},
              "ratio": 398.22 / 9000.5},
        lighthouse={"home": {"path": "/nl/", "metrics": {"first-contentful-paint": "1.0 s",
                                                         "total-blocking-time": "160 ms"},
                             "scores": {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100},
                             "lost": {"performance": ["total-blocking-time (160 ms): Total Blocking Time"]}}},
        problems=["load: nginx did not start"],
        other_cpu={"freeze": 0.46, "render": 1.59},
        duration=660.0,
    )


@pytest.fixture(scope="module")
def text() -> str:
    return report(fixed_results(), FULL, analysis="**Hand-written.** Why the build is slow.\n")


def test_the_report_fills_in_every_figure_with_its_verdict(text):
    for line in [
        "This run took 11.0 minutes.",
        "| cores | 2 |",
        "freeze 0.46 cores, render 1.59 cores; the machine was shared, so the figures of steps above 0.25 cores",
        "| `python build.py`, the whole command, median of 3 | 10.16 s (runs: 9.93, 10.16, 11.63) | ≤ 5 s "
        "| **MISSED** |",
        "| Cost ratio x10 / x1 (pages x9.87) | 11.77x (freeze alone 12.02x) | ≤ ~11x | **MISSED** |",
        "| HTML per page, median (1811 pages) | 7.2 KB (gzip 2.5 KB) | ≤ 20 KB | met |",
        "| tools.js (only the 6 pages that load it) | 20.1 KB (gzip 5.9 KB) |  |  |",
        "| gunicorn -w 2 `wsgi:app`, requests/s | 398 | ≥ 1,000 | **MISSED** |",
        "| nginx with docs/nginx.conf (frozen build, TLS), requests/s / p99 / errors | 9,000 / 4.20 ms / 0 |  |  |",
        "copied 9 more times (`werknemer-2` ... `werknemer-10`",
        "- x1: runs [6.47, 6.55] s; x10: runs [77.14] s.",
        "- Per page: 3.02 ms at x1, 3.68 ms at x10.",
        "| outcome | 1140 | 7.7 KB | 10.8 KB | 3 |",
        "Slowest: 120.83 ms at `/en/competenties/kennis/`.",
        "| topic | 98 | 8.40 ms | 120.83 ms |",
        "`wrk -t2 -c50 -d10s --latency` against `/nl/werknemer/check/a1/`",
        "gunicorn wsgi:app (other processes meanwhile: 1.27 cores):",
        "Lighthouse 12.8.2, mobile (simulated throttling)",
        "| home `/nl/` | 98 | 100 | 100 | 100 | 1.0 s |  | 160 ms |  |",
        "- home, performance: total-blocking-time (160 ms): Total Blocking Time",
        "- not measured: load: nginx did not start",
        "**Hand-written.** Why the build is slow.",
    ]:
        whole_line = line.startswith(("|", "- "))  # a table row or a list item: the whole line, as written
        assert (line in text.splitlines()) if whole_line else (line in text), line


def test_the_misses_are_the_rows_that_missed_and_the_steps_not_measured():
    found = misses(fixed_results(), FULL)
    assert [m.split(": ")[0] for m in found] == [
        "`python build.py`, the whole command, median of 3", "Cost ratio x10 / x1 (pages x9.87)",
        "gunicorn -w 2 `wsgi:app`, requests/s", "gunicorn -w 2, p99 latency",
        "Lighthouse home (`/nl/`)", "not measured"]


def test_a_section_without_figures_is_left_out_and_no_line_runs_into_the_next(text):
    bare = report(Results(facts={"cores": "2"}, other_cpu={"freeze": 0.1}), FULL, analysis="Notes.")
    for heading in ("### Freeze", "### Page weight", "### Render time", "### Load", "### Lighthouse"):
        assert heading in text and heading not in bare
    assert "\n- none\n" in bare and "; a quiet machine." in bare
    rows = [line for line in text.splitlines() if line.startswith("|")]
    assert len(rows) == 32 and all(row.endswith("|") for row in rows)  # one row per line, none run together
    assert text.endswith("Why the build is slow.\n")


def test_a_quick_run_says_so_and_its_scale_in_the_report():
    text = report(fixed_results(), QUICK, analysis="Notes.")
    assert "**A quick run (`--quick`)" in text
    assert "| Cost ratio x2 / x1 (pages x9.87)" in text and "`wrk -t1 -c4 -d1s --latency`" in text
    assert "**A quick run" not in report(fixed_results(), FULL, analysis="Notes.")
