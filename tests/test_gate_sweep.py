"""Gate: every frozen page in a real Chromium: axe, no cookie, nothing from elsewhere, lang, h1, quick exit.

The pages come from the build folder, not from a list, so a page nobody thought of is checked too.

Every page is loaded and checked. axe, the costly part (most of the suite's time), runs once per
distinct document: hundreds of question pages differ only in where their links and forms point (the
answers so far are in the address). axe reads the document and its layout, never where a link goes,
so two documents that are equal once every href, src and action is blanked give the same result; the
comparison is made on the document as the browser built it after its scripts ran, not on the file.
The pages are dealt out over SHARDS tests so pytest-xdist runs them on both cores.
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import re
import threading
import time
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from tests.accessibility import AXE_OPTIONS

pytestmark = [pytest.mark.browser, pytest.mark.gate]

LANGUAGES = ("nl", "en")
SHARDS = 6
# The document as built, read as text (changing a live copy would make the browser fetch the changed
# addresses); in it every link, source and form target is blanked, fragments kept (axe checks that a
# skip link's target exists). Equal texts mean axe sees the same thing.
URL_VALUE = re.compile(r'\b(href|src|action)="(?!#)[^"]*"')
# The facts one evaluate() reads from a page, so each page costs a single round trip besides axe. The
# document's shape (URL_VALUE's own pattern, passed in, blanking the same way) is hashed in the page:
# sending every document's text to Python cost more than the hash.
PAGE_FACTS = """async urlValue => {
    const shaped = document.documentElement.outerHTML.replace(new RegExp(urlValue, 'g'), '$1="~"');
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(shaped));
    return {
        lang: document.documentElement.getAttribute('lang'),
        h1: document.querySelectorAll('h1').length,
        quickExit: document.querySelectorAll('a[data-quick-exit][href]').length,
        shape: Array.from(new Uint8Array(digest), b => b.toString(16).padStart(2, '0')).join(''),
    };
}"""
# axe's run, returning only its violations: the whole result (passes, inapplicable rules, each node's
# HTML) is about 50 kB a page, and decoding it cost a third of each run.
AXE_VIOLATIONS = """options => axe.run(document, options).then(results => results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map(node => node.target),
})))"""


def frozen_pages(build: Path) -> list[str]:
    """Every .html file of a build, as a path relative to its root."""
    return sorted(path.relative_to(build).as_posix() for path in build.rglob("*.html"))


def shard_of_pages(build: Path, shard: int) -> list[str]:
    """One of SHARDS shares of the build's pages. Files that are equal but for their links go to the
    same share, so that share's sweeper runs axe on them once."""
    families: dict[str, list[str]] = {}
    for relative in frozen_pages(build):
        text = URL_VALUE.sub(r'\1="~"', (build / relative).read_text(encoding="utf-8"))
        families.setdefault(hashlib.sha1(text.encode()).hexdigest(), []).append(relative)
    ordered = sorted(families.values())
    return sorted(page for family in ordered[shard::SHARDS] for page in family)


def expected_lang(relative: str) -> str:
    """The language folder a page lives in; the language choice at the root is in Dutch."""
    first = relative.split("/", 1)[0]
    return first if first in LANGUAGES else LANGUAGES[0]


class Sweeper:
    """One page of one browser context, reused for every address; it watches what each page does.

    axe-core is installed as an init script, so the browser keeps the 0.5 MB script and adds it to each
    new document itself, instead of Python sending it again for each of the ~1,800 pages.
    """

    def __init__(self, context, origin: str):
        self.context = context
        self.origin = origin.rstrip("/")
        self.axe_script = Axe().axe_script
        context.add_init_script(self.axe_script)
        self.page = context.new_page()
        self.axe_lines: dict[str, list[str]] = {}  # document shape -> its axe problems
        self.axe_runs = 0
        self.elsewhere: list[str] = []
        self.console: list[str] = []
        self.page.on("request", self._request)
        self.failed: list[str] = []  # names the address a console's "Failed to load resource" leaves out
        self.page.on("response", lambda response: response.status >= 400 and response.url != self.address
                     and self.failed.append(f"{response.status} for {response.url}"))
        self.address = ""
        self.page.on("console", lambda message: message.type == "error" and self.console.append(message.text))
        self.page.on("pageerror", lambda error: self.console.append(f"uncaught: {error}"))

    def _request(self, request):
        if not (request.url == self.origin or request.url.startswith(self.origin + "/")):
            self.elsewhere.append(request.url)

    def axe_violations(self) -> list[dict]:
        """axe-core's own run (the script axe_playwright_python ships) on the open page."""
        if not self.page.evaluate("() => typeof axe === 'object'"):  # init script missing: inject
            self.page.evaluate(self.axe_script)
        return self.page.evaluate(AXE_VIOLATIONS, AXE_OPTIONS)

    def axe_problems(self, shape: str) -> list[str]:
        """axe's violations on the open page; a document shaped like one seen before gets its result."""
        if shape not in self.axe_lines:
            self.axe_runs += 1
            self.axe_lines[shape] = [
                f"axe {violation['id']} ({violation['impact']}): {violation['help']} at "
                + ", ".join(str(target) for target in violation["targets"])
                for violation in self.axe_violations()]
        return self.axe_lines[shape]

    def check(self, relative: str) -> list[str]:
        """Every problem of one page, as 'address: what is wrong' lines (none when the page is fine)."""
        self.elsewhere.clear()
        self.console.clear()
        self.failed.clear()
        problems = []
        self.address = f"{self.origin}/{relative}"
        response = self.page.goto(self.address, wait_until="load")
        if response is None or response.status != 200:
            problems.append(f"status {response.status if response else 'none'}")
        facts = self.page.evaluate(PAGE_FACTS, URL_VALUE.pattern)
        lang = expected_lang(relative)
        if facts["lang"] != lang:
            problems.append(f"<html lang> is {facts['lang']!r}, expected {lang!r}")
        if facts["h1"] != 1:
            problems.append(f"{facts['h1']} h1 elements, expected exactly 1")
        if facts["quickExit"] < 1:
            problems.append("no quick-exit link ([data-quick-exit])")
        problems += self.axe_problems(facts["shape"])
        cookies = self.context.cookies()
        if cookies:
            problems.append(f"cookies set: {', '.join(c['name'] for c in cookies)}")
            self.context.clear_cookies()  # blame the page that set it, not every page after
        problems += [f"request to another origin: {url}" for url in self.elsewhere]
        problems += [f"console error: {text}" for text in self.console]
        problems += [f"request failed: {failure}" for failure in self.failed]
        return [f"/{relative}: {problem}" for problem in problems]


def sweep(browser, build: Path, origin: str, shard: int, gate_report, name: str = "gate sweep") -> None:
    """Check one share of a build's pages; fail with every problem found, one line each."""
    pages = shard_of_pages(build, shard)
    context = browser.new_context()
    started = time.perf_counter()
    problems = []
    try:
        sweeper = Sweeper(context, origin)
        for relative in pages:
            problems += sweeper.check(relative)
    finally:
        context.close()
    seconds = time.perf_counter() - started
    gate_report(f"{name} {shard + 1}/{SHARDS}: {len(pages)} pages, axe on {sweeper.axe_runs} distinct "
                f"documents, {len(problems)} problems, {seconds:.0f} s")
    assert not problems, f"{len(problems)} problem(s) on {len(pages)} pages:\n" + "\n".join(problems)


@pytest.mark.long
@pytest.mark.parametrize("shard", range(SHARDS))
def test_every_frozen_page_passes_the_sweep(browser, frozen_site, base_url, gate_report, shard):
    sweep(browser, frozen_site, base_url, shard, gate_report)


def test_the_shares_hold_every_page_once(frozen_site):
    pages = frozen_pages(frozen_site)
    assert len(pages) > 1000, f"only {len(pages)} pages in {frozen_site}: is the build complete?"
    shares = [shard_of_pages(frozen_site, shard) for shard in range(SHARDS)]
    assert sorted(page for share in shares for page in share) == pages
    assert min(len(share) for share in shares) > len(pages) // (2 * SHARDS)  # dealt out evenly enough


# ---- the gate can fail ---------------------------------------------------------------------------

PLANTED_BARE = "<!doctype html><title>Kaal</title><p>Geen taal, geen kop, geen snelle uitgang.</p>\n"
PLANTED_NOISY = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Lawaai</title><script src="/noisy.js"></script></head>
<body><a href="https://example.org/" data-quick-exit>Weg</a><main><h1>Een</h1><h1>Twee</h1>
<img src="{elsewhere}/pixel.png" alt=""><img src="/missing.png" alt=""></main></body></html>
"""
# Pages equal but for their links share one axe run; a page whose text differs gets its own; so does
# one that a script changes after loading, though its file equals the others.
PLANTED_LINKED = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Link</title>{script}</head>
<body><a href="{target}" data-quick-exit>Weg</a><main><h1>{heading}</h1><img src="{target}.png"></main></body></html>
"""
CHANGING_JS = "document.addEventListener('DOMContentLoaded', () => document.querySelector('h1').textContent = '');\n"
NOISY_JS = "document.cookie = 'gezien=ja; path=/'; console.error('kapot');\n"


@pytest.fixture
def planted_site(tmp_path):
    """A two-page site served without the site's headers (a CSP would hide some planted problems)."""
    (tmp_path / "nl").mkdir()
    (tmp_path / "nl" / "kaal.html").write_text(PLANTED_BARE, encoding="utf-8")
    (tmp_path / "noisy.js").write_text(NOISY_JS, encoding="utf-8")
    (tmp_path / "changing.js").write_text(CHANGING_JS, encoding="utf-8")
    for name, target, heading, script in [("a", "/x", "Kop", ""), ("b", "/y", "Kop", ""),
                                          ("c", "/z", "Andere kop", ""),
                                          ("d", "/w", "Kop", '<script src="/changing.js"></script>'),
                                          ("e", "/v", "Kop", '<script src="/changing.js"></script>')]:
        page = PLANTED_LINKED.format(target=target, heading=heading, script=script)
        (tmp_path / "nl" / f"link-{name}.html").write_text(page, encoding="utf-8")
    handler = functools.partial(QuietHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    # localhost is another origin than 127.0.0.1 for the browser, yet nothing leaves the machine.
    noisy = PLANTED_NOISY.format(elsewhere=f"http://localhost:{port}")
    (tmp_path / "nl" / "lawaai.html").write_text(noisy, encoding="utf-8")
    yield f"http://127.0.0.1:{port}"
    server.shutdown()
    server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def test_the_sweep_catches_planted_problems(browser, planted_site):
    context = browser.new_context()
    try:
        sweeper = Sweeper(context, planted_site)
        bare = "\n".join(sweeper.check("nl/kaal.html"))
        noisy = "\n".join(sweeper.check("nl/lawaai.html"))
    finally:
        context.close()
    assert "/nl/kaal.html: <html lang> is None, expected 'nl'" in bare
    assert "/nl/kaal.html: 0 h1 elements, expected exactly 1" in bare
    assert "/nl/kaal.html: no quick-exit link" in bare
    assert "axe html-has-lang" in bare and "axe page-has-heading-one" in bare
    assert "/nl/lawaai.html: <html lang> is 'en', expected 'nl'" in noisy
    assert "/nl/lawaai.html: 2 h1 elements, expected exactly 1" in noisy
    assert "/nl/lawaai.html: cookies set: gezien" in noisy
    assert "/nl/lawaai.html: request to another origin: http://localhost:" in noisy
    assert "/nl/lawaai.html: console error: kapot" in noisy
    assert "/nl/lawaai.html: request failed: 404 for http://127.0.0.1:" in noisy and "/missing.png" in noisy
    assert "no quick-exit link" not in noisy


def test_the_sweep_runs_axe_once_per_distinct_document_and_reports_every_page(browser, planted_site):
    context = browser.new_context()
    try:
        sweeper = Sweeper(context, planted_site)
        found = {name: "\n".join(sweeper.check(f"nl/link-{name}.html")) for name in "abcde"}
    finally:
        context.close()
    for name in "abcde":  # the missing alt text is reported at every page, run or reused
        assert f"/nl/link-{name}.html: axe image-alt" in found[name]
    # a and b share a run; c (other text) and d (its script empties the heading) get one each; e is d's twin
    assert sweeper.axe_runs == 3
    assert "empty-heading" in found["d"] and "empty-heading" in found["e"]
    assert "empty-heading" not in found["a"] + found["b"] + found["c"]


def test_pages_are_enumerated_from_the_build_and_the_root_is_dutch(frozen_site):
    pages = frozen_pages(frozen_site)
    assert "index.html" in pages and "nl/404.html" in pages and "en/404.html" in pages
    assert len(pages) == len(list(frozen_site.rglob("*.html")))
    assert expected_lang("index.html") == "nl"
    assert expected_lang("en/werknemer/index.html") == "en"
