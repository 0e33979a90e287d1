"""How `tonelint report` and `tonelint check --fix` grow with a draft that is
full of findings: a draft of N paragraphs and one of 4N, each timed, and the
ratio printed.  Linear work gives a ratio near 4; the report used to test every
finding against every paragraph (ratio near 16, nearly 10 minutes at 890 KB).

    python bench/report_scale.py                 # 2,500 and 10,000 paragraphs
    python bench/report_scale.py --paragraphs 500 --tonelint "/work/venv/bin/tonelint"

A benchmark, not a test: it prints figures and asserts nothing.  The draft is
generated here (the same four paragraphs in a seeded order), so runs compare.
"""

from __future__ import annotations

import argparse
import random
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PARAGRAPHS = (
    "Our target audience will love it!!! Buy now.",
    "We are thrilled to announce our revolutionary app.",
    "Here is how to bake bread: preheat the oven and add steam for ten minutes.",
    "Reach the masses with our leads, and more eyeballs every week.",
)


def draft(n: int) -> str:
    rng = random.Random(8)
    return "\n\n".join(rng.choice(PARAGRAPHS) for _ in range(n)) + "\n"


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)}: exit {done.returncode}: {done.stderr.strip()}")
    return elapsed


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--paragraphs", type=int, default=2500, help="size of the small draft (the large one is 4x)")
    ap.add_argument("--tonelint", default="tonelint", help="command that runs tonelint")
    args = ap.parse_args(argv)
    tool = shlex.split(args.tonelint)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in (args.paragraphs, 4 * args.paragraphs):
            path = Path(tmp) / f"draft-{n}.md"
            path.write_text(draft(n), encoding="utf-8")
            size = path.stat().st_size
            report = timed([*tool, "report", "-o", str(Path(tmp) / "r.html"), str(path)])
            fix = timed([*tool, "check", "--no-cache", "--fix", "-q", str(path)])
            rows.append((n, size, report, fix))
    print("| paragraphs | size | report | check --fix |")
    print("|---:|---:|---:|---:|")
    for n, size, report, fix in rows:
        print(f"| {n:,} | {size / 1024:.0f} KB | {report:.1f} s | {fix:.1f} s |")
    (n1, _, r1, f1), (n2, _, r2, f2) = rows
    print(f"\n{n2 // n1}x the paragraphs: report {r2 / r1:.1f}x the time, check --fix {f2 / f1:.1f}x "
          "(start-up included; linear work gives a little under 4x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
