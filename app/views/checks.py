"""The interactive checks: every question and outcome is a page, the answers so far its address."""

from __future__ import annotations

from flask import abort, render_template

from ..advice import ADVICE
from ..content.model import Check, Question
from ..i18n import language_blueprint
from ..lead import split_lead
from ..progress import progress
from .helpers import edition

bp = language_blueprint("checks", __name__)


@bp.route("/<section>/<item>/<path:answers>/")
def state(section, item, answers):
    """The question or outcome that these answers lead to."""
    check = edition().item(section, item)
    if not isinstance(check, Check):
        abort(404)
    return render_check(check, tuple(answers.split("/")))


def render_check(check: Check, codes: tuple[str, ...]):
    walk = check.walk(codes) or abort(404)
    section = edition().section_of(check)
    if isinstance(walk.node, Question):
        return render_template("question.html", check=check, section=section, walk=walk, codes=codes,
                               progress=progress(check, walk.node.id, len(codes)))
    outcome = walk.node
    findings = ADVICE[outcome.advice](walk.answers) if outcome.advice else frozenset()
    lead, blocks = split_lead(outcome.blocks_for(walk.answers, findings))
    return render_template("outcome.html", check=check, section=section, walk=walk, codes=codes,
                           lead=lead, blocks=blocks)
