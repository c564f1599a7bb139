"""Static files under names that carry a hash of their content (css/site.0123456789.css).

A page always links the name of the file as it is now, so a host can let browsers keep such a file for a
year: a changed file gets a new name, and the page that needs it links that. The plain names keep
working too (for anything that asks for a file by its own name), and are the ones a host must revalidate.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from flask import Flask, abort, current_app

HASHED = re.compile(r"^(?P<stem>.+)\.(?P<digest>[0-9a-f]{10})(?P<suffix>\.[A-Za-z0-9]+)$")
YEAR = 365 * 24 * 3600

_digests: dict[tuple[str, int, int], str] = {}  # (path, mtime, size) -> digest: a file is read once


def _digest(path: Path) -> str:
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if key not in _digests:
        _digests[key] = hashlib.sha256(path.read_bytes()).hexdigest()[:10]
    return _digests[key]


def hashed_name(filename: str, static_folder: str | None = None) -> str:
    """css/site.css as css/site.<digest>.css: the name to link (static_folder: the current app's)."""
    path = Path(static_folder or current_app.static_folder, filename)
    stem, dot, suffix = filename.rpartition(".")
    if not dot or not path.is_file():
        return filename  # url_for then links a file that does not exist, and the freeze reports it
    return f"{stem}.{_digest(path)}.{suffix}"


def plain_name(filename: str) -> str:
    """css/site.<digest>.css as css/site.css: the file a hashed name stands for."""
    found = HASHED.match(filename)
    return found["stem"] + found["suffix"] if found else filename


def init_app(app: Flask) -> None:
    plain_static = app.view_functions["static"]

    def static(filename: str):
        """A static file by its plain name, or by its hashed name while the hash is still right."""
        found = HASHED.match(filename)
        if found:
            plain = plain_name(filename)
            path = Path(app.static_folder, plain)
            if not path.is_file() or _digest(path) != found["digest"]:
                abort(404)
            response = plain_static(filename=plain)
            response.cache_control.no_cache = None  # Flask's default for files; wrong for these
            response.cache_control.public = True
            response.cache_control.max_age = YEAR
            response.cache_control.immutable = True
            return response
        return plain_static(filename=filename)

    # Keep the endpoint's name: url_for("static", ...) and Frozen-Flask's list of static files use it.
    app.view_functions["static"] = static
