"""What every check kind shares: turning a span and a few numbers into a
Diagnostic with the rule's message and rewrite filled in."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...diagnostics import Diagnostic, Fix
from ...engine.facts import Facts, Hit
from ..spec import Rule


class _Fields(dict):
    def __missing__(self, key):  # a template field the rule did not provide stays visible
        return "{" + key + "}"


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"“])")


def first_sentence(text: str) -> str:
    """A finding carries the one-sentence reason; `tonelint explain` shows the rest."""
    text = " ".join(text.split())
    return _SENTENCE_END.split(text, maxsplit=1)[0]


def render(template: str, fields: dict) -> str:
    try:
        return template.format_map(_Fields(fields))
    except (ValueError, IndexError, KeyError, AttributeError):
        return template


@dataclass
class Context:
    text: str
    path: str
    facts: Facts

    def diagnostic(self, rule: Rule, start: int, end: int, fields: dict, fix: Fix | None = None,
                   hit: Hit | None = None) -> Diagnostic:
        matched = self.text[start:end]
        fields = dict(fields)
        # The message names the words as the reader sees them: in decoded text
        # the source span holds escapes ("mas=\nses", "target&nbsp;audience")
        # or, in a base64 body, nothing at all.
        shown = " ".join((hit.text if hit is not None and hit.text else matched).split())
        fields.setdefault("match", shown or matched)
        return Diagnostic(
            rule=rule.id,
            family=rule.family,
            level=rule.level,
            start=start,
            end=end,
            matched=matched,
            message=render(rule.message, fields),
            rationale=first_sentence(rule.rationale),
            rewrite=render(rule.rewrite, fields),
            fix=fix,
            path=self.path,
        )

    def in_scope(self, rule: Rule, hit: Hit) -> bool:
        seg = self.facts.segments[hit.seg]
        if seg.scope in rule.scope:
            return True
        return "link" in rule.scope and seg.in_link(hit.start, hit.end) is not None

    def scoped(self, rule: Rule, hits: list[Hit]) -> list[Hit]:
        if "document" in rule.scope:
            return hits
        return [h for h in hits if self.in_scope(rule, h)]
