"""Counting things in English: "1 finding", "2 findings", "1 time".

Every message that counts something says it through `counted`, so that no
corner of the output reads "to the reader 1 times" or "1 more suggestion
need a human" again.
"""

from __future__ import annotations

_IRREGULAR = {"person": "people", "time": "times", "is": "are", "needs": "need", "has": "have", "was": "were"}


def plural(word: str) -> str:
    """The plural of a noun tonelint counts (the last word of a phrase)."""
    head, _, last = word.rpartition(" ")
    if last in _IRREGULAR:
        form = _IRREGULAR[last]
    elif last.endswith(("s", "x", "ch", "sh")):
        form = last + "es"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        form = last[:-1] + "ies"
    else:
        form = last + "s"
    return f"{head} {form}" if head else form


def counted(n: int, word: str, many: str | None = None) -> str:
    """`n` and the noun, singular for exactly one: counted(1, "time") -> "1 time"."""
    return f"{n} {word if n == 1 else many or plural(word)}"


def agree(n: int, singular_verb: str) -> str:
    """A verb that agrees with a count: agree(1, "needs") -> "needs", agree(2, "needs") -> "need"."""
    return singular_verb if n == 1 else _IRREGULAR.get(singular_verb, singular_verb)
