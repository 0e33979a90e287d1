"""Checking a draft with the cyclic garbage collector paused.

Checking builds large graphs of small objects that all stay alive until the
check ends: markdown-it's token stream, the segments, every sentence and hit,
the rewriter's tables.  The collector counts allocations, not garbage, so it
ran a few hundred times per megabyte and each full pass walked everything
built so far; on a 5 MB draft that was ~2.4 of ~15 CPU-seconds (the Markdown
parse alone went from 3.4 to 5.6 s), and it found next to nothing: the
objects are freed by reference counting when the check ends.  So a check runs
with the collector off and it is switched on again afterwards.  Unlike
spacyload.paused_gc nothing is frozen: whatever cyclic garbage a check leaves
is collected as usual once it is over.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def collector_paused():
    """The collector off for the block, back to how it was after it (nested
    uses leave it off until the outermost ends)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
