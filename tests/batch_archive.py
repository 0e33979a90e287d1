"""A synthetic message archive for the batch tests and benchmarks, built at
run time from the bundled examples (and the development corpus in
../shared/eval-modern when it is there): messages are runs of one to three
consecutive paragraphs of real drafts, spread over two years, five senders
and four channels.  Nothing generated is committed."""

from __future__ import annotations

import json
import random
from pathlib import Path

from conftest import ROOT, SHARED

EVAL_MODERN = SHARED / "eval-modern" / "corpus.jsonl"
CHANNELS = ("email", "newsletter", "social", "landing-page")
SENDERS = ("growth team", "product", "support", "founders", "events")
MONTHS = tuple(f"{y}-{m:02d}" for y in (2024, 2025) for m in range(1, 13))


def source_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").rglob("*.md"))
             if p.name != "README.md"]
    if EVAL_MODERN.exists():
        with open(EVAL_MODERN, encoding="utf-8") as f:
            texts += [json.loads(line)["text"] for line in f if line.strip()]
    return texts


def paragraphs(texts: list[str]) -> list[list[str]]:
    return [[p.strip() for p in t.replace("\r\n", "\n").split("\n\n") if p.strip()] for t in texts]


def _reader_lean(doc: list[str]) -> float:
    words = " ".join(doc).lower().split()
    you = sum(w.strip(".,!?") in ("you", "your", "you're") for w in words)
    we = sum(w.strip(".,!?") in ("we", "our", "us", "we're") for w in words)
    return (you - we) / (len(words) or 1)


def messages(n: int, seed: int = 16, whole: bool = False):
    """Yield n archive rows {id, text, date, channel, sender, subject}.  Later
    months draw more from drafts that say "you" more than "we", so the
    archive has a trend for the report to show (tonelint itself scores it).
    `whole=True` sends each draft whole (longer messages, for benchmarks)."""
    rng = random.Random(seed)
    texts = source_texts()
    paras = sorted((p for p in paragraphs(texts) if p), key=_reader_lean)
    for i in range(n):
        mode = len(paras) * i / n
        doc = paras[min(len(paras) - 1, int(rng.triangular(0, len(paras), mode)))]
        start = rng.randrange(len(doc))
        text = "\n\n".join(doc if whole else doc[start:start + rng.randint(1, 3)])
        month = MONTHS[i * len(MONTHS) // n]
        subject = text.lstrip("# ").split("\n", 1)[0][:60]
        yield {"id": f"m{i:06d}", "text": text, "date": f"{month}-{rng.randint(1, 28):02d}T09:30:00Z",
               "channel": CHANNELS[rng.randrange(len(CHANNELS))], "sender": SENDERS[rng.randrange(len(SENDERS))],
               "subject": subject}


def write_jsonl(path: Path, n: int, seed: int = 16, whole: bool = False) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for row in messages(n, seed, whole):
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path
