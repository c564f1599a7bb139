"""The tools' forms follow GOV.UK's patterns: the hint right under its label, each field's error named by
aria-describedby, an error summary at the top that takes focus and links to the fields, and the privacy
sentence once per page. The markup through the Flask client; the summary in a real Chromium."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from tests.markup import with_javascript
from tests.test_browser import CONTENT, assert_accessible, tool_address

SUMMARY_HEADING = {"nl": "Er is een probleem", "en": "There is a problem"}
# The promise that typed text stays on the device, in the words of the tools' pages.
PRIVACY = re.compile(r"(stays in your (own )?browser|blijft in je (eigen )?browser)")
TOOLS = [(lang, kind) for lang in CONTENT.editions for kind in ("checklist", "letter", "report")]


def tool_page(client, lang, kind) -> BeautifulSoup:
    address, _ = tool_address(lang, kind)
    response = client.get(address.removesuffix("index.html"))
    assert response.status_code == 200
    return BeautifulSoup(with_javascript(response.get_data(as_text=True)), "html.parser")


@pytest.mark.parametrize("lang, kind", TOOLS)
def test_the_privacy_sentence_is_said_once_per_tool_page(client, lang, kind):
    main = tool_page(client, lang, kind).find("main")
    assert len(PRIVACY.findall(main.get_text(" "))) == 1, main.get_text(" ")


@pytest.mark.parametrize("lang, kind", [(lang, kind) for lang, kind in TOOLS if kind != "checklist"])
def test_hints_sit_under_their_label_and_errors_are_named_by_the_field(client, lang, kind):
    soup = tool_page(client, lang, kind)
    fields = soup.select("form input[data-kind], form textarea")
    assert fields
    for field in fields:
        described = field["aria-describedby"].split()
        assert all(soup.find(id=name) for name in described), field
        error = soup.find(id=described[-1])
        assert "field-error" in error["class"], field  # tools.js writes the error there
        label = soup.find("label", attrs={"for": field["id"]})
        following = label.find_next_sibling()
        hints = [soup.find(id=name) for name in described if "hint" in soup.find(id=name).get("class", [])]
        if hints:  # GOV.UK: the hint comes straight after the label, before the error and the field
            assert following is hints[0], field
    assert len(soup.select("[data-error-summary]")) == 1
    summary = soup.select_one("[data-error-summary]")
    assert summary["tabindex"] == "-1" and summary.select_one("[role=alert] h2").get_text() == SUMMARY_HEADING[lang]
    assert summary.find_parent("form").find() is summary  # at the top of the form


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_wrong_count_in_the_report_stops_printing_with_a_summary_that_links_to_it(page, base_url, lang):
    address, _ = tool_address(lang, "report")
    page.goto(base_url + address)
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    page.locator("#veld-meldingen").fill("12")
    page.locator("#telling-soort-pesten").fill("vijf")
    page.locator("#veld-jaar").focus()
    error = page.locator("#fout-soort-pesten")
    assert error.is_visible()
    page.locator("[data-print]").click()
    assert page.evaluate("() => window.printed") == 0
    summary = page.locator("[data-error-summary]")
    assert summary.is_visible()
    assert page.evaluate("() => document.activeElement.hasAttribute('data-error-summary')")
    assert summary.locator("h2").inner_text() == SUMMARY_HEADING[lang]
    links = summary.locator("a")
    assert links.all_inner_texts() == [error.inner_text()]
    assert links.first.get_attribute("href") == "#telling-soort-pesten"
    assert "fout-soort-pesten" in page.locator("#telling-soort-pesten").get_attribute("aria-describedby").split()
    assert not page.locator("[data-warning-summary]").is_visible()  # the errors come first
    assert_accessible(page, set())
    links.first.click()
    assert page.evaluate("() => document.activeElement.id") == "telling-soort-pesten"
    page.locator("#telling-soort-pesten").fill("5")
    assert not summary.is_visible()  # the summary follows the fix
    page.locator("[data-print]").click()
    assert page.evaluate("() => window.printed") == 1


@pytest.mark.browser
def test_the_checklists_boxes_are_large_targets(page, base_url):
    """GOV.UK's 40 pixels, not WCAG 2.2's bare minimum of 24."""
    address, _ = tool_address("nl", "checklist")
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(base_url + address)
    sizes = page.locator(".point input[type=checkbox]").evaluate_all(
        "boxes => boxes.map(box => [box.getBoundingClientRect().width, box.getBoundingClientRect().height])")
    assert len(sizes) == 15 and all(width >= 40 and height >= 40 for width, height in sizes), sizes
