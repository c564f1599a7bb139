"""Every scenario gets the advice it must get, and the scenarios cover every check, route and block.

A scenario is a person's situation (tests/scenarios/*.yml): answers by question id, the outcome they
must reach, the blocks shown and hidden, and phrases the page must and must not say, in each language.
"""

from __future__ import annotations

import pytest

from app.content.model import Check
from tests.scenario_runner import ScenarioFileError, find_check, load_all, outcome_routes, route, run, shown_blocks

try:
    FILES, LOAD_ERROR = load_all(), None
except ScenarioFileError as error:  # reported by one failing test, not as a collection crash
    FILES, LOAD_ERROR = [], str(error)
SCENARIOS = [s for f in FILES for s in f.scenarios]


def test_scenario_files_are_readable():
    assert LOAD_ERROR is None, LOAD_ERROR


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.id for s in SCENARIOS])
def test_scenario(scenario, app, client):
    assert run(scenario, app.extensions["content"], client) == []


def checks(content):
    reference = next(iter(content.editions.values()))
    for section in reference.sections.values():
        for item in section.items.values():
            if isinstance(item, Check):
                yield f"{section.id}/{item.id}"


def test_every_check_has_a_scenario_file(app):
    covered = {f.check for f in FILES}
    assert sorted(set(checks(app.extensions["content"])) - covered) == [], "write tests/scenarios/<check>.yml"


@pytest.mark.parametrize("scenario_file", FILES, ids=[f.file for f in FILES])
def test_scenarios_cover_the_check(scenario_file, app):
    """Every reachable combination of the covered questions' answers is some scenario's situation."""
    content = app.extensions["content"]
    check = find_check(content, scenario_file.check, next(iter(content.editions)))
    questions = scenario_file.cover or tuple(check.nodes)

    def key(answers):
        return tuple(answers.get(q) for q in questions)

    given = set()
    for scenario in scenario_file.scenarios:
        codes, problems = route(check, scenario.answers)
        if not problems:
            given.add(key(check.walk(codes).answers))
    needed = {key(answers) for _, answers in outcome_routes(check)}
    missing = sorted(needed - given, key=str)
    assert not missing, "no scenario for:\n" + "\n".join(str(dict(zip(questions, m))) for m in missing)


@pytest.mark.parametrize("scenario_file", FILES, ids=[f.file for f in FILES])
def test_every_outcome_and_block_is_shown_by_a_scenario(scenario_file, app):
    """A block no scenario shows is advice no test reads: it could say anything."""
    content = app.extensions["content"]
    check = find_check(content, scenario_file.check, next(iter(content.editions)))
    shown = set()
    for scenario in scenario_file.scenarios:
        codes, problems = route(check, scenario.answers)
        if not problems:
            outcome, blocks = shown_blocks(check, codes)
            shown |= {(outcome.id, None)} | {(outcome.id, id(b)) for b in blocks}
    missing = [f"{node.id}" for node in check.nodes.values() if (node.id, None) not in shown
               and not hasattr(node, "options")]
    missing += [f"{node.id}.blocks[{i}]" + (f" ({b.id})" if b.id else "")
                for node in check.nodes.values() if (node.id, None) in shown
                for i, b in enumerate(getattr(node, "blocks", ())) if (node.id, id(b)) not in shown]
    assert not missing, "shown by no scenario: " + ", ".join(missing)


def test_every_scenario_rests_on_the_seed_or_the_inventory():
    assert [s.id for s in SCENARIOS if not s.rests_on] == []


def test_every_scenario_pins_words_in_both_languages():
    """Reaching the right outcome is not enough: the words shown are the advice."""
    assert [s.id for s in SCENARIOS if not all(s.phrases[lang][0] for lang in ("nl", "en"))] == []


def test_every_scenario_whose_outcome_has_lead_blocks_pins_its_panel(app):
    """Where the answer at the top depends on the route (which trust person), each scenario says what the
    panel must say, in both languages: a lead block shown to the wrong person fails a scenario."""
    content = app.extensions["content"]
    unpinned = []
    for scenario in SCENARIOS:
        check = find_check(content, scenario.check, next(iter(content.editions)))
        outcome = check.nodes.get(scenario.outcome)
        if any(block.lead for block in getattr(outcome, "blocks", ())):
            unpinned += [f"{scenario.id} ({lang})" for lang in ("nl", "en") if not scenario.phrases[lang][2]]
    assert not unpinned, "no panel phrases: " + ", ".join(unpinned)
