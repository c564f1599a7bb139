"""Facts on the trust-person and employer pages that a review found wrong: each test fails if the old text
comes back. Sources: seed 002 (the government guide) and shared/FACTS-2026.md."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.content.model import Question
from .real_app import real_app

CONTENT = real_app().extensions["content"]
LANGUAGES = real_app().config["LANGUAGES"]  # the tests are parametrized by language
ROOT = Path(__file__).resolve().parent.parent / "content"

# The files this part of the guide owns (the employee side and two tools are checked elsewhere).
OWN_SECTIONS = ("vertrouwenspersoon", "werkgever", "regelen", "competenties")
NOT_OWN = {"vertrouwenspersoon/jaarverslag.yml", "werkgever/aanstellingsbrief.yml", "regelen/toegang.md"}


def own_files(lang):
    for section in OWN_SECTIONS:
        for path in sorted((ROOT / lang / section).iterdir()):
            if f"{section}/{path.name}" not in NOT_OWN:
                yield path
    yield ROOT / lang / "onderwerpen" / "aanbieders.md"


def own_text(lang):
    return {path.relative_to(ROOT).as_posix(): path.read_text(encoding="utf-8") for path in own_files(lang)}


def folded(text):
    return re.sub(r"\s+", " ", text).lower()


def page(lang, section, item):
    return folded(CONTENT.editions[lang].item(section, item).html)


# ---- Law (FACTS-2026: RI&E is Arbowet article 5 with Arbobesluit 2.15) -----------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_rie_is_never_tied_to_article_3_lid_4(lang):
    for name, text in own_text(lang).items():
        assert not re.search(r"lid 4|paragraph 4", text), name


@pytest.mark.parametrize("lang, words", [("nl", "artikel 5"), ("en", "article 5")])
@pytest.mark.parametrize("section, item", [("werkgever", "wat-zegt-de-wet"), ("werkgever", "wat-regel-je"),
                                           ("werkgever", "wat-levert-het-op")])
def test_the_rie_pages_name_arbowet_article_5(lang, words, section, item):
    assert words in page(lang, section, item)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_unconfirmed_plan_for_a_mandatory_code_of_conduct(lang):
    for name, text in own_text(lang).items():
        text = folded(text)
        assert "gedragscode voor te schrijven" not in text and "verplichte gedragscode" not in text, name
        assert "mandatory code of conduct" not in text and "require employers to have a code" not in text, name


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_code_of_conduct_points_to_the_seeds_handreiking(lang):
    assert "handreiking gedragscode (on)gewenste omgangsvormen" in page(lang, "regelen", "beleid")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_inspectie_szw_is_named_only_as_the_old_name(lang):
    for name, text in own_text(lang).items():
        for match in re.finditer(r"Inspectie\s+SZW", text):
            around = folded(text[max(0, match.start() - 40):match.start()])
            assert "heette" in around or "called" in around, name


@pytest.mark.parametrize("lang, word", [("nl", "wetsvoorstel 35592"), ("en", "bill 35592")])
def test_bill_35592_is_called_a_bill(lang, word):
    for name, text in own_text(lang).items():
        if "35592" in text:
            assert word in folded(text), name


# ---- Confidentiality: no legal privilege, but an internal one (seed 002:2369) --------------------------------

@pytest.mark.parametrize("lang, legal, internal, old", [
    ("nl", "geen wettelijk verschoningsrecht", "intern verschoningsrecht", "je hebt ook geen verschoningsrecht:"),
    ("en", "no legal privilege", "internal privilege", "you also have no legal privilege"),
])
def test_a_trust_person_has_no_legal_but_an_internal_privilege(lang, legal, internal, old):
    text = page(lang, "vertrouwenspersoon", "randvoorwaarden")
    assert legal in text and internal in text
    assert old not in text


@pytest.mark.parametrize("lang, own_rule, marked", [
    ("nl", "om zich te verdedigen in een procedure tegen zichzelf", "dit zijn de regels van die aanbieder"),
    ("en", "to defend themselves in proceedings against themselves", "these are that provider's rules"),
])
def test_the_providers_own_defence_rule_is_on_their_page_marked_as_theirs(lang, own_rule, marked):
    text = page(lang, "onderwerpen", "aanbieders")
    assert own_rule in text and marked in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_confidentiality_check_has_no_own_defence_route(lang):
    check = CONTENT.editions[lang].item("vertrouwenspersoon", "vertrouwelijkheid")
    assert "verweer" not in check.nodes and "eigen-verweer" not in check.nodes


# ---- The employer's fifteen points (seed 002:2288-2316) --------------------------------------------------------

FIFTEEN = ["aanstelling", "aantal", "onafhankelijkheid", "diversiteit", "bereikbaarheid", "herkenbaarheid",
           "toegang", "faciliteiten", "steun-van-de-top", "beleid", "klachten-over-de-vp", "klachtencommissie",
           "opleiding", "vertrouwelijkheid", "taakafbakening"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_points_to_arrange_are_the_seeds_fifteen_in_its_order(lang):
    section = CONTENT.editions[lang].sections["regelen"]
    assert list(section.items) == FIFTEEN
    for number, item in enumerate(FIFTEEN, 1):
        assert section.items[item].title.startswith(f"{number}. "), item


@pytest.mark.parametrize("lang", LANGUAGES)
def test_nothing_says_twelve_points_any_more(lang):
    for path in (ROOT / lang).rglob("*"):
        if path.is_file():
            assert not re.search(r"\b(twaalf (regel)?punten|twelve points)", path.read_text(encoding="utf-8"), re.I), path


@pytest.mark.parametrize("lang, words", [
    ("nl", ["geen corrigerend gesprek", "alleen als de melder daarvoor toestemming geeft", "geen juridische hulp",
            "geen oordeel over een zaak", "geen plaats in de klachtencommissie"]),
    ("en", ["no corrective talk", "only if the reporter consents to it", "no legal help", "no judgement on a case",
            "no seat on the complaints committee"]),
])
def test_task_boundaries_name_what_the_trust_person_does_not_do(lang, words):
    text = page(lang, "regelen", "taakafbakening")
    assert [w for w in words if w not in text] == []


@pytest.mark.parametrize("lang, words", [("nl", "minder dan 20 uur per week"), ("en", "fewer than 20 hours a week")])
def test_reachability_has_its_own_point(lang, words):
    assert words in page(lang, "regelen", "bereikbaarheid")
    assert words not in page(lang, "regelen", "herkenbaarheid")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_employer_advice_invents_no_minimum_number(lang):
    text = folded((ROOT / lang / "werkgever" / "intern-of-extern.yml").read_text(encoding="utf-8"))
    assert "minstens drie" not in text and "at least three" not in text
    assert "per hoofdlocatie" not in text and "per main location" not in text


# ---- Web addresses: the first mention on a page or outcome links the home page (FACTS-2026) -----------------

ADDRESSES = {
    "Juridisch Loket": "https://www.juridischloket.nl/",
    "Slachtofferhulp Nederland": "https://www.slachtofferhulp.nl/",
    "Centrum Seksueel Geweld": "https://www.centrumseksueelgeweld.nl/",
    "College voor de Rechten van de Mens": "https://www.mensenrechten.nl/",
    "ntidiscriminatievoorziening": "https://www.discriminatie.nl/",
    "Huis voor Klokkenluiders": "https://www.huisvoorklokkenluiders.nl/",
    "Nederlandse Arbeidsinspectie": "https://www.nlarbeidsinspectie.nl/",
    "Arboportaal": "https://www.arboportaal.nl/",
    "LVV": "https://www.lvvv.nl/",
}


def own_pages(lang):
    """(name, html) of every topic page and every check outcome in the files owned here."""
    edition = CONTENT.editions[lang]
    for section in OWN_SECTIONS + ("onderwerpen",):
        for item_id, item in edition.sections[section].items.items():
            if f"{section}/{item_id}.md" in NOT_OWN or (section == "onderwerpen" and item_id != "aanbieders"):
                continue
            if getattr(item, "html", None):
                yield f"{section}/{item_id}", item.html
            for node in getattr(item, "nodes", {}).values():
                if not isinstance(node, Question) and hasattr(node, "blocks"):
                    yield f"{section}/{item_id}#{node.id}", "".join(b.html for b in node.blocks)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_first_mention_of_each_organisation_links_its_home_page(lang):
    checked = 0
    for name, html in own_pages(lang):
        for organisation, address in ADDRESSES.items():
            found = html.find(organisation)
            if found < 0:
                continue
            checked += 1
            opening = html.rfind("<a ", 0, found)
            assert opening >= 0 and "</a>" not in html[opening:found], (name, organisation)
            assert html[opening:found].startswith(f'<a href="{address}"'), (name, organisation)
    assert checked >= 10  # the test looked at real mentions
