#!/usr/bin/env python3
"""Build the Wegwijzer: check the content, update and compile translations, freeze to build/.

Usage:
  python build.py            check, translate, freeze into build/, index it for the search
  python build.py check      check the content only
  python build.py serve      build, then serve build/ on http://127.0.0.1:8000/ (PORT to change)
  python build.py export     build, then copy each check's flow graph (SVG) and script (HTML, Markdown)
                             per language into export/ (WEGWIJZER_EXPORT to change); the same pages are
                             in the site under /<lang>/review/
  python build.py package [site.yml ... | folder/]
                             build one zip per organisation into dist/ (WEGWIJZER_DIST to change): the
                             site, a filled-in nginx.conf and a README for the host; without arguments
                             the content's own edition (content/site.yml, or the generic guide)
  python build.py preview    serve the app itself on http://127.0.0.1:5000/ (PORT to change) while you
                             edit: a saved file reloads the content and the open page; errors show in it

Set WEGWIJZER_CONTENT to a folder to build from other content than content/, and WEGWIJZER_URL to the
site's public address (https://example.org/gids/) where content/site.yml does not give it: sitemap.xml
needs it, and so does a site hosted in a subfolder.
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


def check_content(content_dir: str | Path | None = None):
    """Load the content (content_dir, else WEGWIJZER_CONTENT, else content/); on problems print every one
    and exit 1 (no traceback)."""
    from app import create_app
    from app.content import ContentError

    content_dir = content_dir or os.environ.get("WEGWIJZER_CONTENT")  # another folder, e.g. an editor's draft
    public_url = os.environ.get("WEGWIJZER_URL")  # the public address, if site.yml does not give it
    config = {**({"CONTENT_DIR": Path(content_dir)} if content_dir else {}),
              **({"PUBLIC_URL": public_url} if public_url else {})}
    try:
        app = create_app(config or None)
    except ContentError as error:
        print(f"content: {len(error.problems)} problem(s):", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        sys.exit(1)
    content = app.extensions["content"]
    pages = sum(len(e.sections) for e in content.editions.values()) + sum(1 for _ in content.items())
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
    sources = [*ROOT.glob("app/**/*.py"), *ROOT.glob("app/templates/**/*.html")]
    if pot.exists() and pot.stat().st_mtime >= max(p.stat().st_mtime for p in sources):
        # Nothing that holds interface strings changed since the last look: skip the extraction, which
        # costs a second of every build.
        return _compile(changed=False)
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / "messages.pot"
        run([*babel, "extract", "-F", str(ROOT / "babel.cfg"), "-o", str(fresh), "--no-location",
             "--omit-header", "--sort-output", str(ROOT / "app")])

        def strings(path: Path) -> list:
            with path.open("rb") as file:
                # a plural string's id is a (singular, plural) tuple: as a tuple of its own it sorts with the rest
                return sorted((m.id if isinstance(m.id, tuple) else (m.id,), tuple(sorted(m.flags)))
                              for m in read_po(file) if m.id)

        changed = not pot.exists() or strings(fresh) != strings(pot)
        if changed:
            pot.write_bytes(fresh.read_bytes())
        else:
            os.utime(pot)  # looked at now: the next build skips the extraction until a source changes
    if changed:
        for po in sorted(TRANSLATIONS.glob("*/LC_MESSAGES/messages.po")):
            run([*babel, "update", "-i", str(pot), "-d", str(TRANSLATIONS), "-l", po.parent.parent.name,
                 "--no-fuzzy-matching", "--ignore-obsolete"])
    _compile(changed)


def _compile(changed: bool) -> None:
    from app.i18n import compile_catalogues

    compiled = compile_catalogues(TRANSLATIONS)
    print(f"translations: {'updated, ' if changed else ''}{len(compiled)} catalogue(s) compiled")


def run(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        print(result.stdout + result.stderr, file=sys.stderr)
        sys.exit(f"failed: {' '.join(command)}")




def freeze(app, destination: Path, workers: int | None = None) -> int:
    """Freeze every page, on every core; a non-200 page or any Frozen-Flask warning stops the build.

    Beside each text file goes its gzip copy, for hosts that serve files compressed ahead of time
    (nginx's gzip_static, docs/nginx.conf).
    """
    import gc
    import multiprocessing
    import shutil

    workers = workers or min(2, os.cpu_count() or 1)
    app.config["FREEZER_DESTINATION"] = str(destination)
    app.config["FREEZER_REMOVE_EXTRA_FILES"] = False  # the folder is emptied first, once, below
    if destination.exists():
        shutil.rmtree(destination)
    started = time.perf_counter()
    global _APP
    _APP = app  # forked workers inherit the app with its content loaded: nothing is loaded twice
    # The content model is read once and only read after: kept out of the garbage collector's sweeps,
    # so neither it nor a forked worker touches (and, after a fork, copies) every object of it again.
    gc.freeze()
    try:
        if workers == 1:
            results = [_freeze_shard((0, 1))]
        else:
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                results = pool.map(_freeze_shard, [(i, workers) for i in range(workers)])
    finally:
        gc.unfreeze()
    errors = [error for error, _, _ in results if error]
    if errors:
        sys.exit(f"freeze failed: {errors[0]}")
    count = sum(pages for _, pages, _ in results)
    from app.freeze import skipped_endpoints

    skipped = skipped_endpoints(app)
    _check_endpoints(app, set().union(skipped, *(seen for _, _, seen in results)))
    if "root.sitemap" in skipped:
        print("sitemap.xml: left out, as the site's public address is unknown (set url in content/site.yml "
              "or WEGWIJZER_URL); a sitemap needs full addresses")
    print(f"frozen: {count} pages into {destination} in {time.perf_counter() - started:.1f}s "
          f"({workers} processes)")
    return count


_APP = None


def _freeze_shard(shard: tuple[int, int]) -> tuple[str | None, int, set]:
    """Freeze one share of the pages: (error or None, pages written, endpoints seen)."""
    from app.editions import write_gzip_copy
    from app.freeze import make_freezer
    from flask_frozen import FrozenFlaskWarning

    freezer = make_freezer(_APP, *shard)
    count = 0
    with warnings.catch_warnings():
        warnings.simplefilter("error", FrozenFlaskWarning)
        try:
            for count, page in enumerate(freezer.freeze_yield(), start=1):
                write_gzip_copy(freezer.root / page.path)
                if shard[0] == 0 and count % 500 == 0:
                    print(f"  {count * shard[1]} pages...", flush=True)
        except (ValueError, FrozenFlaskWarning) as error:
            return str(error), count, set()
    return None, count, getattr(freezer, "seen_endpoints", set())


def _check_endpoints(app, seen: set) -> None:
    """Every address the app serves has a page in the build (Frozen-Flask's own check, over all shares)."""
    from flask_frozen import Freezer, MissingURLGeneratorWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", MissingURLGeneratorWarning)
        Freezer(app, with_static_files=False, with_no_argument_rules=False, log_url_for=False)._check_endpoints(seen)
    if caught:
        sys.exit(f"freeze failed: {caught[0].message}")


def index_search(app, destination: Path) -> None:
    """Let Pagefind index the frozen pages for the search (app/search_index.py)."""
    from app.search_index import write_search_index

    started = time.perf_counter()
    count = write_search_index(app.extensions["content"].editions, destination)
    print(f"search index: {count} records in {time.perf_counter() - started:.1f}s")


def freeze_site(app, destination: Path) -> int:
    """The whole static site: every page frozen, then the search index made from those pages."""
    count = freeze(app, destination)
    index_search(app, destination)
    return count


def build(destination: Path = ROOT / "build"):
    update_translations()
    freeze_site(check_content(), destination)


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
    elif command == "package":
        from app.package import package

        update_translations()
        package(check_content(), argv[2:], freeze_site)
    elif command == "preview":
        from app.preview import preview

        update_translations()
        preview(port=int(os.environ.get("PORT", "5000")))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
