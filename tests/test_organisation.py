"""The organisation edition: content/site.yml puts an organisation's own trust persons where employees look."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app import create_app
from app.content import ContentError

PROJECT = Path(__file__).resolve().parent.parent
EXAMPLE = PROJECT / "examples" / "site.yml"


@pytest.mark.parametrize("page, words", [
    ("nl/werknemer/waar-vind-ik-een-vp/index.html",
     ["Bij Zorggroep De Linde", "Anna de Vries", 'href="tel:0612345678"', "interne vertrouwenspersoon",
      "Maandag tot en met donderdag", "Nederlands, Engels, Turks", "integriteit@delinde.example",
      "klachtencommissie van onze branche"]),
    ("en/werknemer/waar-vind-ik-een-vp/index.html",
     ["At Zorggroep De Linde", "Monday to Thursday", "Dutch, English, Turkish", "external trust person",
      "We use our sector"]),
    ("nl/werknemer/check/a1/b1/c1/d1/index.html", ["Bij Zorggroep De Linde", "Anna de Vries"]),
    ("en/werknemer/check/a10/e1/index.html", ["At Zorggroep De Linde", "Petra Jansen"]),
    ("nl/vertrouwenspersoon/index.html", ["Vertrouwenspersonen bij Zorggroep De Linde", "Anna de Vries"]),
])
def test_the_organisations_details_appear_where_employees_look(frozen_with_organisation, page, words):
    html = (frozen_with_organisation / page).read_text(encoding="utf-8")
    for word in words:
        assert word in html, word


def test_without_site_yml_the_generic_guide_shows_no_organisation(frozen_site):
    html = (frozen_site / "nl/werknemer/waar-vind-ik-een-vp/index.html").read_text(encoding="utf-8")
    assert 'class="organisation"' not in html and "footer-contacts" not in html


def problems_with(tmp_path, site_yml: str) -> list[str]:
    shutil.copytree(PROJECT / "tests" / "fixtures" / "content", tmp_path / "content")
    (tmp_path / "content" / "site.yml").write_text(site_yml, encoding="utf-8")
    try:
        create_app({"CONTENT_DIR": tmp_path / "content"})
    except ContentError as error:
        return [str(p) for p in error.problems]
    return []


PERSON = "organisation: De Linde\ntrust_persons:\n  - name: Anna\n    kind: intern\n"


@pytest.mark.parametrize("site_yml, expected", [
    (PERSON + "    email: anna.delinde.example\n",
     "content/site.yml:5 trust_persons[0].email: expected an e-mail address like naam@organisatie.nl, found "
     "text 'anna.delinde.example'"),
    (PERSON + "    phone: 06-ANNA-BELLEN\n",
     "content/site.yml:5 trust_persons[0].phone: expected a phone number of digits, spaces, +, -, ( and ), found "
     "text '06-ANNA-BELLEN'"),
    (PERSON + "    phone: 612345678\n",
     "content/site.yml:5 trust_persons[0].phone: expected a phone number in quotes (\"06 1234 5678\"), found "
     "number 612345678: YAML drops a leading 0"),
    ("organisation: De Linde\nwebsite: https://delinde.example\n",
     "content/site.yml:2 website: unknown field 'website' (expected one of: organisation, url, trust_persons, "
     "integrity, complaints_procedure, complaints_committee, sector, logo, accent)"),
    (PERSON + "    email: a@b.nl\n    languages: [nl, no]\n",
     "content/site.yml:6 trust_persons[0].languages[1]: expected a language code like nl, en, tr or pl, found "
     "boolean false (YAML reads unquoted yes/no/on/off/true/false as a boolean: put the text in quotes)"),
    ("organisation: De Linde\ntrust_persons:\n  - name: Anna\n    kind: collega\n    email: a@b.nl\n",
     "content/site.yml:4 trust_persons[0].kind: expected 'intern' (a colleague) or 'extern' (hired from "
     "outside), found text 'collega'"),
    ("organisation: De Linde\nsector:\n  nl: Onze branche regelt het.\n",
     "content/site.yml:2 sector: missing the text in 'en'"),
    (PERSON,
     "content/site.yml:3 trust_persons[0]: give a phone number or an e-mail address, or both: people need a way "
     "to reach them"),
    ("trust_persons: []\n",
     "content/site.yml:1: missing field 'organisation': the organisation's name, shown with its details"),
    ("organisation: De Linde\nurl: delinde.example\n",
     "content/site.yml:2 url: expected the site's public address starting with https://, found text "
     "'delinde.example'"),
])
def test_each_kind_of_bad_site_yml_gets_its_exact_error(tmp_path, site_yml, expected):
    assert problems_with(tmp_path, site_yml) == [expected]


def test_an_empty_site_yml_is_the_generic_guide(tmp_path):
    assert problems_with(tmp_path, "# nothing filled in yet\n") == []


def test_the_example_is_valid(tmp_path):
    from app.content.load import load_organisation

    organisation = load_organisation(EXAMPLE, ("nl", "en"), PROJECT)  # beside its own logo
    assert organisation.logo.suffix == ".svg" and organisation.accent == "#0b5c3b"
