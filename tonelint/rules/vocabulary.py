"""A team's own words: `vocabulary.accept` (terms never flagged) and
`vocabulary.reject` (terms always flagged).

Accepted terms are checked against every hit rather than only whole hits,
because rules match phrases: with a product called "Segment", the hit is
"Segment users", not "Segment".  A term written with a capital letter is
matched case-sensitively (the product "Segment" is accepted; the verb in
"segment our audience" is still flagged); an all-lower-case term matches any
case.

Rejected terms become one synthesized rule, TL901 `rejected-term` in the
`vocabulary` family, built through the same rule parser as a YAML rule so it
is selected, levelled, suppressed and explained like any other.
"""

from __future__ import annotations

import re

REJECT_ID = "TL901"
REJECT_FAMILY = "vocabulary"


class AcceptList:
    def __init__(self, terms) -> None:
        self.terms = tuple(t for t in (" ".join(str(x).split()) for x in terms or ()) if t)
        patterns = []
        for term in self.terms:
            flags = 0 if any(c.isupper() for c in term) else re.IGNORECASE
            patterns.append(re.compile(r"(?<![\w-])" + re.escape(term).replace(r"\ ", r"\s+") + r"(?![\w-])", flags))
        self._patterns = patterns

    def __bool__(self) -> bool:
        return bool(self.terms)

    def covers(self, text: str) -> bool:
        """True when an accepted term stands as a word inside the matched text."""
        return any(p.search(text) for p in self._patterns)


def reject_rule_data(reject, where: str) -> dict | None:
    """The YAML-shaped rule for `vocabulary.reject`: a list of terms gives an
    existence rule; a mapping of term to preferred wording gives a
    substitution with an unsafe fix (meaning can shift, so a person confirms)."""
    if not reject:
        return None
    base = {
        "id": REJECT_ID,
        "name": "rejected-term",
        "family": REJECT_FAMILY,
        "level": "warning",
        "description": "Flags terms the team's configuration lists under vocabulary.reject.",
        "rationale": f"The team decided not to use this word in outbound copy (vocabulary.reject in {where}).",
    }
    if isinstance(reject, dict):
        terms = [str(k) for k in reject]
        return dict(
            base, kind="substitution", match={"phrases": terms},
            swap={str(k): str(v) for k, v in reject.items()}, fix="unsafe",
            message='"{match}" is on the team\'s reject list — use "{replacement}"',
            rewrite='Replace "{match}" with "{replacement}".',
        )
    return dict(
        base, kind="existence", match={"phrases": [str(t) for t in reject]},
        message='"{match}" is on the team\'s reject list',
        rewrite='Use the team\'s preferred wording instead of "{match}".',
    )
