"""Every field the content may use, in one place: (required, optional) per kind of object.

The loader reads these, and tests/test_contributing.py fails when CONTRIBUTING.md does not explain one,
so the editors' guide can never fall behind what the content accepts.
"""

from __future__ import annotations

Shape = tuple[tuple[str, ...], tuple[str, ...]]

HOME: Shape = (("title", "intro", "roles"), ("footer",))
SECTION: Shape = (("title", "summary", "items"), ("intro", "coming"))
TOPIC: Shape = (("title", "summary", "sources"), ("checked", "charts", "show_organisation"))
CHART: Shape = (("id", "title", "unit", "source", "bars"), ())
BAR: Shape = (("label", "value"), ())
CHECK: Shape = (("title", "summary", "intro", "sources", "start", "nodes"), ("checked",))
QUESTION: Shape = (("type", "title", "options"), ("hint",))
OPTION: Shape = (("code", "label", "next"), ("hint",))
OUTCOME: Shape = (("type", "title", "blocks", "sources"), ("advice", "show_organisation"))
BLOCK: Shape = ((), ("id", "lead", "text", "use", "when", "sources"))  # exactly one of text and use
SHARED_BLOCK: Shape = (("text",), ("sources",))  # an entry of content/<lang>/_blocks.yml
SEARCH: Shape = (("synonyms", "stopwords"), ())  # content/<lang>/_search.yml
NODE_TYPES = ("question", "outcome")

TOOL: Shape = (("tool", "title", "summary", "intro", "sources"), ())
# (required, optional) fields of each kind of tool, on top of TOOL's
TOOL_SHAPES: dict[str, Shape] = {"checklist": (("points",), ()), "letter": (("fields", "letter"), ()),
                                 "report": (("parts", "heading"), ("identifying",))}
POINT: Shape = (("id", "title", "text", "link"), ())
FIELD: Shape = (("id", "kind", "label"), ("hint", "max", "max-message"))
LETTER: Shape = (("heading", "opening", "articles", "closing", "signatures"), ())
ARTICLE: Shape = (("title", "text"), ())
PART: Shape = (("id", "title"), ("text", "fields", "tables"))
TABLE: Shape = (("id", "title", "rows"), ("total",))
ROW: Shape = (("id", "label"), ())
IDENTIFYING: Shape = (("words", "titles"), ())

SITE = ("organisation", "url", "trust_persons", "integrity", "complaints_procedure", "complaints_committee", "sector",
        "logo", "accent")
PERSON = ("name", "kind", "phone", "email", "reachable", "languages")

ALL_SHAPES = {"home.yml": HOME, "_section.yml": SECTION, "topic": TOPIC, "chart": CHART, "bar": BAR,
              "check": CHECK, "question": QUESTION, "option": OPTION, "outcome": OUTCOME, "block": BLOCK, "shared block": SHARED_BLOCK,
              "_search.yml": SEARCH,
              "tool": TOOL, "point": POINT, "field": FIELD, "letter": LETTER, "article": ARTICLE, "part": PART,
              "table": TABLE, "row": ROW, "report": TOOL_SHAPES["report"], "identifying": IDENTIFYING,
              "site.yml": (SITE, ()), "trust person": (PERSON, ())}
