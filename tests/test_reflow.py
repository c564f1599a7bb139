"""Reflow (WCAG 1.4.10): one page of every kind, 320 pixels wide (so on any phone), never scrolls sideways.

The kinds come from the build, not from a list: every page that is not a step of a check is its own kind
(a topic's words are its own), and every distinct heading of a check's steps is one kind (each question
and each outcome, in both languages), so a new page or a new question is measured without anyone adding
it here. The fonts are the ones the machine has (DejaVu on Debian, as in CI).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app import create_app
from tests.test_gate_sweep import URL_VALUE, edition_cover, expected_lang, frozen_pages

pytestmark = pytest.mark.browser

ANSWER_CODE = re.compile(r"^[a-z]\d+$")  # a step's answer in the address: /check/a1/b2/
CONTENT = create_app().extensions["content"]
H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)

# What sticks out past the right edge: the page's width, and any visible text or replaced element (image,
# field, button) that ends past the viewport, outside a container that scrolls on purpose (the
# reviewers' flow graphs). Text is measured by its own boxes: a word can overflow a box that fits.
OVERFLOW = """width => {
    const skipped = element => element.closest('.visually-hidden, .skip-link, [hidden], template')
        || [...(function* () { for (let up = element.parentElement; up; up = up.parentElement) yield up; })()]
            .some(up => getComputedStyle(up).overflowX === 'auto');
    const outside = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        if (!text.textContent.trim()) continue;
        range.selectNodeContents(text);
        const box = range.getBoundingClientRect();
        if (box.width && box.right > width + 0.5 && !skipped(text.parentElement)) outside.push(text.textContent.trim().slice(0, 40));
    }
    for (const element of document.querySelectorAll('img, svg, input, button, select, textarea, table')) {
        const box = element.getBoundingClientRect();
        if (box.width && box.right > width + 0.5 && !skipped(element)) outside.push(`<${element.tagName.toLowerCase()}>`);
    }
    return {scrollWidth: document.documentElement.scrollWidth, outside: outside.slice(0, 3)};
}"""


def page_kinds(build: Path) -> dict[str, str]:
    """One page per kind: kind name -> page path relative to the build."""
    kinds: dict[str, str] = {}
    for relative in frozen_pages(build):
        parts = relative.split("/")
        codes = [part for part in parts if ANSWER_CODE.match(part)]
        if codes:
            heading = H1.search((build / relative).read_text(encoding="utf-8"))
            prefix = "/".join(parts[: parts.index(codes[0])])
            kind = f"{prefix}: {heading.group(1).strip() if heading else '(no h1)'}"
        else:
            kind = relative
        kinds.setdefault(kind, relative)
    return kinds


def sideways(page, origin: str, pages: list[str], width: int, height: int) -> list[str]:
    """Each page of the list that is wider than the viewport, with what sticks out."""
    page.set_viewport_size({"width": width, "height": height})
    problems = []
    for relative in pages:
        page.goto(f"{origin}/{relative}")
        facts = page.evaluate(OVERFLOW, width)
        if facts["scrollWidth"] > width or facts["outside"]:
            problems.append(f"/{relative}: {facts['scrollWidth']} px wide; outside: {facts['outside']}")
    return problems


def test_page_kinds_cover_every_check_step_and_every_other_page(frozen_site):
    kinds = page_kinds(frozen_site)
    values = set(kinds.values())
    for lang in ("nl", "en"):
        for must in ("index.html", "404.html", "zoeken/index.html", "werkgever/aanstellingsbrief/index.html",
                     "vertrouwenspersoon/jaarverslag/index.html", "werkgever/checklist/index.html",
                     "review/index.html", "review/werknemer/check/index.html", "werknemer/check/index.html"):
            assert f"{lang}/{must}" in values
        check = CONTENT.editions[lang].item("werknemer", "check")
        headings = {node.title for node in check.nodes.values()} - {check.nodes[check.start].title}
        steps = {kind.split(": ", 1)[1] for kind in kinds if kind.startswith(f"{lang}/werknemer/check: ")}
        assert steps == headings  # every question after the first and every outcome
    assert "index.html" in values  # the language choice


def test_no_page_kind_scrolls_sideways(page, frozen_site, base_url):
    """At 320 pixels, the narrowest width WCAG asks for; a phone of 390 gets the same layout, wider
    (test_phones_up_to_640_pixels_get_the_layout_of_320)."""
    pages = sorted(set(page_kinds(frozen_site).values()))
    problems = sideways(page, base_url, pages, 320, 640)
    assert not problems, f"{len(problems)} of {len(pages)} pages scroll sideways at 320 px:\n" + "\n".join(problems)


def test_phones_up_to_640_pixels_get_the_layout_of_320():
    """Why 320 pixels stand for every phone: no media query of site.css switches between 320 and 640
    pixels (40rem), and no size follows the viewport's width, so a wider phone gets the same boxes, wider."""
    css = (Path(__file__).resolve().parent.parent / "app" / "static" / "css" / "site.css").read_text(encoding="utf-8")
    widths = re.findall(r"@media[^{]*\((?:min|max)-width:\s*([\d.]+)(rem|em|px)\)", css)
    assert widths, "no width media query found: has the stylesheet moved?"
    for number, unit in widths:
        pixels = float(number) * (1 if unit == "px" else 16)
        assert not 320 <= pixels < 640, f"a layout switch at {number}{unit}: reflow must be measured on both sides"
    assert not re.search(r"[\d.]\s*(vw|vmin|vmax|dvw|svw|lvw)\b", css), "a size follows the viewport's width"


FRAME = re.compile(r'<header class="site-header".*?</header>|<footer class="site-footer".*?</footer>', re.S)


def edition_pages(build: Path) -> list[str]:
    """The edition's pages that reflow measures: its cover (every element path and outline once,
    tests/test_look_browser.py), and a page of each header and footer the edition has, per language."""
    chosen = set(edition_cover(build))
    frames: dict[tuple[str, str], str] = {}
    for relative in frozen_pages(build):
        frame = "".join(FRAME.findall((build / relative).read_text(encoding="utf-8")))
        frames.setdefault((expected_lang(relative), URL_VALUE.sub("", frame)), relative)
    return sorted(chosen | set(frames.values()))


def test_the_organisation_edition_does_not_scroll_sideways(page, frozen_with_organisation, edition_url):
    """The edition adds a logo in the header, contact details in outcomes, topics and the footer.

    An edition page is the generic page of its kind, measured above, with the organisation's parts filled
    in (tests/test_editions.py) and look.css added, which sizes the logo and changes colours only. A
    part's text is the same on every page of a language, and it sits in a box of its own: in the block
    flow of the page, or as an item of the header's wrapping row, whose other items are the same words
    on every page with that header. So what the parts can push past the edge shows on one page for each
    place a part sits (an element path: the cover holds each once) and for each header and footer."""
    pages = edition_pages(frozen_with_organisation)
    problems = sideways(page, edition_url, pages, 320, 640)
    assert not problems, f"{len(problems)} of {len(pages)} pages scroll sideways at 320 px:\n" + "\n".join(problems)


def test_the_measure_sees_a_word_that_does_not_fit(page, base_url):
    """The check can fail: a heading word wider than the screen, with wrapping switched off for it."""
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{base_url}/nl/")
    page.evaluate("""() => {
        const h1 = document.querySelector('h1');
        h1.textContent = 'Vertrouwenspersonenregelingsonderzoekscommissievoorzitter';
        h1.style.overflowWrap = 'normal';
    }""")
    facts = page.evaluate(OVERFLOW, 320)
    assert facts["scrollWidth"] > 320 and facts["outside"]


# ---- the header on a phone: it scrolls away, only the quick exit stays --------------------------

# Every element that stays on screen while the page scrolls (fixed or sticky), with its box.
STAYING = """() => [...document.querySelectorAll('body *')]
    .filter(element => ['fixed', 'sticky'].includes(getComputedStyle(element).position))
    .map(element => {
        const box = element.getBoundingClientRect();
        return {className: element.className, top: box.top, bottom: box.bottom, left: box.left, right: box.right};
    })"""
LONG_OUTCOME = "werknemer/check/a1/b1/c1/d1/"  # a result with the organisation box and many blocks


@pytest.mark.parametrize("width, height", [(320, 640), (390, 844), (1280, 800)])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_only_the_quick_exit_stays_on_screen_and_it_stays_reachable(page, base_url, lang, width, height):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{base_url}/{lang}/{LONG_OUTCOME}")
    page.mouse.wheel(0, 3000)
    page.wait_for_function("() => window.scrollY > 500")
    staying = page.evaluate(STAYING)
    assert [item["className"] for item in staying] == ["quick-exit"], staying
    button = staying[0]
    assert button["bottom"] - button["top"] < 70 and button["top"] >= 0 and button["right"] <= width
    centre = (button["left"] + button["right"]) / 2, (button["top"] + button["bottom"]) / 2
    assert page.evaluate("([x, y]) => !!document.elementFromPoint(x, y).closest('[data-quick-exit]')", centre)


@pytest.mark.parametrize("width, height", [(320, 640), (1280, 800)])
def test_an_in_page_link_does_not_land_under_the_quick_exit(page, base_url, width, height):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{base_url}/nl/{LONG_OUTCOME}#antwoorden")
    target = page.locator("#antwoorden").bounding_box()
    button = page.locator(".quick-exit").bounding_box()
    assert page.evaluate("window.scrollY") > 0
    assert target["y"] >= button["y"] + button["height"], (target, button)
