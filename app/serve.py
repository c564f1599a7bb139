"""Serve a frozen build over HTTP on loopback, as a static host would: for local viewing and tests."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .security import HEADERS


class StaticHandler(SimpleHTTPRequestHandler):
    """Files from the build folder, with the site's security headers and its 404 page."""

    def end_headers(self):
        for name, value in HEADERS.items():
            self.send_header(name, value)
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        root = Path(self.directory)
        first = self.path.lstrip("/").split("/", 1)[0]
        page = root / first / "404.html"
        if not page.is_file():  # not a language folder: the reference language's page
            page = root / "nl" / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):  # keep test and serve output readable
        pass


def make_server(directory: Path, port: int = 0) -> ThreadingHTTPServer:
    handler = functools.partial(StaticHandler, directory=str(directory))
    return ThreadingHTTPServer(("127.0.0.1", port), handler)


def serve_in_thread(directory: Path) -> ThreadingHTTPServer:
    server = make_server(directory)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def serve_forever(directory: Path, port: int) -> None:
    try:
        server = make_server(directory, port)
    except OSError as error:
        raise SystemExit(f"cannot serve on 127.0.0.1:{port}: {error.strerror}. Choose another port, "
                         f"for example: PORT=8001 python build.py serve")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
