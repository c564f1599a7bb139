"""The report: the figures as table rows with their verdicts, and BENCHMARKS.md from bench/report.md.j2.

The rows are made here, as the list of misses (printed at the end of a run, and in the report) is made of
the same rows; everything else the report says is in the template. The hand-written analysis of the
misses is bench/analysis.md, which the template includes as it is.
"""

from __future__ import annotations

import jinja2

from bench.common import (BENCH, BUSY, CATEGORIES, CHROME_FLAGS, CHROMIUM, COMMAND, LOAD_PAGE, SEED,
                          TARGET_BUILD_SECONDS, TARGET_FAST_TIER_SECONDS, TARGET_FREEZE_RATIO,
                          TARGET_SUITE_MINUTES, TARGET_HTML_MEDIAN, TARGET_LIGHTHOUSE,
                          TARGET_P99_MS, TARGET_RPS, TARGET_SHARED, Results, Scale, kb, median)

TEMPLATE = "report.md.j2"
ANALYSIS = BENCH / "analysis.md"
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift")


def verdict(ok: bool | None) -> str:
    return "" if ok is None else ("met" if ok else "**MISSED**")


def figure_rows(r: Results, scale: Scale) -> list[tuple[str, str, str, bool | None]]:
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
        rows.append((f"Freeze, content x{scale.copies} ({x10['pages']} pages), median of {x10['runs']}",
                     f"{x10['total']:.1f} s (load {x10['load']:.1f} s + freeze {x10['freeze']:.1f} s)", "", None))
        rows.append((f"Cost ratio x{scale.copies} / x1 (pages x{f['ratio_pages']:.2f})",
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
    e = r.editions
    if e:
        rows.append(("`build.py package`, one edition: the command / the edition",
                     f"{e['one_wall']:.1f} s / {e['one']:.1f} s ({e['mb']:.1f} MB zip)", "", None))
        rows.append((f"`build.py package`, {e['count']} editions: the command / per edition (median after the first)",
                     f"{e['many_wall']:.1f} s / {e['median']:.1f} s (runs: {', '.join(f'{s:.1f}' for s in e['many'])})",
                     "", None))
        if "command" in f:
            rows.append((f"Edition {e['count']} / `python build.py`", f"{e['last'] / median(f['command']):.2f}",
                         "well under 1", None))
    t = r.tiers
    if "fast" in t:
        rows.append(("Fast tier (`bin/test fast`), wall", f"{t['fast']:.0f} s", f"< {TARGET_FAST_TIER_SECONDS} s",
                     t["fast"] < TARGET_FAST_TIER_SECONDS))
    if "suite" in t:
        rows.append(("Whole suite as CI runs it (pytest on every core, after `python build.py`), wall",
                     f"{t['suite'] / 60:.1f} min", f"≤ {TARGET_SUITE_MINUTES} min", t["suite"] <= TARGET_SUITE_MINUTES * 60))
        rows.append(("Test time per tier (seconds of tests, summed over both cores; a test may be in two tiers)",
                     ", ".join(f"{name} {seconds:.0f} s" for name, seconds in sorted(t["test_seconds"].items())), "", None))
    return rows


def misses(r: Results, scale: Scale) -> list[str]:
    found = [f"{name}: {value} (target {target})" for name, value, target, ok in figure_rows(r, scale)
             if ok is False]
    return found + [f"not measured: {problem}" for problem in r.problems]


def report(r: Results, scale: Scale, analysis: str | None = None) -> str:
    """BENCHMARKS.md for these results; analysis defaults to bench/analysis.md."""
    if analysis is None:
        analysis = ANALYSIS.read_text(encoding="utf-8") if ANALYSIS.is_file() else "(No analysis written yet.)"
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(BENCH), undefined=jinja2.StrictUndefined,
                                     trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    environment.filters.update(kb=kb, f=format, verdict=verdict)
    return environment.get_template(TEMPLATE).render(
        r=r, scale=scale, rows=figure_rows(r, scale), misses=misses(r, scale), analysis=analysis.strip("\n"),
        command=COMMAND, chromium=CHROMIUM, chrome_flags=CHROME_FLAGS, busy=BUSY, seed=SEED,
        load_page=LOAD_PAGE, categories=CATEGORIES, metrics=METRICS,
        shared=any(cores > BUSY for cores in r.other_cpu.values()))
