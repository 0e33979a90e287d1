#!/usr/bin/env python3
"""Peak memory of `tonelint batch` per worker as the input grows: JSONL
archives of 200 MB, 1 GB and 2 GB are generated (tests/batch_archive.py),
each is planned in full (the driver streams the whole file), and a
LocalCluster of 2 workers checks partitions spread evenly from the first to
the last byte.  A worker holds one partition at a time, so its peak should
not move with the file's size; the driver holds the plan (a few numbers per
partition).  The generated files are deleted afterwards.

Checking all of a 2 GB archive (about 5 million short messages) takes hours
on 2 cores, so each size checks the same number of sampled partitions
(--sample); what is measured is whether memory follows the partition or
the file.

    PYTHONPATH=. python bench/batch_memory.py [--sizes 200M,1G,2G] [--sample 12] [--dir /work/tmp]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

UNITS = {"M": 1 << 20, "G": 1 << 30}


def generate(path: Path, target: int) -> int:
    from batch_archive import messages

    written = rows = 0
    with open(path, "w", encoding="utf-8") as f:
        while written < target:
            for row in messages(200_000, seed=rows):
                row["id"] = f"m{rows:09d}"
                line = json.dumps(row, ensure_ascii=False) + "\n"
                f.write(line)
                written += len(line.encode("utf-8"))
                rows += 1
                if written >= target:
                    break
    return rows


def one(path: str, sample: int, size: int) -> None:
    """Child process: plan the whole file, check `sample` spread partitions."""
    from tonelint.batch.checker import CheckSettings
    from tonelint.batch.readers import ReadOptions, plan
    from tonelint.batch.runner import BatchOptions, run

    settings = CheckSettings(isolated=True)
    total = len(plan([path], size, ReadOptions(check=settings)))
    only = frozenset(round(i * (total - 1) / max(1, sample - 1)) for i in range(sample))
    with tempfile.TemporaryDirectory(prefix="tonelint-mem-") as out:
        t0 = time.perf_counter()
        result = run(BatchOptions(inputs=[path], out=out + "/r", settings=settings, read=ReadOptions(check=settings),
                                  partition_size=size, workers=2, only=only))
        seconds = time.perf_counter() - t0
    print(json.dumps({"partitions": total, "checked": sorted(only), "messages": result.messages,
                      "workers_peak_mb": sorted(round(v / 1024) for v in result.peak_rss_kb.values()),
                      "driver_peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                      "seconds": round(seconds, 1)}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="200M,1G,2G")
    ap.add_argument("--sample", type=int, default=12, help="partitions checked per size")
    ap.add_argument("--partition-size", type=int, default=1000)
    ap.add_argument("--dir", default=None, help="where the generated archives go (deleted afterwards)")
    ap.add_argument("--one", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        return one(args.one, args.sample, args.partition_size)
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    rows = []
    with tempfile.TemporaryDirectory(prefix="tonelint-mem-", dir=args.dir) as tmp:
        for spec in args.sizes.split(","):
            target = int(float(spec[:-1]) * UNITS[spec[-1].upper()])
            path = Path(tmp) / f"archive-{spec}.jsonl"
            n = generate(path, target)
            done = subprocess.run([sys.executable, __file__, "--one", str(path), "--sample", str(args.sample),
                                   "--partition-size", str(args.partition_size)], capture_output=True, text=True)
            path.unlink()
            if done.returncode:
                sys.exit(done.stderr[-3000:])
            row = json.loads(done.stdout.strip().splitlines()[-1])
            rows.append({"size": spec, "bytes": target, "messages_in_file": n, **row})
            print(json.dumps(rows[-1]), flush=True)
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    print("| input | messages | partitions | checked | worker peak MB | driver peak MB |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['size']} | {r['messages_in_file']:,} | {r['partitions']:,} | {r['messages']:,} "
              f"| {' / '.join(map(str, r['workers_peak_mb']))} | {r['driver_peak_mb']} |")


if __name__ == "__main__":
    main()
