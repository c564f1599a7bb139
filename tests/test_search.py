"""The search page in a real browser: the public query set, privacy, accessibility, layout, no-JS."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe

from tests.accessibility import AXE_OPTIONS

pytestmark = pytest.mark.browser

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))
REQUIRED_SHARE = 0.9  # of the queries, with an acceptable page in the first 3 results
TOP = 3
RESULT_LINKS = "[data-search-results] li > a"

# Counts layout shifts as Lighthouse's CLS does (not those right after the user's own input).
WATCH_SHIFTS = """
window.__shifts = 0;
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) { if (!entry.hadRecentInput) { window.__shifts += entry.value; } }
}).observe({type: 'layout-shift', buffered: true});
"""


def site_path(url: str, lang: str) -> str:
    """/nl/werknemer/check/index.html -> /werknemer/check/, as the query set writes addresses."""
    path = re.sub(r"^https?://[^/]+", "", url)
    return re.sub(r"index\.html$", "", path)[len(lang) + 1:]


def search(page, query: str) -> list[str]:
    """Type a query into the open search page; the addresses of the results, best first."""
    box = page.get_by_role("searchbox", name=re.compile("Search this guide|Zoek in deze wegwijzer"))
    box.fill(query)
    page.wait_for_function("q => document.querySelector('[data-search]').dataset.query === q", arg=query)
    return page.locator(RESULT_LINKS).evaluate_all("links => links.map(a => a.href)")


def test_the_query_set_is_large_enough_and_points_at_real_pages(app):
    assert len(QUERIES["nl"]) >= 40 and len(QUERIES["en"]) >= 15
    for lang, queries in QUERIES.items():
        for entry in queries:
            assert entry["q"].strip() and entry["pages"], entry
            for address in entry["pages"]:
                assert app.extensions["content"].editions[lang].page(address) is not None, (lang, entry["q"], address)


def test_the_query_set_finds_an_acceptable_page_in_the_first_three(page, base_url):
    misses, total = [], 0
    for lang, queries in QUERIES.items():
        page.goto(f"{base_url}/{lang}/zoeken/index.html")
        for entry in queries:
            total += 1
            found = [site_path(url, lang) for url in search(page, entry["q"])[:TOP]]
            if not set(found) & set(entry["pages"]):
                misses.append(f"  {lang} {entry['q']!r}: {found}")
    share = 1 - len(misses) / total
    print(f"\nsearch query set: {total - len(misses)} of {total} ({share:.0%}) with an acceptable page "
          f"in the first {TOP} results")
    print("\n".join(misses))
    assert share >= REQUIRED_SHARE, "\n".join(misses)


def test_results_show_why_they_matched_and_the_count_is_right(page, base_url):
    page.goto(f"{base_url}/nl/zoeken/index.html")
    search(page, "pesten")
    count = int(re.match(r"\d+", page.locator("[data-search-status]").inner_text()).group())
    assert count > 10  # more than one screen: the count is of all matches, not of those shown
    assert page.locator(RESULT_LINKS).count() == 10
    marked = page.locator("[data-search-results] li").first.locator("mark").all_inner_texts()
    assert marked and all(re.sub(r"\W", "", m).lower().startswith(("pest", "gepest")) for m in marked)
    page.get_by_role("button", name="Toon meer resultaten").click()
    page.wait_for_function("() => document.querySelectorAll('[data-search-results] li').length > 10")
    assert page.locator(RESULT_LINKS).count() == min(count, 20)
    search(page, "xqzwv")
    assert page.locator("[data-search-status]").inner_text().startswith("Niets gevonden")
    assert page.locator(RESULT_LINKS).count() == 0


@pytest.mark.parametrize("lang, query, expected", [
    ("nl", "pestgedrag", "/onderwerpen/ongewenste-omgangsvormen/"),  # a compound
    ("nl", "gepest", "/onderwerpen/ongewenste-omgangsvormen/"),      # a past participle
    ("nl", "20%", "/regelen/faciliteiten/"),                          # not 2022 or 2024
])
def test_word_forms_and_synonyms_are_found(page, base_url, lang, query, expected):
    page.goto(f"{base_url}/{lang}/zoeken/index.html")
    found = [site_path(url, lang) for url in search(page, query)]
    assert expected in found[:5], found


@pytest.mark.parametrize("lang, query, guide_word", [
    ("nl", "mijn chef", "leidinggevende"),   # the guide never says "chef"
    ("en", "my line manager", "supervisor"),  # a phrase of the synonyms
])
def test_a_synonym_finds_the_guides_own_word(page, base_url, lang, query, guide_word):
    page.goto(f"{base_url}/{lang}/zoeken/index.html")
    assert search(page, query)
    marked = page.locator("[data-search-results] mark").all_inner_texts()
    assert any(guide_word in word.lower() for word in marked), marked


@pytest.mark.parametrize("lang, typo, meant", [
    ("nl", "vertrouwenspesoon", "vertrouwenspersoon"),  # a letter left out
    ("nl", "klachtencommisie", "klachtencommissie"),
    ("nl", "discriminatei", "discriminatie"),           # two letters swapped
    ("nl", "beroepsgeheimm", "beroepsgeheim"),          # a letter too many
    ("en", "comittee", "committee"),
    ("en", "harasment", "harassment"),
])
def test_one_typo_in_a_longer_word_finds_what_was_meant(page, base_url, lang, typo, meant):
    page.goto(f"{base_url}/{lang}/zoeken/index.html")
    expected = search(page, meant)[:5]
    assert expected and search(page, typo)[:5] == expected


def test_a_result_opens_its_page(page, base_url):
    page.goto(f"{base_url}/nl/zoeken/index.html")
    search(page, "jaarverslag")
    first = page.locator(RESULT_LINKS).first
    title = first.inner_text()
    with page.expect_navigation():
        first.click()
    assert page.locator("h1").inner_text() == title


def test_a_check_is_found_by_what_its_outcomes_say_and_opens_at_its_start(page, base_url):
    page.goto(f"{base_url}/nl/zoeken/index.html")
    found = [site_path(url, "nl") for url in search(page, "vertrouwenspersoon integriteit fraude")]
    assert "/werknemer/check/" in found[:3], found
    assert not any(re.search(r"/check/[a-z]\d", url) for url in found)  # never an outcome page itself


def test_nothing_is_fetched_before_the_field_is_used_and_nothing_leaves_the_site(page, base_url):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{base_url}/nl/zoeken/index.html")
    page.wait_for_load_state("networkidle")
    assert not [url for url in requests if "/pagefind/" in url]
    page.get_by_role("searchbox", name="Zoek in deze wegwijzer").focus()
    with page.expect_request(lambda request: request.url.endswith(".pf_index")):  # fetched on focus
        pass
    search(page, "mijn baas pest mij")
    assert [url for url in requests if not url.startswith(base_url)] == []
    assert not [url for url in requests if "pest" in url or "baas" in url]  # the query is in no address


def test_searching_shifts_no_layout(page, base_url):
    page.add_init_script(WATCH_SHIFTS)
    page.goto(f"{base_url}/nl/zoeken/index.html")
    page.get_by_role("searchbox", name="Zoek in deze wegwijzer").focus()
    search(page, "vertrouwenspersoon")
    search(page, "klacht over de vertrouwenspersoon")
    search(page, "")  # the A-Z list comes back
    page.wait_for_timeout(600)  # past the 500 ms in which shifts count as caused by the user's input
    assert page.evaluate("window.__shifts") == 0


def test_search_page_with_results_passes_axe(page, base_url):
    page.goto(f"{base_url}/nl/zoeken/index.html")
    search(page, "klacht over de vertrouwenspersoon")
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


def test_without_javascript_a_sentence_and_the_a_to_z_list(app, browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}/nl/zoeken/index.html")
    assert page.get_by_text("Zoeken werkt alleen met JavaScript").is_visible()
    assert not page.get_by_role("searchbox", name="Zoek in deze wegwijzer").is_visible()
    links = page.locator(".a-z .item-list a")
    assert links.count() == sum(len(s.items) for s in app.extensions["content"].editions["nl"].sections.values())
    for letter in page.locator(".letters a").all():
        box = letter.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, (letter.inner_text(), box)
    # A numbered point is filed under its subject: "1. Aanstelling ..." under A, none under a digit.
    assert not page.locator("#letter-1").count()
    assert page.locator("#letter-A + .item-list").get_by_text("1. Aanstelling").count() == 1
    context.close()


def test_the_header_field_searches_from_any_page_without_putting_the_query_in_the_address(page, base_url):
    page.goto(f"{base_url}/nl/werknemer/index.html")
    page.get_by_role("search").get_by_role("searchbox").fill("aanstellingsbrief")
    with page.expect_navigation():
        page.get_by_role("search").get_by_role("button").click()
    page.wait_for_function("() => document.querySelectorAll('[data-search-results] li').length > 0")
    assert page.get_by_role("searchbox", name="Zoek in deze wegwijzer").input_value() == "aanstellingsbrief"
    assert "aanstellingsbrief" not in page.url
    assert page.evaluate("sessionStorage.length") == 0
