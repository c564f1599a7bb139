"""Static files are linked by hashed names that a host may cache for a year; plain names revalidate."""

from __future__ import annotations

import re
import shutil

from app import create_app

LINKED_CSS = re.compile(r'href="(/static/css/site\.([0-9a-f]{10})\.css)"')


def test_a_page_links_the_hashed_name_which_may_be_kept_a_year(client):
    found = LINKED_CSS.search(client.get("/nl/").get_data(as_text=True))
    assert found, "the page does not link css/site.<digest>.css"
    with client.get(found.group(1)) as response:
        assert response.status_code == 200
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"


def test_the_plain_name_works_and_revalidates(client):
    with client.get("/static/css/site.css") as response:
        assert response.status_code == 200 and response.headers["Cache-Control"] == "no-cache"


def test_a_stale_or_made_up_hash_is_not_found(client):
    with client.get("/static/css/site.0123456789.css") as response:
        assert response.status_code == 404


def test_a_changed_file_gets_a_new_name(tmp_path):
    static = tmp_path / "static"
    shutil.copytree(create_app().static_folder, static)
    app = create_app({"TESTING": True})
    app.static_folder = str(static)
    client = app.test_client()
    before = LINKED_CSS.search(client.get("/nl/").get_data(as_text=True)).group(2)
    (static / "css" / "site.css").write_text("body { color: black; }\n", encoding="utf-8")
    after = LINKED_CSS.search(client.get("/nl/").get_data(as_text=True)).group(2)
    assert before != after
    with client.get(f"/static/css/site.{before}.css") as response:
        assert response.status_code == 404
