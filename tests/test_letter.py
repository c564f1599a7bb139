"""The appointment letter in a real Chromium: the Word file carries what was typed, made in the browser;
Dutch decimals; the 20% rule with GOV.UK's error summary; and what the page says without JavaScript."""

from __future__ import annotations

import re

import pytest
from docx import Document

from tests.test_browser import after_load_requests, assert_accessible, tool_address

pytestmark = pytest.mark.browser

# Typed values, with characters that XML must escape: the file has to open all the same.
TYPED = {"werkgever": "Jan Smit", "functie-werkgever": "directeur", "organisatie": "De Linde & Zonen <zorg>",
         "werknemer": "Anna de Vries", "termijn": "4", "plaats": "Utrecht"}
DATES = {"startdatum": ("2027-03-01", {"nl": "1 maart 2027", "en": "1 March 2027"}),
         "datum": ("2027-02-15", {"nl": "15 februari 2027", "en": "15 February 2027"})}
LIVE_PROMISE = {"nl": "verandert terwijl je typt", "en": "changes as you type"}
SUMMARY_HEADING = {"nl": "Er is een probleem", "en": "There is a problem"}


def letter_tool(lang):
    return tool_address(lang, "letter")


def fill_everything(page, percentage):
    for field_id, value in TYPED.items():
        page.locator(f"#veld-{field_id}").fill(value)
    for field_id, (value, _) in DATES.items():
        page.locator(f"#veld-{field_id}").fill(value)
    page.locator("#veld-percentage").fill(percentage)


def word_text(path) -> tuple[str, list]:
    """All the text of a Word file (paragraphs and table cells), and its highlighted (blank) runs."""
    document = Document(path)
    paragraphs = list(document.paragraphs)
    for table in document.tables:
        paragraphs += [p for cell in table._cells for p in cell.paragraphs]
    marked = [r.text for p in paragraphs for r in p.runs if r.font.highlight_color is not None]
    return "\n".join(p.text for p in paragraphs), marked


def slot_text(page, field_id):
    return page.locator(f'[data-preview] [data-slot="{field_id}"]').first.inner_text()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_word_file_carries_every_typed_value_and_no_blank(page, base_url, lang):
    address, tool = letter_tool(lang)
    page.goto(base_url + address)
    made = after_load_requests(page, base_url)
    fill_everything(page, "12,5")
    link = page.locator("a[data-word]")
    assert link.inner_text() == link.get_attribute("data-filled-label")
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == f"{tool.id}.docx"
    text, marked = word_text(download.value.path())
    expected = list(TYPED.values()) + [shown[lang] for _, shown in DATES.values()]
    expected.append("12,5%" if lang == "nl" else "12.5%")
    for value in expected:
        assert value in text
    assert marked == []
    for field in tool.fields:
        assert field.blank not in text
    assert not re.search(r"\{[a-z0-9-]+\}", text)
    assert "20%" in text  # the rule itself, next to the agreed share
    # The only request: the blank Word file the plain link offers, read from this site, with nothing added.
    template = base_url + address.replace("index.html", f"{tool.id}.docx")
    assert [u for u in made if not u.startswith("blob:")] == [template]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("typed", ["12,5", "12.5"])
def test_a_decimal_percentage_is_accepted_either_way(page, base_url, lang, typed):
    address, _ = letter_tool(lang)
    page.goto(base_url + address)
    page.locator("#veld-percentage").fill(typed)
    page.locator("#veld-percentage").blur()
    assert not page.locator("#fout-percentage").is_visible()
    assert page.locator("#veld-percentage").get_attribute("aria-invalid") is None
    assert slot_text(page, "percentage") == ("12,5" if lang == "nl" else "12.5")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_thirty_percent_is_explained_at_the_field_and_in_the_error_summary(page, base_url, lang):
    address, tool = letter_tool(lang)
    page.goto(base_url + address)
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    fill_everything(page, "30")
    message = tool.field("percentage").max_message
    assert page.locator("#fout-percentage").inner_text() == message
    assert slot_text(page, "percentage") == tool.field("percentage").blank  # never the raw "30"
    summary = page.locator("[data-error-summary]")
    assert not summary.is_visible()

    made = after_load_requests(page, base_url)
    downloads = []
    page.on("download", lambda download: downloads.append(download))
    page.locator("a[data-word]").click()
    assert summary.is_visible()
    assert page.evaluate("() => document.activeElement.hasAttribute('data-error-summary')")
    assert summary.locator("h2").inner_text() == SUMMARY_HEADING[lang]
    links = summary.locator("a")
    assert links.all_inner_texts() == [message]
    assert links.first.get_attribute("href") == "#veld-percentage"
    page.locator("[data-print]").click()
    assert page.evaluate("() => window.printed") == 0
    assert_accessible(page, set())
    page.wait_for_timeout(300)  # a download, had one started, would have asked for the Word file by now
    assert downloads == [] and made == []

    links.first.click()
    assert page.evaluate("() => document.activeElement.id") == "veld-percentage"
    page.locator("#veld-percentage").fill("20")
    assert not summary.is_visible()  # the summary follows the fix
    page.locator("[data-print]").click()
    assert page.evaluate("() => window.printed") == 1
    with page.expect_download() as download:
        page.locator("a[data-word]").click()
    text, marked = word_text(download.value.path())
    assert "20%" in text and marked == []


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_without_javascript_no_live_promise_and_the_blank_word_file(browser, base_url, lang):
    address, tool = letter_tool(lang)
    with_js = browser.new_page()
    with_js.goto(base_url + address)
    assert LIVE_PROMISE[lang] in with_js.locator("main").inner_text()  # so its absence below means something
    with_js.close()

    context = browser.new_context(java_script_enabled=False, accept_downloads=True)
    page = context.new_page()
    page.goto(base_url + address)
    shown = page.locator("main").inner_text()
    assert LIVE_PROMISE[lang] not in shown
    assert "meteen veranderen" not in shown and "change straight away" not in shown
    letter = page.locator("[data-preview]").inner_text()
    assert "20%" in letter  # the printed letter states the rule even with its blanks empty
    link = page.locator("a[data-word]")
    assert link.inner_text() == ("Download het Word-bestand" if lang == "nl" else "Download the Word file")
    with page.expect_download() as download:
        link.click()
    text, marked = word_text(download.value.path())
    assert "12,5" not in text and set(marked) == {field.blank for field in tool.fields}
    context.close()


def test_where_the_file_cannot_be_read_the_link_gives_the_blank_file(page, base_url):
    """As a page opened from a folder (file://), where a script may not read the site's files."""
    address, tool = letter_tool("nl")
    asked = []

    def first_read_fails(route):
        asked.append(route.request.url)
        route.abort() if len(asked) == 1 else route.continue_()

    page.route("**/*.docx", first_read_fails)
    page.goto(base_url + address)
    fill_everything(page, "12,5")
    link = page.locator("a[data-word]")
    with page.expect_download() as download:
        link.click()
    text, marked = word_text(download.value.path())
    assert asked and set(marked) == {field.blank for field in tool.fields}  # the read was tried, and failed
    assert link.inner_text() == "Download het Word-bestand"  # no longer promises what was typed
