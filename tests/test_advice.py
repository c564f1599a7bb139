"""The employer's recommendation: internal, external, a mix or a sector arrangement, and how many."""

from __future__ import annotations

import itertools

import pytest

from app.advice import ADVICE

RULE = ADVICE["intern-of-extern"]
KINDS = {"intern", "extern", "mix", "branche"}
NUMBERS = {"aantal-1", "aantal-2", "aantal-3", "aantal-meer"}


def advise(medewerkers, locaties="b1", diversiteit="c1", kandidaat="d2", branche="e2"):
    return RULE({"medewerkers": medewerkers, "locaties": locaties, "diversiteit": diversiteit,
                 "kandidaat": kandidaat, "branche": branche})


def every_answer_combination():
    questions = sorted(RULE.questions)
    for codes in itertools.product(*(sorted(RULE.questions[q]) for q in questions)):
        yield dict(zip(questions, codes))


def test_every_combination_gets_exactly_one_kind_and_one_number():
    for answers in every_answer_combination():
        found = RULE(answers)
        assert len(found & KINDS) == 1, answers
        assert len(found & NUMBERS) == 1, answers


def test_every_finding_can_occur():
    seen = set().union(*(RULE(a) for a in every_answer_combination()))
    assert seen == RULE.findings


def test_micro_business_gets_one_external_trust_person():
    assert advise("a1", kandidaat="d3") == {"extern", "aantal-1", "reden-klein"}


def test_micro_business_in_a_sector_arrangement_uses_it():
    assert advise("a1", branche="e1") == {"branche", "aantal-1", "reden-klein"}


def test_small_business_unsure_about_its_sector_is_told_to_ask():
    assert advise("a2", branche="e3") == {"extern", "aantal-1", "reden-klein", "reden-branche-navragen"}


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
