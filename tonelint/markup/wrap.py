"""Hard-wrapped prose read as the sentence it is.

Plain-text mail, `.txt` templates and wrapped Markdown sources break a
sentence across lines ("We are proud\\nto announce", "our target\\naudience").
The tokenizer keeps each line break as a token of its own, so no phrase in
the rule pack matched across one: the same words flagged on one line passed
when the writer's editor wrapped them.  Before tokenizing, a line break that
only wraps (a word or comma before it, a lower-case word after it) becomes a
space: the same length, every offset unchanged, and the segment's own text
(which the regexes and the rewrites read) keeps its lines.  A break before a
capital, a digit, a bullet or a symbol may start a heading, a button or a
list item, so it stays.
"""

from __future__ import annotations

import re

# "\n" or "\r\n" between a word (or a comma) and a lower-case word.
_WRAP = re.compile(r"(?<=[\w,;)\"'’”])[ \t]*(\r?\n)[ \t]*(?=[a-z])")


def unwrap(text: str) -> str:
    """`text` with its wrapping line breaks turned into spaces, same length."""
    if "\n" not in text:
        return text
    return _WRAP.sub(lambda m: " " * len(m.group()), text)
