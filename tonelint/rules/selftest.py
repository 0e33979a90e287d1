"""`tonelint test-rules`: every rule's `examples` are its test suite.  A bad
example must produce at least one finding from that rule; a good one must
produce none.  Each example is linted as a whole Markdown draft, because
ratio, required and order rules judge whole documents."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..engine.core import Engine, Settings
from ..source.files import SourceFile
from .loader import load_rules


@dataclass
class Failure:
    rule: str
    path: str
    kind: str  # "bad" or "good"
    index: int  # 1-based within its list
    text: str
    found: list = field(default_factory=list)

    def line(self) -> str:
        short = " ".join(self.text.split())
        short = short if len(short) <= 70 else short[:67] + "…"
        if self.kind == "bad":
            return f"{self.path}: {self.rule}: bad example {self.index} was not flagged: \"{short}\""
        what = "; ".join(f'"{d.matched}"' for d in self.found[:3])
        return f"{self.path}: {self.rule}: good example {self.index} was flagged ({what}): \"{short}\""


@dataclass
class Outcome:
    rules: int = 0
    examples: int = 0
    without_examples: list = field(default_factory=list)
    failures: list = field(default_factory=list)


def load(path: str | None):
    """The pack to test: a folder or a single rule file; the built-in pack by default."""
    return load_rules([Path(path)] if path is not None else None, builtin=path is None)


def run(rules, *, channel: str | None = None) -> Outcome:
    engine = Engine(list(rules), Settings(channel=channel))
    out = Outcome(rules=len(rules))
    for rule in rules:
        cases = [("bad", i, t) for i, t in enumerate(rule.examples.get("bad") or [], 1)]
        cases += [("good", i, t) for i, t in enumerate(rule.examples.get("good") or [], 1)]
        if not cases:
            out.without_examples.append(rule)
            continue
        for kind, i, text in cases:
            out.examples += 1
            result = engine.check(SourceFile(path=f"{rule.id}:{kind}{i}", text=str(text), format="markdown"))
            # A finding another rule won on the same words still counts (engine/precedence.py).
            found = [d for d in result.diagnostics if rule.id in d.rules]
            if (kind == "bad") != bool(found):
                out.failures.append(Failure(rule.id, rule.path, kind, i, str(text), found))
    return out


def report(outcome: Outcome) -> str:
    lines = [f.line() for f in outcome.failures]
    for r in outcome.without_examples:
        lines.append(f"{r.path}: {r.id}: no examples to test (add examples: bad: [...], good: [...])")
    verdict = "all passed" if not outcome.failures else f"{len(outcome.failures)} failed"
    lines.append(f"Tested {outcome.examples} example{'s' if outcome.examples != 1 else ''} of "
                 f"{outcome.rules} rule{'s' if outcome.rules != 1 else ''}: {verdict}.")
    return "\n".join(lines) + "\n"
