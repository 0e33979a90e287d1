"""Text the run did not write (file names above all) made safe to print.

A file name may hold a line break: printed raw, the rest of the name starts a
new line, which GitHub Actions reads as a workflow command (`::error …`) and a
terminal as part of tonelint's own output.  A name that is not valid UTF-8
arrives as lone surrogates (os.fsdecode), which no UTF-8 stream or JSON
document can hold.  Both are shown as backslash escapes, so every path and
every error line is one printable line whatever the file system allows.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, Unicode line/paragraph separators, bidirectional
# overrides (which reorder what a reader sees), and undecodable bytes.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\udc80-\udcff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(m: re.Match) -> str:
    c = m.group()
    if "\udc80" <= c <= "\udcff":  # a byte os.fsdecode could not decode
        return f"\\x{ord(c) - 0xDC00:02x}"
    if c in _NAMED:
        return _NAMED[c]
    return f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}"


def printable(text: str) -> str:
    """`text` on one line, with nothing a terminal or a CI log would act on."""
    return _UNSAFE.sub(_escape, text)


def error_line(where: str, what: str) -> str:
    """The one line every user-facing error is printed as."""
    return printable(f"{where}: {what}")
