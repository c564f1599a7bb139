"""3. Render time per page in the Flask app (test client): every reading page and a sample of check states."""

from __future__ import annotations

import random
import time
from pathlib import Path

from bench.common import SEED, Results, Scale, median, p99, say
from bench.pages import page_kind, page_url


def bench_render(results: Results, app, build: Path, scale: Scale) -> None:
    say("3. Render time per page (Flask test client)")
    urls = sorted(page_url(build, p) for p in build.rglob("*.html"))
    kinds = {url: page_kind(app, url) for url in urls}
    reading = [u for u in urls if kinds[u] not in ("question", "outcome", "other")]
    states = [u for u in urls if kinds[u] in ("question", "outcome")]
    rng = random.Random(SEED)
    wanted = max(scale.render_sample - len(reading), scale.render_min_states)
    sample = reading + rng.sample(states, min(len(states), wanted))
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
