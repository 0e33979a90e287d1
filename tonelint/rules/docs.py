"""`tonelint rules` and `tonelint explain`: the rule set described from the
rules' own YAML (description, rationale, examples), so a team's pack is
documented by the same commands as the built-in one and nothing drifts."""

from __future__ import annotations

import difflib
import json
import re
import textwrap
from dataclasses import replace

from ..errors import TonelintError
from ..plural import counted
from .kinds import KINDS
from .spec import ACT_DOCS, ACTS, GENRE_DOCS, GENRES


class UnknownRule(TonelintError):
    """`tonelint explain` was given an id no loaded rule has."""


def all_rules(effective) -> list:
    """Every loaded rule, selected or not, with the config's tweaks applied.
    `effective` is a file's settings as the run computes them
    (run.runner.effective_for); this module never reads configuration."""
    everything = replace(effective, select=("ALL",), ignore=(), path_ignore=(), levels=())
    return everything.rules()


_SENTENCE_END = re.compile(r"(?<!\be\.g)(?<!\bi\.e)(?<!\betc)\.\s+(?=[A-Z(\"“])")


def summary(rule) -> str:
    """The description's first sentence ("e.g." is not an end)."""
    text = " ".join((rule.description or rule.message).split())
    first = _SENTENCE_END.split(text, maxsplit=1)[0].rstrip(".")
    return first + "." if first else ""


def fix_safety(rule) -> str:
    if not hasattr(rule.spec, "fix"):
        return "none (no automatic fix; the finding carries a rewrite to apply by hand)"
    if rule.fix is None:
        return "none (the replacement is shown, never applied)"
    if rule.fix.value == "safe":
        return "safe (applied by --fix)"
    return "unsafe (applied only with --fix --unsafe-fixes; review the result)"


def _fix_word(rule) -> str:
    return rule.fix.value if rule.fix is not None else "-"


def render_list(rules, active_ids, fmt: str = "text") -> str:
    if fmt == "json":
        items = [{"id": r.id, "name": r.name, "family": r.family, "kind": r.kind, "level": str(r.level),
                  "fix": None if _fix_word(r) == "-" else _fix_word(r), "active": r.id in active_ids,
                  "status": r.status, "summary": summary(r), "path": r.path} for r in rules]
        return json.dumps(items, indent=2, ensure_ascii=False) + "\n"
    lines = []
    for r in rules:
        mark = " " if r.id in active_ids else "-"
        lines.append(f"{mark}{r.id:<7} {str(r.level):<10} {r.kind:<12} {r.family:<11} {_fix_word(r):<6} {summary(r)}")
    header = f" {'id':<7} {'level':<10} {'kind':<12} {'family':<11} {'fix':<6} summary"
    inactive = sum(1 for r in rules if r.id not in active_ids)
    foot = f"{counted(len(rules) - inactive, 'active rule')}"
    if inactive:
        foot += f"; {inactive} not selected here (marked -)"
    return "\n".join([header, *lines, foot]) + "\n"


def find_rule(rules, rule_id: str):
    want = rule_id.strip().upper()
    for r in rules:
        if r.id == want or r.name == rule_id.strip().lower():
            return r
    ids = [r.id for r in rules]
    close = difflib.get_close_matches(want, ids, n=1) or difflib.get_close_matches(rule_id, [r.name for r in rules], n=1)
    hint = f"; did you mean {close[0]}?" if close else ""
    raise UnknownRule(rule_id, f"no such rule{hint} (`tonelint rules` lists them)")


def _para(text: str, indent: str = "  ", first: str | None = None) -> str:
    return textwrap.fill(" ".join(str(text).split()), width=88, initial_indent=first or indent,
                         subsequent_indent=indent)


def explain(rule, active: bool = True) -> str:
    out = [f"{rule.id} {rule.name}", ""]
    meta = f"family: {rule.family} · kind: {rule.kind} · level: {rule.level}"
    if rule.status != "stable":
        meta += f" · status: {rule.status}"
    if not active:
        meta += " · not selected by the configuration here"
    out += [meta, f"defined in: {rule.path}", ""]
    out += ["What it does", _para(rule.description or rule.message), ""]
    out += [f"The {rule.kind} kind", _para(kind_doc(rule.kind)), ""]
    out += ["Why", _para(rule.rationale), ""]
    if rule.rewrite:
        hint = rule.rewrite.replace("{match}", "<flagged words>").replace("{replacement}", "<replacement>")
        out += ["How to fix it", _para(hint), ""]
    kind = KINDS[rule.kind]
    for label, text in getattr(kind, "explain", lambda spec: [])(rule.spec):
        out += [label, _para(text), ""]
    if rule.genres is not None:
        judged = [g for g in GENRES if g in rule.genres]
        out += ["Genres", _para(f"Judges {', '.join(judged)} drafts only; the others are never flagged by it "
                                "(`tonelint explain genres`)."), ""]
    if rule.genre_levels:
        levels = ", ".join(f"{level} on {g}" for g in GENRES for level in [rule.genre_levels.get(g)] if level)
        out += ["Level by genre", _para(f"Reports at {levels} drafts, at {rule.level} elsewhere "
                                        "(`tonelint explain genres`)."), ""]
    read = sorted({a for b in rule.blocks() for a in b.acts}, key=ACTS.index)
    if read:
        out.append("Sentence acts it reads")
        out += [_para(ACT_DOCS[a], "      ", first=f"  {a}: ") for a in read]
        out.append("")
    out += ["Fix safety", _para(fix_safety(rule)), ""]
    for label, key in (("Flagged", "bad"), ("Not flagged", "good")):
        examples = rule.examples.get(key) or []
        if examples:
            out.append(label)
            for ex in examples:
                out.append(_para(ex, "    ", first="  - "))
            out.append("")
    if rule.channels:
        out.append("Channels")
        for name, tweak in sorted(rule.channels.items()):
            tweak = tweak or {}
            desc = "off" if tweak.get("off") else ", ".join(f"{k}: {_plain(v)}" for k, v in tweak.items())
            out.append(f"  {name}: {desc}")
        out.append("")
    return "\n".join(out)


TOPICS = ("acts", "genres")


def explain_topic(topic: str) -> str:
    """`tonelint explain acts` / `tonelint explain genres`: the model of the message."""
    if topic == "acts":
        out = ["Sentence acts", "", _para("Before any rule runs, each sentence of a draft gets the acts below, from "
               "the word lists and patterns in rules/lists/acts.yaml. Rules read them with `act:` in a matcher "
               "block (`target: {act: ask}`); the scorecard counts them. An ask put as a question is an ask, not "
               "a question; a rhetorical question is neither."), ""]
        out += [_para(text, "      ", first=f"  {name}: ") for name, text in ACT_DOCS.items()]
    else:
        out = ["Genres", "", _para("Each draft gets one genre: from the configuration (`genre:`), its front "
               "matter (`genre:`), its email headers, or its own words. A rule scopes itself with `genres: {only: "
               "[...]}` or `genres: {skip: [...]}`, and sets its level in some with `genres: {level: {reference: "
               "suggestion}}`; the built-in document checks (TL201, TL301, TL401, TL402) judge promotional drafts "
               "and appeals only, and the one-way word rules (TL202-TL211) are suggestions on reference."), ""]
        out += [_para(text, "      ", first=f"  {name}: ") for name, text in GENRE_DOCS.items()]
    return "\n".join(out) + "\n"


def kind_doc(kind: str) -> str:
    """The kind's own description, from its module in rules/kinds/."""
    return KINDS[kind].DOC


def _plain(value) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {v}" for k, v in value.items()) + "}"
    return str(value)
