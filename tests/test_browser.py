"""A real Chromium on the frozen site: walking the employee check, accessibility, privacy (the quick exit has
tests/test_quick_exit.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from app import create_app
from app.content.model import Question

pytestmark = pytest.mark.browser

CONTENT = create_app().extensions["content"]
AXE = Axe()
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}


def shortest_routes(check):
    """For each outcome, the shortest answer sequence that reaches it."""
    found = {}
    for codes in sorted(check.routes(), key=len):
        node = check.walk(codes).node
        if not isinstance(node, Question) and node.id not in found:
            found[node.id] = codes
    return found


def employee_walks():
    for lang, edition in CONTENT.editions.items():
        check = edition.item("werknemer", "check")
        for outcome, codes in shortest_routes(check).items():
            yield pytest.param(lang, codes, id=f"{lang}-{outcome}")


@pytest.fixture
def watched(page, base_url):
    """The page, with a record of every request that left for another origin."""
    elsewhere = []
    page.on("request", lambda request: None if request.url.startswith(base_url) else elsewhere.append(request.url))
    page.watched_elsewhere = elsewhere
    return page


def assert_accessible(page, seen: set):
    if page.url in seen:
        return
    seen.add(page.url)
    results = AXE.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def click_option(page, label):
    """Click an answer and wait for the page it leads to: under load, reading straight after the click
    could still see the question's page."""
    exact = re.compile(rf"^\s*{re.escape(label)}\s*$")
    with page.expect_navigation():
        page.locator("a.option").filter(has=page.locator(".option-label", has_text=exact)).click()


@pytest.mark.parametrize("lang, codes", employee_walks())
def test_walk_the_employee_check_by_clicking(watched, base_url, lang, codes):
    page, seen = watched, set()
    edition = CONTENT.editions[lang]
    check = edition.item("werknemer", "check")
    page.goto(f"{base_url}/{lang}/")
    assert_accessible(page, seen)
    page.get_by_role("link", name=edition.sections["werknemer"].title).click()
    assert_accessible(page, seen)
    page.locator("main").get_by_role("link", name=check.title, exact=True).first.click()
    for i, code in enumerate(codes):
        question = check.walk(codes[:i]).node
        assert_accessible(page, seen)
        assert page.locator(".question-title").inner_text() == question.title
        click_option(page, question.option(code).label)
    outcome = check.walk(codes).node
    assert page.locator("h1").inner_text() == outcome.title
    assert page.url.endswith("/".join(codes) + "/index.html")
    # the answers summary names each answer and can go back to change it
    answers = page.locator(".answers dd")
    assert answers.count() == len(codes)
    assert_accessible(page, seen)
    assert page.context.cookies() == []
    assert page.watched_elsewhere == []
    # English pages carry English interface text (the frozen-language trap)
    assert page.locator(".quick-exit").inner_text().startswith("Quick exit" if lang == "en" else "Snel weg")


def test_change_an_answer_and_start_again(page, base_url):
    check = CONTENT.editions["nl"].item("werknemer", "check")
    codes = max(shortest_routes(check).values(), key=len)
    page.goto(f"{base_url}/nl/werknemer/check/{'/'.join(codes)}/index.html")
    with page.expect_navigation():
        page.locator(".answers dd a").first.click()
    assert page.url.endswith("/nl/werknemer/check/index.html")
    page.go_back()
    with page.expect_navigation():
        page.get_by_role("link", name="Opnieuw beginnen").click()
    assert page.url.endswith("/nl/werknemer/check/index.html")


def test_the_check_works_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    check = CONTENT.editions["en"].item("werknemer", "check")
    codes = max(shortest_routes(check).values(), key=len)
    page.goto(f"{base_url}/en/werknemer/check/index.html")
    for i, code in enumerate(codes):
        click_option(page, check.walk(codes[:i]).node.option(code).label)
    assert page.locator("h1").inner_text() == check.walk(codes).node.title
    context.close()


def test_unknown_address_shows_the_404_page_in_its_language(page, base_url):
    response = page.goto(f"{base_url}/en/no-such-page/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("link[rel=stylesheet]").evaluate("l => l.sheet !== null")


def test_print_hides_the_navigation(page, base_url):
    page.goto(f"{base_url}/nl/werknemer/wat-levert-het-op/index.html")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".site-footer").is_visible()
    assert page.locator("h1").is_visible()


def test_axe_finds_a_planted_violation(page, base_url):
    """The accessibility gate can fail: an image without text and an unlabelled link are caught."""
    page.goto(f"{base_url}/nl/")
    page.evaluate("""() => {
        const link = document.createElement('a');
        link.href = '#x';
        link.appendChild(document.createElement('img'));
        document.querySelector('main').appendChild(link);
    }""")
    results = AXE.run(page, options=AXE_OPTIONS)
    assert results.violations_count > 0


def reading_pages():
    """Home, section overviews and topics in every language (check states are walked above)."""
    for lang, edition in CONTENT.editions.items():
        yield f"/{lang}/index.html"
        for section in edition.sections.values():
            yield f"/{lang}/{section.id}/index.html"
            for item in section.items.values():
                yield f"/{lang}/{section.id}/{item.id}/index.html"


def test_every_reading_page_passes_axe(watched, base_url):
    checked = set()
    for address in reading_pages():
        watched.goto(base_url + address)
        assert_accessible(watched, checked)
    assert len(checked) > 100
    assert watched.watched_elsewhere == []
    assert watched.context.cookies() == []


def check_walks():
    """For every check other than the employee's, the shortest route to each outcome, per language."""
    for lang, edition in CONTENT.editions.items():
        for section in edition.sections.values():
            for item in section.items.values():
                if hasattr(item, "routes") and (section.id, item.id) != ("werknemer", "check"):
                    for outcome, codes in shortest_routes(item).items():
                        yield pytest.param(lang, section.id, item.id, codes, id=f"{lang}-{item.id}-{outcome}")


@pytest.mark.parametrize("lang, section, item, codes", check_walks())
def test_walk_every_other_check_by_clicking(watched, base_url, lang, section, item, codes):
    found = CONTENT.editions[lang].item(section, item)
    page, seen = watched, set()
    page.goto(f"{base_url}/{lang}/{section}/index.html")
    page.locator("main").get_by_role("link", name=found.title, exact=True).first.click()
    for i, code in enumerate(codes):
        assert_accessible(page, seen)
        click_option(page, found.walk(codes[:i]).node.option(code).label)
    assert page.locator("h1").inner_text() == found.walk(codes).node.title
    assert_accessible(page, seen)
    assert page.watched_elsewhere == []


@pytest.mark.parametrize("lang, query, expected_title", [
    ("nl", "pesten", "ongewenst gedrag op het werk"),
    ("nl", "gepest", "ongewenst gedrag op het werk"),  # an inflection finds the same page
    ("nl", "klachtencommissie", None),
    ("en", "bullying", None),
])
def test_instant_search_finds_pages_and_says_why(watched, base_url, lang, query, expected_title):
    page = watched
    page.goto(f"{base_url}/{lang}/zoeken/index.html")
    page.get_by_role("searchbox").fill(query)
    results = page.locator("[data-search-results] li")
    results.first.wait_for()
    assert results.count() >= 1
    titles = results.locator("a").all_inner_texts()
    if expected_title:
        assert any(expected_title.lower() in t.lower() for t in titles), titles
    assert page.locator("[data-search-results] mark").count() + page.locator(
        "[data-search-results] .search-snippet").count() >= 1
    with page.expect_navigation():
        results.first.locator("a").click()
    assert page.locator("h1").inner_text() == titles[0]
    assert page.watched_elsewhere == []


def test_search_finds_words_inside_compounds_and_past_participles(page, base_url):
    page.goto(f"{base_url}/nl/zoeken/index.html")
    found = page.evaluate("""async () => {
        const index = await (await fetch('index.json')).json();
        return index.pages.map(p => p.text).join(' ');
    }""")
    assert "gepest" in found.lower() or "pestgedrag" in found.lower()
    page.get_by_role("searchbox").fill("pesten")
    page.locator("[data-search-results] li").first.wait_for()
    marked = [m.lower() for m in page.locator("[data-search-results] mark").all_inner_texts()]
    assert all(re.sub(r"\W", "", m).startswith(("pest", "gepest")) for m in marked), marked


def test_a_to_z_works_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}/nl/zoeken/index.html")
    assert not page.get_by_role("searchbox").is_visible()
    links = page.locator(".a-z .item-list a")
    assert links.count() == sum(len(s.items) for s in CONTENT.editions["nl"].sections.values())
    with page.expect_navigation():
        page.get_by_role("link", name="Wat zegt de wet?", exact=False).first.click()
    assert "wet" in page.locator("h1").inner_text().lower()
    context.close()


def test_organisation_details_are_accessible(page, frozen_with_organisation):
    from app.serve import serve_in_thread

    server = serve_in_thread(frozen_with_organisation)
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        seen = set()
        for address in ["/nl/werknemer/waar-vind-ik-een-vp/index.html", "/en/werknemer/check/a1/b1/c1/d1/index.html"]:
            page.goto(base + address)
            assert page.locator(".organisation").is_visible()
            assert_accessible(page, seen)
    finally:
        server.shutdown()
        server.server_close()


# ---- The private tools ----------------------------------------------------------------------------------

def tool_address(lang, kind):
    for section in CONTENT.editions[lang].sections.values():
        for item in section.items.values():
            if getattr(item, "kind", None) == kind:
                return f"/{lang}/{section.id}/{item.id}/index.html", item
    raise AssertionError(f"no {kind} tool in {lang}")


def after_load_requests(page, base_url):
    """Every request the page makes after it has loaded: typed data could only leave this way."""
    page.wait_for_load_state("networkidle")  # the favicon and the like are fetched lazily after load
    made = []
    page.on("request", lambda request: made.append(request.url))
    return made


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_checklist_keeps_progress_in_one_named_key_and_resets(page, base_url, lang):
    address, tool = tool_address(lang, "checklist")
    page.goto(base_url + address)
    boxes = page.locator(".points input[type=checkbox]")
    assert boxes.count() == 15  # the seed's fifteen points (002:2288-2316)
    for i in (0, 3, 14):
        boxes.nth(i).check()
    progress = page.locator("[data-progress]")
    assert progress.inner_text().startswith("3 ")
    page.reload()
    assert page.locator("[data-progress]").inner_text().startswith("3 ")
    assert page.locator(".points input:checked").count() == 3
    made = after_load_requests(page, base_url)
    storage = page.evaluate("() => Object.keys(localStorage)")
    assert storage == ["wegwijzer-checklist"]
    with page.expect_download() as download:
        page.locator("[data-download]").click()
    saved = Path(download.value.path()).read_text(encoding="utf-8")
    assert saved.count("[x]") == 3 and saved.count("[ ]") == 12
    assert_accessible(page, set())
    page.locator("[data-reset]").click()
    assert page.locator(".points input:checked").count() == 0
    assert page.evaluate("() => Object.keys(localStorage)") == []
    assert [u for u in made if not u.startswith("blob:")] == []
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible() and page.locator(".points").is_visible()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_letter_fills_in_live_and_explains_the_20_percent_limit(page, base_url, lang):
    address, tool = tool_address(lang, "letter")
    page.goto(base_url + address)
    made = after_load_requests(page, base_url)
    values = {"werkgever": "Jan Smit", "functie-werkgever": "directeur", "organisatie": "De Linde",
              "werknemer": "Anna de Vries", "termijn": "4", "plaats": "Utrecht"}
    for field_id, value in values.items():
        page.locator(f"#veld-{field_id}").fill(value)
    page.locator("#veld-startdatum").fill("2027-03-01")
    page.locator("#veld-datum").fill("2027-02-15")
    page.locator("#veld-percentage").fill("25")
    error = page.locator("#fout-percentage")
    assert error.is_visible() and error.inner_text() == tool.field("percentage").max_message
    assert page.locator("#veld-percentage").get_attribute("aria-invalid") == "true"
    page.locator("#veld-percentage").fill("15")
    assert not error.is_visible()
    letter = page.locator("[data-preview]").inner_text()
    for value in list(values.values()) + ["15"]:
        assert value in letter
    assert ("1 maart 2027" if lang == "nl" else "1 March 2027") in letter
    assert page.locator("[data-preview] .slot:not(.slot-filled)").count() == 0
    assert_accessible(page, set())
    assert made == []
    page.emulate_media(media="print")
    assert not page.locator("form[data-tool]").is_visible() and page.locator("[data-preview]").is_visible()
    assert not page.locator(".site-header").is_visible()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_report_is_anonymous_by_construction(page, base_url, lang):
    address, tool = tool_address(lang, "report")
    page.goto(base_url + address)
    made = after_load_requests(page, base_url)
    page.locator("#telling-soort-pesten").fill("3")
    page.locator("#telling-soort-agressie").fill("7")
    page.locator("#telling-soort-discriminatie").fill("0")
    page.locator("#veld-analyse").fill("Meer meldingen in het voorjaar.")
    report = page.locator("[data-report]")
    rows = report.locator("table tr")
    cells = dict(zip(rows.locator("th").all_inner_texts(), rows.locator("td").all_inner_texts()))
    fewer = "minder dan 5" if lang == "nl" else "fewer than 5"
    assert fewer in cells.values() and "7" in cells.values() and "3" not in cells.values()
    bars = report.locator("svg rect")
    assert bars.count() == 1  # only the count of 5 or more is drawn
    assert report.locator(".anonymity-note").is_visible()
    assert "Meer meldingen in het voorjaar." in report.inner_text()
    with page.expect_download() as download:
        page.locator("[data-download]").click()
    saved = Path(download.value.path()).read_text(encoding="utf-8")
    assert fewer in saved and ">3<" not in saved
    assert_accessible(page, set())
    assert [u for u in made if not u.startswith("blob:")] == []


@pytest.mark.parametrize("kind", ["checklist", "letter", "report"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_tools_without_javascript_offer_a_printable_form_and_the_word_file(browser, base_url, lang, kind):
    context = browser.new_context(java_script_enabled=False, accept_downloads=True)
    page = context.new_page()
    address, tool = tool_address(lang, kind)
    page.goto(base_url + address)
    assert not page.locator("form.tool-form").is_visible()
    if kind == "checklist":
        assert page.locator(".points input[type=checkbox]").count() == 15
    elif kind == "letter":
        assert page.locator("[data-preview] .slot").count() >= 5
    else:
        assert page.locator("[data-report] table").count() == sum(len(p.tables) for p in tool.parts)
    if kind != "checklist":
        with page.expect_download() as download:
            page.locator("a[download]").click()
        assert download.value.suggested_filename == f"{tool.id}.docx"
    context.close()
    # axe needs JavaScript of its own (with scripts off its promises never settle), so the no-JS state is
    # checked by blocking the site's scripts instead: the page then looks exactly as without JavaScript.
    context = browser.new_context()
    context.route("**/*.js", lambda route: route.abort())
    page = context.new_page()
    page.goto(base_url + address)
    assert not page.locator("form.tool-form").is_visible()
    assert_accessible(page, set())
    context.close()
