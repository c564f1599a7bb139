#!/usr/bin/env python3
"""Build the Wegwijzer: check the content, update and compile translations, freeze to build/.

Usage:
  python build.py            check, translate, freeze into build/, index it for the search
  python build.py check      check the content only
  python build.py serve      build, then serve build/ on http://127.0.0.1:8000/ (PORT to change)
  python build.py export     build, then copy each check's flow graph (SVG) and script (HTML, Markdown)
                             per language into export/ (WEGWIJZER_EXPORT to change); the same pages are
                             in the site under /<lang>/review/

Set WEGWIJZER_CONTENT to a folder to build from other content than content/.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent
TRANSLATIONS = ROOT / "translations"


def check_content():
    """Load the content; on problems print every one and exit 1 (no traceback)."""
    from app import create_app
    from app.content import ContentError

    content_dir = os.environ.get("WEGWIJZER_CONTENT")  # another content folder, e.g. an editor's draft
    try:
        app = create_app({"CONTENT_DIR": Path(content_dir)} if content_dir else None)
    except ContentError as error:
        print(f"content: {len(error.problems)} problem(s):", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        sys.exit(1)
    content = app.extensions["content"]
    pages = sum(1 + len(s.items) for e in content.editions.values() for s in e.sections.values())
    print(f"content OK: {len(content.editions)} languages, {pages} sections and items")
    return app


def update_translations() -> None:
    """Extract interface strings, merge new ones into each catalogue, compile: no string left behind.

    The catalogues are only rewritten when the strings changed, so a build leaves no date-only diffs.
    """
    import tempfile

    from babel.messages.pofile import read_po

    pot = TRANSLATIONS / "messages.pot"
    babel = [sys.executable, "-m", "babel.messages.frontend"]
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / "messages.pot"
        run([*babel, "extract", "-F", str(ROOT / "babel.cfg"), "-o", str(fresh), "--no-location",
             "--omit-header", "--sort-output", str(ROOT / "app")])

        def strings(path: Path) -> list:
            with path.open("rb") as file:
                return sorted((m.id, tuple(sorted(m.flags))) for m in read_po(file) if m.id)

        changed = not pot.exists() or strings(fresh) != strings(pot)
        if changed:
            pot.write_bytes(fresh.read_bytes())
    if changed:
        for po in sorted(TRANSLATIONS.glob("*/LC_MESSAGES/messages.po")):
            run([*babel, "update", "-i", str(pot), "-d", str(TRANSLATIONS), "-l", po.parent.parent.name,
                 "--no-fuzzy-matching", "--ignore-obsolete"])
    from app.i18n import compile_catalogues

    compiled = compile_catalogues(TRANSLATIONS)
    print(f"translations: {'updated, ' if changed else ''}{len(compiled)} catalogue(s) compiled")


def run(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        print(result.stdout + result.stderr, file=sys.stderr)
        sys.exit(f"failed: {' '.join(command)}")


def freeze(app, destination: Path) -> int:
    """Freeze every page; a non-200 page or any Frozen-Flask warning stops the build."""
    from app.freeze import make_freezer
    from flask_frozen import FrozenFlaskWarning

    app.config["FREEZER_DESTINATION"] = str(destination)
    freezer = make_freezer(app)
    started = time.perf_counter()
    count = 0
    with warnings.catch_warnings():
        warnings.simplefilter("error", FrozenFlaskWarning)
        try:
            for count, page in enumerate(freezer.freeze_yield(), start=1):
                if count % 100 == 0:
                    print(f"  {count} pages...", flush=True)
        except (ValueError, FrozenFlaskWarning) as error:
            sys.exit(f"freeze failed: {error}")
    print(f"frozen: {count} pages into {destination} in {time.perf_counter() - started:.1f}s")
    return count


def index_search(app, destination: Path) -> None:
    """Let Pagefind index the frozen pages for the search (app/search_index.py)."""
    from app.search_index import write_search_index

    started = time.perf_counter()
    count = write_search_index(app.extensions["content"].editions, destination)
    print(f"search index: {count} records in {time.perf_counter() - started:.1f}s")


def build(destination: Path = ROOT / "build"):
    update_translations()
    app = check_content()
    freeze(app, destination)
    index_search(app, destination)


def serve(destination: Path = ROOT / "build") -> None:
    """Serve the frozen site the way a static host would, with the same security headers."""
    from app.serve import serve_forever

    build(destination)
    port = int(os.environ.get("PORT", "8000"))
    print(f"serving {destination} on http://127.0.0.1:{port}/ (Ctrl+C to stop)")
    serve_forever(destination, port)


def export(destination: Path = ROOT / "build") -> Path:
    """Build the site, then copy the reviewers' pages (graph, script) out of it for review by e-mail."""
    import shutil

    build(destination)
    target = Path(os.environ.get("WEGWIJZER_EXPORT", ROOT / "export"))
    if target.exists():
        shutil.rmtree(target)
    for review in sorted(destination.glob("*/review")):
        shutil.copytree(review, target / review.parent.name)
    files = sorted(p for p in target.rglob("*") if p.is_file())
    print(f"export: {len(files)} files (graphs, scripts) in {target}")
    return target


def main(argv: list[str]) -> None:
    command = argv[1] if len(argv) > 1 else "build"
    if command == "check":
        check_content()
    elif command == "build":
        build()
    elif command == "serve":
        serve()
    elif command == "export":
        export()
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
