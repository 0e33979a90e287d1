"""The driver: plan partitions, pick where they run, hand them out, follow
progress, and finish the errors file.  Workers write results themselves, so
the driver's memory holds the plan and a few counters, never messages.

Where it runs: `--scheduler tcp://host:8786` (or DASK_SCHEDULER_ADDRESS) uses
that cluster; `--scheduler synchronous` checks in this process with Dask's
synchronous scheduler, which is also the default for small inputs; anything
else starts a LocalCluster with one single-threaded worker process per core
(spaCy holds the GIL, so processes, not threads, give speed).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import asdict, dataclass, field
from importlib.util import find_spec

import dask

from ..errors import TonelintError
from . import output, readers
from .checker import CheckSettings, MessageChecker
from .work import PLUGIN_PREFIX, Job, run_partition

SMALL = 2000  # messages: below this a cluster's start-up costs more than it saves
VERSION = 1


@dataclass
class BatchOptions:
    inputs: list
    out: str
    fmt: str = "parquet"
    settings: CheckSettings = field(default_factory=CheckSettings)
    read: readers.ReadOptions = field(default_factory=readers.ReadOptions)
    input_format: str | None = None
    partition_size: int = 1000
    scheduler: str | None = None  # address, "synchronous", or None (local)
    workers: int | None = None
    resume: bool = False
    only: frozenset | None = None  # library only: run just these partition numbers (bench/batch_memory.py)


@dataclass
class BatchResult:
    partitions: int = 0
    skipped: int = 0  # already complete (--resume)
    messages: int = 0
    findings: int = 0
    errors: int = 0  # rows in errors.jsonl (this run's and resumed partitions')
    failed: list = field(default_factory=list)  # (partition index, reason): rerun with --resume
    workers: set = field(default_factory=set)  # "pid:checker" that did the work
    engines: int = 0  # most engines any checker built
    peak_rss_kb: dict = field(default_factory=dict)  # worker -> its process's peak resident memory
    cpu_s: dict = field(default_factory=dict)  # worker -> its process's CPU time when it last finished a partition
    where: str = ""  # "synchronous", "local cluster of N", or the address
    dashboard: str | None = None


def _manifest(o: BatchOptions) -> dict:
    return {"version": VERSION, "inputs": output.fingerprint(o.inputs), "format": o.fmt,
            "input_format": o.input_format, "partition_size": o.partition_size, "settings": o.settings.as_dict(),
            "columns": o.read.columns.as_dict(), "markup": o.read.markup}


def _families(o: BatchOptions, checker: MessageChecker) -> tuple:
    found: set = set()
    for path in o.inputs:
        found |= checker.families(path)
    return tuple(sorted(found))


def plan(o: BatchOptions, checker: MessageChecker) -> tuple[dict, list, tuple]:
    """(manifest, partitions, families), reusing a resumed run's plan.
    `checker` is the driver's (its rules give the families)."""
    readers.check_inputs(o.inputs, o.input_format)
    manifest = _manifest(o)
    old = output.prepare(o.out, manifest, o.resume)
    if old is not None:
        parts = [readers.Partition(**{**p, "paths": tuple(p["paths"]),
                                      "note": tuple(tuple(n) for n in p["note"])}) for p in old["partitions"]]
        return old, parts, tuple(old["families"])
    parts = readers.plan(o.inputs, o.partition_size, o.read, o.input_format)
    families = _families(o, checker)
    full = {**manifest, "families": list(families), "partitions": [asdict(p) for p in parts]}
    output.write_manifest(o.out, full)
    return full, parts, families


def run(o: BatchOptions, progress=None, announce=None) -> BatchResult:
    """Check every pending partition.  `progress.start(total)` is called once
    the plan is known and `progress.step(rows)` as each partition finishes;
    `announce(line)` gets the dashboard link."""
    checker = MessageChecker(o.settings)  # the driver's: the schema's families, and a synchronous run's checks
    manifest, parts, families = plan(o, checker)
    ready = output.done(o.out, o.fmt)
    pending = [p for p in parts if p.index not in ready and (o.only is None or p.index in o.only)]
    result = BatchResult(partitions=len(parts), skipped=len(parts) - len(pending))
    token = hashlib.sha256(json.dumps({k: v for k, v in manifest.items() if k != "partitions"},
                                      sort_keys=True).encode()).hexdigest()[:12]
    job = Job(out=os.path.abspath(o.out), fmt=o.fmt, settings=o.settings, read=o.read, families=families,
              plugin=PLUGIN_PREFIX + token)
    total = sum(p.count for p in pending)
    if progress is not None:
        progress.start(total)
    address = o.scheduler or os.environ.get("DASK_SCHEDULER_ADDRESS") or None
    if address == "synchronous" or (address is None and o.workers is None and total <= SMALL) or not pending:
        result.where = "this process (Dask's synchronous scheduler)"
        _run_synchronous(pending, job, result, progress, checker)
    else:
        _run_distributed(pending, job, result, progress, announce, address, o.workers)
    result.errors = output.collect_errors(o.out, (p.index for p in parts))
    return result


def _absorb(result: BatchResult, summary: dict, progress) -> None:
    result.messages += summary["messages"]
    result.findings += summary["findings"]
    result.workers.add(summary["worker"])
    result.engines = max(result.engines, summary["engines"])
    worker = summary["worker"]
    result.peak_rss_kb[worker] = max(result.peak_rss_kb.get(worker, 0), summary["peak_rss_kb"])
    result.cpu_s[worker] = max(result.cpu_s.get(worker, 0.0), summary["cpu_s"])
    if progress is not None:
        progress.step(summary["messages"] + summary["errors"])


def _run_synchronous(pending, job: Job, result: BatchResult, progress, checker: MessageChecker) -> None:
    for part in pending:
        task = dask.delayed(run_partition, pure=False)(part, job, checker, dask_key_name=f"part-{part.index}")
        try:
            summary = task.compute(scheduler="synchronous")
        except OSError as exc:
            result.failed.append((part.index, f"cannot write results: {exc.strerror or exc}"))
            continue
        _absorb(result, summary, progress)


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _client(address: str | None, workers: int | None, result: BatchResult):
    from distributed import Client, LocalCluster  # a synchronous run never starts distributed

    if address:
        try:
            client = Client(address, timeout="10s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise TonelintError("--scheduler", f"cannot reach the Dask scheduler at {address}: {exc}") from None
        result.where = f"the Dask cluster at {address}"
        result.dashboard = client.dashboard_link
        return client, None
    n = workers or cores()
    served = find_spec("bokeh") is not None
    cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                           dashboard_address=":0", silence_logs=logging.ERROR)  # any free port, never a clash
    client = Client(cluster)
    result.where = f"a local Dask cluster of {n} worker{'s' if n != 1 else ''}"
    result.dashboard = cluster.dashboard_link if served else None
    return client, cluster


def _run_distributed(pending, job: Job, result: BatchResult, progress, announce, address, workers) -> None:
    from distributed import as_completed  # a synchronous run never starts distributed

    from .plugin import CheckerPlugin

    client, cluster = _client(address, workers, result)
    try:
        if announce is not None:
            announce(f"Dask dashboard: {result.dashboard}" if result.dashboard
                     else f"Running in {result.where} (no dashboard: install bokeh to serve one)")
        warm = tuple(dict.fromkeys(p.source if p.kind != "folder" else p.source for p in pending))[:4]
        client.register_plugin(CheckerPlugin(job.plugin, job.settings, warm), name=job.plugin)
        futures = [client.submit(run_partition, part, job, key=f"{job.plugin}-part-{part.index}", pure=False)
                   for part in pending]
        index_of = {f.key: part.index for f, part in zip(futures, pending)}
        for future in as_completed(futures):
            try:
                summary = future.result()
            except Exception as exc:  # noqa: BLE001 - a partition that failed is redone by --resume
                result.failed.append((index_of[future.key], f"{type(exc).__name__}: {exc}"))
                continue
            finally:
                future.release()
            _absorb(result, summary, progress)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
