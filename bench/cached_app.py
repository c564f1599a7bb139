"""Diagnosis only, for bench/run.py: the site's Flask app behind a per-address cache of whole responses.

Every page of the Wegwijzer depends only on its address and the content, so a response can be rendered
once and sent again as bytes. Run under gunicorn beside the plain app, this shows how much of the load
figure is Jinja rendering and how much is gunicorn itself. It is not how the site is served.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import create_app  # noqa: E402

flask_app = create_app()
_cache: dict[tuple[str, str], tuple[str, list, bytes]] = {}


def app(environ, start_response):
    key = (environ.get("REQUEST_METHOD", "GET"), environ.get("PATH_INFO", ""))
    hit = _cache.get(key) if not environ.get("QUERY_STRING") else None
    if hit is None:
        captured = {}

        def capture(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, headers

        body = b"".join(flask_app(environ, capture))
        hit = (captured["status"], captured["headers"], body)
        if key[0] == "GET" and not environ.get("QUERY_STRING"):
            _cache[key] = hit
    start_response(hit[0], hit[1])
    return [hit[2]]
