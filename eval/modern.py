"""The evaluation on today's copy: lint ../shared/eval-modern (621 real items,
2015-2026) with the built-in rules at default settings and score them against
its hand labels and ours.

    python eval/modern.py                    # figures per family and per rule
    python eval/modern.py --errors audience  # each false positive and miss, with the words that fired
    python eval/modern.py --show TL104       # each TL104 finding in context
    python eval/modern.py --json out.json    # the figures, machine-readable
    python eval/modern.py --labels registry --errors ask_premature   # the registry set (eval/registry.py)
    python eval/run.py --modern              # these figures beside the 2002 ones

The corpus is read at run time from `../shared/eval-modern/` (searched upwards
from this file, or the folder named by $TONELINT_EVAL_MODERN); its texts are
never copied into the repository.  Our own labels (eval/modern-labels.jsonl)
name items by id and hash only.

Label families and the rule families that answer them:
audience -> audience (TL1xx), one_way -> one-way (TL2xx),
listening_missing -> listening (TL301), ask_premature -> ask (TL4xx).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from scoring import figures, fmt_pr, lint_all, pr, ratio, registry_path

HERE = Path(__file__).resolve().parent
OWN_LABELS = HERE / "modern-labels.jsonl"
# Short drafts we wrote ourselves, labelled as written: a separate set, not
# part of the corpus (never counted in the per-10k figure).
DRAFTS = HERE / "drafts-13b.jsonl"
# Today's copy from package registries (eval/registry.py writes the texts,
# git ignores them); our labels name them by id and hash.  A separate set.
REGISTRY = HERE / ".registry" / "corpus.jsonl"
REGISTRY_LABELS = HERE / "registry-labels.jsonl"
# Today's company copy from public GitHub repositories (sets L to ZZ), kept
# out of git like the registry texts: the labels name each item by id, hash
# and provenance (repository, commit, path), the texts live in eval/.github/.
GITHUB = HERE / ".github" / "corpus.jsonl"
GITHUB_LABELS = HERE / "github-labels.jsonl"
# The label sets besides the shared ones, in report order.
OWN_SETS = ("own-dev", "own-held-out", "own-drafts", "registry", *(f"registry-{c}" for c in "bcdefghijk"),
            *(f"github-{c}" for c in (*"lmnopqrstuvwxy", "z", "zz", "aa", "ab", "ac", "ad", "ae", "af", "ag", "ah", "ai", "aj", "ak", "al", "am", "an", "ao", "ap", "aq", "ar", "as", "at", "au", "av", "aw", "ax", "ay", "az", "ba", "bb", "bc", "bd", "be", "bf", "bg", "bh", "bi", "bj")))
# label key -> rule family
FAMILIES = {"audience": "audience", "one_way": "one-way", "listening_missing": "listening", "ask_premature": "ask"}
# Contrast kinds: text that is not a pitch; the target is <= 0.5 warnings per 10,000 words.
QUIET_KINDS = ("docs", "changelog", "support")
# Kinds grouped for the per-rule table.
GROUPS = {"outbound": ("email", "post", "landing", "social", "sales", "appeal", "about", "press", "newsletter"),
          "playbook": ("playbook",), "quiet": QUIET_KINDS}


def find_corpus() -> Path | None:
    env = os.environ.get("TONELINT_EVAL_MODERN")
    if env:
        return Path(env) if (Path(env) / "corpus.jsonl").exists() else None
    for up in HERE.parents:
        cand = up / "shared" / "eval-modern"
        if (cand / "corpus.jsonl").exists():
            return cand
    return None


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load(corpus_dir: Path) -> tuple[list[dict], dict, dict]:
    """(records, shared labels by id, our labels by id).  Our labels whose
    text hash no longer matches are left out with a note on stderr."""
    records = _jsonl(corpus_dir / "corpus.jsonl")
    by_id = {r["id"]: r for r in records}
    shared = {row["id"]: row for row in _jsonl(corpus_dir / "labels.jsonl")}
    own = {}
    if OWN_LABELS.exists():
        for row in _jsonl(OWN_LABELS):
            rec = by_id.get(row["id"])
            if rec is None:
                print(f"modern-labels: {row['id']}: not in the corpus; left out", file=sys.stderr)
            elif digest(rec["text"]) != row["sha256"]:
                print(f"modern-labels: {row['id']}: text changed since it was labelled; left out", file=sys.stderr)
            elif row["id"] in shared:
                print(f"modern-labels: {row['id']}: already in the shared labels; left out", file=sys.stderr)
            else:
                own[row["id"]] = row
    for corpus, labels, default in ((REGISTRY, REGISTRY_LABELS, "registry"), (GITHUB, GITHUB_LABELS, None)):
        if not corpus.exists():
            print(f"eval/{corpus.parent.name}/corpus.jsonl missing: `python eval/registry.py` builds the registry set"
                  if default else f"eval/{corpus.parent.name}/corpus.jsonl missing: sets L to ZZ are left out",
                  file=sys.stderr)
            continue
        held = {r["id"]: r for r in _jsonl(corpus)}
        records.extend(dict(r, registry=True, github=default is None, path=registry_path(r["id"]))
                       for r in held.values())
        for row in _jsonl(labels) if labels.exists() else []:
            rec = held.get(row["id"])
            if rec is None or digest(rec["text"]) != row["sha256"]:
                print(f"{labels.name}: {row['id']}: missing or changed in eval/{corpus.parent.name}; left out",
                      file=sys.stderr)
            else:
                own[row["id"]] = dict(row, split=row.get("split", default))
    if DRAFTS.exists():
        for row in _jsonl(DRAFTS):
            records.append({"id": row["id"], "kind": row["kind"], "text": row["text"], "draft": True})
            own[row["id"]] = dict(row, split="drafts")
    return records, shared, own


def flagged_by_family(linted) -> dict[str, set]:
    out: dict[str, set] = defaultdict(set)
    for item in linted:
        for d in item.findings:
            out[d.family].add(item.rec["id"])
    return out


def score(linted, labels: dict) -> dict:
    """Per label family: precision and recall figures on `labels`."""
    flagged = flagged_by_family(linted)
    ids = {item.rec["id"] for item in linted}
    out = {}
    for key, fam in FAMILIES.items():
        truth = {i: lab.get(key) for i, lab in labels.items() if i in ids}
        out[key] = figures(*pr(flagged[fam], truth))
    return out


def quiet_rate(linted, registry: bool = False, only=None, skip=()) -> dict:
    """Warnings per 10,000 words on docs, changelogs and support replies of
    eval-modern (or, with `registry`, of the registry set; `only`/`skip`:
    ids to keep or leave out, so each registry set is counted apart)."""
    words = Counter()
    warn: dict[str, Counter] = defaultdict(Counter)
    for item in linted:
        kind = item.rec["kind"]
        if kind not in QUIET_KINDS or item.rec.get("draft") or bool(item.rec.get("registry")) != registry:
            continue
        if (only is not None and item.rec["id"] not in only) or item.rec["id"] in skip:
            continue
        words[kind] += item.words
        for d in item.findings:
            warn[kind][d.family] += 1
    out = {}
    for kind in QUIET_KINDS:
        n = sum(warn[kind].values())
        out[kind] = {"words": words[kind], "warnings": n, "per_10k": n * 10000 / words[kind] if words[kind] else 0.0,
                     "by_family": dict(warn[kind])}
    total_w = sum(words.values())
    total_n = sum(v["warnings"] for v in out.values())
    out["all"] = {"words": total_w, "warnings": total_n, "per_10k": total_n * 10000 / total_w if total_w else 0.0}
    return out


def label_sets(shared: dict, own: dict) -> dict[str, dict]:
    """The label sets reported separately: the shared labels, our dev labels,
    our held-out labels (never looked at while tuning)."""
    return {"shared": shared, **{name: {i: r for i, r in own.items() if r.get("split") == name.removeprefix("own-")}
                                 for name in OWN_SETS}}


def evaluate(linted, shared: dict, own: dict) -> dict:
    set_c = {i for i, r in own.items() if r.get("split") == "registry-c"}
    set_e = {i for i, r in own.items() if r.get("split") == "registry-e"}
    github = {item.rec["id"] for item in linted if item.rec.get("github")}
    return {
        "labels": {name: {"n": len(labs), "families": score(linted, labs)} for name, labs in label_sets(shared, own).items()},
        "quiet": quiet_rate(linted),
        "registry_quiet": quiet_rate(linted, registry=True, skip=set_c | set_e | github),
        "registry_c_quiet": quiet_rate(linted, registry=True, only=set_c),
        "registry_e_quiet": quiet_rate(linted, registry=True, only=set_e),
        "github_quiet": quiet_rate(linted, registry=True, only=github),
    }


def print_summary(result: dict) -> None:
    for name, block in result["labels"].items():
        if not block["n"]:
            continue
        print(f"eval-modern, {name} labels ({block['n']} items): warning level and above")
        for key, fig in block["families"].items():
            print(f"  {key:<18} {fmt_pr(fig)}")
    q = result["quiet"]
    print("Warnings per 10,000 words: " + ", ".join(
        f"{k} {q[k]['per_10k']:.2f} ({q[k]['warnings']}/{q[k]['words']:,} words)" for k in QUIET_KINDS)
        + f"; all three {q['all']['per_10k']:.2f}")
    for key, name in (("registry_quiet", "Registry sets A, B and D"), ("registry_c_quiet", "Registry set C"),
                      ("registry_e_quiet", "Registry set E"), ("github_quiet", "GitHub sets L to ZZ")):
        r = result.get(key)
        if r and r["all"]["words"]:
            print(f"{name}, warnings per 10,000 words: " + ", ".join(
                f"{k} {r[k]['per_10k']:.2f} ({r[k]['warnings']}/{r[k]['words']:,} words)" for k in QUIET_KINDS if r[k]["words"]))


def print_rules(rules, linted, labels: dict) -> None:
    """Per rule: items it fires on per group of kinds, and the precision of
    its family's label where it fires (all labels)."""
    linted = [item for item in linted if not item.rec.get("draft") and not item.rec.get("registry")]  # the corpus only
    kind_n = Counter(item.rec["kind"] for item in linted)
    group_of = {k: g for g, kinds in GROUPS.items() for k in kinds}
    group_n = Counter()
    for k, n in kind_n.items():
        group_n[group_of.get(k, "other")] += n
    fires: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    phrases: dict[str, Counter] = defaultdict(Counter)
    for item in linted:
        g = group_of.get(item.rec["kind"], "other")
        for d, (found, _) in zip(item.findings, item.context):
            fires[d.rule][g].add(item.rec["id"])
            phrases[d.rule][" ".join(found.lower().split())[:40]] += 1
    label_key = {fam: key for key, fam in FAMILIES.items()}
    groups = list(GROUPS)
    head = f"{'rule':<6} {'family':<10} " + " ".join(f"{g:>9}" for g in groups) + f" | {'prec':>5} {'(tp/fl)':>9}"
    print("Per rule: items it fires on per group (of " + ", ".join(f"{g} {group_n[g]}" for g in groups)
          + "), precision of its family label where it fires")
    print(head)
    print("-" * len(head))
    for rid in sorted(rules):
        fam = rules[rid].family
        key = label_key.get(fam)
        allf = set().union(*fires[rid].values()) if fires[rid] else set()
        truth = {i: lab.get(key) for i, lab in labels.items()} if key else {}
        tp, fl, _, _ = pr(allf, truth)
        print(f"{rid:<6} {fam:<10} " + " ".join(f"{len(fires[rid][g]):>9}" for g in groups)
              + f" | {ratio(tp, fl):>5} {f'({tp}/{fl})':>9}")
    print("Top matched words per rule:")
    for rid in sorted(rules):
        if phrases[rid]:
            print(f"  {rid}: " + "; ".join(f"{p!r} {n}" for p, n in phrases[rid].most_common(8)))


def errors(linted, labels: dict, key: str) -> None:
    """False positives (what fired, where) and misses (the labeller's
    evidence) of one label family, with the labeller's notes."""
    fam = FAMILIES[key]
    misses = []
    for item in linted:
        lab = labels.get(item.rec["id"])
        if lab is None or lab.get(key) is None:
            continue
        fired = [(d, c) for d, c in zip(item.findings, item.context) if d.family == fam]
        head = f"[{item.rec['kind']}] {item.rec['id']}: {lab.get('notes', '')}"
        if fired and not lab[key]:
            print("FP " + head)
            for d, (found, sentence) in fired:
                print(f"     {d.rule} {found[:60]!r}: {sentence[:240]}")
        elif lab[key] and not fired:
            evidence = (lab.get("evidence") or {}).get(key) or []
            misses.append("FN " + head + "".join(f"\n     evidence: {e[:200]!r}" for e in evidence))
    print("\n".join(misses))


def show(linted, labels: dict, rule: str, limit: int) -> None:
    shown = 0
    for item in linted:
        for d, (found, sentence) in zip(item.findings, item.context):
            if d.rule != rule:
                continue
            key = {fam: k for k, fam in FAMILIES.items()}.get(d.family)
            lab = labels.get(item.rec["id"], {}).get(key, "-")
            print(f"[{item.rec['kind']} label={lab}] {item.rec['id']}: {sentence or found}")
            shown += 1
            if shown >= limit:
                return


def quiet_findings(linted) -> None:
    """Every warning on docs, changelogs and support replies, in context
    (the per-10k targets count each of them): eval-modern's, then the
    registry's and the GitHub sets' (marked by where they come from)."""
    for item in linted:
        if item.rec["kind"] in QUIET_KINDS and not item.rec.get("draft"):
            where = "github" if item.rec.get("github") else "registry" if item.rec.get("registry") else "modern"
            for d, (found, sentence) in zip(item.findings, item.context):
                print(f"{where} [{item.rec['kind']}] {item.rec['id']} {d.rule}: {(sentence or found)[:240]}")


def run(corpus_dir: Path | None = None):
    """Lint the whole corpus; (rules, linted, shared labels, own labels)."""
    corpus_dir = corpus_dir or find_corpus()
    if corpus_dir is None:
        raise FileNotFoundError("eval-modern not found: no ../shared/eval-modern above eval/, and $TONELINT_EVAL_MODERN unset")
    records, shared, own = load(corpus_dir)
    # The corpus holds text with its markup stripped: plain text.
    # The registry set keeps each item's own format (text or markdown).
    rules, linted = lint_all(records, fmt_of=lambda rec: rec["format"] if rec.get("registry")
                             else os.environ.get("TONELINT_EVAL_FMT", "text"))
    return rules, linted, shared, own


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--errors", metavar="FAMILY", choices=list(FAMILIES), help="list false positives and misses of FAMILY")
    ap.add_argument("--labels", default="all", choices=["all", "shared", *OWN_SETS],
                    help="with --errors/--show: which labels to read (default: shared and own dev)")
    ap.add_argument("--show", metavar="RULE", help="print each finding of RULE in context")
    ap.add_argument("--limit", type=int, default=80)
    ap.add_argument("--quiet-findings", action="store_true", help="list every warning on docs, changelogs and support replies")
    ap.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    try:
        rules, linted, shared, own = run()
    except FileNotFoundError as exc:
        print(f"eval/modern.py: {exc}", file=sys.stderr)
        return 2
    sets = label_sets(shared, own)
    chosen = {**sets["shared"], **sets["own-dev"]} if args.labels == "all" else sets[args.labels]
    if args.errors:
        errors(linted, chosen, args.errors)
        return 0
    if args.quiet_findings:
        quiet_findings(linted)
        return 0
    if args.show:
        show(linted, chosen, args.show.upper(), args.limit)
        return 0
    result = evaluate(linted, shared, own)
    print_summary(result)
    print()
    print_rules(rules, linted, {**sets["shared"], **sets["own-dev"]})
    print(f"\nlinted {len(linted)} items in {time.perf_counter() - t0:.0f} s")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
