"""Every fix, unsafe ones included, on whole corpora (issue 14): applying them
never leaves a doubled phrase, a dangling "of" or a wrong article in the lines
it changed, and never brings a finding the draft did not have.  Not a sample:
every draft with a fixable finding in examples/, in ../shared/eval-modern
(skipped when absent) and in the 2002 corpus at eval/.corpus (skipped when
absent).  The checks here are written independently of tonelint/rewrite's
own grammar, so a fix cannot pass by agreeing with the code that made it."""

from __future__ import annotations

import difflib
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from tonelint.api import check_text, default_engine
from tonelint.engine.fixes import fix_text, fixable
from tonelint.source.discover import discover
from tonelint.source.files import format_for
from conftest import SHARED

ROOT = Path(__file__).resolve().parent.parent
MODERN = SHARED / "eval-modern" / "corpus.jsonl"
OLD = ROOT / "eval" / ".corpus" / "corpus.jsonl"

_DOUBLED = re.compile(r"\b(\w+(?:\s+\w+){0,3})\s+(?:(?:is|are|was|were)\s+)?\1\b", re.I)
_DANGLING_OF = re.compile(r"\bof\s*(?:[.,;:!?)]|$)", re.I | re.M)
_A_BEFORE_VOWEL = re.compile(r"\ba\s+(?!u[bcdfgklmnprstvz][aeiou]|uni|use|usu|eu|one|once)[aeiou]\w*", re.I)
_AN_BEFORE_CONSONANT = re.compile(r"\ban\s+(?!h(?:our|onest|onou?r|eir|erb))[bcdfgjklmnpqrstvwxyz][a-z]+\b")


def _problems(text: str) -> Counter:
    found = Counter()
    for name, pattern in (("doubled", _DOUBLED), ("dangling of", _DANGLING_OF), ("a/an", _A_BEFORE_VOWEL),
                          ("a/an", _AN_BEFORE_CONSONANT)):
        for m in pattern.finditer(text):
            found[(name, " ".join(m.group(0).lower().split()))] += 1
    return found


def _changed(before: str, after: str):
    a, b = before.splitlines(), after.splitlines()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal":
            yield " ".join(a[i1:i2]), " ".join(b[j1:j2])


def _check(drafts) -> tuple[int, int]:
    """(drafts fixed, fixes applied); fails on the first bad fix."""
    engine = default_engine()
    drafts_fixed = applied = 0
    for name, text, fmt in drafts:
        first = check_text(text, fmt=fmt, engine=engine).diagnostics
        if not fixable(first, unsafe=True):
            continue
        seen = {text: first}

        def lint(t, fmt=fmt):
            if t not in seen:
                seen[t] = check_text(t, fmt=fmt, engine=engine).diagnostics
            return seen[t]

        result = fix_text(text, lint, unsafe=True, initial=first)
        if result.text == text:
            continue
        drafts_fixed += 1
        applied += len(result.applied)
        # A finding stands for the rules folded into it too (engine/precedence.py).
        before = Counter(r for d in first for r in d.rules)
        after = Counter(r for d in lint(result.text) for r in d.rules)
        grown = {r: (before[r], n) for r, n in after.items() if n > before[r]}
        assert not grown, f"{name}: fixes brought new findings {grown}"
        for old, new in _changed(text, result.text):
            bad = _problems(new) - _problems(old)
            assert not bad, f"{name}: {sorted(bad)} in {new[:300]!r} (was {old[:300]!r})"
    return drafts_fixed, applied


def test_unsafe_fixes_on_the_examples():
    paths = [p for p, err in discover([ROOT / "examples"]) if err is None]
    drafts = [(p, Path(p).read_text(encoding="utf-8"), format_for(p)) for p in paths]
    fixed, applied = _check(drafts)
    assert fixed >= 1 and applied >= 1  # the pushy launch email has fixes to apply


@pytest.mark.skipif(not MODERN.exists(), reason="../shared/eval-modern is absent")
def test_unsafe_fixes_on_eval_modern():
    rows = [json.loads(line) for line in MODERN.open(encoding="utf-8")]
    _check((r["id"], r["text"], "text") for r in rows)


@pytest.mark.skipif(not OLD.exists(), reason="eval/.corpus is absent (python eval/corpus.py builds it)")
def test_unsafe_fixes_on_the_2002_corpus():
    def drafts():
        for line in OLD.open(encoding="utf-8"):
            row = json.loads(line)
            # The cheap screen first: only drafts whose text holds a fixable
            # shape are worth a lint (most of the 6,236 have none).
            if _may_fix(row["text"]):
                yield row["id"], row["text"], row["format"]

    fixed, applied = _check(drafts())
    assert fixed >= 50 and applied >= fixed


def _phrases(name: str) -> re.Pattern:
    lines = (ROOT / "rules" / "lists" / name).read_text(encoding="utf-8").splitlines()
    words = [w.strip() for w in lines if w.strip() and not w.startswith("#")]
    return re.compile("|".join(r"\b" + re.escape(w) + r"\b" for w in words) + r"|\bcall\b|\bto order\b", re.I)


_ASKS, _VALUE = _phrases("asks.txt"), _phrases("value.txt")
_SWAPS = re.compile(r"!!|target\w*\s+(?:audience|market|demographic|group|customer|consumer|buyer)|"
                    r"our\s+(?:end[- ]?)?user|eyeballs", re.I)


def _may_fix(text: str) -> bool:
    """What every fixable finding needs in the text: stacked "!!" or a
    people-word swap (TL205, TL101, TL103, TL105); an ask and a value phrase
    (a premature ask moves after the value); three asks (a stack merges)."""
    if _SWAPS.search(text):
        return True
    asks = len(_ASKS.findall(text))
    return asks >= 3 or asks >= 1 and _VALUE.search(text) is not None
