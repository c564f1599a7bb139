"""The guide's content as immutable objects, built once at start-up and shared by every request."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

if TYPE_CHECKING:
    from .organisation import Organisation


@dataclass(frozen=True)
class Option:
    code: str  # neutral and short (a1): it stands in the address, which must not reveal the answer
    label: str
    hint: str | None
    next: str


@dataclass(frozen=True)
class Question:
    id: str
    title: str
    hint: str | None  # rendered HTML
    options: tuple[Option, ...]

    def option(self, code: str) -> Option | None:
        return next((o for o in self.options if o.code == code), None)


ADVICE_KEY = "advice"  # in a block's `when`: the findings of the outcome's advice function


@dataclass(frozen=True)
class Block:
    """A part of an outcome, shown when every question in `when` was answered with one of its codes."""

    html: str
    when: Mapping[str, frozenset[str]]  # question id -> codes; the key ADVICE_KEY -> findings
    sources: tuple[str, ...]
    id: str | None = None  # names the block for scenario tests and reviewers; never shown to users
    shared: str | None = None  # the id of the shared block (_blocks.yml) it shows, if it shows one
    lead: bool = False  # part of the answer in the panel at the top of the outcome page (app/lead.py)

    def shows_for(self, answers: Mapping[str, str], findings: frozenset[str] = frozenset()) -> bool:
        return all((findings & codes) if question == ADVICE_KEY else answers.get(question) in codes
                   for question, codes in self.when.items())


@dataclass(frozen=True)
class Outcome:
    id: str
    title: str
    blocks: tuple[Block, ...]
    sources: tuple[str, ...]
    advice: str | None = None  # the name of a function in app/advice.py that reads the answers
    show_organisation: bool = False  # show the organisation's own trust persons here (site.yml)

    def blocks_for(self, answers: Mapping[str, str], findings: frozenset[str] = frozenset()) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.shows_for(answers, findings))


Node = Question | Outcome


@dataclass(frozen=True)
class Step:
    """One answered question on the way to the current node."""

    question: Question
    option: Option
    codes: tuple[str, ...]  # the answers given before this question: the address of its page


@dataclass(frozen=True)
class Walk:
    steps: tuple[Step, ...]
    node: Node

    @property
    def answers(self) -> dict[str, str]:
        return {step.question.id: step.option.code for step in self.steps}


@dataclass(frozen=True)
class Check:
    id: str
    section: str
    title: str
    summary: str
    intro: str  # rendered HTML
    sources: tuple[str, ...]
    start: str
    nodes: Mapping[str, Node]
    checked: datetime.date | None = None

    def successors(self, node_id: str) -> tuple[str, ...]:
        """The ids of the nodes the answers of this node lead to (none for an outcome), in order."""
        node = self.nodes[node_id]
        return tuple(o.next for o in node.options) if isinstance(node, Question) else ()

    def walk(self, codes: tuple[str, ...]) -> Walk | None:
        """Follow the answers from the start; None when they do not form a route."""
        node = self.nodes[self.start]
        steps = []
        for i, code in enumerate(codes):
            option = node.option(code) if isinstance(node, Question) else None
            if option is None:
                return None
            steps.append(Step(node, option, codes[:i]))
            node = self.nodes[option.next]
        return Walk(tuple(steps), node)

    def routes(self) -> Iterator[tuple[str, ...]]:
        """Every answer sequence that leads to a page, the empty one (the first question) included."""
        def follow(node_id, codes):
            yield codes
            node = self.nodes[node_id]
            if isinstance(node, Question):
                for option in node.options:
                    yield from follow(option.next, codes + (option.code,))
        yield from follow(self.start, ())


@dataclass(frozen=True)
class Bar:
    label: str
    value: float


@dataclass(frozen=True)
class Chart:
    """Figures drawn as a bar chart, always with a table of the same numbers beside it."""

    id: str
    title: str
    unit: str
    source: str
    bars: tuple[Bar, ...]

    @property
    def scale(self) -> float:
        """The value a full-length bar stands for: 100 for percentages, else the largest value."""
        return 100.0 if self.unit == "%" else max(b.value for b in self.bars) or 1.0


@dataclass(frozen=True)
class Topic:
    id: str
    section: str
    title: str
    summary: str
    html: str
    sources: tuple[str, ...]
    checked: datetime.date | None
    charts: tuple[Chart, ...] = ()
    show_organisation: bool = False  # show the organisation's own trust persons here (site.yml)


from .tools import Tool  # noqa: E402  (tools.py needs nothing from here)

Item = Topic | Check | Tool


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    summary: str
    intro: str | None
    items: Mapping[str, Item]  # in the order the section lists them
    coming: bool


@dataclass(frozen=True)
class SearchWords:
    """content/<lang>/_search.yml: words the search treats as one, and words it skips."""

    synonyms: tuple[tuple[str, ...], ...] = ()  # groups of words that mean the same to someone searching
    stopwords: frozenset[str] = frozenset()
    groups: tuple[str, ...] = ()  # the group ids, in the order of synonyms: the same in every language


@dataclass(frozen=True)
class Edition:
    """Everything the guide says in one language."""

    lang: str
    title: str
    intro: str
    roles: tuple[str, ...]
    footer: tuple[str, ...]  # addresses like /over/veiligheid/
    sections: Mapping[str, Section]
    search: SearchWords = SearchWords()
    shared: Mapping[str, Block] = field(default_factory=lambda: MappingProxyType({}))  # _blocks.yml: texts used in several places

    def items(self) -> Iterator[Item]:
        """Every topic, check and tool, section by section in order."""
        for section in self.sections.values():
            yield from section.items.values()

    def checks(self) -> list[Check]:
        return [item for item in self.items() if isinstance(item, Check)]

    def section_of(self, item: Item) -> Section:
        return self.sections[item.section]

    def page(self, address: str) -> Section | Item | None:
        """The section or item at an address written in content (/werknemer/check/)."""
        parts = [p for p in address.split("#", 1)[0].split("/") if p]
        if len(parts) == 1:
            return self.sections.get(parts[0])
        if len(parts) == 2:
            return self.item(parts[0], parts[1])
        return None

    def item(self, section: str, item: str) -> Item | None:
        found = self.sections.get(section)
        return found.items.get(item) if found else None


@dataclass(frozen=True)
class Content:
    editions: Mapping[str, Edition]  # first one is the reference language
    organisation: Organisation | None = None  # content/site.yml, when an organisation filled it in

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.editions)

    def items(self) -> Iterator[tuple[Edition, Item]]:
        """Every item of every language, with the edition it belongs to."""
        for edition in self.editions.values():
            for item in edition.items():
                yield edition, item
