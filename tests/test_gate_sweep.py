"""Gate: every frozen page, its file read and its shape loaded in a real Chromium: axe, no cookie,
nothing from elsewhere, lang, one h1, a quick exit.

The pages come from the build folder, not from a list, so a page nobody thought of is checked too.

Every page's file is read: its <html lang>, its one h1 and its quick-exit link (in the markup as
JavaScript fills it in, tests/markup.py). Chromium, the costly part (most of the suite's time), loads
one page per *shape*: the file with every link, source and form target blanked and its running text
replaced by a mark. Hundreds of check steps have one shape: they differ only in where their links point
(the answers so far are in the address) and in their words. Two pages of one shape have the same
elements, attributes and classes, so the same styles and colours, the same names for what can be
tapped, the same landmarks and headings, and the same scripts acting on them: axe, the console, the
requests and cookies give the same result. Text can change only sizes. So the text is kept where its
size matters to a rule: in what a person taps or fills in (links, buttons, labels, summaries, options),
in tables and figures (their boxes may scroll), and in the title; an element whose text is only white
space keeps it apart from one with words (axe's empty-heading, link-name). Text flows in boxes of
the same width, so a longer text makes a box taller, never puts the text on another background; that no
text runs out of its box is tests/test_reflow.py's check, on every kind of page.

A check's result is a frame (the header, the back link, the answers so far, the footer) around a
column of *parts*: the caption, the panel, the blocks of advice the answers chose, the date checked.
Hundreds of results are so many combinations of a few dozen parts, so of the results Chromium loads a
cover rather than each shape: pages that between them hold every frame, every outline of headings and
landmarks, and every part right after each part that comes before it on some result ("start" and "end"
count as parts). Each part is a box of its own in the article's column, as wide on every result; a
rule on an element looks at the element, what it holds and what holds it, all of which the part and
the frame keep. What a part takes from its neighbours it takes from the part just before or after it,
and every such pair is loaded: the stylesheet looks at siblings for margins only (tests/test_look.py),
and a tap target's nearest neighbour outside its own part (axe's target-size) is in the part beside
it, as every part between two others is at least 24 pixels tall (the sweep measures that on every page
it loads). Heading order is the outline's; ids, and what points to them, are the HTML gate's
(tests/test_gate_html.py, on every page). A result with anything in a part that could tie it to a part
further away (an id or a reference to one, a role or landmark, a link within the page, a hidden
element: TIES) is loaded by its shape, whole, as is every page that is not a result.
What Chromium finds on a loaded page holds for its whole shape and is reported at every page of it.
The shapes are dealt out over SHARDS tests so pytest-xdist runs them on both cores.
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import re
import threading
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import NamedTuple

import pytest
from axe_playwright_python.sync_playwright import Axe
from tests.accessibility import AXE_OPTIONS
from tests.markup import with_javascript

pytestmark = [pytest.mark.browser, pytest.mark.gate]

LANGUAGES = ("nl", "en")
# The column of parts in a check's result (see the module's docstring), as tag.class.
PARTS_IN = "article.outcome"
PARTS_TAG, PARTS_CLASS = PARTS_IN.split(".")
SHARDS = 6
URL_VALUE = re.compile(r'\b(href|src|action)="(?!#)[^"]*"')  # fragments kept: axe checks a skip link's target
# Where text is kept in a shape: its size is what a rule measures (see the module's docstring).
TEXT_KEPT_IN = frozenset({"a", "button", "label", "summary", "option", "select", "textarea", "table", "figure",
                          "svg", "pre", "title", "script", "style"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                  "wbr"})
# The facts read in the page Chromium built, one round trip besides axe.
PAGE_FACTS = """() => ({
    lang: document.documentElement.getAttribute('lang'),
    h1: document.querySelectorAll('h1').length,
    quickExit: document.querySelectorAll('a[data-quick-exit][href]').length,
    frames: document.querySelectorAll('iframe, frame').length,
    thinParts: [...document.querySelectorAll('PARTS_IN > *')].slice(1, -1)
        .filter(part => part.getBoundingClientRect().height < 24).length,
})""".replace("PARTS_IN", PARTS_IN)
# axe's run, returning only its violations: the whole result (passes, inapplicable rules, each node's
# HTML) is about 50 kB a page, and decoding it cost a third of each run.
AXE_VIOLATIONS = """options => axe.run(document, options).then(results => results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map(node => node.target),
})))"""


# What an element's path (for the edition's cover, tests/test_look_browser.py) keeps of its attributes: every
# name, and the value of those a style or a rule depends on. test_the_paths_keep_what_the_stylesheet_selects_on
# holds site.css to it.
VALUE_KEPT = frozenset({"class", "role", "type", "lang", "hidden", "aria-hidden", "aria-invalid", "aria-current",
                        "aria-label", "data-kind", "data-reset", "tabindex", "colspan", "rowspan", "scope"})
LANDMARKS = frozenset({"header", "nav", "main", "aside", "footer", "section", "form", "search"})
LANDMARK_ROLES = frozenset({"banner", "navigation", "main", "complementary", "contentinfo", "region", "form",
                            "search"})
# What would tie one part of a result to another, or to the page as a whole, beyond its neighbours: a
# result with any of these in a part is loaded whole, by its shape (ShapeReader.combination).
TIES = frozenset({"id", "for", "accesskey", "role", "hidden", "headers", "form", "list", "usemap"})
HEADING = re.compile(r"h[1-6]")


def described(tag: str, attrs: list[tuple[str, str | None]]) -> str:
    """An element as its path names it: its tag, its attributes' names, the values VALUE_KEPT names, and
    only the kind of address a link has (the stylesheet marks links to other sites)."""
    parts = [tag]
    for name, value in sorted(attrs, key=lambda pair: pair[0]):
        if name in VALUE_KEPT:
            parts.append(f"[{name}={' '.join(sorted((value or '').split())) if name == 'class' else value}]")
        elif name == "href":
            parts.append(f"[href={re.match(r'[a-z]+:|#|', value or '').group()}]")
        else:
            parts.append(f"[{name}]")
    return "".join(parts)


class ShapeReader(HTMLParser):
    """One pass over a page's markup: its shape (see the module's docstring), the facts read from the file,
    and what the edition's cover needs: each element's path from the root, and the page's outline."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.parts: list[str] = []
        self.open: list[tuple[str, str]] = []  # (tag, path) of each open element
        self.kept = 0  # how many open elements keep their text
        self.facts = {"lang": None, "h1": 0, "quickExit": 0, "frames": 0}
        self.paths: set[str] = set()
        self.outline: list[str] = []  # headings (a run of one level once) and landmarks, in order
        self.column: int | None = None  # how many elements are open inside a result's column of parts
        self.parts_at: list[list[int]] = []  # each part's [first, end) in self.parts
        self.parts_tied = False  # whether a part holds something that ties it to a part further away

    def path_of(self, tag, attrs) -> str:
        """The element's path from the root, noted among the page's paths."""
        path = (self.open[-1][1] + " > " if self.open else "") + described(tag, attrs)
        self.paths.add(path)
        return path

    def handle_starttag(self, tag, attrs):
        self.parts.append(URL_VALUE.sub(r'\1="~"', self.get_starttag_text()))
        names = dict(attrs)
        if tag == "html":
            self.facts["lang"] = names.get("lang")
        self.facts["h1"] += tag == "h1"
        self.facts["quickExit"] += tag == "a" and "data-quick-exit" in names and names.get("href") is not None
        self.facts["frames"] += tag in ("iframe", "frame")
        path = self.path_of(tag, attrs)
        if HEADING.fullmatch(tag) and self.outline[-1:] != [tag]:
            self.outline.append(tag)
        elif tag in LANDMARKS or names.get("role") in LANDMARK_ROLES:
            self.outline.append(described(tag, attrs))
        self.note_ties(tag, names)
        self.start_part(void=tag in VOID)
        if tag not in VOID:
            self.open.append((tag, path))
            self.kept += tag in TEXT_KEPT_IN
        if tag == PARTS_TAG and PARTS_CLASS in (names.get("class") or "").split() and not self.parts_at:
            self.column = len(self.open)

    def handle_startendtag(self, tag, attrs):
        self.parts.append(URL_VALUE.sub(r'\1="~"', self.get_starttag_text()))
        self.path_of(tag, attrs)
        self.note_ties(tag, dict(attrs))
        self.start_part(void=True)

    def note_ties(self, tag: str, names: dict) -> None:
        """Note an element in the column of parts that ties its part to more than its neighbours: an id or
        a reference to one, a landmark, a link within the page, a hidden element."""
        if self.column is not None and len(self.open) >= self.column and (
                tag in LANDMARKS or any(name in TIES or name.startswith("aria-") for name in names)
                or (names.get("href") or "").startswith("#")):
            self.parts_tied = True

    def start_part(self, void: bool):
        """An element just begun right inside the column of parts begins a part (a void one is one)."""
        if self.column is not None and len(self.open) == self.column:
            end = len(self.parts) if void else None
            self.parts_at.append([len(self.parts) - 1, end])

    def handle_endtag(self, tag):
        self.parts.append(f"</{tag}>")
        if any(open_tag == tag for open_tag, _ in self.open):  # close what the end tag closes, as a browser would
            while self.open:
                closed, _ = self.open.pop()
                self.kept -= closed in TEXT_KEPT_IN
                if closed == tag:
                    break
            if self.column is not None and len(self.open) <= self.column:
                self.end_part(inside=len(self.open) == self.column)

    def end_part(self, inside: bool):
        """An end tag that brings the column back to its own depth ends the open part with it; one that
        closes the column itself ends a part left open just before it, and the column."""
        if self.parts_at and self.parts_at[-1][1] is None:
            self.parts_at[-1][1] = len(self.parts) - (0 if inside else 1)
        if not inside:
            self.column = None

    def handle_data(self, data):
        if data.strip() and self.open:
            self.paths.add(self.open[-1][1] + " > #text")
        if self.kept:
            self.parts.append(data)
        elif data:
            self.parts.append("~" if data.strip() else " ")

    def handle_entityref(self, name):
        self.handle_data(f"&{name};")

    def handle_charref(self, name):
        self.handle_data(f"&#{name};")

    def handle_comment(self, data):
        self.parts.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.parts.append(f"<!{decl}>")

    def features(self) -> frozenset[str]:
        """What the edition's cover must hold once: each element's path, and the outline."""
        return frozenset(self.paths | {"outline: " + " ".join(self.outline)})

    def shape(self) -> str:
        return digest(self.parts)

    def combination(self) -> frozenset[str]:
        """What the site's own cover must hold once: a page's shape; or, for a check's result, its frame,
        its outline and each of its parts beside the one before it (see the module's docstring)."""
        if not self.parts_at or self.parts_tied:
            return frozenset({"shape: " + self.shape()})
        inside = {i for first, end in self.parts_at for i in range(first, end or len(self.parts))}
        frame = digest(part for i, part in enumerate(self.parts) if i not in inside)
        column = ["start", *(digest(self.parts[first:end]) for first, end in self.parts_at), "end"]
        return frozenset({"frame: " + frame, "outline: " + " ".join(self.outline)}
                         | {f"{before} > {part}" for before, part in zip(column, column[1:])})


def digest(parts) -> str:
    return hashlib.sha1("".join(parts).encode()).hexdigest()


def read_page(path: Path) -> ShapeReader:
    """A page read: its shape, the facts its file gives, what each cover needs of it."""
    reader = ShapeReader()
    reader.feed(with_javascript(path.read_text(encoding="utf-8")))
    reader.close()
    return reader


def frozen_pages(build: Path) -> list[str]:
    """Every .html file of a build, as a path relative to its root."""
    return sorted(path.relative_to(build).as_posix() for path in build.rglob("*.html"))


class ReadBuild(NamedTuple):
    groups: list[list[str]]  # the pages grouped by shape, each group sorted, the groups in order
    facts: dict[str, dict]  # page -> what its file gives (lang, h1, quick exit, frames)
    features: dict[str, frozenset[str]]  # page -> its element paths and outline (the edition's cover)
    combinations: dict[str, frozenset[str]]  # page -> its shape, or its result's parts (the site's cover)


@functools.cache
def read_build(build: Path) -> ReadBuild:
    """Every page of a build read once: its shape, its facts and what each cover needs of it."""
    groups: dict[str, list[str]] = {}
    facts, features, combinations = {}, {}, {}
    for relative in frozen_pages(build):
        reader = read_page(build / relative)
        facts[relative], features[relative], combinations[relative] = reader.facts, reader.features(), reader.combination()
        groups.setdefault(reader.shape(), []).append(relative)
    return ReadBuild(sorted(groups.values()), facts, features, combinations)


def cover(features: dict[str, frozenset[str]]) -> list[str]:
    """Few pages that hold every feature of all pages between them (greedy: the page that adds most,
    the shortest address on a tie), in the order chosen."""
    left = set().union(*features.values())
    pages = sorted(features)
    chosen = []
    while left:
        best = max(pages, key=lambda relative: (len(features[relative] & left), -len(relative)))
        chosen.append(best)
        left -= features[best]
    return chosen


@functools.cache
def site_cover(build: Path) -> frozenset[str]:
    """The pages of the site's own sweep: a cover of every shape, and of every result's parts."""
    return frozenset(cover(read_build(build).combinations))


@functools.cache
def edition_cover(build: Path) -> frozenset[str]:
    """The pages of an edition's sweep: a cover of every element path and outline (tests/test_look_browser.py)."""
    return frozenset(cover(read_build(build).features))


def shapes_of_shard(build: Path, shard: int) -> list[list[str]]:
    """One of SHARDS shares of the build's shapes, as their groups of pages."""
    return read_build(build).groups[shard::SHARDS]


def expected_lang(relative: str) -> str:
    """The language folder a page lives in; the language choice at the root is in Dutch."""
    first = relative.split("/", 1)[0]
    return first if first in LANGUAGES else LANGUAGES[0]


def fact_problems(relative: str, facts: dict) -> list[str]:
    """What is wrong with a page's lang, h1 and quick exit, read from its file or from Chromium."""
    problems = []
    lang = expected_lang(relative)
    if facts["lang"] != lang:
        problems.append(f"<html lang> is {facts['lang']!r}, expected {lang!r}")
    if facts["h1"] != 1:
        problems.append(f"{facts['h1']} h1 elements, expected exactly 1")
    if facts["quickExit"] < 1:
        problems.append("no quick-exit link ([data-quick-exit])")
    if facts["frames"]:
        problems.append(f"{facts['frames']} frame(s): axe runs without looking into frames (tests/accessibility.py)")
    if facts.get("thinParts"):  # measured in Chromium only: the site's cover counts on it
        problems.append(f"{facts['thinParts']} part(s) of the result under 24 px tall, between two others")
    return problems


class Sweeper:
    """One page of one browser context, reused for every address; it watches what each page does.

    axe-core is installed as an init script, so the browser keeps the 0.5 MB script and adds it to each
    new document itself, instead of Python sending it again for each page.
    """

    def __init__(self, context, origin: str):
        self.context = context
        self.origin = origin.rstrip("/")
        self.axe_script = Axe().axe_script
        context.add_init_script(self.axe_script)
        self.page = context.new_page()
        self.loads = 0
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

    def check(self, relative: str) -> list[str]:
        """Every problem of one page loaded in Chromium, as 'what is wrong' lines (none when it is fine)."""
        self.elsewhere.clear()
        self.console.clear()
        self.failed.clear()
        self.loads += 1
        problems = []
        self.address = f"{self.origin}/{relative}"
        response = self.page.goto(self.address, wait_until="load")
        if response is None or response.status != 200:
            problems.append(f"status {response.status if response else 'none'}")
        problems += fact_problems(relative, self.page.evaluate(PAGE_FACTS))
        problems += [f"axe {violation['id']} ({violation['impact']}): {violation['help']} at "
                     + ", ".join(str(target) for target in violation["targets"])
                     for violation in self.axe_violations()]
        cookies = self.context.cookies()
        if cookies:
            problems.append(f"cookies set: {', '.join(c['name'] for c in cookies)}")
            self.context.clear_cookies()  # blame the page that set it, not every page after
        problems += [f"request to another origin: {url}" for url in self.elsewhere]
        problems += [f"console error: {text}" for text in self.console]
        problems += [f"request failed: {failure}" for failure in self.failed]
        return problems

    def check_group(self, group: list[str], facts: dict[str, dict], loaded: frozenset[str] | None = None) -> list[str]:
        """A group of pages of one shape: each file's facts, and one page in Chromium, whose findings hold
        for the shape and are reported at every page of it. The page is the group's first, or the one in
        `loaded` (a cover holds at most one page of a shape: pages of one shape have the same parts and
        paths); a group without one is covered by other pages, and only its files are read."""
        chosen = group[0] if loaded is None else next((relative for relative in group if relative in loaded), None)
        shared = self.check(chosen) if chosen else []
        problems = []
        for relative in group:
            own = fact_problems(relative, facts[relative])
            problems += [f"/{relative}: {problem}" for problem in own + [p for p in shared if p not in own]]
        return problems


def sweep(browser, build: Path, origin: str, shard: int, gate_report, name: str, loaded: frozenset[str]) -> None:
    """Check one share of a build's shapes; fail with every problem found, one line each. Every page's file
    is read; Chromium loads the pages of the share that are in `loaded` (a cover)."""
    groups = shapes_of_shard(build, shard)
    facts = read_build(build).facts
    context = browser.new_context()
    started = time.perf_counter()
    problems = []
    try:
        sweeper = Sweeper(context, origin)
        for group in groups:
            problems += sweeper.check_group(group, facts, loaded)
    finally:
        context.close()
    seconds = time.perf_counter() - started
    pages = sum(len(group) for group in groups)
    gate_report(f"{name} {shard + 1}/{SHARDS}: {pages} pages read, {sweeper.loads} pages of the cover in Chromium, "
                f"{len(problems)} problems, {seconds:.0f} s")
    assert not problems, f"{len(problems)} problem(s) on {pages} pages:\n" + "\n".join(problems)


@pytest.mark.long
@pytest.mark.parametrize("shard", range(SHARDS))
def test_every_frozen_page_passes_the_sweep(browser, frozen_site, base_url, gate_report, shard):
    sweep(browser, frozen_site, base_url, shard, gate_report, "gate sweep", site_cover(frozen_site))


def test_the_shares_hold_every_page_once(frozen_site):
    pages = frozen_pages(frozen_site)
    assert len(pages) > 1000, f"only {len(pages)} pages in {frozen_site}: is the build complete?"
    shares = [shapes_of_shard(frozen_site, shard) for shard in range(SHARDS)]
    assert sorted(page for share in shares for group in share for page in group) == pages
    shapes = sum(len(share) for share in shares)
    assert min(len(share) for share in shares) >= shapes // SHARDS  # dealt out evenly


# ---- the gate can fail ---------------------------------------------------------------------------

PLANTED_BARE = "<!doctype html><title>Kaal</title><p>Geen taal, geen kop, geen snelle uitgang.</p>\n"
PLANTED_NOISY = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Lawaai</title><script src="/noisy.js"></script></head>
<body><a href="https://example.org/" data-quick-exit>Weg</a><main><h1>Een</h1><h1>Twee</h1>
<img src="{elsewhere}/pixel.png" alt=""><img src="/missing.png" alt=""><iframe title="Kader"></iframe></main></body></html>
"""
# Pages equal but for their links and running text are one shape; a page whose link text differs, or
# whose heading is only white space, is a shape of its own; so is one that loads a script.
PLANTED_LINKED = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Link</title>{script}</head>
<body><a href="{target}" data-quick-exit>{exit}</a><main><h1>{heading}</h1><img src="{target}.png"></main></body></html>
"""
# A check's result: a frame around a column of parts, the blocks in between chosen by name.
PLANTED_RESULT = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Uitkomst</title>
<style>p {{ line-height: 2; }}</style></head>
<body><a href="/weg" data-quick-exit>Weg</a><main><article class="prose outcome"><p class="caption">Uitkomst</p>
<div class="panel"><h1>Kop</h1></div>{blocks}<p class="checked">Gecontroleerd</p></article>
<section class="answers"><h2>Je antwoorden</h2>{answers}</section></main></body></html>
"""
PLANTED_BLOCKS = {"x": '<div class="block"><p>Een <a href="/a">link</a>.</p></div>',
                  "y": '<div class="block"><h2>Kop</h2><p>Tekst</p></div>',
                  "z": '<div class="block"><ul><li>Punt</li></ul></div>',
                  "0": '<div class="block"></div>',  # an empty part: no height
                  "i": '<div class="block"><h2 id="meer">Meer</h2></div>',  # an id another part may point to
                  "#": '<div class="block"><p><a href="#meer">Lees meer</a></p></div>',
                  "r": '<div class="block" role="region" aria-label="Extra"><p>Tekst</p></div>'}


def planted_result(folder: Path, blocks: str, answers: str = "") -> str:
    """A result page with these blocks (by their letters) written to folder; its name."""
    name = f"uitkomst-{blocks}{'-antwoorden' if answers else ''}.html"
    html = PLANTED_RESULT.format(blocks="".join(PLANTED_BLOCKS[b] for b in blocks), answers=answers)
    (folder / name).write_text(html, encoding="utf-8")
    return name


CHANGING_JS = "document.addEventListener('DOMContentLoaded', () => document.querySelector('h1').textContent = '');\n"
NOISY_JS = "document.cookie = 'gezien=ja; path=/'; console.error('kapot');\n"


@pytest.fixture
def planted_site(tmp_path):
    """A two-page site served without the site's headers (a CSP would hide some planted problems)."""
    (tmp_path / "nl").mkdir()
    (tmp_path / "nl" / "kaal.html").write_text(PLANTED_BARE, encoding="utf-8")
    (tmp_path / "noisy.js").write_text(NOISY_JS, encoding="utf-8")
    (tmp_path / "changing.js").write_text(CHANGING_JS, encoding="utf-8")
    changing = '<script src="/changing.js"></script>'
    for name, target, heading, exit, script in [("a", "/x", "Kop", "Weg", ""), ("b", "/y", "Kop", "Weg", ""),
                                                ("c", "/z", "Een heel andere kop", "Weg", ""),
                                                ("d", "/w", "Kop", "Weg", changing),
                                                ("e", "/v", "Andere kop", "Weg", changing),
                                                ("f", "/u", " ", "Weg", ""),
                                                ("g", "/t", "Kop", "Snel weg", "")]:
        page = PLANTED_LINKED.format(target=target, heading=heading, exit=exit, script=script)
        (tmp_path / "nl" / f"link-{name}.html").write_text(page, encoding="utf-8")
    handler = functools.partial(QuietHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    # localhost is another origin than 127.0.0.1 for the browser, yet nothing leaves the machine.
    noisy = PLANTED_NOISY.format(elsewhere=f"http://localhost:{port}")
    (tmp_path / "nl" / "lawaai.html").write_text(noisy, encoding="utf-8")
    planted_result(tmp_path / "nl", "x0y")
    yield f"http://127.0.0.1:{port}"
    server.shutdown()
    server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def planted_sweep(browser, origin: str, build: Path, groups: list[list[str]]) -> tuple[Sweeper, list[str]]:
    context = browser.new_context()
    try:
        sweeper = Sweeper(context, origin)
        facts = {relative: read_page(build / relative).facts for group in groups for relative in group}
        return sweeper, [line for group in groups for line in sweeper.check_group(group, facts)]
    finally:
        context.close()


def test_the_sweep_catches_planted_problems(browser, planted_site, tmp_path):
    _, lines = planted_sweep(browser, planted_site, tmp_path,
                             [["nl/kaal.html"], ["nl/lawaai.html"], ["nl/uitkomst-x0y.html"]])
    assert "/nl/uitkomst-x0y.html: 1 part(s) of the result under 24 px tall, between two others" in lines
    bare = "\n".join(line for line in lines if line.startswith("/nl/kaal.html: "))
    noisy = "\n".join(line for line in lines if line.startswith("/nl/lawaai.html: "))
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
    assert "/nl/lawaai.html: 1 frame(s): axe runs without looking into frames" in noisy
    assert "no quick-exit link" not in noisy


def test_pages_of_one_shape_are_loaded_once_and_each_gets_the_result(browser, planted_site, tmp_path):
    names = "abcdefg"
    shapes: dict[str, list[str]] = {}
    for name in names:
        shapes.setdefault(read_page(tmp_path / "nl" / f"link-{name}.html").shape(), []).append(name)
    # other links and other running text: one shape; a script, an empty heading, other link text: not
    assert sorted(shapes.values()) == [["a", "b", "c"], ["d", "e"], ["f"], ["g"]]
    groups = [[f"nl/link-{name}.html" for name in group] for group in sorted(shapes.values())]
    sweeper, lines = planted_sweep(browser, planted_site, tmp_path, groups)
    found = {name: "\n".join(line for line in lines if line.startswith(f"/nl/link-{name}.html: ")) for name in names}
    assert sweeper.loads == 4
    for name in names:  # the missing alt text is reported at every page, loaded or not
        assert "axe image-alt" in found[name], name
    # the script empties d's heading, and e is of d's shape; f's heading is empty in its file
    assert "empty-heading" in found["d"] and "empty-heading" in found["e"] and "empty-heading" in found["f"]
    assert "empty-heading" not in found["a"] + found["b"] + found["c"] + found["g"]


def test_pages_are_enumerated_from_the_build_and_the_root_is_dutch(frozen_site):
    pages = frozen_pages(frozen_site)
    assert "index.html" in pages and "nl/404.html" in pages and "en/404.html" in pages
    assert len(pages) == len(list(frozen_site.rglob("*.html")))
    assert expected_lang("index.html") == "nl"
    assert expected_lang("en/werknemer/index.html") == "en"


def test_a_cover_of_results_holds_every_part_beside_the_one_before_it(tmp_path):
    """Results are a frame and a column of parts; the site's cover loads enough results that each part
    is seen after each part that comes before it on any result, in every frame."""
    pages = {name: read_page(tmp_path / name) for name in
             [planted_result(tmp_path, blocks) for blocks in ("xy", "yz", "xyz", "xz", "yx")]
             + [planted_result(tmp_path, "xy", answers="<dl><dt>Vraag</dt><dd>Ja</dd></dl>")]}
    assert [len(reader.parts_at) for reader in pages.values()] == [5, 5, 6, 5, 5, 5]  # caption, panel, blocks, date
    combinations = {name: reader.combination() for name, reader in pages.items()}
    chosen = cover(combinations)
    # x right before z is only xz's (xyz has y between), y before x only yx's, and another list of answers
    # is another frame; xy and yz hold nothing the others do not
    assert {"uitkomst-xz.html", "uitkomst-yx.html", "uitkomst-xy-antwoorden.html"} <= set(chosen)
    assert "uitkomst-xy.html" not in chosen and "uitkomst-yz.html" not in chosen
    assert set().union(*(combinations[name] for name in chosen)) == set().union(*combinations.values())
    # a part left open (a <p> without its end tag) ends where the column does, as in a browser
    unclosed = tmp_path / "open.html"
    unclosed.write_text((tmp_path / "uitkomst-xy.html").read_text().replace("Gecontroleerd</p>", "Gecontroleerd"))
    assert read_page(unclosed).parts_at == pages["uitkomst-xy.html"].parts_at[:-1] + [
        [pages["uitkomst-xy.html"].parts_at[-1][0], pages["uitkomst-xy.html"].parts_at[-1][1] - 1]]
    # a part with an id, a link within the page or a landmark may be tied to a part further away: such a
    # result is loaded by its shape, whole; a landmark given by its role is in the outline too
    for blocks in ("xi", "#y", "ry"):
        tied = read_page(tmp_path / planted_result(tmp_path, blocks))
        assert [f.split(":")[0] for f in tied.combination()] == ["shape"], blocks
    assert "div[aria-label=Extra][class=block][role=region]" in tied.outline
    # a page that is not a result is its own shape, whole
    other = read_page(tmp_path / planted_result(tmp_path, "xy")).combination()
    assert other == combinations["uitkomst-xy.html"]
    (tmp_path / "topic.html").write_text(PLANTED_RESULT.replace("prose outcome", "prose"), encoding="utf-8")
    assert [f.split(":")[0] for f in read_page(tmp_path / "topic.html").combination()] == ["shape"]
