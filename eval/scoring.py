"""Scoring shared by the two evaluations (eval/run.py on the 2002 corpus,
eval/modern.py on ../shared/eval-modern), so that both count a message as
flagged, and precision and recall, the same way.

A message is flagged for a family when any finding of that family at warning
level or above fires.  A null label leaves the message out of that family.
"""

from __future__ import annotations

from typing import NamedTuple

from tonelint.api import check_text, default_engine
from tonelint.diagnostics import Level


class Linted(NamedTuple):
    """One record after linting: its warning-or-above findings, the prose
    word count, and per finding (words found, sentence with >>words<<)."""

    rec: dict
    findings: list
    words: int
    context: list


def resolve(facts, rules, findings) -> list[tuple[str, str]]:
    """(words found, sentence with >>words<<) per finding, from the parsed prose:
    the hit of the rule's block at the finding's span names the words as the
    reader sees them (a decoded email part's raw span holds escapes)."""
    used: set = set()
    out = []
    for d in findings:
        rule = rules.get(d.rule)
        # the kind's first block: match, target or numerator
        block = rule.spec.blocks()[0] if rule is not None and rule.spec.blocks() else None
        found = None
        if block is not None and facts is not None:
            for n, hit in enumerate(facts.of(block.key)):
                if (block.key, n) not in used and facts.source_span(hit) == (d.start, d.end):
                    used.add((block.key, n))
                    found = hit
                    break
        if found is None:
            out.append((d.matched, ""))
            continue
        sent = facts.sentences[found.sent]
        text = facts.segments[sent.seg].text[sent.start : sent.end]
        a, b = found.start - sent.start, found.end - sent.start
        out.append((found.text, " ".join((text[:a][-160:] + " >>" + text[a:b] + "<< " + text[b:][:160]).split())))
    return out


def registry_path(record_id: str) -> str:
    """The file's own path in its package ("README.md" for
    "pypi:flet:README#intro"): a registry draft is linted under it, as a
    user's run would see the file (a README reads as the readme channel)."""
    return record_id.split(":", 2)[-1].split("#")[0]


def lint_all(records: list[dict], fmt_of=lambda rec: rec["format"]):
    """Lint every record with one Engine (rules and spaCy compiled once);
    returns (rules by id, [Linted])."""
    engine = default_engine()
    rules = {r.id: r for r in engine.rules}
    out = []
    for rec in records:
        result = check_text(rec["text"], fmt=fmt_of(rec), path=rec.get("path", rec["id"]), engine=engine)
        findings = [d for d in result.diagnostics if d.level >= Level.WARNING]
        context = resolve(result.facts, rules, findings)
        out.append(Linted(rec, findings, result.facts.words if result.facts else 0, context))
    return rules, out


def ratio(num: int, den: int) -> str:
    return f"{num / den:.2f}" if den else "  - "


def pr(flagged: set, truth: dict, census: frozenset = frozenset()) -> tuple[int, int, int, int]:
    """(true positives, flagged and judged, labelled true, true positives
    among them) over judged messages.  Messages labelled because this family
    fired on them (`census`) count for precision but not for recall: they
    were picked by the rules, so they would flatter it."""
    judged = {i for i, v in truth.items() if v is not None}
    fl = flagged & judged
    tp = sum(1 for i in fl if truth[i])
    positives = {i for i in judged - census if truth[i]}
    return tp, len(fl), len(positives), len(positives & flagged)


def figures(tp: int, fl: int, pos: int, found: int) -> dict:
    return {"tp": tp, "flagged": fl, "positives": pos, "found": found,
            "precision": tp / fl if fl else None, "recall": found / pos if pos else None}


def fmt_pr(fig: dict) -> str:
    """'P 0.75 (3/4) R 0.50 (3/6)' for one family's figures."""
    return (f"P {ratio(fig['tp'], fig['flagged'])} ({fig['tp']}/{fig['flagged']})"
            f"  R {ratio(fig['found'], fig['positives'])} ({fig['found']}/{fig['positives']})")
