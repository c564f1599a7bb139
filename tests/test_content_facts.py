"""Facts on the employee-facing pages that were once wrong: each test fails if the old wrong text returns.

The pages are the real content as the app loads it (the rendered Markdown), in both languages. The facts
come from shared/FACTS-2026.md and seed 002 (the government guide); the line numbers are in the tests.
"""

from __future__ import annotations

import html as htmllib
import re

import pytest

from app.content.model import Check, Outcome, Topic

# The organisations the employee pages name, with the only home page FACTS-2026.md gives for each.
ORGANISATIONS = {
    "Het Juridisch Loket": "https://www.juridischloket.nl/",
    "Slachtofferhulp Nederland": "https://www.slachtofferhulp.nl/",
    "Centrum Seksueel Geweld": "https://www.centrumseksueelgeweld.nl/",
    "College voor de Rechten van de Mens": "https://www.mensenrechten.nl/",
    "antidiscriminatievoorziening": "https://www.discriminatie.nl/",
    "Huis voor Klokkenluiders": "https://www.huisvoorklokkenluiders.nl/",
    "Nederlandse Arbeidsinspectie": "https://www.nlarbeidsinspectie.nl/",
    "Arboportaal": "https://www.arboportaal.nl/",
    "LVV": "https://www.lvvv.nl/",
}
EMPLOYEE_SECTIONS = ("werknemer", "onderwerpen", "over")
NOT_OURS = {("onderwerpen", "aanbieders")}  # the providers page belongs to the employer side
EXTRA_PAGES = (("regelen", "toegang"),)
LANGUAGES = ("nl", "en")


def text(html: str) -> str:
    """What a reader sees: tags dropped, entities decoded, white space folded."""
    return re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def links(html: str) -> set[str]:
    return set(re.findall(r'href="(https?://[^"]+)"', html))


@pytest.fixture(scope="module")
def editions(app):
    return app.extensions["content"].editions


def employee_items(edition):
    for section_id in EMPLOYEE_SECTIONS:
        for item_id, item in edition.sections[section_id].items.items():
            if (section_id, item_id) not in NOT_OURS:
                yield section_id, item_id, item
    for section_id, item_id in EXTRA_PAGES:
        yield section_id, item_id, edition.item(section_id, item_id)


def employee_texts(edition):
    """(where, html) for every topic page and every outcome block of the employee side."""
    for section_id, item_id, item in employee_items(edition):
        if isinstance(item, Topic):
            yield f"{section_id}/{item_id}", item.html
        elif isinstance(item, Check):
            for node in item.nodes.values():
                if isinstance(node, Outcome):
                    for number, block in enumerate(node.blocks):
                        yield f"{section_id}/{item_id}:{node.id}[{number}]", block.html


def page(editions, lang, section, item) -> str:
    return text(editions[lang].item(section, item).html)


def paragraph_with(editions, lang, section, item, phrase) -> str:
    """The rendered paragraph or list item that holds the phrase (so a test can read its context)."""
    html = editions[lang].item(section, item).html
    for part in re.findall(r"<(?:p|li)>(.*?)</(?:p|li)>", html, flags=re.S):
        if phrase.lower() in text(part).lower():
            return text(part)
    raise AssertionError(f"{lang}/{section}/{item}: no paragraph says {phrase!r}")


# ---- Web addresses ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_named_organisation_links_its_home_page_from_facts(editions, lang):
    unlinked = [(where, name) for where, html in employee_texts(editions[lang])
                for name, address in ORGANISATIONS.items()
                if name in text(html) and address not in links(html)]
    assert not unlinked, unlinked


@pytest.mark.parametrize("lang", LANGUAGES)
def test_employee_pages_link_only_addresses_from_facts(editions, lang):
    unknown = [(where, address) for where, html in employee_texts(editions[lang])
               for address in links(html) if address not in ORGANISATIONS.values()]
    assert not unknown, unknown


# ---- Law -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, old, new", [
    ("nl", "artikel 3, lid 4", "Arbowet (artikel 5)"),
    ("en", "article 3, paragraph 4", "Arbowet (article 5)"),
])
def test_the_rie_duty_is_arbowet_article_5_not_article_3_lid_4(editions, lang, old, new):
    for where, html in employee_texts(editions[lang]):
        assert old not in text(html), where
    rie = paragraph_with(editions, lang, "onderwerpen", "wat-zegt-de-wet", "Arbobesluit")
    assert new in rie and "RI&E" in rie and "2.15" in rie


@pytest.mark.parametrize("lang, phrase", [("nl", "gedragscode voor te schrijven"), ("en", "require employers to have a code")])
def test_no_unconfirmed_plan_for_a_mandatory_code_of_conduct(editions, lang, phrase):
    for where, html in employee_texts(editions[lang]):
        assert phrase not in text(html), where


@pytest.mark.parametrize("lang, term, wanted, forced", [
    ("nl", "aanranding en verkrachting", ["niet wilt", "1 juli 2024", "Wet seksuele misdrijven", "geen dwang"], ["dwingt"]),
    ("en", "sexual assault and rape", ["do not want", "1 July 2024", "Wet seksuele misdrijven", "no force"], ["forces you"]),
])
def test_rape_and_sexual_assault_follow_the_wet_seksuele_misdrijven(editions, lang, term, wanted, forced):
    definition = paragraph_with(editions, lang, "onderwerpen", "ongewenste-omgangsvormen", term)
    for phrase in wanted:
        assert phrase in definition, definition
    for phrase in forced:  # force is no longer what makes it rape (in force since 1 July 2024)
        assert phrase not in definition, definition


# ---- Confidentiality (seed 002 lines 2834-2854) ------------------------------------------------------------

@pytest.mark.parametrize("lang, claim", [("nl", "moet de vertrouwenspersoon dat melden"), ("en", "the trust person must report it")])
def test_no_page_says_the_trust_person_must_report_danger(editions, lang, claim):
    for where, html in employee_texts(editions[lang]):
        assert claim not in text(html), where


@pytest.mark.parametrize("lang, demonstrable, refer_on", [
    ("nl", "aanwijsbare en ernstige schade", "verwijst de vertrouwenspersoon je door naar een andere vertrouwenspersoon"),
    ("en", "demonstrable and serious harm", "refers you to another trust person"),
])
def test_the_contact_page_keeps_demonstrable_harm_and_the_sixth_step(editions, lang, demonstrable, refer_on):
    contact = page(editions, lang, "werknemer", "hoe-gaat-het-contact")
    assert demonstrable in contact
    assert refer_on in contact


# ---- Figures (NEA 2023, CBS/TNO) ---------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_figures_page_gives_the_nea_2023_figures_in_their_own_charts(editions, lang):
    topic = editions[lang].item("onderwerpen", "cijfers")
    nea_2023 = [c for c in topic.charts if c.source == "CBS/TNO, NEA 2023"]
    assert nea_2023, "no chart with source CBS/TNO, NEA 2023"
    values = {bar.value for chart in nea_2023 for bar in chart.bars}
    assert {17, 30, 20, 17.4, 8.5, 6.3, 21, 13, 24, 16} <= values
    for chart in topic.charts:  # never one chart that mixes the 2018 and the 2023 survey
        assert ("2018" in chart.source) != ("2023" in chart.source), chart.id
    for chart in nea_2023:  # the method change is said next to the chart itself
        assert "2021" in chart.title, chart.title


@pytest.mark.parametrize("lang, current, note, old", [
    ("nl", "17% van de werknemers", "niet vergelijken met cijfers tot en met 2021", "15,6%"),
    ("en", "17% of employees", "not be compared with figures up to 2021", "15.6%"),
])
def test_17_percent_is_the_current_figure_and_15_6_only_the_old_one(editions, lang, current, note, old):
    figures = page(editions, lang, "onderwerpen", "cijfers")
    assert current in paragraph_with(editions, lang, "onderwerpen", "cijfers", current)
    assert "NEA" in paragraph_with(editions, lang, "onderwerpen", "cijfers", current)
    assert note in figures
    assert "2020" in paragraph_with(editions, lang, "onderwerpen", "cijfers", old)
    for where, html in employee_texts(editions[lang]):
        if where != "onderwerpen/cijfers":
            assert old not in text(html), where


# ---- Who may use which trust person (seed 002 lines 138, 2611-2615) ----------------------------------------

@pytest.mark.parametrize("lang, page_id, says, never", [
    ("nl", ("werknemer", "waar-vind-ik-een-vp"), ["schoonmaker", "vertrouwenspersoon van het bedrijf waar je werkt"],
     ["verwijst je dan door", "stuurt je dan door"]),
    ("en", ("werknemer", "waar-vind-ik-een-vp"), ["cleaner", "trust person of the company where you work"],
     ["then refers you", "refers you on"]),
    ("nl", ("regelen", "toegang"), ["schoonmaker", "Stuur ze dus niet weg", "Alleen waar dat nodig is"],
     ["Die verwijst hen dan door"]),
    ("en", ("regelen", "toegang"), ["cleaner", "So do not send them away", "Only where it is needed"],
     ["then refers them on"]),
])
def test_agency_and_contractor_staff_may_use_the_hiring_companys_trust_person(editions, lang, page_id, says, never):
    found = page(editions, lang, *page_id)
    for phrase in says:
        assert phrase in found
    for phrase in never:
        assert phrase not in found


@pytest.mark.parametrize("lang, policy, yes", [
    ("nl", "hangt af van het beleid van de organisatie", "Toch mogen vrijwilligers"),
    ("en", "depends on the organisation's policy", "Still, many organisations let volunteers"),
])
def test_volunteers_read_that_it_depends_on_policy_before_they_read_yes(editions, lang, policy, yes):
    found = page(editions, lang, "werknemer", "waar-vind-ik-een-vp")
    assert policy in found and yes in found
    assert found.index(policy) < found.index(yes)


# ---- Smaller corrections -----------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, page_id, old, new", [
    ("nl", ("werknemer", "klacht-over-de-vp"), "Altijd: bij je werkgever", "hoort daarvoor een klachtenregeling te hebben"),
    ("en", ("werknemer", "klacht-over-de-vp"), "Always: with your employer", "should have a complaints procedure"),
    ("nl", ("over", "privacy"), "Er komen nog hulpmiddelen bij", "Er zijn drie hulpmiddelen"),
    ("en", ("over", "privacy"), "More tools are coming", "There are three tools"),
])
def test_corrected_sentences_stay_corrected(editions, lang, page_id, old, new):
    found = page(editions, lang, *page_id)
    assert old not in found
    assert new in found


@pytest.mark.parametrize("lang, dated", [("nl", "stand november"), ("en", "as of November")])
def test_dates_are_checked_dates_not_mid_sentence(editions, lang, dated):
    for where, html in employee_texts(editions[lang]):
        assert dated not in text(html), where


@pytest.mark.parametrize("lang, ambiguous", [("nl", "misbruik"), ("en", "misuse")])
def test_the_integrity_answer_cannot_be_read_as_sexual_abuse(editions, lang, ambiguous):
    check = editions[lang].item("werknemer", "check")
    labels = [o.label + " " + (o.hint or "") for node in check.nodes.values() if not isinstance(node, Outcome)
              for o in node.options]
    blocks = [text(b.html) for b in check.nodes["integriteit"].blocks]
    for found in labels + blocks:
        assert ambiguous not in found.lower(), found
