"""The per-paragraph numbers the matcher bank needs from a spaCy Doc, read
without building a Python Token object per token.

`Span.text`, `Doc.text` and `for t in doc` each build a Token object per
token; on a megabyte of prose they were a third of the engine's time.  Sentence
spans are kept (their offsets are C fields), words are counted with
`Doc.count_by`, and the text is the segment's own.

The Matcher gate: spaCy's Matcher tests every pattern's predicates at every
token, which cost more than tokenising.  A pattern can only match a paragraph
that holds, for each of its required tokens, one of the lower-case forms
that token allows; most paragraphs hold none, and for them the Matcher is
skipped.  The gate is a necessary condition only, so it never loses a match.
"""

from __future__ import annotations

_OPTIONAL = {"?", "*", "!"}


class DocArrays:
    """Sentence bounds, word count and lower-case forms of one Doc."""

    __slots__ = ("doc", "starts", "words", "_lowers", "_tokens")

    def __init__(self, doc) -> None:
        from spacy.attrs import IS_ALPHA

        self.doc = doc
        # Span attributes are read in C; only Span.text would walk the tokens.
        self.starts = [(s.start, s.end, s.start_char, s.end_char) for s in doc.sents]
        self.words = doc.count_by(IS_ALPHA).get(1, 0)
        self._lowers = None
        self._tokens = None

    @property
    def tokens(self) -> list[tuple[int, int, int, bool]]:
        """(start char, end char, lower-case form id, punctuation or space)
        of each token, for paragraphs with hits: what checking a hit asks of
        its tokens, without a Token object per question."""
        if self._tokens is None:
            from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, LOWER

            rows = self.doc.to_array([IDX, LENGTH, LOWER, IS_PUNCT, IS_SPACE]).tolist() if len(self.doc) else []
            self._tokens = [(i, i + n, lower, bool(p or sp)) for i, n, lower, p, sp in rows]
        return self._tokens

    @property
    def lowers(self) -> set:
        """The lower-case form ids present (computed only when the gate asks)."""
        if self._lowers is None:
            from spacy.attrs import LOWER

            self._lowers = set(self.doc.to_array(LOWER).tolist()) if len(self.doc) else set()
        return self._lowers

    def sent_of_token(self, base: int) -> list[int]:
        """Index (from `base`) of the sentence holding each token."""
        out: list[int] = []
        for k, (a, b, _, _) in enumerate(self.starts):
            out.extend([base + k] * (b - a))
        return out


class MatcherGate:
    """Which docs may hold a match of any token pattern (see module doc)."""

    def __init__(self, strings, patterns) -> None:
        import re

        self.always = False
        self.needs: list[list[frozenset]] = []
        quick: set[str] = set()
        for pattern in patterns:
            required = []
            for token in pattern:
                forms = _lower_forms(token)
                if forms is not None:
                    required.append(forms)
            if not required:
                self.always = True
            else:
                quick |= min(required, key=len)
            self.needs.append([frozenset(strings.add(f) for f in forms) for forms in required])
        # A first test on the text: each pattern's rarest-looking token must
        # occur in the lower-cased text (a token's lower form is a substring
        # of the lower-cased text for ASCII forms; others skip this test).
        self.quick = None
        if quick and all(f.isascii() for f in quick):
            self.quick = re.compile("|".join(re.escape(f) for f in sorted(quick, key=len, reverse=True)))

    def may_match(self, arrays: DocArrays, text: str, quick: bool | None = None) -> bool:
        """`quick`: whether the quick test's pattern occurs in the text, when
        the caller has asked already (the matcher bank runs it in its RE2 set,
        case-insensitively, with the rules' regexes)."""
        if self.always:
            return True
        if quick is None and self.quick is not None:
            quick = self.quick.search(text.lower()) is not None
        if quick is False:
            return False
        present = arrays.lowers
        return any(all(not present.isdisjoint(r) for r in req) for req in self.needs)


def _lower_forms(token: dict) -> set[str] | None:
    """The lower-case forms a required pattern token allows, or None when the
    token is optional or constrains something else (then it gates nothing)."""
    keys = {str(k).upper(): v for k, v in token.items()}
    op = keys.get("OP")
    if op is not None and (op in _OPTIONAL or str(op).startswith("{0") or str(op).startswith("{,")):
        return None
    for attr, lower in (("LOWER", False), ("ORTH", True), ("TEXT", True)):
        value = keys.get(attr)
        if isinstance(value, str):
            return {value.lower() if lower else value}
        if isinstance(value, dict) and isinstance(value.get("IN"), list) and all(isinstance(v, str) for v in value["IN"]):
            return {v.lower() if lower else v for v in value["IN"]}
    return None
