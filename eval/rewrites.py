"""Print findings from real drafts with their rewrites, side by side, for a
person to judge ("accept as is / light edit / wrong") in a few minutes.
eval/editor-brief.md is the brief a blind editor gets with this output.

    python eval/rewrites.py                  # 40 findings, seeded, stratified by rule
    python eval/rewrites.py -n 60 --seed 7   # another sample
    python eval/rewrites.py --expert         # every finding on a draft with an expert rewrite
    python eval/rewrites.py --source modern  # today's copy only

Drafts come from ../shared/eval-modern (when present; development data read
at run time, never copied) and the 2002 corpus in eval/.corpus (kinds
outbound and spam).  The sample takes findings rule by rule in turn, modern
and 2002 alternating within a rule, so one frequent rule on 2002 spam does
not fill it; each line shows the sentence, the finding, the rewrite and its
kind, the fix when there is one, and the expert's rewrite where
labels.jsonl has one for that draft and family.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import textwrap
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tonelint.api import check_text, default_engine  # noqa: E402
from tonelint.engine.core import Settings  # noqa: E402
from tonelint.engine.genre import channel_of_path  # noqa: E402
from tonelint.rewrite import flagged  # noqa: E402
from tonelint.rewrite.draft import Draft  # noqa: E402

from scoring import registry_path  # noqa: E402

MODERN = HERE.parent.parent / "shared" / "eval-modern"
if not MODERN.exists():
    MODERN = Path("/work/shared/eval-modern")
CORPUS = HERE / ".corpus" / "corpus.jsonl"
# the registry sets (eval/registry.py): copy no rewrite was ever tuned on,
# sampled only with --source registry, so the default sample stays comparable
REGISTRY = HERE / ".registry" / "corpus.jsonl"
# sets L to U: company copy from public GitHub repositories (eval/modern.py), held out the same way
GITHUB = HERE / ".github" / "corpus.jsonl"
FAMILY_LABEL = {"audience": "audience", "one-way": "one_way", "listening": "listening_missing", "ask": "ask_premature"}
# eval-modern kinds -> the channel a writer would give with --channel
CHANNEL = {"email": "email", "sales": "email", "newsletter": "email", "social": "social", "press": "press-release",
           "landing": "landing-page", "about": "landing-page"}


def github_split(names) -> set:
    """The ids of these GitHub label sets ("github-t"), to sample only the newest held-out copy."""
    path = HERE / "github-labels.jsonl"
    return {row["id"] for row in map(json.loads, path.open(encoding="utf-8")) if row.get("split") in names}


def drafts(sources=("modern", "2002"), only=None):
    """(source, id, kind, text, fmt, channel) for every draft available (`only`: these ids of the
    registry and GitHub sets)."""
    if "modern" in sources and (MODERN / "corpus.jsonl").exists():
        for line in (MODERN / "corpus.jsonl").open(encoding="utf-8"):
            r = json.loads(line)
            yield "modern", r["id"], r["kind"], r["text"], "text", CHANNEL.get(r["kind"])
    if "2002" in sources and CORPUS.exists():
        for line in CORPUS.open(encoding="utf-8"):
            r = json.loads(line)
            if r["kind"] in ("outbound", "spam"):
                yield "2002", r["id"], r["kind"], r["text"], r["format"], None
    for name, path in (("registry", REGISTRY), ("github", GITHUB)):
        if name in sources and path.exists():
            for line in path.open(encoding="utf-8"):
                r = json.loads(line)
                if only is None or r["id"] in only:
                    yield name, r["id"], r["kind"], r["text"], r["format"], CHANNEL.get(r["kind"])


def experts() -> dict:
    out = {}
    path = MODERN / "labels.jsonl"
    if path.exists():
        for line in path.open(encoding="utf-8"):
            row = json.loads(line)
            for family, text in (row.get("expert_rewrite") or {}).items():
                out[(row["id"], family)] = text
    return out


def findings(sources=("modern", "2002"), only=None):
    """Every warning-or-suggestion finding with the sentence it sits in."""
    engines = {}
    for source, rid, kind, text, fmt, channel in drafts(sources, only):
        engine = engines.get(channel)
        if engine is None:
            # the kind's channel as a team's config would give it: a README's
            # own name still makes it the readme channel
            engine = engines[channel] = default_engine(Settings(default_channel=channel))
        path = registry_path(rid) if source in ("registry", "github") else rid
        channel = channel_of_path(path) or channel
        result = check_text(text, fmt=fmt, path=path, engine=engine)
        if not result.diagnostics:
            continue
        draft = Draft(text, result.facts, meta=result.meta, fmt=fmt, channel=channel, measures=result.measures)
        for d in result.diagnostics:
            sent = draft.body[-1] if d.rule == "TL301" and draft.body else flagged(d, draft)
            shown = " ".join(sent.text.split()) if sent is not None else "(no sentence)"
            if d.rule in ("TL201", "TL301") and d.rewrite_span:
                # a finding about the whole draft: the sentence its rewrite works on, as the
                # reader sees it (a base64 or quoted-printable body's source is not the words)
                on = next((s for s in draft.sentences if (s.start, s.end) == tuple(d.rewrite_span)), None)
                shown = " ".join((on.text if on is not None else text[d.rewrite_span[0]:d.rewrite_span[1]]).split())
            yield {"source": source, "id": rid, "kind": kind, "d": d, "text": text, "sentence": shown}


def sentence_of(item) -> str:
    return item["sentence"]


def sample(items: list, n: int, seed: int) -> list:
    rng = random.Random(seed)
    names = sorted({it["source"] for it in items}, key=("modern", "2002", "registry", "github").index)
    by_rule: dict = defaultdict(lambda: {src: [] for src in names})
    for it in items:
        by_rule[it["d"].rule][it["source"]].append(it)
    for pools in by_rule.values():
        for pool in pools.values():
            rng.shuffle(pool)
    out: list = []
    rules = sorted(by_rule)
    turn = 0
    while len(out) < n and any(any(p.values()) for p in by_rule.values()):
        for rule in rules:
            pools = by_rule[rule]
            order = names[turn % len(names):] + names[:turn % len(names)] if names else []
            for src in order:
                if pools[src]:
                    out.append(pools[src].pop())
                    break
            if len(out) >= n:
                break
        turn += 1
    return out


def show(i: int, item, expert: dict) -> str:
    d = item["d"]
    wrap = lambda label, text: textwrap.fill(text, 110, initial_indent=f"  {label:<9}", subsequent_indent=" " * 11)
    lines = [f"[{i}] {item['source']} {item['id']} ({item['kind']}) — {d.rule} {d.family}",
             wrap("sentence", sentence_of(item)[:600]),
             wrap("finding", d.message),
             wrap(d.rewrite_kind, d.rewrite)]
    if d.fix is not None:
        lines.append(wrap("fix", f"{d.fix.applicability.value}: " + " | ".join(
            f"{item['text'][e.start:e.end]!r} -> {e.text!r}" for e in d.fix.edits)[:400]))
    label = expert.get((item["id"], FAMILY_LABEL.get(d.family, "")))
    if label:
        lines.append(wrap("expert", label))
    lines.append("  judge:   [ ] accept  [ ] light edit  [ ] wrong")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=40)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--expert", action="store_true", help="every finding on a draft with an expert rewrite")
    ap.add_argument("--source", choices=("modern", "2002", "registry", "github"), default=None,
                    help="only today's copy (eval-modern), only the 2002 mail, only the registry sets or only "
                         "GitHub sets L to U (the last two held out: never sampled by default)")
    ap.add_argument("--split", action="append", metavar="NAME",
                    help="with --source github: only this label set (github-t; may be repeated)")
    args = ap.parse_args(argv)
    expert = experts()
    only = github_split(set(args.split)) if args.split else None
    items = list(findings((args.source,) if args.source else ("modern", "2002"), only))
    if args.expert:
        ids = {i for i, _ in expert}
        chosen = [it for it in items if it["id"] in ids]
    else:
        chosen = sample(items, args.n, args.seed)
    kinds = defaultdict(int)
    for it in items:
        kinds[it["d"].rewrite_kind] += 1
    print(f"{len(items)} findings in all ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))}); "
          f"showing {len(chosen)} (seed {args.seed})\n")
    for i, it in enumerate(chosen, 1):
        print(show(i, it, expert))
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
