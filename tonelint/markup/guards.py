"""Text no reader reads, made safe for the tokenizer.

spaCy's tokenizer peels prefixes and suffixes off a whitespace-delimited
chunk one character at a time, re-examining the rest each time, so a chunk
of 16,000 brackets around one word took 25 s and each doubling four times
as long.  Runs of punctuation that long are not prose (ASCII art, a pasted
separator line, a hostile draft), so before tokenizing every long run gets a
space every RUN characters: the same length, every offset unchanged, and no
chunk longer than RUN for the tokenizer to peel.
"""

from __future__ import annotations

import re

RUN = 32
# A run of at least 2*RUN characters that are neither letters, digits nor space.
_LONG_RUN = re.compile(r"[^\w\s]{%d,}" % (2 * RUN))


def break_long_runs(text: str) -> str:
    """`text` with long punctuation runs broken by spaces, same length."""
    if len(text) < 2 * RUN:
        return text
    return _LONG_RUN.sub(_break, text)


def _break(m: re.Match) -> str:
    run = m.group()
    chars = list(run)
    for i in range(RUN, len(chars), RUN):
        chars[i] = " "
    return "".join(chars)
