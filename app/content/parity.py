"""Every language has the same files, ids, codes, routes and sources as the reference language.

The comparison runs once, on what each file was read into, and matches things by id (a node by its id,
an answer by its code), not by position: so one deleted answer is one line, which names both files.
Files with problems of their own are left out: what they were read into is not complete enough to
compare.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Check, Edition, Outcome, Question, SearchWords, Section, Topic
from .reader import Reader
from .tools import Tool
from .yamlread import Document, Problem


@dataclass(frozen=True)
class Leaf:
    """A value that must be the same in every language, at its key path in the file."""

    value: object
    path: tuple


@dataclass(frozen=True)
class Group:
    """Things with ids (nodes, answers, blocks...): the same ids, in the same order, in every language."""

    what: str  # what one member is called in a message: "option"
    path: tuple
    members: dict  # id -> (key path, the member's own tree of Leaf and Group)


KINDS = ("type", "tool")  # a leaf that decides what the rest means: when it differs, the rest is not compared


def compare_twins(reader: Reader) -> set[str]:
    """Report every difference with the reference language; return the twin files that were compared."""
    reference, problems = reader.reference, reader.problems
    broken = {problem.file for problem in problems}
    root = reader.display(reader.root)
    compared = set()
    for lang in reader.languages[1:]:
        for relative in sorted({rel for (_, rel) in reader.files}):
            ref_file, twin_file = reader.files.get((reference, relative)), reader.files.get((lang, relative))
            if ref_file is None:
                if twin_file is not None:
                    problems.append(Problem(twin_file, None, "", f"extra: {root}/{reference}/{relative} does not "
                                                                 f"exist"))
                continue
            if twin_file is None:
                problems.append(Problem(f"{root}/{lang}/{relative}", None, "", f"missing: {ref_file} has no twin "
                                                                               f"in '{lang}'"))
                continue
            ref, twin = reader.read.get((reference, relative)), reader.read.get((lang, relative))
            if ref_file in broken or twin_file in broken or ref is None or twin is None:
                continue
            compared.add(twin_file)
            compare(shape(*ref), shape(*twin), ref[0], twin[0], problems)
    return compared


def compare(ref: dict, twin: dict, ref_doc: Document, twin_doc: Document, problems: list[Problem]) -> None:
    for key in KINDS:
        if key in ref and ref[key].value != twin[key].value:
            problems.append(differs(ref[key], twin[key], ref_doc, twin_doc))
            return
    for key, expected in ref.items():
        found = twin[key]
        if isinstance(expected, Leaf):
            if expected.value != found.value:
                problems.append(differs(expected, found, ref_doc, twin_doc))
        else:
            compare_group(expected, found, ref_doc, twin_doc, problems)


def compare_group(ref: Group, twin: Group, ref_doc: Document, twin_doc: Document, problems: list[Problem]) -> None:
    missing = [key for key in ref.members if key not in twin.members]
    extra = [key for key in twin.members if key not in ref.members]
    if missing or extra:
        problems.append(ids_differ(ref, twin, missing, extra, ref_doc, twin_doc))
    elif list(ref.members) != list(twin.members):
        problems.append(twin_doc.problem(twin.path, f"in another order than {where(ref_doc, ref.path)}: expected "
                                                    f"{names(ref.members)}, found {names(twin.members)}"))
    for key, (_, tree) in ref.members.items():
        if key in twin.members:  # what both have is compared too: each difference is its own line
            compare(tree, twin.members[key][1], ref_doc, twin_doc, problems)


def ids_differ(ref: Group, twin: Group, missing: list, extra: list, ref_doc: Document, twin_doc: Document) -> Problem:
    """One line for all the ids one side has and the other has not."""
    extra_text = f"extra {plural(twin.what, extra)} {names(extra)}"
    if not missing:
        return twin_doc.problem(twin.members[extra[0]][0], f"{extra_text} that {where(ref_doc, ref.path)} does not "
                                                           f"have")
    text = f"missing {plural(ref.what, missing)} {names(missing)} that {where(ref_doc, ref.members[missing[0]][0])} has"
    return twin_doc.problem(twin.path, f"{text}; {extra_text}" if extra else text)


def differs(ref: Leaf, twin: Leaf, ref_doc: Document, twin_doc: Document) -> Problem:
    return twin_doc.problem(twin.path, f"differs from {where(ref_doc, ref.path)}: expected {show(ref.value)}, "
                                       f"found {show(twin.value)}")


def where(doc: Document, path: tuple) -> str:
    line = doc.line(path)
    return doc.file if line is None else f"{doc.file}:{line}"


def plural(what: str, keys: list) -> str:
    return what if len(keys) == 1 else f"{what}s"


def names(keys) -> str:
    return ", ".join(f"'{key}'" if isinstance(key, str) else f"number {key + 1} (no id)" for key in keys)


def show(value) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(show(v) for v in value) + "]"
    if isinstance(value, bool):
        return "present" if value else "absent"
    return repr(value) if isinstance(value, str) else str(value)


# ---- what must be the same, per kind of file ----------------------------------------------------------

def shape(doc: Document, built) -> dict:
    if isinstance(built, Edition):  # home.yml
        return {"roles": Leaf(built.roles, ("roles",)), "footer": Leaf(built.footer, ("footer",))}
    if isinstance(built, Section):
        # the ids as listed: a listed item that could not be read is reported in its own file
        listed = doc.data["items"]
        return {"coming": Leaf(built.coming, ("coming",)), "intro": Leaf(built.intro is not None, ("intro",)),
                "items": Group("item", ("items",), {item: (("items", i), {}) for i, item in enumerate(listed)})}
    if isinstance(built, SearchWords):
        return {"synonyms": Group("synonym group", ("synonyms",),
                                  {group: (("synonyms", group), {}) for group in built.groups})}
    if isinstance(built, Topic):
        return {"sources": Leaf(built.sources, ("sources",)), "checked": Leaf(built.checked, ("checked",)),
                "show_organisation": Leaf(built.show_organisation, ("show_organisation",)),
                "charts": Group("chart", ("charts",), {chart.id: (("charts", i), {
                    "unit": Leaf(chart.unit, ("charts", i, "unit")),
                    "bars": Leaf(tuple(bar.value for bar in chart.bars), ("charts", i, "bars"))})
                    for i, chart in enumerate(built.charts)})}
    if isinstance(built, Check):
        return check_shape(built)
    if isinstance(built, Tool):
        return tool_shape(built)
    return {"blocks": Group("shared block", (), {block_id: ((block_id,), {"sources": Leaf(block.sources, (block_id,))})
                                                 for block_id, block in built.items()})}  # _blocks.yml


def check_shape(check: Check) -> dict:
    nodes = {}
    for node_id, node in check.nodes.items():
        path = ("nodes", node_id)
        tree = {"type": Leaf("question" if isinstance(node, Question) else "outcome", path + ("type",))}
        if isinstance(node, Question):
            tree["hint"] = Leaf(node.hint is not None, path + ("hint",))
            tree["options"] = Group("option", path + ("options",), {option.code: (path + ("options", i), {
                "next": Leaf(option.next, path + ("options", i, "next")),
                "hint": Leaf(option.hint is not None, path + ("options", i, "hint"))})
                for i, option in enumerate(node.options)})
        elif isinstance(node, Outcome):
            tree.update(sources=Leaf(node.sources, path + ("sources",)), advice=Leaf(node.advice, path + ("advice",)),
                        show_organisation=Leaf(node.show_organisation, path + ("show_organisation",)))
            tree["blocks"] = Group("block", path + ("blocks",), {
                block.id if block.id else i: (path + ("blocks", i), {
                    "when": Leaf(tuple(sorted((q, tuple(sorted(c))) for q, c in block.when.items())),
                                 path + ("blocks", i, "when")),
                    "sources": Leaf(block.sources, path + ("blocks", i, "sources")),
                    "use": Leaf(block.shared, path + ("blocks", i, "use")),
                    "lead": Leaf(block.lead, path + ("blocks", i, "lead"))})
                for i, block in enumerate(node.blocks)})
        nodes[node_id] = (path, tree)
    return {"start": Leaf(check.start, ("start",)), "sources": Leaf(check.sources, ("sources",)),
            "checked": Leaf(check.checked, ("checked",)), "nodes": Group("node", ("nodes",), nodes)}


def tool_shape(tool: Tool) -> dict:
    def fields(path, found):
        return Group("field", path, {field.id: (path + (i,), {"kind": Leaf(field.kind, path + (i, "kind")),
                                                               "max": Leaf(field.max, path + (i, "max"))})
                                     for i, field in enumerate(found)})

    tree = {"tool": Leaf(tool.kind, ("tool",)), "sources": Leaf(tool.sources, ("sources",)),
            "points": Group("point", ("points",), {point.id: (("points", i), {}) for i, point in enumerate(tool.points)}),
            "fields": fields(("fields",), tool.fields)}
    if tool.letter is not None:
        tree["articles"] = Leaf(len(tool.letter.articles), ("letter", "articles"))
        tree["signatures"] = Leaf(tool.letter.signatures, ("letter", "signatures"))
    tree["parts"] = Group("part", ("parts",), {part.id: (("parts", p), {
        "fields": fields(("parts", p, "fields"), part.fields),
        "tables": Group("table", ("parts", p, "tables"), {table.id: (("parts", p, "tables", t), {
            "rows": Leaf(tuple(row_id for row_id, _ in table.rows), ("parts", p, "tables", t, "rows")),
            "total": Leaf(table.total, ("parts", p, "tables", t, "total"))}) for t, table in enumerate(part.tables)})})
        for p, part in enumerate(tool.parts)})
    return tree
