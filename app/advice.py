"""Advice that needs more than "this answer goes there": named Python functions that content refers to.

An outcome names a function (`advice: intern-of-extern`); the function reads the answers and returns
findings (short names such as `extern` or `reden-klein`); the outcome's blocks say, with
`when: {advice: [...]}`, which findings they explain. The rule lives here, where it is tested; the words
live in the content, in every language. Each function declares the questions and codes it reads and
the findings it can return, so the validator can hold the content and the code to each other.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

Answers = Mapping[str, str]


@dataclass(frozen=True)
class Advice:
    name: str
    questions: Mapping[str, frozenset[str]]  # question id -> the option codes the function understands
    findings: frozenset[str]
    rule: Callable[[Answers], frozenset[str]]

    def __call__(self, answers: Answers) -> frozenset[str]:
        found = self.rule(answers)
        unknown = found - self.findings
        if unknown:  # a programming error: the content could not have text for it
            raise ValueError(f"advice '{self.name}' returned undeclared findings: {sorted(unknown)}")
        return found


ADVICE: dict[str, Advice] = {}


def advice(name: str, questions: dict[str, set[str]], findings: set[str]):
    """Register a rule under the name content uses for it."""
    def register(rule: Callable[[Answers], set[str]]) -> Advice:
        entry = Advice(name, MappingProxyType({q: frozenset(c) for q, c in questions.items()}),
                       frozenset(findings), lambda answers: frozenset(rule(answers)))
        ADVICE[name] = entry
        return entry
    return register


# ---- The employer's check: internal or external trust person, and how many (G2, G5.2, G5.4) ---------

SIZES = {"a1": "fewer than 10", "a2": "10-49", "a3": "50-249", "a4": "250-999", "a5": "1,000 or more"}


@advice(
    "intern-of-extern",
    questions={
        "medewerkers": set(SIZES),
        "locaties": {"b1", "b2", "b3"},          # one; 2 to 5; more than 5
        "diversiteit": {"c1", "c2"},             # much the same work and people; varied
        "kandidaat": {"d1", "d2", "d3"},         # close to the director or in HR; not; nobody yet / unknown
        "branche": {"e1", "e2", "e3"},           # takes part in a sector arrangement; does not; unknown
    },
    findings={
        # what kind of trust person
        "intern", "extern", "mix", "branche",
        # how many
        "aantal-1", "aantal-2", "aantal-3", "aantal-meer",
        # why: each reason has its own block of text in the content
        "reden-klein", "reden-middelgroot", "reden-groot", "reden-onafhankelijkheid", "reden-geen-kandidaat",
        "reden-locaties", "reden-divers", "reden-branche-navragen", "reden-branche-aanvulling",
    },
)
def intern_of_extern(answers: Answers) -> set[str]:
    """Recommend internal, external, a mix or a sector arrangement, and how many trust persons."""
    size = answers["medewerkers"]
    small, large = size in ("a1", "a2"), size in ("a4", "a5")
    candidate = answers["kandidaat"]
    sector = answers["branche"]
    several_sites = answers["locaties"] in ("b2", "b3")
    varied = answers["diversiteit"] == "c2"
    found: set[str] = set()

    # Kind (G2): in a small organisation everybody knows everybody, so an outsider is safer; a large one
    # is best served by internal trust persons who know the culture, backed by an external one. In between,
    # an independent internal candidate knows the culture; without one, an outsider is the choice.
    if small:
        found |= {"branche" if sector == "e1" else "extern", "reden-klein"}
    elif large:
        found |= {"mix", "reden-groot"}
    elif candidate == "d2":
        found |= {"intern", "reden-middelgroot"}
    else:
        found.add("extern")
    # An internal candidate close to the director or part of HR is not independent enough (G2, G5.3).
    if candidate == "d1" and not small:
        found.add("reden-onafhankelijkheid")
    if candidate == "d3" and not small:
        found.add("reden-geen-kandidaat")
    if sector == "e3":
        found.add("reden-branche-navragen")
    if sector == "e1" and not small:
        found.add("reden-branche-aanvulling")

    # Number (G5.2, G5.4; seed 002 line 2406): the less varied the staff, the fewer trust persons are
    # needed, and the more sites, the more; so several sites or varied staff add one to the size's base,
    # whatever the size (a small firm on three sites needs two as much as a large one needs three).
    # Organisations over 1,000 staff often appoint several. The number counts internal and external
    # trust persons together. With two, people can choose, for example between a man and a woman.
    if several_sites:
        found.add("reden-locaties")
    if varied:
        found.add("reden-divers")
    more = several_sites or varied
    if size == "a5":
        found.add("aantal-meer")
    elif large:
        found.add("aantal-3" if more else "aantal-2")
    else:
        found.add("aantal-2" if more else "aantal-1")
    return found
