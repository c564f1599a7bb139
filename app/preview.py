"""python build.py preview: the app itself on 127.0.0.1 while an editor works, reloading what is saved.

A thread watches content/ and app/templates/; on a saved file the app is built again, and a small script
of the preview (polling /__preview/version on the same origin, so connect-src 'self' suffices) reloads
the open page. Broken content does not stop the preview: every page then lists the problems, the same
lines as `python build.py check`, until they are fixed. Each page also shows the inventory IDs its text
rests on, its checked date and, for a check, its review script and flow graph.

None of this is part of the app that is frozen: create_app knows nothing of it, and
tests/test_preview.py checks that the frozen site has no trace of it.
"""

from __future__ import annotations

import html
import os
import threading
import time
from pathlib import Path

from flask import Flask, current_app, request, url_for
from jinja2 import TemplateError
from werkzeug.serving import make_server
from werkzeug.wrappers import Response

from . import PROJECT_ROOT, create_app
from .content import ContentError
from .content.model import Check
from .i18n import current_lang
from .security import HEADERS

PREFIX = "/__preview"
TEMPLATES = PROJECT_ROOT / "app" / "templates"
SCRIPT = """// The preview's own script (never in the frozen site): reload the page once a saved file changed it.
(function () {
  "use strict";
  var version = document.currentScript.getAttribute("data-version");
  function poll() {
    fetch("%(prefix)s/version", {cache: "no-store"})
      .then(function (response) { return response.text(); })
      .then(function (now) { if (now !== version) { window.location.reload(); } else { later(); } })
      .catch(later);  // the preview was restarted, or is busy reloading: ask again
  }
  function later() { window.setTimeout(poll, 400); }
  later();
}());
""" % {"prefix": PREFIX}
STYLE = """/* The preview's own marks (never in the frozen site). */
.preview-banner { background: #fff2b3; color: #1b1b1b; border-bottom: 3px solid #1b1b1b; padding: 0.4rem 1rem;
  font-size: 1rem; font-weight: 700; }
.preview-sources { border: 2px dashed #4a4a4a; padding: 0.5rem 1rem; margin: 2rem 0 0; font-size: 1rem; }
.preview-sources p { margin: 0.25rem 0; }
.preview-problems li { margin: 0 0 0.75rem; }
.preview-problems code { white-space: pre-wrap; word-break: break-word; }
"""
BANNER = ('<p class="preview-banner" role="note" lang="nl">Voorbeeld: alleen op deze computer (127.0.0.1), '
          'niet de gepubliceerde site. <span lang="en">Preview: on this computer only, not the published '
          'site.</span></p>')


class Preview:
    """The current app, or the problems that keep the content from loading, and a version that counts
    every reload (the open page reloads when it changes)."""

    def __init__(self, config: dict | None = None, watched: tuple[Path, ...] | None = None):
        self.config = {**(config or {}), "PROPAGATE_EXCEPTIONS": True}  # a broken template is shown, below
        content_dir = Path(self.config.get("CONTENT_DIR", PROJECT_ROOT / "content"))
        self.watched = watched or (content_dir, TEMPLATES)
        self.app: Flask | None = None
        self.problems: list[str] = []
        self.version = 0
        self._seen = self._snapshot()
        self.reload()

    def reload(self) -> None:
        try:
            app = create_app(self.config)
        except ContentError as error:
            self.problems = [str(problem) for problem in error.problems]
        else:
            attach(app, self)
            self.app, self.problems = app, []
        self.version += 1
        if self.problems:
            print(f"preview: content has {len(self.problems)} problem(s), shown in every page:", flush=True)
            for problem in self.problems:
                print(f"  {problem}", flush=True)
        else:
            print("preview: content OK", flush=True)

    def _snapshot(self) -> dict:
        return {str(path): (stat.st_mtime_ns, stat.st_size) for folder in self.watched
                for path in sorted(folder.rglob("*")) if path.is_file() and (stat := path.stat())}

    def changed(self) -> bool:
        now = self._snapshot()
        if now == self._seen:
            return False
        self._seen = now
        return True

    def watch(self, stop: threading.Event, interval: float = 0.3) -> None:
        while not stop.wait(interval):
            if self.changed():
                self.reload()

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path == f"{PREFIX}/version":
            response = Response(str(self.version), mimetype="text/plain")
            response.headers["Cache-Control"] = "no-store"
        elif path == f"{PREFIX}/preview.js":
            response = Response(SCRIPT, mimetype="text/javascript")
        elif path == f"{PREFIX}/preview.css":
            response = Response(STYLE, mimetype="text/css")
        elif path.startswith("/static/") and self.app is not None:
            return self.app(environ, start_response)  # the stylesheet, from the last app that loaded
        elif self.problems or self.app is None:
            response = problems_page(self.problems, self.version)
        else:
            try:
                return self.app(environ, start_response)
            except TemplateError as error:  # an editor's slip in a template: say where, as the check does
                where = f"{error.filename or 'app/templates'}:{getattr(error, 'lineno', '?')}"
                response = problems_page([f"{where}: {type(error).__name__}: {error.message}"], self.version)
        response.headers.update(HEADERS)
        return response(environ, start_response)


def preview_head(version: int) -> str:
    return (f'<link rel="stylesheet" href="{PREFIX}/preview.css">\n'
            f'<script src="{PREFIX}/preview.js" data-version="{version}" defer></script>\n')


def problems_page(problems: list[str], version: int) -> Response:
    items = "\n".join(f"<li><code>{html.escape(problem)}</code></li>" for problem in problems)
    body = f"""<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Voorbeeld: {len(problems)} probleem/problemen in de inhoud</title>
<link rel="stylesheet" href="/static/css/site.css">
{preview_head(version)}</head>
<body>
{BANNER}
<main class="wrap">
<h1>De inhoud heeft {len(problems)} probleem/problemen</h1>
<p>Zo meldt <code>python build.py check</code> ze ook: bestand, regel, sleutel, en wat er mis is.
Sla de verbeterde bestanden op: deze pagina gaat dan vanzelf terug naar de pagina die je bekeek.</p>
<p lang="en">The content has problems, listed as <code>python build.py check</code> lists them. Save the
fixed files: this page then returns to the page you were on by itself.</p>
<ul class="preview-problems">
{items}
</ul>
</main>
</body>
</html>
"""
    return Response(body, status=500, mimetype="text/html")


def attach(app: Flask, preview: Preview) -> None:
    """Mark every HTML page of this app as the preview's: banner, reload script, the text's sources."""

    @app.after_request
    def mark(response):
        if response.mimetype != "text/html" or response.direct_passthrough:
            return response
        page = response.get_data(as_text=True)
        page = page.replace("</head>", preview_head(preview.version) + "</head>", 1)
        page = page.replace("<body>", "<body>\n" + BANNER, 1)
        page = page.replace("</main>", sources_panel() + "</main>", 1)
        response.set_data(page)
        return response


def sources_panel() -> str:
    """What the current page's text rests on (inventory IDs), when it was checked, and its review pages."""
    values = request.view_args or {}
    lang, section, item_id = current_lang(), values.get("section"), values.get("item")
    if not (section and item_id):
        return ""
    edition = current_app.extensions["content"].editions.get(lang)
    item = edition.item(section, item_id) if edition else None
    if item is None:
        return ""
    sources = list(item.sources)
    if isinstance(item, Check) and values.get("answers"):
        walk = item.walk(tuple(values["answers"].split("/")))
        node = walk.node if walk else None
        sources += [s for s in getattr(node, "sources", ()) if s not in sources]
        for block in getattr(node, "blocks", ()):
            sources += [s for s in block.sources if s not in sources]
    lines = [f"<p><strong>Bronnen (inventaris):</strong> {html.escape(', '.join(sources))}</p>"]
    checked = getattr(item, "checked", None)
    lines.append(f"<p><strong>Gecontroleerd:</strong> {checked.isoformat() if checked else 'geen datum'} (<code>checked</code>)</p>")
    if isinstance(item, Check):
        review = {"lang": lang, "section": section, "item": item_id}
        lines.append(f'<p><a href="{url_for("review.script", **review)}">Script voor reviewers</a> · '
                     f'<a href="{url_for("review.graph", **review)}">Stroomschema (SVG)</a></p>')
    return (f'<aside class="preview-sources" aria-label="Voorbeeld: bronnen">\n' + "\n".join(lines) +
            "\n</aside>\n")


def start(config: dict | None = None, port: int = 0):
    """The preview served on 127.0.0.1 in threads (for tests): (server, preview, stop)."""
    preview = Preview(config)
    server = make_server("127.0.0.1", port, preview, threaded=True)
    stop = threading.Event()
    threading.Thread(target=preview.watch, args=(stop,), daemon=True).start()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, preview, stop


def preview(port: int = 5000) -> None:
    """Serve the preview until Ctrl+C; on 127.0.0.1 only, as it is a tool for the person at this computer.

    WEGWIJZER_CONTENT previews another content folder (a draft), as for python build.py check.
    """
    content_dir = os.environ.get("WEGWIJZER_CONTENT")
    config = {"CONTENT_DIR": Path(content_dir)} if content_dir else None
    try:
        server, found, stop = start(config, port)
    except OSError as error:
        raise SystemExit(f"cannot serve on 127.0.0.1:{port}: {error.strerror}. Choose another port, for "
                         f"example: PORT=5001 python build.py preview")
    print(f"preview on http://127.0.0.1:{port}/ (this computer only); it reloads when you save a file in "
          f"{', '.join(str(p) for p in found.watched)} (Ctrl+C to stop)")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.shutdown()

