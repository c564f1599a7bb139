"""Every page of the real content renders, in every language, and every answer leads where the content says.

The pages and answers are enumerated from the content, never from a hand-kept list.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

import pytest

from app import create_app
from app.content.model import Check, Question
from app.freeze import site_urls

from .conftest import FIXTURE_CONTENT
from .markup import with_javascript, without_javascript
from .real_app import real_app

CONTENT = real_app().extensions["content"]  # the states are parametrized from it


def all_checks():
    for lang, edition in CONTENT.editions.items():
        for section in edition.sections.values():
            for item in section.items.values():
                if isinstance(item, Check):
                    yield lang, item


def all_states():
    for lang, check in all_checks():
        for codes in check.routes():
            yield pytest.param(lang, check, codes, id=f"{lang}/{check.section}/{check.id}/{'/'.join(codes)}")


def address(lang, check, codes=()):
    return "/".join(["", lang, check.section, check.id, *codes, ""]).replace("//", "/")


def test_the_employee_check_exists_in_every_language(app):
    for lang in app.config["LANGUAGES"]:
        assert isinstance(CONTENT.editions[lang].item("werknemer", "check"), Check)


def test_every_page_of_the_site_renders(app, client):
    with app.test_request_context():
        from flask import url_for

        urls = [url_for(endpoint, **values) for endpoint, values in site_urls(app)]
    assert len(urls) == len(set(urls))
    for url in urls:
        with client.get(url) as response:  # closes a static file's handle
            assert response.status_code == 200, url


@pytest.mark.parametrize("lang, check, codes", all_states())
def test_every_state_renders_and_every_answer_leads_where_the_content_says(client, lang, check, codes):
    response = client.get(address(lang, check, codes))
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    walk = check.walk(codes)
    node = walk.node
    assert f'<html lang="{lang}">' in html
    # The title (in the history, the tab, a shared screen) never says what was answered: no answer's label
    title = re.search(r"<title>(.*?)</title>", html).group(1)
    for step in walk.steps:
        assert escape(step.option.label) not in title, (title, step.option.label)
    if isinstance(node, Question):
        for option in node.options:
            target = address(lang, check, codes + (option.code,))
            assert f'href="{target}"' in html
            assert client.get(target).status_code == 200
            assert check.walk(codes + (option.code,)).node.id == option.next
    else:
        assert node.title in html or node.title.replace("'", "&#39;") in html
        # the title must not carry the outcome's heading, only "Result" and the check's name
        assert node.title not in title


# That every node is reachable and every code neutral the loader enforces (tests/test_validation.py,
# cases 'unreachable' and 'bool-code'); the titles are checked on every state above.


@pytest.mark.parametrize("url, lang", [
    ("/nl/bestaat-niet/", "nl"),
    ("/en/does-not-exist/", "en"),
    ("/en/werknemer/check/zz/", "en"),
    ("/nl/werknemer/check/a1/b1/c1/d1/e1/", "nl"),
    ("/fr/", "nl"),
    ("/nl/werknemer/kan-een-vp-helpen/a1/", "nl"),
])
def test_unknown_addresses_get_a_404_page_in_the_right_language(client, url, lang):
    response = client.get(url)
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert f'<html lang="{lang}">' in html
    assert ("Pagina niet gevonden" if lang == "nl" else "Page not found") in html


def test_english_pages_have_english_interface_text(client):
    html = client.get("/en/werknemer/check/").get_data(as_text=True)
    assert "Quick exit" in html and "Snel weg" not in html
    html = client.get("/nl/werknemer/check/").get_data(as_text=True)
    assert "Snel weg" in html and "Quick exit" not in html


def test_every_page_links_to_itself_in_the_other_language(client):
    html = client.get("/nl/werknemer/check/a1/b1/").get_data(as_text=True)
    assert 'href="/en/werknemer/check/a1/b1/" hreflang="en"' in html


def test_outcome_lists_answers_with_change_links_and_start_again(client):
    lang, check = next(all_checks())
    codes = next(c for c in check.routes() if c and not isinstance(check.walk(c).node, Question))
    html = client.get(address(lang, check, codes)).get_data(as_text=True)
    for step in check.walk(codes).steps:
        assert f'href="{address(lang, check, step.codes)}"' in html
        assert step.option.label.replace("'", "&#39;") in html
    assert f'href="{address(lang, check)}"' in html


def test_privacy_headers_and_no_cookies(client):
    response = client.get("/nl/")
    csp = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    # Scripts from this site only; WebAssembly (the search engine) may be compiled, nothing wider.
    assert "script-src 'self' 'wasm-unsafe-eval';" in csp
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "Set-Cookie" not in response.headers


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_privacy_statement_names_the_keys_the_scripts_keep_in_the_browser(app, client, lang):
    """The quick exit's mark and the checklist's ticks: the privacy statement names each key and its storage."""
    static = Path(app.static_folder)
    quick_exit_key = re.search(r'LEFT_KEY = "([^"]+)"', (static / "js/site.js").read_text()).group(1)
    checklist_key = re.search(r'data-store="([^"]+)"', client.get(f"/{lang}/werkgever/checklist/").get_data(as_text=True)).group(1)
    privacy = client.get(f"/{lang}/over/privacy/").get_data(as_text=True)
    assert f"<code>{quick_exit_key}</code>" in privacy and "session storage" in privacy
    assert f"<code>{checklist_key}</code>" in privacy and "local storage" in privacy


def test_pages_carry_no_inline_script_or_style(client):
    for url in ["/", "/nl/", "/en/werknemer/", "/nl/werknemer/check/", "/nl/onderwerpen/wat-zegt-de-wet/",
                "/nl/werkgever/aanstellingsbrief/", "/en/vertrouwenspersoon/jaarverslag/", "/nl/zoeken/"]:
        html = client.get(url).get_data(as_text=True)
        # The data blocks of markup that needs JavaScript are the only scripts without src: of type
        # text/html, so no browser runs them (tests/markup.py).
        for markup in (without_javascript(html), with_javascript(html)):
            assert re.search(r"<script(?![^>]*\bsrc=)", markup) is None, url
        assert " style=" not in html and "<style" not in html and " on" + "click=" not in html, url


def test_app_refuses_to_start_on_broken_content(tmp_path):
    import shutil

    from app.content import ContentError

    shutil.copytree(FIXTURE_CONTENT, tmp_path / "content")
    (tmp_path / "content/nl/demo/uitleg.md").write_text("no front matter", encoding="utf-8")
    with pytest.raises(ContentError) as error:
        create_app({"CONTENT_DIR": tmp_path / "content"})
    assert [str(p) for p in error.value.problems][0].startswith("content/nl/demo/uitleg.md:1: expected front matter")


def test_page_cache_serves_the_same_page_with_the_same_headers():
    cached = create_app({"TESTING": True, "PAGE_CACHE": True}).test_client()
    first = cached.get("/nl/werknemer/check/a1/")
    second = cached.get("/nl/werknemer/check/a1/")
    assert first.get_data() == second.get_data() and second.status_code == 200
    assert second.headers["Content-Security-Policy"] == first.headers["Content-Security-Policy"]
    missing = cached.get("/nl/bestaat-niet/")
    assert missing.status_code == 404 and cached.get("/nl/bestaat-niet/").status_code == 404


def test_page_cache_is_off_unless_asked_for():
    assert not create_app({"TESTING": True}).before_request_funcs.get(None)


def test_a_to_z_files_numbered_points_under_their_subject(client):
    html = client.get("/nl/zoeken/").get_data(as_text=True)
    letters = re.findall(r'<h3 id="letter-([^"]+)">', html)
    assert letters == sorted(letters) and not any(letter.isdigit() for letter in letters)
    start = html.index('id="letter-A"')
    a_list = html[start:html.index("<h3", start)]
    assert "1. Aanstelling en verantwoording" in a_list and "2. Aantal vertrouwenspersonen" in a_list


def test_every_page_has_a_search_field_in_the_header_that_sends_nothing(client):
    html = client.get("/nl/werknemer/").get_data(as_text=True)
    header = html[html.index("<header"):html.index("</header>")]
    form = re.search(r"<form[^>]*data-header-search[^>]*>(.*?)</form>", header, re.S)
    assert form and 'type="search"' in form.group(1)
    assert "name=" not in form.group(1)  # nothing typed is submitted, even without JavaScript
    search_page = client.get("/nl/zoeken/").get_data(as_text=True)
    assert "data-header-search" not in search_page  # the search page has its own field
