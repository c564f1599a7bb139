"""Checks that look across nodes and files once a file has been read: routes through a check, and links.

The comparison across languages is parity.py."""

from __future__ import annotations

from .model import ADVICE_KEY, Check, Edition, Outcome, Question
from .yamlread import Document, Problem, format_keypath


def check_routes(check: Check, doc: Document, problems: list[Problem], advice) -> bool:
    """Every answer leads somewhere, every node is reachable, no route loops; True if all hold."""
    before = len(problems)
    nodes = check.nodes
    known = ", ".join(sorted(nodes))
    if check.start not in nodes:
        problems.append(doc.problem(("start",), f"unknown node '{check.start}' (known: {known})"))
    elif not isinstance(nodes[check.start], Question):
        problems.append(doc.problem(("start",), f"expected a question to start with, found outcome "
                                                f"'{check.start}'"))
    for node in nodes.values():
        if isinstance(node, Question):
            for i, option in enumerate(node.options):
                if option.next not in nodes:
                    problems.append(doc.problem(("nodes", node.id, "options", i, "next"),
                                                f"unknown node '{option.next}' (known: {known})"))
    if len(problems) > before:
        return False

    reachable = _reachable(check)
    for node_id in nodes:
        if node_id not in reachable:
            problems.append(doc.problem(("nodes", node_id), f"unreachable: no answer leads here from start "
                                                            f"'{check.start}'"))
    loop = _find_loop(check)
    if loop:
        node_id, i = loop[-2], _option_index(nodes[loop[-2]], loop[-1])
        problems.append(doc.problem(("nodes", node_id, "options", i, "next"),
                                    f"leads back to '{loop[-1]}', which makes a loop "
                                    f"({' -> '.join(loop)}): a route must end at an outcome"))
    if len(problems) > before:
        return False

    ancestors = _ancestors(check)
    for node in nodes.values():
        if isinstance(node, Question):
            continue
        rule = _check_advice(check, node, doc, problems, advice)
        for b, block in enumerate(node.blocks):
            path = ("nodes", node.id, "blocks", b, "when")
            for question_id, codes in block.when.items():
                if question_id == ADVICE_KEY:
                    if node.advice is None:
                        problems.append(doc.problem(path + (question_id,), "this outcome names no advice "
                                                                           "function to give findings"))
                    for finding in sorted(codes - rule.findings if rule else ()):
                        problems.append(doc.problem(path + (question_id,), f"unknown finding '{finding}' of "
                                                                           f"advice '{rule.name}' (its findings: "
                                                                           f"{', '.join(sorted(rule.findings))})"))
                    continue
                asked = nodes.get(question_id)
                if not isinstance(asked, Question) or question_id not in ancestors[node.id]:
                    before_it = ", ".join(sorted(q for q in ancestors[node.id] if isinstance(nodes[q], Question)))
                    problems.append(doc.problem(path + (question_id,),
                                                f"'{question_id}' is not a question asked before this outcome "
                                                f"(asked before it: {before_it})"))
                    continue
                valid = {o.code for o in asked.options}
                for code in sorted(codes - valid):
                    problems.append(doc.problem(path + (question_id,),
                                                f"unknown code '{code}' for question '{question_id}' (its "
                                                f"codes: {', '.join(o.code for o in asked.options)})"))
    return len(problems) == before


def _check_advice(check: Check, outcome: Outcome, doc: Document, problems: list[Problem], advice):
    """The named function exists, reads questions every route to this outcome asks, and every finding
    it can return has text; returns the function, or None."""
    if outcome.advice is None:
        return None
    path = ("nodes", outcome.id, "advice")
    rule = advice.get(outcome.advice)
    if rule is None:
        problems.append(doc.problem(path, f"unknown advice function '{outcome.advice}' (known: "
                                          f"{', '.join(sorted(advice)) or 'none'})"))
        return None
    for question_id, codes in rule.questions.items():
        question = check.nodes.get(question_id)
        if not isinstance(question, Question):
            problems.append(doc.problem(path, f"advice '{rule.name}' reads question '{question_id}', which "
                                              f"this check does not have"))
            continue
        found = {o.code for o in question.options}
        if found != codes:
            problems.append(doc.problem(path, f"advice '{rule.name}' expects question '{question_id}' to "
                                              f"have codes {', '.join(sorted(codes))}, found "
                                              f"{', '.join(sorted(found))}"))
    for codes in check.routes():
        walk = check.walk(codes)
        if walk.node is outcome:
            skipped = sorted(set(rule.questions) - set(walk.answers))
            if skipped:
                problems.append(doc.problem(path, f"advice '{rule.name}' needs an answer to "
                                                  f"{', '.join(skipped)}, but the route "
                                                  f"{'/'.join(codes)} reaches this outcome without it"))
                break
    shown = set().union(*(b.when.get(ADVICE_KEY, frozenset()) for b in outcome.blocks))
    for finding in sorted(rule.findings - shown):
        problems.append(doc.problem(("nodes", outcome.id, "blocks"), f"no block explains finding "
                                                                    f"'{finding}' of advice '{rule.name}'"))
    return rule


def _reachable(check: Check) -> set[str]:
    seen, todo = set(), [check.start]
    while todo:
        node_id = todo.pop()
        if node_id not in seen:
            seen.add(node_id)
            todo.extend(check.successors(node_id))
    return seen


def _find_loop(check: Check) -> list[str] | None:
    """A route that comes back to a node already on it (ending with that node again), or None."""
    state: dict[str, str] = {}  # "open" while the node is on the route being followed, then "done"

    def visit(node_id: str, route: list[str]) -> list[str] | None:
        state[node_id] = "open"
        route = route + [node_id]
        for nxt in check.successors(node_id):
            if state.get(nxt) == "open":
                return route[route.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt, route)
                if found:
                    return found
        state[node_id] = "done"
        return None

    return visit(check.start, [])


def _option_index(node, target: str) -> int:
    return next(i for i, o in enumerate(node.options) if o.next == target)


def _ancestors(check: Check) -> dict[str, set[str]]:
    """For each node, the nodes from which some route leads to it."""
    parents: dict[str, set[str]] = {node_id: set() for node_id in check.nodes}
    for node_id in check.nodes:
        for nxt in check.successors(node_id):
            parents[nxt].add(node_id)
    result = {}
    for node_id in check.nodes:
        seen, todo = set(), list(parents[node_id])
        while todo:
            parent = todo.pop()
            if parent not in seen:
                seen.add(parent)
                todo.extend(parents[parent])
        result[node_id] = seen
    return result


def check_links(editions: dict[str, Edition], links, unreadable: set, problems: list[Problem]) -> None:
    """Every internal Markdown link names a page of the guide; other links use https or mailto."""
    for link in links:
        lang, file, line, href, where = link.lang, link.file, link.line, link.href, format_keypath(link.path)
        if href.startswith(("https://", "mailto:", "#")):
            continue
        if not href.startswith("/"):
            problems.append(Problem(file, line, where,
                                    f"link '{href}': expected an address of this guide starting with / (like "
                                    f"/werknemer/check/) or a web address starting with https://"))
            continue
        page = href.split("#", 1)[0]
        if not page.endswith("/"):
            problems.append(Problem(file, line, where, f"broken link '{href}': addresses of this guide end "
                                                           f"with / (like /werknemer/check/)"))
            continue
        parts = tuple(p for p in page.split("/") if p)
        if parts and ((lang, parts[0], None) in unreadable or (lang, *parts) in unreadable):
            continue  # the page's own problems are reported already
        if page != "/" and editions[lang].page(page) is None:
            problems.append(Problem(file, line, where, f"broken link '{href}': no such page in this guide"))
