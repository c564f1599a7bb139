"""2. Page weight: every frozen .html page, the shared CSS+JS, the scripts some pages load, requests per page."""

from __future__ import annotations

import gzip
from html.parser import HTMLParser
from pathlib import Path

from app.assets import plain_name
from bench.common import ROOT, TARGET_HTML_MEDIAN, Results, kb, median, say
from bench.pages import page_kind, page_url


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
            # Pages link static files by hashed names (tools.0123456789.js, app/assets.py).
            loading = sum(1 for refs in found.values() if any(plain_name(ref).endswith("/" + name) for ref in refs))
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
