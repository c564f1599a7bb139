"""A third language costs a folder in content/ and a catalogue in translations/, and no code.

The toy content gets a German edition (a copy of the English one, as a translator would start) and a
small German catalogue; the languages come from the folders, and parity, the language in every frozen
page and the addresses the app accepts all follow without a line of code changed.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import build
from app import create_app
from app.content import ContentError, load_content

from .conftest import FIXTURE_CONTENT

PROJECT = Path(__file__).resolve().parent.parent
CATALOGUE = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: de\\n"

msgid "Quick exit"
msgstr "Schnell weg"
"""


@pytest.fixture
def three_languages(tmp_path) -> tuple[Path, Path]:
    """(content, translations): the toy content in nl, en and de, and the catalogues of nl and de."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    shutil.copytree(content / "en", content / "de")
    translations = tmp_path / "translations"
    shutil.copytree(PROJECT / "translations" / "nl", translations / "nl")
    (translations / "de" / "LC_MESSAGES").mkdir(parents=True)
    (translations / "de" / "LC_MESSAGES" / "messages.po").write_text(CATALOGUE, encoding="utf-8")
    return content, translations


def test_the_languages_are_the_content_folders_reference_first(three_languages):
    content, translations = three_languages
    app = create_app({"CONTENT_DIR": content, "TRANSLATIONS_DIR": translations})
    assert app.config["LANGUAGES"] == ("nl", "de", "en")
    assert tuple(app.extensions["content"].editions) == ("nl", "de", "en")


def test_the_third_language_is_compared_with_the_reference_like_the_second(three_languages):
    content, _ = three_languages
    check = content / "de" / "demo" / "vragen.yml"
    text = check.read_text(encoding="utf-8")
    check.write_text(text.replace("        hint: Warm\n        next: vorm", "        hint: Warm\n        next: klaar"),
                     encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_content(content, display_root=content.parent)
    assert [str(p) for p in error.value.problems] == [
        "content/de/demo/vragen.yml:17 nodes.kleur.options[0].next: differs from content/nl/demo/vragen.yml:17: "
        "expected 'vorm', found 'klaar'"]


def test_the_third_language_freezes_with_its_own_language_and_interface_text(three_languages, tmp_path):
    content, translations = three_languages
    app = create_app({"CONTENT_DIR": content, "TRANSLATIONS_DIR": translations})
    site = tmp_path / "build"
    build.freeze(app, site, workers=1)
    pages = sorted((site / "de").rglob("*.html"))
    assert len(pages) == len(list((site / "en").rglob("*.html"))) > 5
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert '<html lang="de">' in html, page
        assert "Schnell weg" in html, page
    dutch_home = (site / "nl" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="[^"]*de/[^"]*" hreflang="de" lang="de">Deutsch</a>', dutch_home)


def test_only_the_content_languages_are_addresses(three_languages):
    content, translations = three_languages
    client = create_app({"CONTENT_DIR": content, "TRANSLATIONS_DIR": translations}).test_client()
    assert client.get("/de/").status_code == 200
    assert client.get("/fr/").status_code == 404
