"""The frozen build's pages: the address of each file and the kind of page it is (for weight and render)."""

from __future__ import annotations

from pathlib import Path


def page_url(build: Path, path: Path) -> str:
    relative = path.relative_to(build).as_posix()
    if relative == "index.html":
        return "/"
    if relative.endswith("/index.html"):
        return "/" + relative[: -len("index.html")]
    return "/" + relative


def page_kind(app, url: str) -> str:
    """The kind of page at url: its endpoint, with topics, tools, questions and outcomes told apart."""
    from werkzeug.exceptions import HTTPException

    from app.content.model import Check, Question
    from app.content.tools import Tool

    try:
        endpoint, values = app.url_map.bind("localhost").match(url)
    except HTTPException:  # an address the app does not know (a static file)
        return "other"
    editions = app.extensions["content"].editions
    if endpoint == "pages.item":
        item = editions[values["lang"]].item(values["section"], values["item"])
        if isinstance(item, Check):
            return "check start (question)"
        if isinstance(item, Tool):
            return f"tool ({item.kind})"
        return "topic"
    if endpoint == "checks.state":
        check = editions[values["lang"]].item(values["section"], values["item"])
        walk = check.walk(tuple(values["answers"].split("/")))
        return "question" if walk and isinstance(walk.node, Question) else "outcome"
    return endpoint
