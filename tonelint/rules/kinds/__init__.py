"""The fixed set of check kinds a YAML rule can `kind:` (Vale's extension
points).  Adding a kind means adding it here and to rulespec.KINDS."""

from __future__ import annotations

from . import existence, order, ratio, required, substitution
from .base import Context

RUNNERS = {
    "substitution": substitution.run,
    "existence": existence.run,
    "ratio": ratio.run,
    "required": required.run,
    "order": order.run,
}

__all__ = ["Context", "RUNNERS"]
