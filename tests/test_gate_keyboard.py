"""Gate: every check can be walked with the keyboard alone, focus is always visible, and print leaves out
the site's header and footer on every page."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest

from app.assets import plain_name

from app.content.model import Check, Question
from app.serve import serve_in_thread

from .test_gate_sweep import frozen_pages
from .real_app import real_app

# One worker under pytest-xdist: the module's costly shared fixture is made once.
pytestmark = [pytest.mark.gate, pytest.mark.xdist_group("keyboard")]

CONTENT = real_app().extensions["content"]  # the walks are parametrized from it
MAX_TABS = 80  # more stops than any page has: reaching it means the option cannot be reached by Tab
STYLESHEET = "static/css/site.css"
PROJECT = Path(__file__).resolve().parent.parent


def keyboard_route(check: Check) -> tuple[str, ...]:
    """The route that always takes the last option: the most Tab presses, and it ends at an outcome."""
    codes, node = (), check.nodes[check.start]
    while isinstance(node, Question):
        option = node.options[-1]
        codes += (option.code,)
        node = check.nodes[option.next]
    return codes


def every_check():
    for edition in CONTENT.editions.values():
        for item in edition.checks():
            yield pytest.param(edition.lang, item.section, item.id, id=f"{edition.lang}-{item.section}-{item.id}")


def tab_to(page, href: str) -> int | None:
    """Press Tab until the focused element is the link to href; the number of presses, or None."""
    for presses in range(1, MAX_TABS + 1):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement && document.activeElement.href") == href:
            return presses
    return None


FOCUS_STYLE = """() => {
    const element = document.activeElement, style = getComputedStyle(element);
    return {outline: style.outlineStyle, width: style.outlineWidth, shadow: style.boxShadow,
            visible: element.matches(':focus-visible')};
}"""


def focus_problem(page) -> str | None:
    """What is wrong with the focused element's focus indicator, or None when it is visible."""
    style = page.evaluate(FOCUS_STYLE)
    if not style["visible"]:
        return "the focused element does not match :focus-visible"
    outline = style["outline"] != "none" and style["width"] not in ("0px", "")
    if not outline and style["shadow"] == "none":
        return f"no visible focus indicator (outline {style['outline']} {style['width']}, box-shadow none)"
    return None


@pytest.mark.browser
@pytest.mark.parametrize("lang, section, item", every_check())
def test_walk_each_check_with_the_keyboard_only(page, base_url, lang, section, item):
    check = CONTENT.editions[lang].item(section, item)
    codes = keyboard_route(check)
    address = f"{base_url}/{lang}/{section}/{item}"
    page.goto(f"{address}/index.html")
    for i, code in enumerate(codes):
        wanted = f"{address}/{'/'.join(codes[:i + 1])}/index.html"
        presses = tab_to(page, wanted)
        assert presses is not None, f"{page.url}: no option link to {wanted} within {MAX_TABS} Tab presses"
        assert page.evaluate("() => document.activeElement.classList.contains('option')")
        problem = focus_problem(page)
        assert problem is None, f"{page.url}, option {code}: {problem}"
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url == wanted
    assert page.locator("h1").inner_text() == check.walk(codes).node.title


# ---- print ---------------------------------------------------------------------------------------
# Every page links one stylesheet, site.css, and nothing else styles a page (no <style>, no style
# attributes: the Content-Security-Policy would block them anyway). So whether print hides the header
# and footer depends only on site.css and on the page's markup, and the markup comes from one template
# per kind of page. Hence: check the stylesheet link of every page (cheap, from the files), and check
# print fully in a real browser on one page of each kind (each template, from each view that renders
# it, in each language: home, section, topic, question, outcome, search, 404, tools, review, ...).

STYLESHEET_LINK = re.compile(r"<link\b[^>]*\brel=\"stylesheet\"[^>]*>")
HREF = re.compile(r"\bhref=\"([^\"]*)\"")


def stylesheet_problems(relative: str, html: str) -> list[str]:
    """Problems with a page's styling: it must link site.css, once, for all media, and nothing else."""
    problems = []
    links = STYLESHEET_LINK.findall(html)
    targets = []
    for tag in links:
        href = HREF.search(tag)
        # relative to the page, or to the site root (the 404 pages' links start at the root)
        # (a hashed name, css/site.<digest>.css, stands for site.css: app/assets.py)
        targets.append(plain_name(posixpath.normpath(posixpath.join("/" + posixpath.dirname(relative),
                                                                    href.group(1)))[1:]) if href else None)
        if "media=" in tag:
            problems.append(f"/{relative}: the stylesheet link has a media attribute: {tag}")
    if targets != [STYLESHEET]:
        problems.append(f"/{relative}: expected one stylesheet, {STYLESHEET}, found {targets}")
    if re.search(r"<style\b", html) or re.search(r"\sstyle=", html):
        problems.append(f"/{relative}: styles outside site.css (<style> or a style attribute)")
    return problems


def test_every_page_is_styled_by_site_css_alone(frozen_site, gate_report):
    pages = frozen_pages(frozen_site)
    problems = [problem for relative in pages
                for problem in stylesheet_problems(relative, (frozen_site / relative).read_text(encoding="utf-8"))]
    gate_report(f"gate stylesheet: {len(pages)} pages styled by site.css alone, {len(problems)} problems")
    assert not problems, "\n".join(problems)


PRINT_STATE = """() => {
    const shown = selector => [...document.querySelectorAll(selector)].some(
        element => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden');
    return {header: shown('.site-header'), footer: shown('.site-footer'), h1: shown('h1'),
            headerPresent: !!document.querySelector('.site-header'),
            footerPresent: !!document.querySelector('.site-footer')};
}"""


def print_problems(page) -> list[str]:
    """With print media: the header and footer are there on screen but hidden on paper; the h1 prints."""
    page.emulate_media(media="print")
    try:
        state = page.evaluate(PRINT_STATE)
    finally:
        page.emulate_media(media="screen")
    problems = []
    for part in ("header", "footer"):
        if not state[f"{part}Present"]:
            problems.append(f".site-{part} is missing")
        elif state[part]:
            problems.append(f".site-{part} shows in print")
    if not state["h1"]:
        problems.append("the h1 does not print")
    return problems


def test_every_page_template_is_sampled_for_print(page_samples):
    sampled = {template for _, _, template in page_samples}
    templates = {path.name for path in (PROJECT / "app" / "templates").glob("*.html")
                 if not path.name.startswith("_") and path.name != "base.html"}
    assert templates <= sampled, f"templates no frozen page uses: {sorted(templates - sampled)}"
    kinds = {(lang, endpoint) for lang, endpoint, _ in page_samples}
    for lang in CONTENT.editions:  # both kinds of question page: the first, and one further on
        assert {(lang, "pages.item"), (lang, "checks.state"), (lang, "errors.not_found_page")} <= kinds


@pytest.mark.browser
def test_print_hides_header_and_footer_on_one_page_of_each_kind(page, base_url, page_samples, gate_report):
    problems = []
    for (lang, endpoint, template), relative in sorted(page_samples.items()):
        page.goto(f"{base_url}/{relative}")
        problems += [f"/{relative} ({endpoint}, {template}): {problem}" for problem in print_problems(page)]
    gate_report(f"gate print: {len(page_samples)} kinds of page checked in print media, {len(problems)} problems")
    assert not problems, "\n".join(problems)


# ---- the gate can fail ---------------------------------------------------------------------------

PLANTED_CSS = """a:focus { outline: none; }
@media print { .site-footer { display: none; } }
"""
PLANTED_PAGE = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Proef</title>
<link rel="stylesheet" href="../plant.css"></head><body>
<header class="site-header"><a href="../x/index.html">Kop</a></header>
<main><h1>Proef</h1><p><a class="option" href="../y/index.html">Antwoord</a></p></main>
<footer class="site-footer"><p>Voet</p></footer></body></html>
"""


@pytest.fixture
def planted_base(tmp_path):
    (tmp_path / "nl").mkdir()
    (tmp_path / "nl" / "index.html").write_text(PLANTED_PAGE, encoding="utf-8")
    (tmp_path / "plant.css").write_text(PLANTED_CSS, encoding="utf-8")
    server = serve_in_thread(tmp_path)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.browser
def test_the_keyboard_and_print_checks_catch_planted_problems(page, planted_base):
    page.goto(f"{planted_base}/nl/index.html")
    assert tab_to(page, f"{planted_base}/y/index.html") == 2
    assert "no visible focus indicator" in focus_problem(page)
    assert tab_to(page, f"{planted_base}/nowhere/index.html") is None
    assert print_problems(page) == [".site-header shows in print"]
    assert stylesheet_problems("nl/index.html", PLANTED_PAGE) == [
        "/nl/index.html: expected one stylesheet, static/css/site.css, found ['plant.css']"]
    assert stylesheet_problems("nl/index.html", PLANTED_PAGE.replace("<p><a", "<p style=\"\"><a")) != []
