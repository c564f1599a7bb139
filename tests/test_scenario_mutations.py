"""Wrong advice must fail the scenarios: break the advice on purpose, one way at a time, and expect it.

Each mutation changes the loaded model (both languages alike) or the employer's advice rule, the way an
editor's slip or a bad merge could: two positions' texts swapped, an answer routed elsewhere, a condition
skipped, a block shown to everyone, a size threshold moved. A mutation that no scenario notices is a hole
in tests/scenarios/: write the scenario that would have caught it.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import replace
from types import MappingProxyType

import pytest

from app.advice import ADVICE
from app.content.model import Check, Content, Outcome, Question
from tests.scenario_runner import failures, load_all

EMPLOYEE, CONFIDENTIALITY, BELONGS, EMPLOYER = ("werknemer/check", "vertrouwenspersoon/vertrouwelijkheid",
                                                "vertrouwenspersoon/hoort-dit-bij-mij", "werkgever/intern-of-extern")


class NothingToMutate(Exception):
    """The content no longer has what the mutation changes: update the mutation, or it proves nothing."""


def with_check(content: Content, address: str, change: Callable[[Check], Check]) -> Content:
    """The content with the check at address changed, in every language."""
    section_id, item_id = address.split("/")
    editions = {}
    for lang, edition in content.editions.items():
        section = edition.sections[section_id]
        items = {**section.items, item_id: change(section.items[item_id])}
        sections = {**edition.sections, section_id: replace(section, items=MappingProxyType(items))}
        editions[lang] = replace(edition, sections=MappingProxyType(sections))
    return replace(content, editions=MappingProxyType(editions))


def with_nodes(check: Check, nodes: dict) -> Check:
    return replace(check, nodes=MappingProxyType({**check.nodes, **nodes}))


def reroute(question_id: str, code: str, target: str):
    def change(check: Check) -> Check:
        question = check.nodes[question_id]
        if question.option(code) is None or target not in check.nodes:
            raise NothingToMutate(f"{check.id}: no option {question_id}/{code} or node {target}")
        options = tuple(replace(o, next=target) if o.code == code else o for o in question.options)
        return with_nodes(check, {question_id: replace(question, options=options)})
    return change


def only_for(question_id: str, code: str):
    return lambda block: block.when.get(question_id) == frozenset({code})


def swap_texts(first: Callable, second: Callable):
    """In every outcome that has both, the first block's text where the second's was, and back."""
    def change(check: Check) -> Check:
        nodes = {}
        for node in check.nodes.values():
            if not isinstance(node, Outcome):
                continue
            a = next((b for b in node.blocks if first(b)), None)
            b = next((b for b in node.blocks if second(b)), None)
            if a is not None and b is not None:
                swapped = {id(a): replace(a, html=b.html), id(b): replace(b, html=a.html)}
                nodes[node.id] = replace(node, blocks=tuple(swapped.get(id(x), x) for x in node.blocks))
        if not nodes:
            raise NothingToMutate(f"{check.id}: no outcome has both blocks to swap")
        return with_nodes(check, nodes)
    return change


def show_to_everyone(outcome_id: str, index: int):
    def change(check: Check) -> Check:
        outcome = check.nodes[outcome_id]
        blocks = list(outcome.blocks)
        blocks[index] = replace(blocks[index], when=MappingProxyType({}))
        return with_nodes(check, {outcome_id: replace(outcome, blocks=tuple(blocks))})
    return change


def reroutings(content: Content, address: str):
    """Every answer of the check sent where another answer of the same question goes."""
    check = next(iter(content.editions.values())).item(*address.split("/"))
    for question in check.nodes.values():
        if isinstance(question, Question):
            for option in question.options:
                for target in sorted({o.next for o in question.options} - {option.next}):
                    yield f"{address}: {question.id} {option.code} -> {target}", address, \
                        reroute(question.id, option.code, target)


def conditional_blocks(content: Content, address: str):
    """Every block that depends on the answers, shown to everyone instead."""
    check = next(iter(content.editions.values())).item(*address.split("/"))
    for node in check.nodes.values():
        if isinstance(node, Outcome):
            for i, block in enumerate(node.blocks):
                if block.when and "advice" not in block.when:
                    yield (f"{address}: {node.id}.blocks[{i}]{' (' + block.id + ')' if block.id else ''} shown "
                           f"to everyone", address, show_to_everyone(node.id, i))


def content_mutations(content: Content):
    yield "employee: agency worker (c2) and zzp (c3) texts swapped", EMPLOYEE, \
        swap_texts(only_for("positie", "c2"), only_for("positie", "c3"))
    yield "employee: intern (c4) and volunteer (c5) texts swapped", EMPLOYEE, \
        swap_texts(only_for("positie", "c4"), only_for("positie", "c5"))
    yield "employee: employee (c1) and agency worker (c2) texts swapped", EMPLOYEE, \
        swap_texts(only_for("positie", "c1"), only_for("positie", "c2"))
    for code in ("a6", "a7", "a8", "a9", "a10"):
        yield f"employee: situatie {code} -> bron (a VP can help)", EMPLOYEE, reroute("situatie", code, "bron")
    yield from reroutings(content, CONFIDENTIALITY)
    yield from reroutings(content, BELONGS)
    yield from conditional_blocks(content, EMPLOYEE)


# Each pair crosses a boundary where the advice changes: small | 50-249 | 250-999 | 1,000 or more.
SIZE_MOVES = [("a2", "a3"), ("a3", "a2"), ("a3", "a4"), ("a4", "a3"), ("a4", "a5"), ("a5", "a4")]


@contextmanager
def size_read_as(real: str, read_as: str):
    """The employer's rule, with one size class treated as its neighbour: a threshold moved."""
    original = ADVICE["intern-of-extern"]
    moved = replace(original, rule=lambda answers: original.rule(
        {**answers, "medewerkers": read_as if answers["medewerkers"] == real else answers["medewerkers"]}))
    ADVICE["intern-of-extern"] = moved
    try:
        yield
    finally:
        ADVICE["intern-of-extern"] = original


@contextmanager
def serving(app, content: Content):
    real = app.extensions["content"]
    app.extensions["content"] = content
    try:
        yield
    finally:
        app.extensions["content"] = real


def scenarios_of(address: str):
    return [f for f in load_all() if f.check == address]


SHARES = 4  # the mutations dealt out over four tests, so pytest-xdist runs them on both cores


@pytest.mark.parametrize("share", range(SHARES))
def test_every_content_mutation_fails_a_scenario(app, client, share):
    content = app.extensions["content"]
    survivors, stale = [], []
    for name, address, change in list(content_mutations(content))[share::SHARES]:
        try:
            mutated = with_check(content, address, change)
        except NothingToMutate as error:
            stale.append(f"{name}: {error}")
            continue
        with serving(app, mutated):
            if not failures(mutated, client, scenarios_of(address), first=True):
                survivors.append(name)
    assert not stale, "mutations that found nothing to change:\n" + "\n".join(stale)
    assert not survivors, "wrong advice that every scenario accepts:\n" + "\n".join(survivors)


@pytest.mark.parametrize("real,read_as", SIZE_MOVES, ids=[f"{a}-as-{b}" for a, b in SIZE_MOVES])
def test_moving_the_employers_size_threshold_fails_a_scenario(real, read_as, app, client):
    with size_read_as(real, read_as):
        noticed = failures(app.extensions["content"], client, scenarios_of(EMPLOYER), first=True)
    assert noticed, f"the employer's advice for size {real} may be that of {read_as}: no scenario notices"
