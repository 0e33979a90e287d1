"""Proof that a speed change changed nothing: a snapshot of everything a run
decides, taken before and after the change and compared.

    python bench/identical.py snapshot DIR     # writes DIR/*.json
    python bench/identical.py compare OLD NEW  # exit 1 and the first differences if they differ

A snapshot holds `tonelint --no-cache --format json --score` over the bench
corpus's 200 files (with --jobs 1 and the default jobs), big.md (default
jobs: the paragraph split over workers), examples/; and, through the library,
for every record of ../shared/eval-modern and of the 2002 evaluation corpus
(eval/.corpus, when present): the findings, the scorecard and the facts the
rules and the scorecard read (sentences, word count, every hit, the genre), so
a change that moves a sentence boundary or a hit the rules never report
still shows.  Run it from the checkout root with PYTHONPATH set to it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "bench" / ".corpus"
SHARED = next((p / "shared" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()),
              ROOT.parent / "shared")
CLI_RUNS = {  # paths relative to the checkout, so that two checkouts' snapshots compare
    "files-j1": ["--jobs", "1", "bench/.corpus/files"],
    "files-jd": ["bench/.corpus/files"],
    "big-jd": ["bench/.corpus/big.md"],
    "examples": ["examples"],
}
RECORDS = {
    "eval-modern": SHARED / "eval-modern" / "corpus.jsonl",
    "eval-2002": ROOT / "eval" / ".corpus" / "corpus.jsonl",
}


def cli_json(args: list[str]) -> str:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "tonelint", "--no-cache", "--format", "json", "--score", *args],
                          capture_output=True, text=True, env=env, cwd=ROOT)
    if done.returncode not in (0, 1):
        raise SystemExit(f"tonelint {' '.join(args)}: exit {done.returncode}: {done.stderr.strip()[-500:]}")
    return done.stdout


def record_facts(path: Path) -> dict:
    """id -> what the engine decided for that record (see module doc)."""
    sys.path.insert(0, str(ROOT))
    from tonelint.api import check_text
    from tonelint.report.records import findings
    from tonelint.score.scorecard import score_result

    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        fmt = rec.get("format") or os.environ.get("TONELINT_EVAL_FMT", "text")
        result = check_text(rec["text"], fmt=fmt, path=rec["id"])
        facts = result.facts
        card = score_result(result)
        out[rec["id"]] = {
            "findings": findings(result),
            "score": card.as_dict() if card is not None else None,
            "genre": result.meta.get("genre"),
            "words": facts.words,
            "sentences": [[s.seg, s.start, s.end, s.question] for s in facts.sentences],
            "segments": [[s.scope, s.text] for s in facts.segments],
            "hits": {k: [[h.seg, h.start, h.end, h.sent, h.text] for h in v] for k, v in sorted(facts.hits.items())},
        }
    return out


def snapshot(folder: Path, only: set | None = None) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, args in CLI_RUNS.items():
        if only and name not in only:
            continue
        if (ROOT / args[-1]).exists():
            (folder / f"{name}.json").write_text(cli_json(args), encoding="utf-8")
            print(f"{name}: written", flush=True)
    for name, path in RECORDS.items():
        if only and name not in only:
            continue
        if path.is_file():
            data = record_facts(path)
            (folder / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8")
            print(f"{name}: {len(data)} records", flush=True)


def compare(old: Path, new: Path) -> int:
    bad = 0
    for a in sorted(old.glob("*.json")):
        b = new / a.name
        if not b.is_file():
            print(f"{a.name}: missing in {new}")
            bad += 1
            continue
        x, y = a.read_bytes(), b.read_bytes()
        if x == y:
            print(f"{a.name}: identical ({hashlib.sha256(x).hexdigest()[:12]})")
            continue
        bad += 1
        print(f"{a.name}: DIFFERENT")
        dx, dy = json.loads(x), json.loads(y)
        if isinstance(dx, dict) and isinstance(dy, dict) and "findings" not in dx:
            diff = [k for k in dx.keys() | dy.keys() if dx.get(k) != dy.get(k)]
            print(f"  {len(diff)} records differ, e.g. {sorted(diff)[:5]}")
            for k in sorted(diff)[:2]:
                for part in ("findings", "score", "genre", "words", "sentences", "segments", "hits"):
                    if (dx.get(k) or {}).get(part) != (dy.get(k) or {}).get(part):
                        print(f"  {k}: {part} differs")
    return 1 if bad else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    snap = sub.add_parser("snapshot")
    snap.add_argument("dir", type=Path)
    snap.add_argument("--only", help=f"comma-separated parts: {', '.join([*CLI_RUNS, *RECORDS])}")
    cmp_ = sub.add_parser("compare")
    cmp_.add_argument("old", type=Path)
    cmp_.add_argument("new", type=Path)
    args = ap.parse_args()
    if args.cmd == "snapshot":
        snapshot(args.dir, set(args.only.split(",")) if args.only else None)
        return 0
    return compare(args.old, args.new)


if __name__ == "__main__":
    raise SystemExit(main())
