"""For the people who review the content: each check as a flow graph (SVG) and as a readable script.

The graph is drawn here rather than by Graphviz so that building the site needs nothing beyond Python.
Layout: one column per step (the longest route from the start), nodes in order of first appearance,
and one arrow per pair of nodes, labelled with the answer codes that take it.
"""

from __future__ import annotations

import html
from collections import defaultdict

from .content.markdown import plain
from .content.model import Check, Outcome, Question

BOX_WIDTH, BOX_HEIGHT, COLUMN, ROW, MARGIN = 230, 64, 400, 84, 20
QUESTION_COLOUR, OUTCOME_COLOUR = "#154273", "#e8eef5"


def depths(check: Check) -> dict[str, int]:
    """Each node's column: the length of the longest route from the start (the graph has no loops)."""
    depth = {check.start: 0}
    order = [check.start]
    for node_id in order:  # grows while walking: a breadth-first pass, repeated until stable below
        for target in check.successors(node_id):
            if target not in depth:
                order.append(target)
            depth[target] = max(depth.get(target, 0), depth[node_id] + 1)
    changed = True
    while changed:  # push children right of their deepest parent
        changed = False
        for node_id in order:
            for target in check.successors(node_id):
                if depth[target] <= depth[node_id]:
                    depth[target] = depth[node_id] + 1
                    changed = True
    return {node_id: depth[node_id] for node_id in order}


def edges(check: Check) -> dict[tuple[str, str], list[str]]:
    """(from, to) -> the answer codes that lead along it."""
    found: dict[tuple[str, str], list[str]] = defaultdict(list)
    for node in check.nodes.values():
        if isinstance(node, Question):
            for option in node.options:
                found[(node.id, option.next)].append(option.code)
    return found


def wrap(text: str, width: int = 30, lines: int = 2) -> list[str]:
    words, out, line = text.split(), [], ""
    for word in words:
        if len(line) + len(word) + 1 > width and line:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    out.append(line)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: width - 1] + "…"
    return out


def flow_graph_svg(check: Check, title: str) -> str:
    column_of = depths(check)
    columns: dict[int, list[str]] = defaultdict(list)
    for node_id, column in column_of.items():
        columns[column].append(node_id)
    position = {node_id: (MARGIN + column * COLUMN, MARGIN + 24 + row * ROW)
                for column, ids in columns.items() for row, node_id in enumerate(ids)}
    width = MARGIN * 2 + (max(columns) * COLUMN) + BOX_WIDTH
    height = MARGIN * 2 + 24 + max(len(ids) for ids in columns.values()) * ROW
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" role="img" aria-labelledby="graph-title">',
             f'<title id="graph-title">{html.escape(title)}</title>',
             '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
             'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#4a4a4a"/></marker></defs>']
    for (source, target), codes in edges(check).items():
        x1, y1 = position[source][0] + BOX_WIDTH, position[source][1] + BOX_HEIGHT / 2
        x2, y2 = position[target][0], position[target][1] + BOX_HEIGHT / 2
        parts.append(f'<path d="M {x1} {y1} C {x1 + 50} {y1}, {x2 - 50} {y2}, {x2} {y2}" fill="none" '
                     f'stroke="#4a4a4a" stroke-width="1.2" marker-end="url(#arrow)"/>')
        label = ", ".join(codes)
        parts.append(f'<text x="{(x1 + x2) / 2:.0f}" y="{(y1 + y2) / 2 - 4:.0f}" font-family="sans-serif" '
                     f'font-size="11" text-anchor="middle" fill="#1b1b1b">{html.escape(label)}</text>')
    for node_id, (x, y) in position.items():
        node = check.nodes[node_id]
        is_question = isinstance(node, Question)
        parts.append(f'<g class="node" data-node="{html.escape(node_id)}">')
        parts.append(f'<rect x="{x}" y="{y}" width="{BOX_WIDTH}" height="{BOX_HEIGHT}" rx="{10 if is_question else 2}" '
                     f'fill="{"#ffffff" if is_question else OUTCOME_COLOUR}" stroke="{QUESTION_COLOUR}" '
                     f'stroke-width="{2 if is_question else 1}"/>')
        parts.append(f'<text x="{x + 10}" y="{y + 18}" font-family="sans-serif" font-size="13" font-weight="bold" '
                     f'fill="#1b1b1b">{html.escape(node_id)}</text>')
        for i, line in enumerate(wrap(node.title)):
            parts.append(f'<text x="{x + 10}" y="{y + 36 + i * 15}" font-family="sans-serif" font-size="12" '
                         f'fill="#1b1b1b">{html.escape(line)}</text>')
        parts.append("</g>")
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def script_markdown(check: Check, labels: dict[str, str]) -> str:
    """Every question, option and outcome of a check, with the inventory IDs it rests on, as Markdown."""
    lines = [f"# {check.title}", "", f"{labels['sources']}: {', '.join(check.sources)}", "",
             plain(check.intro), ""]
    for node_id in depths(check):
        node = check.nodes[node_id]
        if isinstance(node, Question):
            lines += [f"## {labels['question']} `{node.id}`: {node.title}", ""]
            if node.hint:
                lines += [plain(node.hint), ""]
            for option in node.options:
                hint = f" ({option.hint})" if option.hint else ""
                lines.append(f"- `{option.code}` {option.label}{hint} → `{option.next}`")
            lines.append("")
        else:
            lines += [f"## {labels['outcome']} `{node.id}`: {node.title}", "",
                      f"{labels['sources']}: {', '.join(node.sources)}", ""]
            if isinstance(node, Outcome) and node.advice:
                lines += [f"{labels['advice']}: `{node.advice}` (app/advice.py)", ""]
            for block in node.blocks:
                if block.id:
                    lines += [f"{labels['block']}: `{block.id}`", ""]
                if block.lead:
                    lines += [f"*{labels['lead']}*", ""]
                if block.when:
                    condition = "; ".join(f"{q} = {', '.join(sorted(c))}" for q, c in sorted(block.when.items()))
                    lines.append(f"*{labels['shown_when']}: {condition}*")
                    lines.append("")
                lines += [plain(block.html), ""]
                if block.sources:
                    lines += [f"{labels['sources']}: {', '.join(block.sources)}", ""]
    return "\n".join(lines).rstrip() + "\n"
