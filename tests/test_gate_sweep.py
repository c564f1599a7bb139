"""Gate: every frozen page in a real Chromium: axe, no cookie, nothing from elsewhere, lang, h1, quick exit.

The pages come from the build folder, not from a list, so a page nobody thought of is checked too.
"""

from __future__ import annotations

import functools
import http.server
import threading
import time
from pathlib import Path

import pytest
from axe_playwright_python.base import AxeResults
from axe_playwright_python.sync_playwright import Axe

pytestmark = [pytest.mark.browser, pytest.mark.gate]

LANGUAGES = ("nl", "en")
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
    "resultTypes": ["violations"],
}
# The facts one evaluate() reads from a page, so each page costs a single round trip besides axe.
PAGE_FACTS = """() => ({
    lang: document.documentElement.getAttribute('lang'),
    h1: document.querySelectorAll('h1').length,
    quickExit: document.querySelectorAll('a[data-quick-exit][href]').length,
})"""


def frozen_pages(build: Path) -> list[str]:
    """Every .html file of a build, as a path relative to its root."""
    return sorted(path.relative_to(build).as_posix() for path in build.rglob("*.html"))


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
        self.elsewhere: list[str] = []
        self.console: list[str] = []
        self.page.on("request", self._request)
        self.page.on("console", lambda message: message.type == "error" and self.console.append(message.text))
        self.page.on("pageerror", lambda error: self.console.append(f"uncaught: {error}"))

    def _request(self, request):
        if not (request.url == self.origin or request.url.startswith(self.origin + "/")):
            self.elsewhere.append(request.url)

    def axe(self) -> AxeResults:
        """axe-core's own run, through axe_playwright_python's script and result type."""
        if not self.page.evaluate("() => typeof axe === 'object'"):  # init script missing: inject
            self.page.evaluate(self.axe_script)
        return AxeResults(self.page.evaluate("options => axe.run(document, options)", AXE_OPTIONS))

    def check(self, relative: str) -> list[str]:
        """Every problem of one page, as 'address: what is wrong' lines (none when the page is fine)."""
        self.elsewhere.clear()
        self.console.clear()
        problems = []
        response = self.page.goto(f"{self.origin}/{relative}", wait_until="load")
        if response is None or response.status != 200:
            problems.append(f"status {response.status if response else 'none'}")
        facts = self.page.evaluate(PAGE_FACTS)
        lang = expected_lang(relative)
        if facts["lang"] != lang:
            problems.append(f"<html lang> is {facts['lang']!r}, expected {lang!r}")
        if facts["h1"] != 1:
            problems.append(f"{facts['h1']} h1 elements, expected exactly 1")
        if facts["quickExit"] < 1:
            problems.append("no quick-exit link ([data-quick-exit])")
        results = self.axe()
        for violation in results.response["violations"]:
            targets = ", ".join(str(node["target"]) for node in violation["nodes"][:3])
            problems.append(f"axe {violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
        cookies = self.context.cookies()
        if cookies:
            problems.append(f"cookies set: {', '.join(c['name'] for c in cookies)}")
            self.context.clear_cookies()  # blame the page that set it, not every page after
        problems += [f"request to another origin: {url}" for url in self.elsewhere]
        problems += [f"console error: {text}" for text in self.console]
        return [f"/{relative}: {problem}" for problem in problems]


def test_every_frozen_page_passes_the_sweep(browser, frozen_site, base_url, gate_report):
    pages = frozen_pages(frozen_site)
    assert len(pages) > 1000, f"only {len(pages)} pages in {frozen_site}: is the build complete?"
    context = browser.new_context()
    started = time.perf_counter()
    problems = []
    try:
        sweeper = Sweeper(context, base_url)
        for relative in pages:
            problems += sweeper.check(relative)
    finally:
        context.close()
    seconds = time.perf_counter() - started
    gate_report(f"gate sweep: {len(pages)} pages, {len(problems)} problems, {seconds:.0f} s")
    assert not problems, f"{len(problems)} problem(s) on {len(pages)} pages:\n" + "\n".join(problems)


# ---- the gate can fail ---------------------------------------------------------------------------

PLANTED_BARE = "<!doctype html><title>Kaal</title><p>Geen taal, geen kop, geen snelle uitgang.</p>\n"
PLANTED_NOISY = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Lawaai</title><script src="/noisy.js"></script></head>
<body><a href="https://example.org/" data-quick-exit>Weg</a><main><h1>Een</h1><h1>Twee</h1>
<img src="{elsewhere}/pixel.png" alt=""></main></body></html>
"""
NOISY_JS = "document.cookie = 'gezien=ja; path=/'; console.error('kapot');\n"


@pytest.fixture
def planted_site(tmp_path):
    """A two-page site served without the site's headers (a CSP would hide some planted problems)."""
    (tmp_path / "nl").mkdir()
    (tmp_path / "nl" / "kaal.html").write_text(PLANTED_BARE, encoding="utf-8")
    (tmp_path / "noisy.js").write_text(NOISY_JS, encoding="utf-8")
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
    assert "no quick-exit link" not in noisy


def test_pages_are_enumerated_from_the_build_and_the_root_is_dutch(frozen_site):
    pages = frozen_pages(frozen_site)
    assert "index.html" in pages and "nl/404.html" in pages and "en/404.html" in pages
    assert len(pages) == len(list(frozen_site.rglob("*.html")))
    assert expected_lang("index.html") == "nl"
    assert expected_lang("en/werknemer/index.html") == "en"
