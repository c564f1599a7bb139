"""python build.py preview: the app while editing, reloading what is saved; nothing of it in the frozen site."""

from __future__ import annotations

import re
import urllib.request
from pathlib import Path

import pytest

import build
from app import create_app
from app.content import ContentError
from app.preview import Preview, start

BROKEN_TITLE = "title: [unclosed\n"


def fetch(base: str, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(base + path) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.fixture
def running(toy_content):
    server, preview, stop = start({"CONTENT_DIR": toy_content})
    yield f"http://127.0.0.1:{server.server_address[1]}", preview
    stop.set()
    server.shutdown()


def test_the_frozen_site_has_no_trace_of_the_preview(toy_content, tmp_path):
    build.freeze(create_app({"CONTENT_DIR": toy_content}), tmp_path / "build", workers=1)
    for path in (tmp_path / "build").rglob("*"):
        if path.is_file() and path.suffix in (".html", ".css", ".js", ".json", ".xml", ".txt"):
            text = path.read_text(encoding="utf-8")
            for trace in ("__preview", "preview.js", "preview-banner", "preview-sources", "preview-problems"):
                assert trace not in text, f"{path}: {trace}"


def test_pages_are_marked_as_preview_with_their_sources_and_review_pages(running):
    base, _ = running
    status, page = fetch(base, "/nl/demo/vragen/")
    assert status == 200 and 'class="preview-banner"' in page and "alleen op deze computer" in page
    assert '<script src="/__preview/preview.js" data-version="1" defer></script>' in page
    assert "<strong>Bronnen (inventaris):</strong> W1</p>" in page
    assert '<a href="/nl/review/demo/vragen/">Script voor reviewers</a>' in page
    assert '<a href="/nl/review/demo/vragen/graph.svg">' in page
    _, topic = fetch(base, "/nl/demo/uitleg/")
    assert "<strong>Gecontroleerd:</strong> 2026-11-23" in topic and "Script voor reviewers" not in topic
    assert not re.search(r"<script>|style=", page)  # the policy allows no inline script or style


def test_broken_content_lists_the_checks_lines_on_every_page_then_recovers(toy_content):
    page_file = toy_content / "nl" / "demo" / "uitleg.md"
    good = page_file.read_text(encoding="utf-8")
    preview = Preview({"CONTENT_DIR": toy_content})
    client = preview.app.test_client()
    page_file.write_text(good.replace("title:", "titel:", 1), encoding="utf-8")
    assert preview.changed()
    preview.reload()
    with pytest.raises(ContentError) as expected:
        create_app({"CONTENT_DIR": toy_content})
    lines = [str(problem) for problem in expected.value.problems]
    assert preview.problems == lines and lines[0].startswith("content/nl/demo/uitleg.md:")
    from werkzeug.test import Client

    broken = Client(preview).get("/nl/")
    assert broken.status_code == 500 and all(line.replace("'", "&#x27;") in broken.text for line in lines)
    assert broken.headers["Content-Security-Policy"].startswith("default-src 'none'")
    page_file.write_text(good, encoding="utf-8")
    assert preview.changed() and not preview.changed()
    preview.reload()
    assert preview.problems == [] and preview.version == 3
    assert Client(preview).get("/nl/demo/uitleg/").status_code == 200
    assert client.get("/nl/").status_code == 200


@pytest.mark.browser
def test_a_saved_mistake_shows_in_the_open_page_and_the_fix_brings_it_back(page, running, toy_content):
    base, _ = running
    page_file = toy_content / "nl" / "demo" / "uitleg.md"
    good = page_file.read_text(encoding="utf-8")
    page.goto(base + "/nl/demo/uitleg/")
    title = page.locator("h1").inner_text()
    page.evaluate("window.notReloadedByHand = true")
    page_file.write_text(good.replace("title:", "titel:", 1), encoding="utf-8")
    problems = page.locator(".preview-problems")
    problems.wait_for(timeout=15000)
    assert re.search(r"content/nl/demo/uitleg\.md:\d+ ", problems.inner_text())
    page_file.write_text(good, encoding="utf-8")
    page.locator("h1", has_text=title).wait_for(timeout=15000)
    assert page.url == base + "/nl/demo/uitleg/"
    assert page.locator(".preview-sources").is_visible()
