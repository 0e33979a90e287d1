#!/usr/bin/env python3
"""`tonelint batch` throughput: messages per second on a LocalCluster of 1
and of 2 workers over the same generated archive (tests/batch_archive.py,
from the examples and ../shared/eval-modern), and the speed-up between them.

Three rates per run: `steady` counts the messages checked after the first
partition finished, over the time since then (workers started, spaCy
loaded, engines warm: what a long run sees), `end to end` includes the
cluster's start and the plan, and `per worker CPU-second` divides the
messages by the CPU time the workers' processes used (spaCy's start-up
included): the figure that a busy machine does not inflate, and the one to
size a cluster with.  Prints the load average before and after:
on a busy 2-core machine the 2-worker figure is the one that suffers.

    PYTHONPATH=. python bench/batch_throughput.py [--messages 8000] [--partition-size 250] [--whole]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from batch_archive import write_jsonl  # noqa: E402

from tonelint.batch.checker import CheckSettings  # noqa: E402
from tonelint.batch.readers import ReadOptions  # noqa: E402
from tonelint.batch.runner import BatchOptions, run  # noqa: E402


class Clock:
    def __init__(self) -> None:
        self.started = self.first = None
        self.done = 0
        self.first_done = 0

    def start(self, total: int) -> None:
        self.started = time.perf_counter()

    def step(self, n: int) -> None:
        self.done += n
        if self.first is None:
            self.first, self.first_done = time.perf_counter(), self.done


def measure(archive: Path, workers: int, size: int, scratch: Path) -> dict:
    out = scratch / f"out-{workers}"
    shutil.rmtree(out, ignore_errors=True)
    clock = Clock()
    before = resource.getrusage(resource.RUSAGE_SELF)
    t0 = time.perf_counter()
    result = run(BatchOptions(inputs=[str(archive)], out=str(out), settings=CheckSettings(isolated=True),
                              read=ReadOptions(check=CheckSettings(isolated=True)), partition_size=size,
                              workers=workers), progress=clock)
    end = time.perf_counter()
    after = resource.getrusage(resource.RUSAGE_SELF)
    driver = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    steady = (clock.done - clock.first_done) / (end - clock.first)
    cpu = sum(result.cpu_s.values())
    return {"workers": workers, "messages": result.messages, "steady_per_s": round(steady, 1),
            "per_worker_cpu_s": round(result.messages / cpu, 1), "worker_cpu_s": round(cpu, 1),
            "driver_cpu_s": round(driver, 1),
            "end_to_end_per_s": round(result.messages / (end - t0), 1), "seconds": round(end - t0, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--messages", type=int, default=8000)
    ap.add_argument("--partition-size", type=int, default=250)
    ap.add_argument("--whole", action="store_true", help="whole drafts as messages (~1.2 KB) instead of 1-3 paragraphs")
    ap.add_argument("--workers", default="1,2")
    args = ap.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.2f} (cores: {os.cpu_count()})")
    with tempfile.TemporaryDirectory(prefix="tonelint-bench-") as tmp:
        scratch = Path(tmp)
        archive = write_jsonl(scratch / "archive.jsonl", args.messages, whole=args.whole)
        size = archive.stat().st_size
        print(f"archive: {args.messages:,} messages, {size / args.messages:.0f} bytes each on average")
        rows = [measure(archive, int(w), args.partition_size, scratch) for w in args.workers.split(",")]
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    print("| workers | messages | steady msg/s | end-to-end msg/s | seconds | msg per worker CPU-second "
          "| workers' CPU-s | driver CPU-s |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['workers']} | {r['messages']:,} | {r['steady_per_s']} | {r['end_to_end_per_s']} | {r['seconds']} "
              f"| {r['per_worker_cpu_s']} | {r['worker_cpu_s']} | {r['driver_cpu_s']} |")
    if len(rows) == 2:
        print(f"speed-up {rows[0]['workers']} -> {rows[1]['workers']} workers: "
              f"steady {rows[1]['steady_per_s'] / rows[0]['steady_per_s']:.2f}x, "
              f"end to end {rows[1]['end_to_end_per_s'] / rows[0]['end_to_end_per_s']:.2f}x")
    print(json.dumps(rows))


if __name__ == "__main__":
    main()
