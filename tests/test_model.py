"""The check engine on the toy content: walking answers, listing routes, choosing outcome blocks."""

from __future__ import annotations

import dataclasses

import pytest

from app.content import load_content

from .conftest import FIXTURE_CONTENT


@pytest.fixture(scope="module")
def check():
    content = load_content(FIXTURE_CONTENT, ("nl", "en"))
    return content.editions["nl"].sections["demo"].items["vragen"]


def test_routes_list_every_answer_sequence_from_the_start(check):
    assert list(check.routes()) == [(), ("a1",), ("a1", "b1"), ("a1", "b2"), ("a2",)]


@pytest.mark.parametrize("codes, node", [
    ((), "kleur"),
    (("a1",), "vorm"),
    (("a1", "b2"), "klaar"),
    (("a2",), "klaar"),
])
def test_walk_follows_the_answers(check, codes, node):
    assert check.walk(codes).node.id == node


@pytest.mark.parametrize("codes", [("a9",), ("a2", "b1"), ("a1", "b1", "b1"), ("b1",)])
def test_walk_refuses_answers_that_are_not_a_route(check, codes):
    assert check.walk(codes) is None


def test_steps_know_the_address_of_their_question(check):
    walk = check.walk(("a1", "b2"))
    assert [(s.question.id, s.option.code, s.codes) for s in walk.steps] == [
        ("kleur", "a1", ()), ("vorm", "b2", ("a1",))]
    assert walk.answers == {"kleur": "a1", "vorm": "b2"}


@pytest.mark.parametrize("codes, shown", [
    (("a1", "b1"), ["<p>Altijd te zien.</p>\n", "<p>Alleen bij rood.</p>\n"]),
    (("a1", "b2"), ["<p>Altijd te zien.</p>\n", "<p>Alleen bij rood.</p>\n", "<p>Alleen bij vierkant.</p>\n"]),
    (("a2",), ["<p>Altijd te zien.</p>\n"]),  # vorm was never asked: its block stays hidden
])
def test_outcome_blocks_show_only_for_their_answers(check, codes, shown):
    walk = check.walk(codes)
    assert [b.html for b in walk.node.blocks_for(walk.answers)] == shown


def test_model_is_immutable(check):
    with pytest.raises(dataclasses.FrozenInstanceError):
        check.title = "changed"
    with pytest.raises(TypeError):
        check.nodes["nieuw"] = None


def test_blocks_can_depend_on_the_findings_of_an_advice_function():
    from types import MappingProxyType

    from app.content.model import ADVICE_KEY, Block

    block = Block("<p>x</p>", MappingProxyType({ADVICE_KEY: frozenset({"extern", "branche"})}), ())
    assert block.shows_for({}, frozenset({"extern", "aantal-1"}))
    assert not block.shows_for({}, frozenset({"intern"}))
    assert not block.shows_for({})


def test_successors_are_the_nodes_the_answers_lead_to_in_order(check):
    assert check.successors("kleur") == ("vorm", "klaar")
    assert check.successors("vorm") == ("klaar", "klaar")
    assert check.successors("klaar") == ()


def test_content_items_are_every_item_of_every_language_in_order():
    content = load_content(FIXTURE_CONTENT)
    assert content.languages == ("nl", "en")
    assert [(edition.lang, item.id) for edition, item in content.items()] == [
        ("nl", "vragen"), ("nl", "uitleg"), ("en", "vragen"), ("en", "uitleg")]
    dutch = content.editions["nl"]
    assert [c.id for c in dutch.checks()] == ["vragen"]
    assert dutch.section_of(dutch.item("demo", "uitleg")) is dutch.sections["demo"]
