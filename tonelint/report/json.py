"""A JSON list of findings, one object each (schema: report/records.py and
docs/output.md).  Stable keys; other programs parse this."""

from __future__ import annotations

import json

from .records import findings


def render(run, options) -> str:
    items = [item for result in run.results for item in findings(result)]
    return json.dumps(items, indent=2, ensure_ascii=False) + "\n"
