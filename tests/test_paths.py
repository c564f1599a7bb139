"""Per-path tests: what each check promises, proved over every route the content allows."""

from __future__ import annotations

import re

import pytest

from app.advice import ADVICE
from app.content.model import ADVICE_KEY, Question
from tests.scenario_runner import page_text

from .real_app import real_app

CONTENT = real_app().extensions["content"]
LANGUAGES = real_app().config["LANGUAGES"]  # the tests are parametrized by language


def check(lang, section, item):
    return CONTENT.editions[lang].item(section, item)


def outcomes_by_route(found):
    for codes in found.routes():
        node = found.walk(codes).node
        if not isinstance(node, Question):
            yield codes, node


# ---- Employee: Kan een vertrouwenspersoon mij helpen? -------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("codes, outcome", [
    (("a1", "b1", "c1", "d1"), "vp-kan-helpen"),
    (("a5", "b2", "c2", "d3"), "vp-kan-helpen"),
    (("a2", "b1", "c3", "d2"), "geen-vp"),
    (("a6",), "arbeidsconflict"),
    (("a7",), "prive"),
    (("a8",), "integriteit"),
    (("a9",), "beschuldigd"),
    (("a10", "e2"), "klacht-over-vp"),
])
def test_employee_check_answers_lead_to_their_outcome(lang, codes, outcome):
    assert check(lang, "werknemer", "check").walk(codes).node.id == outcome


@pytest.mark.parametrize("lang", LANGUAGES)
def test_employee_check_skips_questions_that_do_not_matter(lang):
    found = check(lang, "werknemer", "check")
    for codes, node in outcomes_by_route(found):
        asked = set(found.walk(codes).answers)
        if node.id in ("arbeidsconflict", "prive", "integriteit", "beschuldigd"):
            assert asked == {"situatie"}
        if node.id == "klacht-over-vp":
            assert asked == {"situatie", "soort-vp"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_employee_outcome_says_which_trust_person_for_every_position(lang):
    found = check(lang, "werknemer", "check")
    for codes, node in outcomes_by_route(found):
        walk = found.walk(codes)
        if "positie" in walk.answers:
            shown = node.blocks_for(walk.answers)
            assert any("positie" in b.when for b in shown) or walk.answers["positie"] == "c1", codes


# ---- Trust person: Mag ik de vertrouwelijkheid doorbreken? ----------------------------------------------

MAY_SHARE = {"met-toestemming", "rechtszaak", "doorbreken"}
FIVE_CONDITIONS = {"voorwaarde-1": "d1", "voorwaarde-2": "e1", "voorwaarde-3": "f1", "voorwaarde-4": "g1",
                   "voorwaarde-5": "h1"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_confidentiality_is_only_broken_with_consent_a_court_or_all_five_conditions(lang):
    """Seed 002 lines 2838-2854: the only three exceptions."""
    found = check(lang, "vertrouwenspersoon", "vertrouwelijkheid")
    routes = 0
    for codes, node in outcomes_by_route(found):
        routes += 1
        answers = found.walk(codes).answers
        written_consent = answers.get("toestemming") == "a1"
        court = answers.get("rechter") == "b1"
        all_five = all(answers.get(q) == yes for q, yes in FIVE_CONDITIONS.items())
        if node.id in MAY_SHARE:
            assert written_consent or court or all_five, codes
        if all_five:
            assert node.id == "doorbreken"
    assert routes >= 8  # every way through the procedure was looked at
    assert {n.id for _, n in outcomes_by_route(found)} >= MAY_SHARE | {"bewaren", "eerst-toestemming"}


# Inventory V10 steps 4-6, in their order: discuss it with an expert, tell the reporter first, refer if needed.
STEPS_BEFORE_ACTING = {
    "nl": ("deskundige", "vertel de melder", "verwijs de melder"),
    "en": ("expert", "tell the reporter", "refer the reporter"),
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_breaking_confidentiality_names_the_steps_before_acting(lang):
    """The outcome that allows it lists V10's three steps as a numbered list, one step per item, in order."""
    outcome = check(lang, "vertrouwenspersoon", "vertrouwelijkheid").nodes["doorbreken"]
    html = "".join(block.html for block in outcome.blocks)
    steps = re.search(r"<ol>(.*?)</ol>", html, re.S)
    assert steps, "no numbered list of steps"
    items = [item.lower() for item in re.findall(r"<li>(.*?)</li>", steps.group(1), re.S)]
    assert len(items) == len(STEPS_BEFORE_ACTING[lang]), items
    for item, words in zip(items, STEPS_BEFORE_ACTING[lang]):
        assert words in item, (words, item)
    assert "V10" in outcome.sources


# ---- Trust person: Hoort dit bij mij? --------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("codes, outcome", [
    (("a1", "c1", "d1"), "van-jou"),
    (("a1", "c1", "d2"), "van-jou"),
    (("a1", "c1", "d5"), "vrijwilliger"),
    (("a1", "c2"), "leidinggevende"),
    (("a1", "c3"), "commissie"),
    (("a1", "c4"), "juridisch"),
    (("a1", "c5"), "bemiddeling"),
    (("a1", "c6"), "zorg"),
    (("a2",), "beschuldigde"),
    (("a5", "b2"), "integriteit-niet"),
])
def test_task_boundary_check_sends_each_case_to_its_place(lang, codes, outcome):
    assert check(lang, "vertrouwenspersoon", "hoort-dit-bij-mij").walk(codes).node.id == outcome


# ---- Employer: Intern of extern, en hoeveel? --------------------------------------------------------------

def rendered(client, lang, codes):
    return client.get(f"/{lang}/werkgever/intern-of-extern/{'/'.join(codes)}/").get_data(as_text=True)


def block_texts_for(lang, findings):
    outcome = check(lang, "werkgever", "intern-of-extern").nodes["advies"]
    return [b.html for b in outcome.blocks if ADVICE_KEY in b.when and b.when[ADVICE_KEY] & findings]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("codes, expected", [
    (("a1", "b1", "c1", "d3", "e2"), {"extern", "aantal-1", "reden-klein"}),
    (("a5", "b3", "c2", "d2", "e2"), {"mix", "aantal-meer", "reden-groot", "reden-locaties", "reden-divers"}),
    (("a3", "b1", "c1", "d1", "e2"), {"extern", "aantal-1", "reden-onafhankelijkheid"}),
])
def test_employer_advice_page_shows_the_advice_and_its_reasons(client, lang, codes, expected):
    walk = check(lang, "werkgever", "intern-of-extern").walk(codes)
    assert ADVICE[walk.node.advice](walk.answers) == expected
    # The words of each block, not its markup: the advice's opening heading moves into the panel at the top.
    shown = page_text(rendered(client, lang, codes))
    texts = block_texts_for(lang, frozenset(expected))
    assert len(texts) >= len(expected)
    for text in texts:
        assert page_text(f'<article class="outcome">{text}</article>') in shown
    others = block_texts_for(lang, frozenset(ADVICE["intern-of-extern"].findings - expected))
    for text in others:
        assert page_text(f'<article class="outcome">{text}</article>') not in shown


# ---- Coverage: every inventory ID the finished paths promise is cited by some page -------------------------

def cited_ids(lang):
    found = set()
    for item in CONTENT.editions[lang].items():
        found.update(item.sources)
        for node in getattr(item, "nodes", {}).values():
            found.update(getattr(node, "sources", ()))
            for block in getattr(node, "blocks", ()):
                found.update(block.sources)
    return found


# The whole inventory (shared/CONTENT-INVENTORY.md): every fact is cited by at least one page.
DELIVERED = ({f"T{i}" for i in range(1, 11)} | {f"W{i}" for i in range(1, 9)} | {f"V{i}" for i in range(1, 16)}
             | {f"G{i}" for i in range(1, 8)} | {f"P{i}" for i in range(1, 5)})


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_inventory_id_is_cited(lang):
    assert DELIVERED - cited_ids(lang) == set()


# That every cited ID is a well-formed inventory ID the loader enforces (tests/test_validation.py, 'source').
