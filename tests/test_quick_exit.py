"""The quick exit in a real Chromium: the link, Shift pressed three times, and never a misfire while typing.

Typing uses Playwright's real keyboard (key down, key up), the way a person types: a capital typed with
Shift, Shift+Tab to go back a field. The neutral site is routed to a stand-in page, so nothing leaves
this machine.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

EXIT = "https://www.buienradar.nl/"
STATUS = "[data-quick-exit-status]"
REMAINING = {
    "nl": {2: "Snel weg: druk nog 2 keer op Shift", 1: "Snel weg: druk nog 1 keer op Shift"},
    "en": {2: "Quick exit: press Shift 2 more times", 1: "Quick exit: press Shift 1 more time"},
}
SEARCH_WORD = {"nl": "pesten", "en": "bullying"}
QUICK_EXIT_LINK = {"nl": "Snel weg", "en": "Quick exit"}

# The pages where people type, and a field on each to type into.
TYPING_PAGES = {
    "letter": ("werkgever/aanstellingsbrief/", "#veld-organisatie"),
    "report": ("vertrouwenspersoon/jaarverslag/", "#veld-overleg"),
    "search": ("zoeken/", "#zoekterm"),
}


@pytest.fixture
def exit_visits(context):
    """Stand in for the neutral site; the list of its addresses the browser asked for."""
    visits = []

    def fulfil(route):
        visits.append(route.request.url)
        route.fulfill(body="<title>Weer</title><p>Het weer</p>", content_type="text/html")

    context.route(EXIT + "**", fulfil)
    return visits


def open_field(page, base_url, lang, name):
    """Open a page where people type and focus its field (the search form shows once its index is in)."""
    address, selector = TYPING_PAGES[name]
    page.goto(f"{base_url}/{lang}/{address}")
    field = page.locator(selector)
    field.wait_for(state="visible")
    field.focus()
    return field


def shift_tap(page, times=1):
    for _ in range(times):
        page.keyboard.down("Shift")
        page.keyboard.up("Shift")


def leave_by(page, lang, how):
    if how == "link":
        page.get_by_role("link", name=re.compile(QUICK_EXIT_LINK[lang])).click()
    else:
        shift_tap(page, 3)
    page.wait_for_url(EXIT)


def assert_still_here(page, base_url, exit_visits):
    """leave() hides the page at once, before the browser starts to go: a misfire shows here directly."""
    assert page.url.startswith(base_url)
    assert page.evaluate("document.body.hidden") is False
    assert exit_visits == []


def uwv_with_shift_per_letter(page):
    for key in ("KeyU", "KeyW", "KeyV"):
        page.keyboard.down("Shift")
        page.keyboard.press(key)
        page.keyboard.up("Shift")
    return "UWV"


def shift_tab_three_times(page):
    page.keyboard.type("ok")
    for _ in range(3):
        page.keyboard.press("Shift+Tab")
    return "ok"


def shift_a_b_c(page):
    for letter in "ABC":
        page.keyboard.press(f"Shift+Key{letter}")
    return "ABC"


def sentence_with_shift_held(page):
    page.keyboard.down("Shift")
    page.keyboard.type("HET UWV")
    page.keyboard.up("Shift")
    page.keyboard.type(" en de ")
    page.keyboard.down("Shift")
    page.keyboard.type("AVG")
    page.keyboard.up("Shift")
    page.keyboard.type(", zegt de ")
    page.keyboard.down("Shift")
    page.keyboard.type("FNV")
    page.keyboard.up("Shift")
    return "HET UWV en de AVG, zegt de FNV"


def shift_taps_with_letters_between(page):
    """Two Shifts, a letter, one Shift: three Shifts in all, but the letter starts the count again."""
    shift_tap(page, 2)
    page.keyboard.type("a")
    shift_tap(page)
    page.keyboard.type("b")
    shift_tap(page, 2)
    return "ab"


TYPING = [uwv_with_shift_per_letter, shift_tab_three_times, shift_a_b_c, sentence_with_shift_held,
          shift_taps_with_letters_between]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", TYPING_PAGES)
def test_typing_with_shift_never_leaves(page, subtests, base_url, exit_visits, lang, name):
    """Each way of typing is a subtest on a freshly opened page: no count is carried from one to the next."""
    for typing in TYPING:
        with subtests.test(msg=typing.__name__):
            exit_visits.clear()
            field = open_field(page, base_url, lang, name)
            typed = typing(page)
            assert_still_here(page, base_url, exit_visits)
            assert field.input_value() == typed  # the keys really reached the field


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", TYPING_PAGES)
def test_shift_three_times_leaves_and_the_page_is_replaced(page, base_url, exit_visits, lang, name):
    page.goto(f"{base_url}/{lang}/")
    field = open_field(page, base_url, lang, name)
    field.type("Bij ons")
    shift_tap(page, 3)
    page.wait_for_url(EXIT)
    assert exit_visits == [EXIT]
    page.go_back()  # the page with the field was replaced, so Back skips it
    assert page.url == f"{base_url}/{lang}/"


def test_the_quick_exit_link_leaves_and_replaces_the_page(page, base_url, exit_visits):
    page.goto(f"{base_url}/nl/")
    page.goto(f"{base_url}/nl/werknemer/index.html")
    leave_by(page, "nl", "link")
    page.go_back()  # the guide's page was replaced, so Back skips it
    assert page.url == f"{base_url}/nl/"


def test_the_quick_exit_link_works_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    context.route(EXIT + "**", lambda route: route.fulfill(body="<title>Weer</title>", content_type="text/html"))
    page = context.new_page()
    page.goto(f"{base_url}/nl/werknemer/check/index.html")
    assert page.locator("[data-print]").count() == 0 or not page.locator("[data-print]").first.is_visible()
    page.get_by_role("link", name=re.compile("Snel weg")).click()
    page.wait_for_url(EXIT)
    context.close()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_live_region_counts_down_and_clears_when_the_count_resets(page, base_url, exit_visits, lang):
    open_field(page, base_url, lang, "letter")
    status = page.locator(STATUS)
    assert status.get_attribute("aria-live") == "polite"
    assert "visually-hidden" in status.get_attribute("class")
    assert status.text_content() == ""
    shift_tap(page)
    assert status.text_content() == REMAINING[lang][2]
    shift_tap(page)
    assert status.text_content() == REMAINING[lang][1]
    page.keyboard.type("x")  # another key: the count starts again, and the message goes
    assert status.text_content() == ""
    shift_tap(page)
    assert status.text_content() == REMAINING[lang][2]
    assert_still_here(page, base_url, exit_visits)


def test_holding_shift_down_counts_as_one_press(page, base_url, exit_visits):
    open_field(page, base_url, "nl", "letter")
    for _ in range(2):
        for _ in range(4):  # after the first, Playwright sends these as auto-repeat (event.repeat)
            page.keyboard.down("Shift")
        page.keyboard.up("Shift")
    assert page.locator(STATUS).text_content() == REMAINING["nl"][1]
    assert_still_here(page, base_url, exit_visits)


def stop_the_clock(page):
    """Stop the page's clock so that only run_for moves it: on a busy machine, real time would add up."""
    page.clock.pause_at(page.evaluate("Date.now()") + 1000)


def test_three_presses_spread_over_more_than_five_seconds_do_not_leave(page, base_url, exit_visits):
    page.clock.install()
    open_field(page, base_url, "en", "report")
    stop_the_clock(page)
    shift_tap(page, 2)
    page.clock.run_for(5001)
    assert page.locator(STATUS).text_content() == ""
    shift_tap(page)
    assert page.locator(STATUS).text_content() == REMAINING["en"][2]
    assert_still_here(page, base_url, exit_visits)
    shift_tap(page, 2)  # the count started again at the third press: two more complete it
    page.wait_for_url(EXIT)


def test_three_presses_within_five_seconds_leave(page, base_url, exit_visits):
    page.clock.install()
    open_field(page, base_url, "nl", "report")
    stop_the_clock(page)
    shift_tap(page)
    page.clock.run_for(2400)
    shift_tap(page)
    page.clock.run_for(2400)
    shift_tap(page)
    page.wait_for_url(EXIT)


# Fields the browser itself fills in again on Back when it loads the page anew (it leaves out fields with
# autocomplete="off"), and the preview that then shows them.
RESTORED_FIELD = {
    "letter": ("#veld-termijn", "3", "[data-slot=termijn]"),
    "report": ("#veld-overleg", "Elke maand met de directie", "[data-report]"),
}


def type_then_visit_another_page(page, base_url, lang, name):
    """Type into a tool, see its preview show it, then go on to the search page: the tool stays in history."""
    selector, text, preview = RESTORED_FIELD[name]
    page.goto(f"{base_url}/{lang}/{TYPING_PAGES[name][0]}")
    page.locator(selector).type(text)
    assert text in page.locator(preview).first.text_content()
    with page.expect_navigation():
        page.locator("footer a[href*='zoeken']").first.click()  # the A-Z link: a plain visit
    return selector, text, preview


@pytest.mark.parametrize("lang, how", [("nl", "shift"), ("en", "link")])
@pytest.mark.parametrize("name", RESTORED_FIELD)
def test_back_after_a_quick_exit_shows_the_tool_empty(page, base_url, exit_visits, lang, how, name):
    selector, text, preview = type_then_visit_another_page(page, base_url, lang, name)
    leave_by(page, lang, how)
    page.go_back()  # the search page was replaced: Back goes to the tool
    assert page.url == f"{base_url}/{lang}/{TYPING_PAGES[name][0]}"
    page.wait_for_load_state("load")
    assert page.locator(selector).input_value() == ""
    assert text not in page.locator(preview).first.text_content()


@pytest.mark.parametrize("name", RESTORED_FIELD)
def test_back_without_a_quick_exit_keeps_what_was_typed(page, base_url, exit_visits, name):
    """The other side of the test above: the browser does refill the field, and only the quick exit empties it."""
    selector, text, _ = type_then_visit_another_page(page, base_url, "nl", name)
    page.go_back()
    page.wait_for_load_state("load")
    assert page.locator(selector).input_value() == text


@pytest.fixture(scope="module")
def bfcache_browser(browser_type, browser_type_launch_args):
    """A Chromium with its back/forward cache on, as people's browsers have it (Playwright turns it off):
    Back then shows the page exactly as it was left, every field included, without loading it again."""
    browser = browser_type.launch(**browser_type_launch_args, ignore_default_args=["--disable-back-forward-cache"])
    yield browser
    browser.close()


@pytest.fixture
def bfcache_page(bfcache_browser):
    """A page of its own context (its own history and cache) in that Chromium."""
    context = bfcache_browser.new_context()
    context.route(EXIT + "**", lambda route: route.fulfill(body="<title>Weer</title>", content_type="text/html"))
    yield context.new_page()
    context.close()


def go_back_to_the_same_page(page):
    """Back, and prove the page came from the back/forward cache: a mark set before leaving is still there."""
    page.go_back(wait_until="commit")  # a page from the cache sends no new load event
    assert page.evaluate("window.leftAndKept === true"), "the page was loaded again, not taken from the cache"


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", TYPING_PAGES)
def test_back_from_the_cache_after_a_quick_exit_shows_the_page_empty(bfcache_page, base_url, lang, name):
    page = bfcache_page
    field = open_field(page, base_url, lang, name)
    field.type(SEARCH_WORD[lang] if name == "search" else "Zwartveld")
    shown = page.locator("[data-search-results]") if name == "search" else page.locator("main")
    if name == "search":
        expect(shown.locator("li").first).to_be_visible()
    else:
        expect(shown).to_contain_text("Zwartveld")
    page.evaluate("window.leftAndKept = true")
    page.goto(f"{base_url}/{lang}/")
    leave_by(page, lang, "shift")
    go_back_to_the_same_page(page)
    assert field.input_value() == ""
    if name == "search":
        expect(shown).to_have_text("")
    else:
        expect(shown).not_to_contain_text("Zwartveld")


def test_coming_back_from_the_cache_starts_the_count_again(bfcache_page, base_url):
    page = bfcache_page
    page.goto(f"{base_url}/nl/werknemer/index.html")
    shift_tap(page, 2)
    assert page.locator(STATUS).text_content() == REMAINING["nl"][1]
    page.evaluate("window.leftAndKept = true")
    page.goto(f"{base_url}/nl/")
    go_back_to_the_same_page(page)
    assert page.locator(STATUS).text_content() == ""
    shift_tap(page)  # without the fresh start this would be the third press
    assert page.locator(STATUS).text_content() == REMAINING["nl"][2]
    assert page.url.startswith(base_url) and page.evaluate("document.body.hidden") is False
