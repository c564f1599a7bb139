"""A bounded cache of rendered pages, for serving the app itself (gunicorn) rather than the frozen site.

Every page depends only on its address: the content is immutable and nothing about the user is kept, so
a page rendered once can be served again as it is. Off by default (PAGE_CACHE): freezing renders pages
with relative links, which must never come from, or end up in, this cache.
"""

from __future__ import annotations

from collections import OrderedDict

from flask import Flask, Response, request


def init_app(app: Flask, size: int = 4096) -> None:
    if not app.config.get("PAGE_CACHE"):
        return
    pages: OrderedDict[str, tuple[bytes, str]] = OrderedDict()

    def cacheable() -> bool:
        return request.method == "GET" and not request.query_string

    @app.before_request
    def serve_kept_page():
        if cacheable() and request.path in pages:
            pages.move_to_end(request.path)
            body, mimetype = pages[request.path]
            return Response(body, mimetype=mimetype)  # the security headers are added after this
        return None

    @app.after_request
    def keep_page(response):
        if cacheable() and response.status_code == 200 and not response.is_streamed:
            pages[request.path] = (response.get_data(), response.mimetype)
            pages.move_to_end(request.path)
            while len(pages) > size:  # unknown addresses are 404s and never kept, so this bound holds
                pages.popitem(last=False)
        return response
