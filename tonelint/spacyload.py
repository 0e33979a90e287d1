"""Loading spaCy without the cyclic garbage collector in the way.

`import spacy` and a blank English pipeline create several hundred thousand
long-lived objects (modules, registries, the tokenizer's tables).  While
they are made the collector runs a few hundred times, rescanning all of
them (~0.08 s of the ~0.8 s every cold run pays), and every full collection
later in the run scans them again (~0.1 s on a short draft).  None of them
is ever garbage, so collection is paused while they are built and they are
then frozen out of its way (gc.freeze); objects made afterwards are
collected as usual.  Lives outside engine/ so that rule validation, which
may be the first to need spaCy, can use it too.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def paused_gc():
    """Build long-lived spaCy objects without collection, then freeze them."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def import_spacy():
    """The spacy module (with its matchers), imported as described above."""
    with paused_gc():
        import spacy
        import spacy.matcher  # noqa: F401 - every run that loads spaCy matches with it
    return spacy
