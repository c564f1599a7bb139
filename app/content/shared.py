"""The two files of a language folder that serve the others: _blocks.yml (texts used in several places)
and _search.yml (the search's synonyms and stop words)."""

from __future__ import annotations

import re
from pathlib import Path
from types import MappingProxyType

from . import schema
from .fields import MISSING, Fields
from .model import Block, SearchWords
from .reader import Reader
from .yamlread import describe

BLOCKS_FILE = "_blocks.yml"  # texts used in several places: one wording, kept in one place
SEARCH_FILE = "_search.yml"
SEARCH_WORD = re.compile(r"^[^\W_](?:[\w'-]| (?! ))*(?<! )$")  # lower-case words, one space between them


def read_shared_blocks(reader: Reader, lang: str, path: Path) -> None:
    """content/<lang>/_blocks.yml: id -> text (and sources), for outcomes (`use:`) and topics."""
    reader.shared[lang], reader.shared_used[lang] = {}, set()
    if not path.is_file():
        return
    reader.register(lang, path)
    doc = reader.yaml_file(path)
    if doc is None:
        return
    f = reader.fields(doc)
    if not isinstance(doc.data, dict):
        f.problem((), f"expected a mapping of block ids to blocks with text, found {describe(doc.data)}")
        return
    blocks = {}
    for block_id, raw in doc.data.items():
        if f.identifier((block_id,), block_id, "a block id") is None:
            continue
        data = f.fields((block_id,), raw, *schema.SHARED_BLOCK)
        if data is None:
            continue
        sources = f.sources((block_id, "sources"), data["sources"]) if "sources" in data else ()
        html = reader.markdown(lang, f, (block_id, "text"), data["text"])
        blocks[block_id] = Block(html, MappingProxyType({}), sources, block_id)
    reader.shared[lang] = {block_id: block for block_id, block in blocks.items() if block.html is not None}
    reader.keep(lang, path, doc, blocks)


def report_unused(reader: Reader, lang: str, path: Path) -> None:
    """After the language is read: a shared block nothing uses is reported, so none lingers unseen."""
    found = reader.read.get((lang, BLOCKS_FILE)) if path.is_file() else None
    if found is None or any(unread[0] == lang for unread in reader.unreadable):
        return  # a file that could not be read may be the one that uses them: its own problem says why
    doc, blocks = found
    for block_id in blocks:
        if block_id not in reader.shared_used[lang]:
            reader.problems.append(doc.problem((block_id,), f"shared block '{block_id}' is used nowhere: use it "
                                                            f"or delete it"))


def use_shared(reader: Reader, lang: str, f: Fields, path: tuple, block_id) -> Block | None:
    """The shared block named at path, marked as used; None (and a problem) when there is none."""
    if f.identifier(path, block_id, "a shared block id") is None:
        return None
    found = reader.shared.get(lang, {}).get(block_id)
    if found is None:
        known = ", ".join(sorted(reader.shared.get(lang, {}))) or f"none: {BLOCKS_FILE} has no blocks"
        f.problem(path, f"unknown shared block '{block_id}' (known: {known})")
        return None
    reader.shared_used[lang].add(block_id)
    return found


def read_search_words(reader: Reader, lang: str, path: Path) -> SearchWords:
    """content/<lang>/_search.yml: synonym groups (id -> words) and stop words, for the search."""
    if not path.is_file():
        return SearchWords()
    reader.register(lang, path)
    doc = reader.yaml_file(path)
    f = reader.fields(doc) if doc is not None else None
    data = f.fields((), doc.data, *schema.SEARCH) if f is not None else None
    if data is None:
        return SearchWords()
    ids, groups, group_of = [], [], {}
    raw_groups = data["synonyms"]
    if raw_groups is not MISSING and not isinstance(raw_groups, dict):
        f.problem(("synonyms",), f"expected a mapping of group ids to lists of words, found {describe(raw_groups)}")
    elif raw_groups is not MISSING:
        for group_id, words in raw_groups.items():
            group_path = ("synonyms", group_id)
            if f.identifier(group_path, group_id, "a group id") is None:
                continue
            found = word_list(f, group_path, words, at_least=2)
            for i, word in enumerate(found):
                if word in group_of:
                    f.problem(group_path + (i,), f"'{word}' is already in group '{group_of[word]}': a word "
                                                 f"belongs to one group")
                group_of.setdefault(word, group_id)
            ids.append(group_id)
            groups.append(found)
    stopwords = word_list(f, ("stopwords",), data["stopwords"], at_least=1)
    words = SearchWords(tuple(groups), frozenset(stopwords), tuple(ids))
    reader.keep(lang, path, doc, words)
    return words


def word_list(f: Fields, path: tuple, value, at_least: int) -> tuple[str, ...]:
    """A list of lower-case words (or short phrases); problems for anything else."""
    if value is MISSING:
        return ()
    if not isinstance(value, list) or len(value) < at_least:
        found = f"{len(value)} word(s)" if isinstance(value, list) else describe(value)
        f.problem(path, f"expected a list of at least {at_least} word(s), found {found}")
        return ()
    found = []
    for i, word in enumerate(value):
        if isinstance(word, str) and SEARCH_WORD.match(word) and word == word.lower():
            found.append(word)
        else:
            f.problem(path + (i,), f"expected a word in lower case (letters, digits, ' and -; phrases with "
                                   f"single spaces), found {describe(word)}")
    return tuple(found)
