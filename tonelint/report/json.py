"""A JSON list of findings, one object each (schema: report/records.py and
docs/output.md).  Stable keys; other programs parse this."""

from __future__ import annotations

import json

from .records import findings, scorecard


def render(run, options) -> str:
    items = [item for result in run.results for item in findings(result)]
    if options.score:  # opt-in (--score): the default list stays what parsers expect
        cards = [card for card in map(scorecard, run.results) if card is not None]
        return json.dumps({"findings": items, "scorecards": cards}, indent=2, ensure_ascii=False) + "\n"
    return json.dumps(items, indent=2, ensure_ascii=False) + "\n"
