"""Scenarios: situations written as data (tests/scenarios/*.yml), each with the answers a person gave and
what the outcome must and must not say. They pin the advice itself, so a wrong answer fails the build.

The runner is shared by tests/test_scenarios.py (every scenario on the real content) and
tests/test_scenario_mutations.py (every scenario on deliberately broken advice, where some must fail).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from app.advice import ADVICE
from app.content.model import Check, Content, Question

SCENARIOS = Path(__file__).resolve().parent / "scenarios"
FILE_KEYS = {"check", "cover", "scenarios"}
SCENARIO_KEYS = {"name", "rests_on", "answers", "outcome", "shows", "hides", "nl", "en"}
PHRASE_KEYS = {"panel", "says", "not"}  # panel: phrases of the answer at the top of the page
REST = re.compile(r"^(?:002:\d+|00[0-4]|(?:T(?:[1-9]|10)|W[1-8]|V(?:[1-9]|1[0-5])|G[1-7](?:\.\d+)?|P[1-4]))$")


class ScenarioFileError(Exception):
    """A scenario file that cannot be read: its message names the file and the scenario."""


@dataclass(frozen=True)
class Scenario:
    file: str
    name: str
    check: str  # section/item
    rests_on: tuple[str, ...]
    answers: dict
    outcome: str
    shows: tuple[str, ...] = ()
    hides: tuple[str, ...] = ()
    phrases: dict = field(default_factory=dict)  # lang -> (says, not, panel)

    @property
    def id(self) -> str:
        return f"{self.file}::{self.name}"


@dataclass(frozen=True)
class ScenarioFile:
    file: str
    check: str
    cover: tuple[str, ...] | None  # None: every full route
    scenarios: tuple[Scenario, ...]


def _strings(value, where: str, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ScenarioFileError(f"{where}: {what} must be a list of texts, found {value!r}")
    return tuple(value)


def load_file(path: Path) -> ScenarioFile:
    name = path.name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ScenarioFileError(f"tests/scenarios/{name}: not valid YAML: {error}") from None
    if not isinstance(data, dict) or set(data) - FILE_KEYS or not {"check", "scenarios"} <= set(data):
        raise ScenarioFileError(f"tests/scenarios/{name}: expected the keys check, scenarios (and cover)")
    scenarios = []
    for i, raw in enumerate(data["scenarios"] or []):
        where = f"tests/scenarios/{name} scenarios[{i}]"
        if not isinstance(raw, dict) or set(raw) - SCENARIO_KEYS:
            raise ScenarioFileError(f"{where}: unknown keys {sorted(set(raw) - SCENARIO_KEYS)} (known: "
                                    f"{', '.join(sorted(SCENARIO_KEYS))})")
        for key in ("name", "rests_on", "answers", "outcome"):
            if not raw.get(key):
                raise ScenarioFileError(f"{where}: missing '{key}'")
        where = f"tests/scenarios/{name} '{raw['name']}'"
        rests = _strings(raw["rests_on"], where, "rests_on")
        bad = [r for r in rests if not REST.match(r)]
        if bad:
            raise ScenarioFileError(f"{where}: rests_on {bad}: expected seed lines like '002:138' or "
                                    f"inventory IDs like W8")
        if not isinstance(raw["answers"], dict):
            raise ScenarioFileError(f"{where}: answers must map question ids to codes")
        phrases = {}
        for lang in ("nl", "en"):
            part = raw.get(lang) or {}
            if set(part) - PHRASE_KEYS:
                raise ScenarioFileError(f"{where}: {lang} takes panel, says and not")
            phrases[lang] = (_strings(part.get("says"), where, f"{lang}.says"),
                             _strings(part.get("not"), where, f"{lang}.not"),
                             _strings(part.get("panel"), where, f"{lang}.panel"))
        scenarios.append(Scenario(name, str(raw["name"]), data["check"], rests,
                                  {str(k): str(v) for k, v in raw["answers"].items()}, raw["outcome"],
                                  _strings(raw.get("shows"), where, "shows"),
                                  _strings(raw.get("hides"), where, "hides"), phrases))
    names = [s.name for s in scenarios]
    doubles = sorted({n for n in names if names.count(n) > 1})
    if doubles:
        raise ScenarioFileError(f"tests/scenarios/{name}: two scenarios are called {doubles}")
    cover = data.get("cover")
    return ScenarioFile(name, data["check"], tuple(cover) if cover is not None else None, tuple(scenarios))


def load_all() -> list[ScenarioFile]:
    return [load_file(path) for path in sorted(SCENARIOS.glob("*.yml"))]


def find_check(content: Content, address: str, lang: str) -> Check:
    section, _, item = address.partition("/")
    check = content.editions[lang].item(section, item)
    if not isinstance(check, Check):
        raise ScenarioFileError(f"'{address}' is not a check in '{lang}'")
    return check


def route(check: Check, answers: dict) -> tuple[tuple[str, ...], list[str]]:
    """The option codes the answers give, following the check from its start, and what went wrong."""
    problems, codes, used = [], [], set()
    node = check.nodes[check.start]
    while isinstance(node, Question):
        given = answers.get(node.id)
        if given is None:
            problems.append(f"the route meets question '{node.id}' ({node.title}), which has no answer")
            return tuple(codes), problems
        option = node.option(given)
        if option is None:
            matches = [o for o in node.options if given.lower() in o.label.lower()]
            if len(matches) != 1:
                problems.append(f"answer '{given}' to '{node.id}' matches {len(matches)} options' codes or "
                                f"labels (codes: {', '.join(o.code for o in node.options)})")
                return tuple(codes), problems
            option = matches[0]
        used.add(node.id)
        codes.append(option.code)
        node = check.nodes[option.next]
    unused = sorted(set(answers) - used)
    if unused:
        problems.append(f"the route never asks {unused}: the check no longer goes that way")
    return tuple(codes), problems


def shown_blocks(check: Check, codes: tuple[str, ...]):
    walk = check.walk(codes)
    outcome = walk.node
    findings = ADVICE[outcome.advice](walk.answers) if outcome.advice else frozenset()
    return outcome, outcome.blocks_for(walk.answers, findings)


OUTCOME_TEXT = re.compile(r'<article class="[^"]*\boutcome\b[^"]*">(.*?)</article>', re.S)
PANEL_TEXT = re.compile(r'<div class="panel-body">(.*?)</div>', re.S)  # the answer, at the top


def page_text(page: str, part: re.Pattern = OUTCOME_TEXT) -> str:
    """The outcome's own words (heading and blocks, not the answers summary), or those of the panel's
    answer, folded for comparison."""
    found = part.search(page)
    body = found.group(1) if found else ""
    text = html.unescape(re.sub(r"<[^>]+>", " ", body))
    return " ".join(text.split()).lower()


def fold(phrase: str) -> str:
    return " ".join(phrase.split()).lower()


def run(scenario: Scenario, content: Content, client) -> list[str]:
    """Everything wrong with the advice this scenario gets; empty when it is right."""
    reference = next(iter(content.editions))
    codes, problems = route(find_check(content, scenario.check, reference), scenario.answers)
    if problems:
        return problems
    for lang in content.editions:
        check = find_check(content, scenario.check, lang)
        outcome, blocks = shown_blocks(check, codes)
        if outcome.id != scenario.outcome:
            return [f"reaches outcome '{outcome.id}', expected '{scenario.outcome}'"]
        ids = {b.id for b in blocks}
        problems += [f"{lang}: block '{b}' is not shown" for b in scenario.shows if b not in ids]
        problems += [f"{lang}: block '{b}' is shown" for b in scenario.hides if b in ids]
        response = client.get(f"/{lang}/{scenario.check}/{'/'.join(codes)}/")
        if response.status_code != 200:
            problems.append(f"{lang}: the outcome page answered {response.status_code}")
            continue
        page = response.get_data(as_text=True)
        text, panel = page_text(page), page_text(page, PANEL_TEXT)
        says, never, answer = scenario.phrases.get(lang, ((), (), ()))
        problems += [f"{lang}: does not say {p!r}" for p in says if fold(p) not in text]
        problems += [f"{lang}: says {p!r}" for p in never if fold(p) in text]
        problems += [f"{lang}: the panel at the top does not say {p!r}" for p in answer if fold(p) not in panel]
    return problems


def failures(content: Content, client, files: list[ScenarioFile] | None = None,
             first: bool = False) -> dict[str, list[str]]:
    """Scenario id -> its problems, for every scenario that fails; with `first`, only the first one found
    (a mutation needs one scenario that notices it, and rendering the rest would cost most of the time)."""
    found = {}
    for scenario_file in files if files is not None else load_all():
        for scenario in scenario_file.scenarios:
            problems = run(scenario, content, client)
            if problems:
                found[scenario.id] = problems
                if first:
                    return found
    return found


def outcome_routes(check: Check):
    """(codes, answers) for every route that ends at an outcome."""
    for codes in check.routes():
        walk = check.walk(codes)
        if not isinstance(walk.node, Question):
            yield codes, walk.answers
