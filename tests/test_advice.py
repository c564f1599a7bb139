"""The employer's recommendation: internal, external, a mix or a sector arrangement, and how many.

The advice must agree with its own reasons and with the seed guide (002, line 2406: the less varied the
staff, the fewer trust persons; the more sites, the more; over 1,000 staff and complex organisations often
appoint several). Two tables say what may never be shown together: findings of the rule, and sentences of
the rendered page. Every combination of answers the rule understands is checked against both.
"""

from __future__ import annotations

import html
import itertools
import re

import pytest

from app.advice import ADVICE

RULE = ADVICE["intern-of-extern"]
KINDS = {"intern", "extern", "mix", "branche"}
NUMBERS = {"aantal-1", "aantal-2", "aantal-3", "aantal-meer"}
QUESTION_ORDER = ("medewerkers", "locaties", "diversiteit", "kandidaat", "branche")  # the route's order

# Findings that contradict each other: the advice (left) and a reason that argues against it (right).
CONTRADICTING_FINDINGS = {
    # "one is enough" while the reasons say more sites or more variety need more (seed 002:2406)
    "aantal-1": {"reden-locaties", "reden-divers", "reden-groot"},
    # internal only, while a reason says to look further or that a colleague is not safe enough
    "intern": {"reden-klein", "reden-groot", "reden-onafhankelijkheid", "reden-geen-kandidaat"},
    "extern": {"reden-middelgroot", "reden-groot"},
    "mix": {"reden-klein", "reden-middelgroot"},
    "branche": {"reden-middelgroot", "reden-groot"},
}

# Sentences of the page that claim something, by language; a pattern is searched sentence by sentence.
CLAIMS = {
    "nl": {
        "een-is-genoeg": r"één vertrouwenspersoon daarom meestal genoeg",
        "twee": r"hoeveel\? twee vertrouwenspersonen",
        "drie": r"hoeveel\? drie vertrouwenspersonen",
        "meerdere": r"hoeveel\? meerdere vertrouwenspersonen",
        "meer-locaties-meer": r"hoe meer locaties, hoe meer vertrouwenspersonen",
        "meer-verschil-meer": r"heb je meer en verschillende vertrouwenspersonen nodig",
        "alleen-intern": r"ons advies: een interne vertrouwenspersoon",
        "ook-extern": r"\b(huur|kies|regel)\b.*\bextern",
        "collega-niet-veilig": r"kleine organisatie kent iedereen elkaar",
        "intern-aanstellen": r"(stel|geef) .*medewerker.* (aan als interne|de rol van vertrouwenspersoon)",
        "zonder-verschil": r"het werk en de mensen lijken op elkaar",
    },
    "en": {
        "een-is-genoeg": r"one trust person is therefore usually enough",
        "twee": r"how many\? two trust persons",
        "drie": r"how many\? three trust persons",
        "meerdere": r"how many\? several trust persons",
        "meer-locaties-meer": r"the more locations, the more trust persons",
        "meer-verschil-meer": r"then you need more trust persons",
        "alleen-intern": r"our advice: an internal trust person",
        "ook-extern": r"\b(hire|choose|arrange)\b.*\bexternal\b",
        "collega-niet-veilig": r"small organisation everybody knows everybody",
        "intern-aanstellen": r"(appoint|give) .*employees?\b.* (as internal|the role of trust person)",
        "zonder-verschil": r"the work and the people are much alike",
    },
}
NUMBER_CLAIMS = ("een-is-genoeg", "twee", "drie", "meerdere")
CONTRADICTING_CLAIMS = {
    *itertools.combinations(NUMBER_CLAIMS, 2),          # two different numbers
    ("een-is-genoeg", "meer-locaties-meer"),
    ("een-is-genoeg", "meer-verschil-meer"),
    ("zonder-verschil", "meer-locaties-meer"),
    ("zonder-verschil", "meer-verschil-meer"),
    ("alleen-intern", "ook-extern"),                    # internal, and yet "also arrange an external one"
    ("collega-niet-veilig", "intern-aanstellen"),       # small: a colleague is unsafe, yet appoint one
}


def advise(medewerkers, locaties="b1", diversiteit="c1", kandidaat="d2", branche="e2"):
    return RULE({"medewerkers": medewerkers, "locaties": locaties, "diversiteit": diversiteit,
                 "kandidaat": kandidaat, "branche": branche})


def every_answer_combination():
    questions = sorted(RULE.questions)
    for codes in itertools.product(*(sorted(RULE.questions[q]) for q in questions)):
        yield dict(zip(questions, codes))


def contradictions(found):
    return {(advice, reason) for advice, reasons in CONTRADICTING_FINDINGS.items() if advice in found
            for reason in reasons & found}


def test_every_combination_gets_exactly_one_kind_and_one_number():
    for answers in every_answer_combination():
        found = RULE(answers)
        assert len(found & KINDS) == 1, answers
        assert len(found & NUMBERS) == 1, answers


def test_no_combination_gives_advice_its_own_reasons_contradict():
    combinations = list(every_answer_combination())
    assert len(combinations) == 270
    for answers in combinations:
        assert contradictions(RULE(answers)) == set(), answers


def test_the_contradiction_table_catches_the_old_mistake():
    """The table can fail: one trust person for a small firm on several sites is caught."""
    assert contradictions({"extern", "aantal-1", "reden-klein", "reden-locaties"}) == {("aantal-1", "reden-locaties")}


def test_every_finding_can_occur():
    seen = set().union(*(RULE(a) for a in every_answer_combination()))
    assert seen == RULE.findings


def test_micro_business_gets_one_external_trust_person():
    assert advise("a1", kandidaat="d3") == {"extern", "aantal-1", "reden-klein"}


def test_micro_business_in_a_sector_arrangement_uses_it():
    assert advise("a1", branche="e1") == {"branche", "aantal-1", "reden-klein"}


def test_small_business_unsure_about_its_sector_is_told_to_ask():
    assert advise("a2", branche="e3") == {"extern", "aantal-1", "reden-klein", "reden-branche-navragen"}


@pytest.mark.parametrize("locaties, diversiteit", [("b2", "c1"), ("b3", "c1"), ("b1", "c2"), ("b3", "c2")])
def test_small_business_on_several_sites_or_with_varied_staff_gets_two(locaties, diversiteit):
    for size in ("a1", "a2"):
        found = advise(size, locaties, diversiteit)
        assert "aantal-2" in found and "extern" in found, (size, locaties, diversiteit)


def test_multi_site_organisation_of_1200_workers_gets_a_mix_of_several():
    assert advise("a5", locaties="b3", diversiteit="c2") == {
        "mix", "aantal-meer", "reden-groot", "reden-locaties", "reden-divers"}


def test_internal_candidate_in_hr_is_not_recommended_as_internal():
    found = advise("a3", kandidaat="d1")
    assert "intern" not in found
    assert found == {"extern", "aantal-1", "reden-onafhankelijkheid"}


def test_large_organisation_with_its_candidate_in_hr_keeps_a_mix_but_hears_why():
    assert advise("a4", kandidaat="d1") == {"mix", "aantal-2", "reden-groot", "reden-onafhankelijkheid"}


def test_medium_organisation_with_a_suitable_candidate_appoints_internally():
    assert advise("a3") == {"intern", "aantal-1", "reden-middelgroot"}


@pytest.mark.parametrize("medewerkers, locaties, diversiteit, number", [
    ("a1", "b1", "c1", "aantal-1"),
    ("a2", "b2", "c1", "aantal-2"),
    ("a3", "b1", "c1", "aantal-1"),
    ("a3", "b2", "c1", "aantal-2"),
    ("a3", "b1", "c2", "aantal-2"),
    ("a4", "b1", "c1", "aantal-2"),
    ("a4", "b2", "c2", "aantal-3"),
    ("a5", "b1", "c1", "aantal-meer"),
])
def test_number_grows_with_size_sites_and_variety(medewerkers, locaties, diversiteit, number):
    assert number in advise(medewerkers, locaties, diversiteit)


def test_a_finding_the_rule_did_not_declare_is_refused():
    from app.advice import Advice

    broken = Advice("kapot", {}, frozenset({"a"}), lambda answers: frozenset({"b"}))
    with pytest.raises(ValueError, match="undeclared findings"):
        broken({})


# ---- The rendered advice: no page says two things that contradict each other --------------------------

def outcome_sentences(page: str) -> list[str]:
    """The outcome's own text (not the summary of answers), lower case, split into sentences."""
    article = page[page.index('<article class="prose outcome">'):page.index("</article>")]
    article = article.split("<section", 1)[0]
    article = re.sub(r"</(h\d|p|li)>", " . ", article)  # a heading, paragraph or list item ends a sentence
    text = html.unescape(re.sub(r"<[^>]+>", " ", article))
    text = re.sub(r"\s+", " ", text).lower()
    return [s for s in re.split(r"(?<=[.!])\s+", text) if s.strip(" .")]


def claims_in(lang, sentences):
    return {name for name, pattern in CLAIMS[lang].items() if any(re.search(pattern, s) for s in sentences)}


@pytest.fixture(scope="module")
def rendered_claims(app):
    """Every combination's page in every language, as the set of claims it makes."""
    client = app.test_client()
    found = {}
    for lang in app.config["LANGUAGES"]:
        for answers in every_answer_combination():
            codes = "/".join(answers[q] for q in QUESTION_ORDER)
            response = client.get(f"/{lang}/werkgever/intern-of-extern/{codes}/")
            assert response.status_code == 200, (lang, codes)
            found[lang, codes] = claims_in(lang, outcome_sentences(response.get_data(as_text=True)))
    return found


def test_no_rendered_advice_contains_contradicting_sentences(rendered_claims):
    assert len(rendered_claims) == 270 * len(CLAIMS)
    for (lang, codes), claims in rendered_claims.items():
        clashing = {pair for pair in CONTRADICTING_CLAIMS if set(pair) <= claims}
        assert clashing == set(), (lang, codes)


def test_every_claim_pattern_still_matches_some_page(rendered_claims):
    """Keeps the claim table in step with the content: a reworded sentence must be reworded here too."""
    for lang in CLAIMS:
        seen = set().union(*(c for (page_lang, _), c in rendered_claims.items() if page_lang == lang))
        assert seen == set(CLAIMS[lang]), lang


def test_the_claim_table_catches_the_old_internal_text():
    """The old internal advice recommended an external trust person too, next to "one is enough"."""
    old = ("Ons advies: een interne vertrouwenspersoon. Regel daarom ook een externe vertrouwenspersoon, "
           "bij wie mensen terechtkunnen.")
    sentences = outcome_sentences(f'<article class="prose outcome"><p>{old}</p></article>')
    assert {"alleen-intern", "ook-extern"} <= claims_in("nl", sentences)
