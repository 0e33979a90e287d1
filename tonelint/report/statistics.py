"""`--statistics`: how often each rule fired, most frequent first, like ruff's
flag of the same name.  `[*]` marks rules whose findings --fix can apply.
With --format json the same counts come as a list of objects."""

from __future__ import annotations

import json
from collections import Counter

from ..plural import counted


def counts(run, options) -> list[dict]:
    names = {r.id: r.name for r in options.rules}
    per_rule: Counter = Counter()
    fixable: Counter = Counter()
    levels: dict = {}
    for d in run.diagnostics:
        per_rule[d.rule] += 1
        levels.setdefault(d.rule, str(d.level))
        if d.fix is not None and d.fix.applicability.value == "safe":
            fixable[d.rule] += 1
    ordered = sorted(per_rule.items(), key=lambda kv: (-kv[1], kv[0]))
    return [{"rule": rule, "name": names.get(rule), "level": levels[rule], "count": n, "fixable": fixable[rule]}
            for rule, n in ordered]


def render(run, options) -> str:
    rows = counts(run, options)
    if options.format == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    if not rows:
        return ""
    width = max(len(str(r["count"])) for r in rows)
    id_width = max(len(r["rule"]) for r in rows)
    lines = [f"{r['count']:>{width}}\t{r['rule']:<{id_width}}\t{'[*]' if r['fixable'] else '[ ]'} "
             f"{r['name'] or ''}".rstrip() for r in rows]
    total = sum(r["count"] for r in rows)
    if not options.quiet:
        lines.append(f"Found {counted(total, 'finding')}"
                     + (f" ({sum(r['fixable'] for r in rows)} fixable with --fix)." if any(r["fixable"] for r in rows)
                        else "."))
    return "\n".join(lines) + "\n"
