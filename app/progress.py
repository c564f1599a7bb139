"""Where a question stands in its check: "Question 2 of 4", or "Question 2" and how many may follow.

Computed from the check's graph alone (app/content/model.py), so a new question or route needs nothing here.
"""

from __future__ import annotations

from dataclasses import dataclass

from .content.model import Check, Question


@dataclass(frozen=True)
class Progress:
    number: int  # this question's place on the route taken: 1 for the first
    total: int | None  # the route's number of questions, when every way on from here is as long
    most_left: int  # at most this many questions after this one


def questions_to_an_outcome(check: Check) -> dict[str, tuple[int, int]]:
    """For each question: the fewest and the most questions from it to an outcome, itself included.

    The validator guarantees every route ends in an outcome without loops, so the walk ends.
    """
    found: dict[str, tuple[int, int]] = {}

    def count(node_id: str) -> tuple[int, int]:
        node = check.nodes[node_id]
        if not isinstance(node, Question):
            return 0, 0
        if node_id not in found:
            after = [count(option.next) for option in node.options]
            found[node_id] = 1 + min(low for low, _ in after), 1 + max(high for _, high in after)
        return found[node_id]

    count(check.start)
    return found


def progress(check: Check, question_id: str, answered: int) -> Progress:
    """answered: how many questions were answered before this one (the answers in the address)."""
    fewest, most = questions_to_an_outcome(check)[question_id]
    number = answered + 1
    return Progress(number, answered + most if fewest == most else None, most - 1)
