"""The rule kinds a YAML rule can `kind:` (Vale's extension points), one
module each; this table is the only list of them.  The rule parser, the
channel tweaks, `tonelint explain` and the JSON-schema test all read it, so
adding a kind is one module here plus one line below."""

from __future__ import annotations

from types import ModuleType

from . import existence, order, ratio, required, substitution
from .base import Context, tune_numbers

KINDS: dict[str, ModuleType] = {m.NAME: m for m in (substitution, existence, ratio, required, order)}


def tune(kind: str, spec, tweak: dict):
    """The spec as a channel's tweak leaves it (the kind's own `tune`, else its numbers replaced)."""
    module = KINDS[kind]
    custom = getattr(module, "tune", None)
    return custom(spec, tweak) if custom else tune_numbers(spec, tweak, module.TWEAKS)


__all__ = ["Context", "KINDS", "tune"]
