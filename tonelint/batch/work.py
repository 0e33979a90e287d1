"""What a worker does with one partition: read its messages, check each
through the worker's MessageChecker, write the partition's rows.  Nothing
but a small summary goes back to the driver."""

from __future__ import annotations

import os
import resource
from collections import Counter
from dataclasses import dataclass

from .checker import CheckSettings, MessageChecker, finding_rows
from .message import META, BadRow, clean_meta, iso_date, month_of
from .output import write_partition
from .readers import Partition, ReadOptions, read

PLUGIN_PREFIX = "tonelint-batch-"


@dataclass(frozen=True)
class Job:
    """Everything a task needs besides its partition; the same for the run."""

    out: str
    fmt: str
    settings: CheckSettings
    read: ReadOptions
    families: tuple
    plugin: str  # the name the worker plugin is registered under


def worker_checker(job: Job) -> MessageChecker:
    """The checker the plugin built when this worker started (plugin.py)."""
    from distributed import get_worker  # only on a cluster's worker; a synchronous run passes its checker

    return get_worker().plugins[job.plugin].checker


def run_partition(part: Partition, job: Job, checker: MessageChecker | None = None) -> dict:
    checker = checker or worker_checker(job)
    messages, findings, errors = [], [], []
    for item in read(part, job.read):
        if isinstance(item, BadRow):
            errors.append(item.as_dict())
            continue
        try:
            result, card = checker.check(item.text, item.format, item.path)
        except Exception as exc:  # noqa: BLE001 - one message must not stop the archive; it is reported by id
            errors.append(BadRow(item.id, item.source, item.where, f"internal error: {type(exc).__name__}: {exc}")
                          .as_dict())
            continue
        rows = finding_rows(result)
        messages.append(message_row(item, result, card, rows, job.families))
        findings.extend({"message_id": item.id, **{k: r[k] for k in _FINDING_KEYS}} for r in rows)
    write_partition(job.out, job.fmt, part.index, job.families, messages, findings, errors)
    return {"index": part.index, "messages": len(messages), "findings": len(findings), "errors": len(errors),
            "worker": f"{os.getpid()}:{id(checker)}", "engines": checker.engines(),
            **_usage()}


def _usage() -> dict:
    """The worker process's peak memory and CPU time so far (bench/ reads them)."""
    use = resource.getrusage(resource.RUSAGE_SELF)
    return {"peak_rss_kb": use.ru_maxrss, "cpu_s": use.ru_utime + use.ru_stime}


_FINDING_KEYS = ("rule", "family", "level", "line", "column", "end_line", "end_column", "offset", "end_offset",
                 "matched", "message", "rewrite", "fix")


def message_row(msg, result, card, findings: list[dict], families: tuple) -> dict:
    meta = {k: getattr(msg, k) for k in META}
    for key in META:  # a draft's front matter fills what the archive row does not say
        if meta[key] is None and key in result.meta:
            meta[key] = iso_date(result.meta[key]) if key == "date" else clean_meta(result.meta[key])
    by_family = Counter(f["family"] for f in findings)
    row = {"id": msg.id, "input": msg.source, "where": msg.where, **meta, "month": month_of(meta["date"]),
           "format": msg.format, "findings": len(findings)}
    row.update({f"n_{f}": by_family.get(f, 0) for f in families})
    row["n_other"] = sum(n for f, n in by_family.items() if f not in families)
    if card is None:
        return row
    row.update(score=card.score, verdict=card.verdict, asks_first=card.asks_first, words=card.words,
               sentences=card.sentences)
    row.update({f"m_{m}": n for m, n in card.counts.items()})
    row.update({f"part_{p}": v for p, v in card.parts.items()})
    return row
