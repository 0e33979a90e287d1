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

`import spacy` also imports spaCy's command line (`spacy.info` is
re-exported from it), and with it typer, weasel, httpx, requests, jinja2 and
rich: 0.1-0.2 s of CPU that a linter never uses.  While spaCy is imported,
`spacy.cli` and `spacy.cli.info` are stand-ins; afterwards they are removed
again, so `import spacy.cli` still gives the real one, and `spacy.info`
imports it when it is first called.
"""

from __future__ import annotations

import gc
import sys
import types
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
    if "spacy" in sys.modules and "spacy.matcher" in sys.modules:
        return sys.modules["spacy"]
    with paused_gc():
        stand_ins = {} if "spacy" in sys.modules or "spacy.cli" in sys.modules else _cli_stand_ins()
        sys.modules.update(stand_ins)
        try:
            import spacy
            import spacy.matcher  # noqa: F401 - every run that loads spaCy matches with it
        finally:
            for name, module in stand_ins.items():
                if sys.modules.get(name) is module:
                    del sys.modules[name]
            parent = sys.modules.get("spacy")
            if parent is not None and getattr(parent, "cli", None) is stand_ins.get("spacy.cli", False):
                delattr(parent, "cli")
    return spacy


def _cli_stand_ins() -> dict[str, types.ModuleType]:
    package = types.ModuleType("spacy.cli")
    package.__path__ = []
    info = types.ModuleType("spacy.cli.info")

    def lazy_info(*args, **kwargs):
        """spaCy's `info`, imported with the rest of its CLI on first use."""
        from spacy.cli.info import info as real

        return real(*args, **kwargs)

    info.info = lazy_info
    return {"spacy.cli": package, "spacy.cli.info": info}
