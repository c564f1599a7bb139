"""The app for a WSGI server: `gunicorn -w 2 -b 127.0.0.1:8000 wsgi:app`, with rendered pages kept."""

from app import create_app

app = create_app({"PAGE_CACHE": True})
