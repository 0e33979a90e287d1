"""The evaluation report: lint the rebuilt corpus with the built-in rules at
default settings and print how each family and rule behaves on real text.

    python eval/run.py                 # the report (ham sampled, ~1-2 minutes)
    python eval/run.py --full          # every ham message too
    python eval/run.py --show TL104    # each TL104 finding in context, to judge senses
    python eval/run.py --show TL104 --kind docs --limit 40
    python eval/run.py --json out.json # the figures, machine-readable

A message counts as flagged for a family when any finding of that family at
warning level or above fires.  Precision and recall use the hand labels in
eval/labels.jsonl; a null label leaves the message out of that family, and a
label whose sha256 no longer matches the corpus record is left out entirely
(the corpus changed under it), with a note on stderr.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import modern
from scoring import lint_all, pr as _pr, ratio as _ratio

HERE = Path(__file__).resolve().parent
CORPUS = HERE / ".corpus" / "corpus.jsonl"
MANIFEST = HERE / ".corpus" / "manifest.json"
LABELS = HERE / "labels.jsonl"
KINDS = ("outbound", "spam", "ham", "docs")
FAMILIES = ("audience", "one-way", "listening", "ask")
HAM_SAMPLE = 1000


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _sample_key(rid: str) -> str:
    return hashlib.sha1(("tonelint-eval:" + rid).encode("utf-8")).hexdigest()


def load(full: bool) -> tuple[list[dict], dict]:
    """Every record except unlabelled ham beyond a fixed hash-ordered sample,
    so that two runs on the same corpus lint the same messages."""
    if not CORPUS.exists():
        sys.exit(f"{CORPUS}: missing; run `python eval/corpus.py` first")
    labels = {}
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            labels[row["id"]] = row
    records = [json.loads(line) for line in CORPUS.open(encoding="utf-8")]
    if not full:
        ham = sorted((r for r in records if r["kind"] == "ham" and r["id"] not in labels), key=lambda r: _sample_key(r["id"]))
        keep = {r["id"] for r in ham[:HAM_SAMPLE]}
        records = [r for r in records if r["kind"] != "ham" or r["id"] in labels or r["id"] in keep]
    by_id = {r["id"]: r for r in records}
    stale = [i for i, lab in labels.items() if i in by_id and _digest(by_id[i]["text"]) != lab["sha256"]]
    missing = [i for i in labels if i not in by_id]
    for i in stale:
        print(f"labels: {i}: text changed since it was labelled; left out", file=sys.stderr)
        del labels[i]
    for i in missing:
        print(f"labels: {i}: not in the corpus; left out", file=sys.stderr)
        del labels[i]
    return records, labels


def _census(labels: dict, family: str) -> frozenset:
    return frozenset(i for i, lab in labels.items() if lab.get("sample") == f"census:{family}")


def report(rules, linted, labels, top: int = 10) -> dict:
    n_kind = Counter(rec["kind"] for rec, _, _, _ in linted)
    words_kind = Counter()
    fam_msgs: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))  # family -> kind -> ids
    rule_msgs: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    rule_phr: dict[str, Counter] = defaultdict(Counter)
    rule_phr_kind: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    docs_family = Counter()
    for rec, findings, words, context in linted:
        kind = rec["kind"]
        words_kind[kind] += words
        for d, (found, _) in zip(findings, context):
            fam_msgs[d.family][kind].add(rec["id"])
            rule_msgs[d.rule][kind].add(rec["id"])
            phrase = " ".join(found.lower().split())[:40]
            rule_phr[d.rule][phrase] += 1
            rule_phr_kind[d.rule][phrase][kind] += 1
            if kind == "docs":
                docs_family[d.family] += 1

    figures: dict = {"messages": dict(n_kind), "words": dict(words_kind), "families": {}, "rules": {}}
    print("messages linted: " + ", ".join(f"{k} {n_kind[k]}" for k in KINDS)
          + f"; labelled {len(labels)}")
    print("words (prose, after markup): " + ", ".join(f"{k} {words_kind[k]:,}" for k in KINDS))
    print()
    head = f"{'family':<10} {'outbound':>8} {'spam':>6} {'ham':>6} {'docs':>6} | {'prec':>5} {'(tp/fl)':>9} {'recall':>6} {'(tp/pos)':>9}"
    print("Per family: share of messages flagged (warning+), precision and recall on the labels")
    print(head)
    print("-" * len(head))
    for fam in FAMILIES:
        truth = {i: lab.get(fam) for i, lab in labels.items()}
        flagged = set().union(*fam_msgs[fam].values()) if fam_msgs[fam] else set()
        tp, fl, pos, found = _pr(flagged, truth, _census(labels, fam))
        rates = {k: len(fam_msgs[fam][k]) / n_kind[k] if n_kind[k] else 0.0 for k in KINDS}
        print(f"{fam:<10} " + " ".join(f"{rates[k]:>{w}.2f}" for k, w in zip(KINDS, (8, 6, 6, 6)))
              + f" | {_ratio(tp, fl):>5} {f'({tp}/{fl})':>9} {_ratio(found, pos):>6} {f'({found}/{pos})':>9}")
        figures["families"][fam] = {"rate": rates, "tp": tp, "flagged": fl, "positives": pos,
                                    "precision": tp / fl if fl else None, "recall": found / pos if pos else None}
    held = {i for i, lab in labels.items() if lab.get("held_out")}
    if held:
        parts = []
        for fam in FAMILIES:
            truth = {i: labels[i].get(fam) for i in held}
            flagged = set().union(*fam_msgs[fam].values()) if fam_msgs[fam] else set()
            tp, fl, _, _ = _pr(flagged, truth)
            parts.append(f"{fam} {_ratio(tp, fl).strip()} ({tp}/{fl})")
            figures["families"][fam]["held_out"] = {"tp": tp, "flagged": fl}
        print(f"Held out ({len(held)} messages labelled after the audience rules were tuned): precision " + ", ".join(parts))
    print()

    print("Per rule: messages it fires on (share per kind), precision of its family label where it fires")
    head = f"{'rule':<6} {'family':<10} {'outbound':>8} {'spam':>6} {'ham':>6} {'docs':>6} | {'prec':>5} {'(tp/fl)':>9}"
    print(head)
    print("-" * len(head))
    for rid in sorted(rules):
        fam = rules[rid].family
        truth = {i: lab.get(fam) for i, lab in labels.items()}
        flagged = set().union(*rule_msgs[rid].values()) if rule_msgs[rid] else set()
        tp, fl, _, _ = _pr(flagged, truth)
        rates = {k: len(rule_msgs[rid][k]) / n_kind[k] if n_kind[k] else 0.0 for k in KINDS}
        print(f"{rid:<6} {fam:<10} " + " ".join(f"{rates[k]:>{w}.2f}" for k, w in zip(KINDS, (8, 6, 6, 6)))
              + f" | {_ratio(tp, fl):>5} {f'({tp}/{fl})':>9}")
        figures["rules"][rid] = {"family": fam, "rate": rates, "tp": tp, "flagged": fl,
                                 "top": rule_phr[rid].most_common(top)}
    print()

    print(f"Top {top} matched phrases per rule (count, then o/s/h/d = outbound/spam/ham/docs)")
    for rid in sorted(rules):
        if not rule_phr[rid]:
            continue
        items = []
        for phrase, count in rule_phr[rid].most_common(top):
            per = rule_phr_kind[rid][phrase]
            items.append(f"{phrase!r} {count} ({per['outbound']}/{per['spam']}/{per['ham']}/{per['docs']})")
        print(f"  {rid}: " + "; ".join(items))
    print()

    dw = words_kind["docs"]
    total = sum(docs_family.values())
    print(f"Technical documentation: warnings per 10,000 words ({dw:,} words, {n_kind['docs']} files)")
    per_family = {fam: docs_family[fam] * 10000 / dw if dw else 0.0 for fam in FAMILIES}
    print("  " + ", ".join(f"{fam} {per_family[fam]:.2f}" for fam in FAMILIES)
          + f"; total {total * 10000 / dw if dw else 0:.2f} ({total} warnings)")
    figures["docs_per_10k"] = dict(per_family, total=total * 10000 / dw if dw else 0.0)
    print()

    spam = len(fam_msgs["ask"]["spam"]) / n_kind["spam"] if n_kind["spam"] else 0.0
    ham = len(fam_msgs["ask"]["ham"]) / n_kind["ham"] if n_kind["ham"] else 0.0
    print(f"Ask family fires on {spam:.1%} of spam ({len(fam_msgs['ask']['spam'])}/{n_kind['spam']})"
          f" and {ham:.1%} of ham ({len(fam_msgs['ask']['ham'])}/{n_kind['ham']})")
    figures["ask_spam"] = spam
    figures["ask_ham"] = ham
    return figures


def show(linted, labels, rule: str, kind: str | None, limit: int, width: int = 70) -> None:
    """Each finding of one rule with the text around it and the message's label,
    so that a wrong sense is seen in context rather than guessed from counts."""
    shown = 0
    for rec, findings, _, context in linted:
        if kind and rec["kind"] != kind:
            continue
        for d, (_, sentence) in zip(findings, context):
            if d.rule != rule:
                continue
            if not sentence:
                text = rec["text"]
                left = " ".join(text[max(0, d.start - width) : d.start].split())
                right = " ".join(text[d.end : d.end + width].split())
                sentence = f"{left} >>{d.matched}<< {right}"
            lab = labels.get(rec["id"], {}).get(d.family, "-")
            print(f"[{rec['kind']} label={lab}] {rec['id'].rsplit('/', 1)[-1][:20]}: {sentence}")
            shown += 1
            if shown >= limit:
                return


def errors(linted, labels, family: str) -> None:
    """The labelled messages the family gets wrong, with the labeller's notes:
    false positives first (what fired), then misses."""
    misses = []
    for rec, findings, _, context in linted:
        lab = labels.get(rec["id"], {}).get(family)
        if lab is None:
            continue
        fired = [(d, c) for d, c in zip(findings, context) if d.family == family]
        name = rec["id"].rsplit("/", 1)[-1][:20]
        if fired and not lab:
            print(f"FP [{rec['kind']}] {name}: {labels[rec['id']].get('notes', '')}")
            for d, (found, sentence) in fired:
                print(f"     {d.rule} {found[:60]!r}: {sentence[:240]}")
        elif lab and not fired:
            misses.append(f"FN [{rec['kind']}] {name}: {labels[rec['id']].get('notes', '')}")
    print("\n".join(misses))


def side_by_side(old: dict) -> dict:
    """Lint eval-modern and print its figures beside the 2002 ones (the
    2002 run's families are named one-way/listening/ask; eval-modern's
    labels one_way/listening_missing/ask_premature)."""
    rules, linted, shared, own = modern.run()
    result = modern.evaluate(linted, shared, own)
    print()
    modern.print_summary(result)
    sets = [("2002", None)] + [(name, b) for name, b in result["labels"].items() if b["n"]]
    print()
    print("Side by side, precision / recall at warning level and above")
    print(f"{'family':<10} " + " ".join(f"{name:>14}" for name, _ in sets))
    for key, fam in modern.FAMILIES.items():
        cells = []
        for name, block in sets:
            f = old["families"][fam] if block is None else block["families"][key]
            p = f"{f['precision']:.2f}" if f["precision"] is not None else "-"
            r = f"{f['recall']:.2f}" if f["recall"] is not None else "-"
            cells.append(f"{p + ' / ' + r:>14}")
        print(f"{fam:<10} " + " ".join(cells))
    q = result["quiet"]
    print(f"2002: ask on {old['ask_spam']:.1%} of spam (>= 50 %), ask on {old['ask_ham']:.1%} and audience on "
          f"{old['families']['audience']['rate']['ham']:.1%} of ham (<= 1 %), docs {old['docs_per_10k']['total']:.2f} "
          f"warnings per 10k words (<= 1); modern docs/changelog/support {q['all']['per_10k']:.2f} per 10k (<= 0.5)")
    return result


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--full", action="store_true", help="lint every ham message, not a fixed sample")
    ap.add_argument("--show", metavar="RULE", help="print each finding of RULE in context")
    ap.add_argument("--kind", choices=KINDS, help="with --show: only this kind of text")
    ap.add_argument("--limit", type=int, default=60, help="with --show: at most this many findings")
    ap.add_argument("--labelled", action="store_true", help="only the labelled messages and the docs (quick)")
    ap.add_argument("--errors", metavar="FAMILY", help="print each labelled false positive and miss of FAMILY")
    ap.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    ap.add_argument("--modern", action="store_true",
                    help="also lint ../shared/eval-modern and print both evaluations side by side")
    args = ap.parse_args(argv)
    records, labels = load(args.full)
    if args.kind:
        records = [r for r in records if r["kind"] == args.kind]
    if args.labelled:
        records = [r for r in records if r["id"] in labels or r["kind"] == "docs"]
    t0 = time.perf_counter()
    rules, linted = lint_all(records)
    elapsed = time.perf_counter() - t0
    if args.show:
        show(linted, labels, args.show.upper(), args.kind, args.limit)
        return 0
    if args.errors:
        errors(linted, labels, args.errors)
        return 0
    if MANIFEST.exists():
        print(f"corpus sha256 {json.loads(MANIFEST.read_text())['sha256'][:16]}…")
    figures = report(rules, linted, labels)
    print(f"\nlinted in {elapsed:.0f} s")
    if args.modern:
        figures["modern"] = side_by_side(figures)
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
