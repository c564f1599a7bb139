"""A real Chromium on the frozen site: walking the employee check, accessibility, privacy (the quick exit has
tests/test_quick_exit.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup

from app.content.model import Question
from app.report import HIDDEN, SMALL
from tests.accessibility import AXE_OPTIONS
from tests.test_report_privacy import possible
from tests.real_app import real_app

pytestmark = pytest.mark.browser

CONTENT = real_app().extensions["content"]  # the walks are parametrized from it
AXE = Axe()


def shortest_routes(check):
    """For each outcome, the shortest answer sequence that reaches it."""
    found = {}
    for codes in sorted(check.routes(), key=len):
        node = check.walk(codes).node
        if not isinstance(node, Question) and node.id not in found:
            found[node.id] = codes
    return found


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


def follow(page, link):
    """Click a link and wait for the page it leads to: under load, reading (or running axe) straight after
    the click could still see the old page, or a document that is being replaced."""
    with page.expect_navigation():
        link.click()
    page.wait_for_load_state()


def click_option(page, label):
    exact = re.compile(rf"^\s*{re.escape(label)}\s*$")
    follow(page, page.locator("a.option").filter(has=page.locator(".option-label", has_text=exact)))


def check_address(base_url, lang, check, codes=()):
    """The page a check shows after these answers (the start page for none)."""
    return "/".join([base_url, lang, check.section, check.id, *codes, "index.html"])


def walk_every_outcome(page, subtests, base_url, lang, check, open_the_check):
    """Reach each outcome of the check by clicking, along its shortest route, one subtest per outcome.

    Every answer on those routes is clicked once: a route that shares its first answers with one walked
    before starts from the page those answers led to (opened by its address), and clicks on from there.
    The first route starts with open_the_check, which clicks from the home or section page to the check.
    """
    walked = set()
    for outcome, codes in sorted(shortest_routes(check).items(), key=lambda found: found[1]):
        with subtests.test(msg=outcome, answers="/".join(codes)):
            shared = max((i for i in range(len(codes) + 1) if tuple(codes[:i]) in walked), default=None)
            if shared is None:
                open_the_check()
                shared = 0
            else:
                page.goto(check_address(base_url, lang, check, codes[:shared]))
            for i in range(shared, len(codes)):
                question = check.walk(codes[:i]).node
                assert page.locator(".question-title").inner_text() == question.title
                click_option(page, question.option(codes[i]).label)
                walked.add(tuple(codes[:i]))
            assert page.locator("h1").inner_text() == check.walk(codes).node.title
            assert page.url == check_address(base_url, lang, check, codes)
            # the answers summary names each answer and can go back to change it
            assert page.locator(".answers dd").count() == len(codes)
            assert page.context.cookies() == []
            assert page.watched_elsewhere == []


# The walks check what clicking does; every page they pass through is checked with axe by the sweep
# (tests/test_gate_sweep.py), so they do not run axe again.
@pytest.mark.parametrize("lang", CONTENT.editions)
def test_walk_the_employee_check_by_clicking(watched, subtests, base_url, lang):
    page = watched
    edition = CONTENT.editions[lang]
    check = edition.item("werknemer", "check")

    def from_the_home_page():
        page.goto(f"{base_url}/{lang}/")
        follow(page, page.get_by_role("link", name=edition.sections["werknemer"].title))
        follow(page, page.locator("main").get_by_role("link", name=check.title, exact=True).first)

    walk_every_outcome(page, subtests, base_url, lang, check, from_the_home_page)
    # English pages carry English interface text (the frozen-language trap)
    assert page.locator(".quick-exit").inner_text().startswith("Quick exit" if lang == "en" else "Snel weg")


def test_change_an_answer_and_start_again(page, base_url):
    check = CONTENT.editions["nl"].item("werknemer", "check")
    codes = max(shortest_routes(check).values(), key=len)
    page.goto(check_address(base_url, "nl", check, codes))
    follow(page, page.locator(".answers dd a").first)
    assert page.url == check_address(base_url, "nl", check)
    page.go_back()
    follow(page, page.get_by_role("link", name="Opnieuw beginnen"))
    assert page.url == check_address(base_url, "nl", check)


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


def other_checks():
    """Every check other than the employee's, per language."""
    for edition in CONTENT.editions.values():
        for item in edition.checks():
            if (item.section, item.id) != ("werknemer", "check"):
                yield pytest.param(edition.lang, item, id=f"{edition.lang}-{item.id}")


@pytest.mark.parametrize("lang, check", other_checks())
def test_walk_every_other_check_by_clicking(watched, subtests, base_url, lang, check):
    page = watched

    def from_its_section():
        page.goto(f"{base_url}/{lang}/{check.section}/index.html")
        follow(page, page.locator("main").get_by_role("link", name=check.title, exact=True).first)

    walk_every_outcome(page, subtests, base_url, lang, check, from_its_section)


# The search page is tested in tests/test_search.py.


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
    for item in CONTENT.editions[lang].items():
        if getattr(item, "kind", None) == kind:
            return f"/{lang}/{item.section}/{item.id}/index.html", item
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


REPORT_WORDS = {"nl": {"fewer": "minder dan 5", "hidden": "niet getoond", "title": "Jaarverslag vertrouwenspersoon 2026"},
                "en": {"fewer": "fewer than 5", "hidden": "not shown", "title": "Annual report of the trust person 2026"}}


def open_report(page, base_url, lang):
    """The report tool's page, with a record of every request it makes after loading."""
    address, tool = tool_address(lang, "report")
    page.goto(base_url + address)
    return tool, after_load_requests(page, base_url)


def shown_counts(root, lang, total_label):
    """The report's total and its count tables as a reader sees them, in the terms of app/report.py."""
    words = REPORT_WORDS[lang]

    def cell(text):
        text = text.strip()
        return SMALL if text == words["fewer"] else HIDDEN if text == words["hidden"] else int(text)

    labels = root.select(".report-label")
    total = next(cell(label.find_next_sibling("p").get_text()) for label in labels if label.get_text() == total_label)
    tables = [[cell(td.get_text()) for td in table.select("td")] for table in root.select("table")]
    return total, tables


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_report_shows_no_count_that_can_be_worked_out_by_subtraction(page, base_url, lang):
    """9 + 0 + 7 + 4 of 20 reports: printing 9, 0, 7 and 20 would give the 4 away."""
    tool, made = open_report(page, base_url, lang)
    page.locator("#veld-jaar").fill("2026")
    page.locator("#veld-meldingen").fill("20")
    for row, count in {"pesten": "9", "seksueel": "0", "discriminatie": "7", "agressie": "4", "anders": "0"}.items():
        page.locator(f"#telling-soort-{row}").fill(count)
    page.locator("#telling-relatie-collega").fill("3")  # a table that does not add up to the 20 reports
    page.locator("#telling-relatie-anders").focus()
    page.locator("#veld-uren").focus()
    mismatch = page.locator("#fout-tabel-relatie")
    assert mismatch.is_visible() and "3" in mismatch.inner_text() and "20" in mismatch.inner_text()
    page.locator("#veld-analyse").fill("Meer meldingen in het voorjaar.")
    report = page.locator("[data-report]")
    total_label = tool.field("meldingen").label
    preview = BeautifulSoup(report.inner_html(), "html.parser")
    total, tables = shown_counts(preview, lang, total_label)
    assert (total, tables) == (20, [[9, 0, HIDDEN, SMALL, 0]])  # the table that does not add up is left out
    assert all(len(values) >= 2 for values in possible(total, tables, 20).values())
    assert report.locator("svg rect").count() == 1  # only the 9 is drawn: a bar would give a hidden count away
    assert report.locator(".anonymity-note").is_visible()
    assert report.locator("h3").inner_text() == REPORT_WORDS[lang]["title"]
    with page.expect_download() as download:
        page.locator("[data-download]").click()
    assert download.value.suggested_filename == "jaarverslag-2026.html"
    saved = BeautifulSoup(Path(download.value.path()).read_text(encoding="utf-8"), "html.parser")
    assert saved.title.get_text() == REPORT_WORDS[lang]["title"] and saved.html["lang"] == lang
    assert [h1.get_text() for h1 in saved.select("h1")] == [REPORT_WORDS[lang]["title"]]
    assert saved.select("head style") and "font-family" in saved.style.get_text()
    assert not saved.select("script") and not saved.select("link")
    assert shown_counts(saved, lang, total_label) == (total, tables)
    assert "Meer meldingen in het voorjaar." in saved.get_text()
    assert_accessible(page, set())
    # Chromium may fetch the favicon again at any time (under load, after the download): it carries nothing.
    assert [u for u in made if not u.startswith("blob:") and u != base_url + "/static/favicon.svg"] == []
    page.emulate_media(media="print")
    assert page.locator("h1").inner_text() == REPORT_WORDS[lang]["title"]  # one title on paper: the report's
    assert not report.locator("h3").is_visible()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_report_warns_about_text_that_points_to_a_person_before_saving(page, base_url, lang):
    open_report(page, base_url, lang)
    field = page.locator("#veld-analyse")
    assert "privacy-analyse" in field.get_attribute("aria-describedby").split()
    assert page.locator("#privacy-analyse").is_visible()
    page.locator("#veld-meldingen").fill("12")
    text = {"nl": "Veel meldingen bij afdeling Inkoop.", "en": "Many reports from the Purchasing department."}[lang]
    field.fill(text)
    warning = page.locator("#waarschuwing-analyse")
    assert warning.is_visible()
    assert "waarschuwing-analyse" in field.get_attribute("aria-describedby").split()
    summary = page.locator("[data-warning-summary]")
    assert not summary.is_visible()
    downloads = []
    page.on("download", lambda download: downloads.append(download))
    page.locator("[data-download]").click()
    assert summary.is_visible() and downloads == []  # the first time, the user sees the warning instead
    assert page.evaluate("() => document.activeElement.hasAttribute('data-warning-summary')")
    link = summary.locator("a[href='#veld-analyse']")
    assert warning.inner_text() in link.inner_text()
    assert_accessible(page, set())
    link.click()
    assert page.evaluate("() => document.activeElement.id") == "veld-analyse"
    with page.expect_download() as download:
        page.locator("[data-download]").click()  # seen: saving goes ahead, the text is the user's call
    assert text in Path(download.value.path()).read_text(encoding="utf-8")
    page.locator("#veld-meldingen").fill("40")  # a larger report: a department no longer points to one person
    assert not warning.is_visible() and not summary.is_visible()
    field.fill({"nl": "Gesprek met mevrouw Jansen, jansen@voorbeeld.nl.", "en": "Talked to Mrs Jansen, jansen@example.com."}[lang])
    assert warning.is_visible() and warning.inner_text().count(".") >= 2  # the name and the e-mail address


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
