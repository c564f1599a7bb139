"""Read YAML into plain values while remembering the line every value stood on.

PyYAML alone loses line numbers and silently keeps the last of two equal keys; editors need both to
fix a mistake, so the document is composed into nodes first and converted by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

KeyPath = tuple  # of str (mapping keys) and int (list positions)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the content, worded for the person who will fix it."""

    file: str
    line: int | None
    keypath: str
    message: str
    column: int | None = None  # known for YAML syntax errors only

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        where += f":{self.column}" if self.column is not None and self.line is not None else ""
        return f"{where} {self.keypath}: {self.message}" if self.keypath else f"{where}: {self.message}"


def format_keypath(path: KeyPath) -> str:
    """('nodes', 'q3', 'options', 1, 'next') -> 'nodes.q3.options[1].next'."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


@dataclass
class Document:
    """A YAML document's values, with the line of each key path."""

    file: str
    data: object
    lines: dict = field(default_factory=dict)

    def line(self, path: KeyPath) -> int | None:
        """The line of path, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get(())

    def problem(self, path: KeyPath, message: str) -> Problem:
        return Problem(self.file, self.line(path), format_keypath(path), message)


def read_yaml(text: str, file: str, problems: list[Problem], first_line: int = 1) -> Document | None:
    """Parse text; on a syntax error record it and return None. first_line shifts reported lines."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        problems.append(syntax_problem(error, file, first_line))
        return None
    doc = Document(file, None)
    if root is not None:
        doc.data = _convert(root, (), doc, problems, yaml.SafeLoader(""), first_line)
    return doc


# The mistakes editors make most, recognised by PyYAML's own words, and what to do about them.
HINTS = {
    "mapping values are not allowed here": "is there a ': ' in text without quotes? Put the text in quotes",
    "found character '\\t' that cannot start any token": "indent with spaces, not tabs",
    "while scanning a quoted scalar": "a quote opened here is not closed: end the text with the same quote",
    "expected <block end>": "check the indentation: the keys of one mapping start in the same column",
}


def syntax_problem(error: yaml.YAMLError, file: str, first_line: int) -> Problem:
    """PyYAML's error with its line and column, the line its context (a mapping, a quote) starts on, and
    a hint for the common mistakes. An unclosed quote is reported where it opens, not at the file's end."""
    problem = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None)
    mark, context_mark = getattr(error, "problem_mark", None), getattr(error, "context_mark", None)
    hint = next((hint for words, hint in HINTS.items() if words in f"{context} {problem}"), None)
    if context == "while scanning a quoted scalar" and context_mark is not None:
        mark = context_mark
    if context and context_mark is not None and mark is not None and context_mark.line != mark.line:
        context = f"{context} from line {context_mark.line + first_line}"
    detail = f"{context}, {problem}" if context else problem
    message = f"invalid YAML: {detail}" + (f"; {hint}" if hint else "")
    if mark is None:
        return Problem(file, None, "", message)
    return Problem(file, mark.line + first_line, "", message, mark.column + 1)


def _convert(node, path, doc, problems, constructor, first_line):
    doc.lines[path] = node.start_mark.line + first_line
    if isinstance(node, yaml.MappingNode):
        result: dict = {}
        first_seen: dict = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + first_line
            key = _scalar(constructor, key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                problems.append(Problem(doc.file, key_line, format_keypath(path),
                                        f"expected a text key, found {describe(key)}"))
                continue
            if key in first_seen:
                problems.append(Problem(doc.file, key_line, format_keypath(path + (key,)),
                                        f"duplicate key '{key}' (first at line {first_seen[key]})"))
                continue
            first_seen[key] = key_line
            result[key] = _convert(value_node, path + (key,), doc, problems, constructor, first_line)
            doc.lines[path + (key,)] = key_line
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, path + (i,), doc, problems, constructor, first_line)
                for i, item in enumerate(node.value)]
    return _scalar(constructor, node)


def _scalar(constructor, node):
    """A scalar's value; its text when YAML takes it for a date it cannot build (2026-13-45)."""
    try:
        return constructor.construct_object(node)
    except ValueError:
        return node.value


def describe(value) -> str:
    """How a found value reads in an error message."""
    if isinstance(value, bool):
        return (f"boolean {str(value).lower()} (YAML reads unquoted yes/no/on/off/true/false as a "
                "boolean: put the text in quotes)")
    if value is None:
        return "nothing"
    if isinstance(value, (int, float)):
        return f"number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, str):
        return f"text '{value}'" if len(value) <= 40 else f"text '{value[:37]}...'"
    return type(value).__name__
