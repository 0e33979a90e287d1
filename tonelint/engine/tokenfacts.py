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
Its first test reads only the text (each required token's forms must occur
in it, in any case); the lower-case forms of the tokens are read only for
the few paragraphs that pass it.
"""

from __future__ import annotations

import re

_OPTIONAL = {"?", "*", "!"}


class DocArrays:
    """Sentence bounds, word count and lower-case forms of one Doc."""

    __slots__ = ("doc", "starts", "words", "_lowers", "_tokens")

    def __init__(self, doc, sentences: SentenceRule | None = None) -> None:
        """`sentences`: the Sentencizer's rule, for a Doc that has not been
        through the component (else the Doc's own sentences are read)."""
        from spacy.attrs import IDX, IS_ALPHA, IS_PUNCT, LENGTH, ORTH

        self.doc = doc
        if sentences is None:
            # Span attributes are read in C; only Span.text would walk the tokens.
            self.starts = [(s.start, s.end, s.start_char, s.end_char) for s in doc.sents]
            self.words = doc.count_by(IS_ALPHA).get(1, 0)
        elif len(doc):
            # One read of the columns for both (a call into the Doc costs more than a column).
            orths, puncts, idx, lengths, alpha = doc.to_array([ORTH, IS_PUNCT, IDX, LENGTH, IS_ALPHA]).T.tolist()
            self.starts = sentences.spans_of(orths, puncts, idx, lengths)
            self.words = sum(alpha)
        else:
            self.starts, self.words = [], 0
        self._lowers = None
        self._tokens = None

    @property
    def tokens(self) -> list[tuple[int, int, int, bool]]:
        """(start char, end char, lower-case form id, no word in it) of each
        token, for paragraphs with hits: what checking a hit asks of its
        tokens, without a Token object per question.  "No word": punctuation,
        a space, a symbol or an emoji ("🗓 If you're interested, …" still opens
        with its condition, set AN)."""
        if self._tokens is None:
            from spacy.attrs import IDX, IS_ALPHA, IS_DIGIT, IS_PUNCT, IS_SPACE, LENGTH, LOWER

            text = self.doc.text
            rows = self.doc.to_array([IDX, LENGTH, LOWER, IS_PUNCT, IS_SPACE, IS_ALPHA, IS_DIGIT]).tolist() \
                if len(self.doc) else []
            self._tokens = [(i, i + n, lower, bool(p or sp or not (a or d) and not any(c.isalnum() for c in text[i:i + n])))
                            for i, n, lower, p, sp, a, d in rows]
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


class SentenceRule:
    """spaCy's Sentencizer (`predict`), read from the ORTH and IS_PUNCT
    columns of a Doc: a sentence starts at the first token of a Doc, and at
    each token that is neither punctuation nor one of the sentence-final
    characters when such a character's token stands between it and the
    previous token of that kind.  Used only for a Doc fresh from the
    tokenizer (the component keeps sentence starts set before it, and a fresh
    Doc has none)."""

    __slots__ = ("component", "final")

    def __init__(self, component) -> None:
        from spacy.strings import hash_string

        self.component = component
        # A token's ORTH is the hash of its text: `token.text in punct_chars`.
        self.final = frozenset(hash_string(c) for c in component.punct_chars)

    @classmethod
    def for_pipeline(cls, nlp) -> SentenceRule | None:
        """The rule when the pipeline is the tokenizer plus spaCy's own
        Sentencizer alone (the default), else None: then the pipeline runs."""
        from spacy.pipeline import Sentencizer

        if nlp.pipe_names != ["sentencizer"]:
            return None
        component = nlp.get_pipe("sentencizer")
        if type(component) is not Sentencizer:
            return None
        return cls(component)

    def spans(self, doc) -> list[tuple[int, int, int, int]]:
        """(start, end, start char, end char) of each sentence, as Doc.sents
        would give them after the component."""
        if not len(doc):
            return []
        from spacy.attrs import IDX, IS_PUNCT, LENGTH, ORTH

        return self.spans_of(*doc.to_array([ORTH, IS_PUNCT, IDX, LENGTH]).T.tolist())

    def spans_of(self, orths: list, puncts: list, idx: list, lengths: list) -> list[tuple[int, int, int, int]]:
        """spans() from the Doc's ORTH, IS_PUNCT, IDX and LENGTH columns (not empty)."""
        n = len(orths)
        final = self.final
        starts = [0]
        seen = False
        for i, orth in enumerate(orths):
            if orth in final:
                seen = True
            elif seen and not puncts[i]:
                starts.append(i)
                seen = False
        starts.append(n)
        return [(a, b, idx[a], idx[b - 1] + lengths[b - 1]) for a, b in zip(starts, starts[1:])]

    def annotate(self, doc) -> None:
        """Set the Doc's sentence starts with the component itself."""
        self.component(doc)


class MatcherGate:
    """Which docs may hold a match of any token pattern (see module doc)."""

    def __init__(self, strings, patterns) -> None:
        self.always = False
        self.needs: list[list[frozenset]] = []
        # The quick test on the text, before any token is read: each required
        # token's forms as one member (a regex alternation), and per pattern
        # the members that must all occur in the text, case-insensitively (a
        # token's lower form is a substring of the lower-cased text for ASCII
        # forms; a token with other forms gets no member).
        self.members: list[str] = []
        self.pattern_members: list[tuple[int, ...]] = []
        index: dict[frozenset, int] = {}
        for pattern in patterns:
            required = []
            for token in pattern:
                forms = _lower_forms(token)
                if forms is not None:
                    required.append(forms)
            if not required:
                self.always = True
            self.needs.append([frozenset(strings.add(f) for f in forms) for forms in required])
            own = []
            for forms in required:
                if all(f.isascii() for f in forms):
                    key = frozenset(forms)
                    if key not in index:
                        index[key] = len(self.members)
                        self.members.append("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)))
                    own.append(index[key])
            self.pattern_members.append(tuple(own))
        self._member_sets = [frozenset(own) for own in self.pattern_members]
        self._compiled: list | None = None

    def may_match(self, arrays: DocArrays, text: str, found: set | None = None) -> bool:
        """`found`: the indices of the members that occur in the text, when
        the caller has asked already (the matcher bank runs them in its RE2
        set, case-insensitively, with the rules' regexes)."""
        if self.always:
            return True
        if found is None:
            if self._compiled is None:
                self._compiled = [re.compile(m) for m in self.members]
            lowered = text.lower()
            found = {i for i, rx in enumerate(self._compiled) if rx.search(lowered)}
        # A subset test per pattern (in C): every paragraph asks this.
        candidates = [req for req, own in zip(self.needs, self._member_sets) if own <= found]
        if not candidates:
            return False
        present = arrays.lowers
        return any(all(not present.isdisjoint(r) for r in req) for req in candidates)


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
