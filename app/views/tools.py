"""The private tools' pages and their Word files. Nothing a user types ever reaches these views."""

from __future__ import annotations

import mimetypes
from pathlib import Path

from flask import Response, abort, render_template
from flask_babel import gettext as _

from ..content.tools import Tool
from ..docx import letter_document, report_document
from ..i18n import language_blueprint
from .helpers import edition

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Frozen-Flask compares a file's extension with its Content-Type; not every system knows .docx.
mimetypes.add_type(DOCX, ".docx")

bp = language_blueprint("tools", __name__)
# The saved annual report carries its own styles (a downloaded file has no site around it).
REPORT_FILE_STYLE = (Path(__file__).resolve().parent.parent / "templates" / "report_file.css").read_text(encoding="utf-8")


def render_tool(tool: Tool, section):
    return render_template(f"tool_{tool.kind}.html", tool=tool, section=section, file_style=REPORT_FILE_STYLE)


@bp.route("/<section>/<item>/<name>.docx")
def word(section, item, name):
    """The letter with marked blanks, or the report scheme, as a Word file to adapt."""
    tool = edition().item(section, item)
    if not isinstance(tool, Tool) or tool.kind == "checklist" or name != tool.id:
        abort(404)
    if tool.kind == "letter":
        data = letter_document(tool, _("Article"))
    else:
        data = report_document(tool, _("Write counts from 1 to 4 as “fewer than 5”. If such a count can still be "
                                       "worked out by subtracting the other counts from the number of reports, "
                                       "leave out the next smallest count as well. Leave hidden counts out of "
                                       "charts, so that nobody can be recognised."), _("Number"))
    return Response(data, mimetype=DOCX)
