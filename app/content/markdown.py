"""Markdown in content: rendered without raw HTML, with the line of every link for the link check."""

from __future__ import annotations

import html
import re

from markdown_it import MarkdownIt

from .yamlread import Problem, format_keypath

# Raw HTML off: content is written by editors, but rendered into pages people trust.
MARKDOWN = MarkdownIt("js-default")
BREAKS = ("softbreak", "hardbreak")  # inline tokens that end a line inside a paragraph
TAG = re.compile(r"<[^>]+>")


def _link_open(renderer, tokens, idx, options, env):
    """Links to other sites tell them nothing: no referrer, even where a host drops the site's policy."""
    if str(tokens[idx].attrGet("href") or "").startswith("https://"):
        tokens[idx].attrSet("rel", "noreferrer")
    return renderer.renderToken(tokens, idx, options, env)


MARKDOWN.add_render_rule("link_open", _link_open)


def plain(markup: str | None) -> str:
    """Rendered HTML as the words a reader sees (for the search index and the reviewers' script)."""
    return " ".join(html.unescape(TAG.sub(" ", markup or "")).split())


def render(text: str, file: str, path: tuple, first_line: int,
           problems: list[Problem]) -> tuple[str, list[tuple[int, str]]]:
    """The HTML, and (line, href) of each link: the link's own line, not its paragraph's first."""
    tokens = MARKDOWN.parse(text)
    links = []
    for token in tokens:
        line = first_line + (token.map[0] if token.map else 0)
        if token.type == "heading_open" and token.tag == "h1":
            problems.append(Problem(file, line, format_keypath(path), "heading level 1 ('# '): the page title "
                                                                      "is the only level-1 heading, start at '## '"))
        for child in token.children or ():
            if child.type in BREAKS:
                line += 1
            elif child.type == "link_open":
                links.append((line, str(child.attrGet("href") or "")))
    return MARKDOWN.renderer.render(tokens, MARKDOWN.options, {}), links
