"""The numbers behind the trend page, gathered one partition at a time (a
messages file and its findings file together), so a results folder of any
size is summarised in the memory of its largest partition plus the tallies."""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from . import output

MESSAGE_COLUMNS = ["id", "month", "date", "channel", "sender", "subject", "score", "verdict", "asks_first", "findings"]
FINDING_COLUMNS = ["message_id", "rule", "family", "level", "message", "matched", "rewrite", "line", "column"]
EXTREMES = 5


@dataclass
class Tally:
    """Count and score total; mean and share are derived."""

    n: int = 0
    scored: int = 0
    score: int = 0
    asks_first: int = 0

    def add(self, row: dict) -> None:
        self.n += 1
        if row.get("score") is not None:
            self.scored += 1
            self.score += row["score"]
        if row.get("asks_first"):
            self.asks_first += 1

    @property
    def mean(self) -> float | None:
        return self.score / self.scored if self.scored else None

    @property
    def ask_share(self) -> float | None:
        return self.asks_first / self.n if self.n else None


@dataclass
class Trends:
    total: Tally = field(default_factory=Tally)
    months: dict = field(default_factory=lambda: defaultdict(Tally))
    channels: dict = field(default_factory=lambda: defaultdict(Tally))
    senders: dict = field(default_factory=lambda: defaultdict(Tally))
    by_channel: dict = field(default_factory=lambda: defaultdict(Tally))  # (month, channel)
    by_sender: dict = field(default_factory=lambda: defaultdict(Tally))  # (month, sender)
    verdicts: Counter = field(default_factory=Counter)
    rules: Counter = field(default_factory=Counter)
    rule_family: dict = field(default_factory=dict)
    rule_months: Counter = field(default_factory=Counter)  # (month, rule)
    best: list = field(default_factory=list)  # heap of (score, -order, partition, row)
    worst: list = field(default_factory=list)  # heap of (-score, order, partition, row)
    errors: int = 0
    findings_of: dict = field(default_factory=dict)  # message id -> findings (for best and worst)

    @property
    def month_list(self) -> list[str]:
        return sorted(self.months)


def gather(out: str) -> Trends:
    manifest = output.read_manifest(out)
    fmt = manifest["format"]
    t = Trends()
    order = 0
    for index, path in output.partitions(out, "messages", fmt):
        rows = output.read_rows(path, fmt, MESSAGE_COLUMNS)
        month_of = {}
        for row in rows:
            order += 1
            month, channel, sender = row["month"], row["channel"] or "(none)", row["sender"] or "(none)"
            month_of[row["id"]] = month
            t.total.add(row)
            t.channels[channel].add(row)
            t.senders[sender].add(row)
            if row["verdict"]:
                t.verdicts[row["verdict"]] += 1
            if month:
                t.months[month].add(row)
                t.by_channel[(month, channel)].add(row)
                t.by_sender[(month, sender)].add(row)
            if row["score"] is not None:
                _keep(t.best, (row["score"], -order, index, row))
                _keep(t.worst, (-row["score"], order, index, row))
        found = _part_path(out, "findings", index, fmt)
        if found is not None:
            for f in output.read_rows(found, fmt, ["message_id", "rule", "family"]):
                t.rules[f["rule"]] += 1
                t.rule_family.setdefault(f["rule"], f["family"])
                month = month_of.get(f["message_id"])
                if month:
                    t.rule_months[(month, f["rule"])] += 1
    _extreme_findings(out, fmt, t)
    errors = Path(out) / "errors.jsonl"
    if errors.exists():
        with open(errors, "rb") as fh:
            t.errors = sum(1 for _ in fh)
    return t


def _part_path(out: str, table: str, index: int, fmt: str):
    path = Path(out) / table / output.part_name(index, fmt)
    return path if path.exists() else None


def _keep(heap: list, item) -> None:
    if len(heap) < EXTREMES:
        heapq.heappush(heap, item)
    elif item[:2] > heap[0][:2]:
        heapq.heapreplace(heap, item)


def extremes(t: Trends) -> tuple[list, list]:
    """(best first, worst first) rows."""
    best = [row for *_, row in sorted(t.best, key=lambda x: x[:2], reverse=True)]
    worst = [row for *_, row in sorted(t.worst, key=lambda x: x[:2], reverse=True)]
    return best, worst


def _extreme_findings(out: str, fmt: str, t: Trends) -> None:
    wanted: dict[int, set] = defaultdict(set)
    for _, _, index, row in (*t.best, *t.worst):
        wanted[index].add(row["id"])
    for index, ids in wanted.items():
        path = _part_path(out, "findings", index, fmt)
        if path is None:
            continue
        for f in output.read_rows(path, fmt, FINDING_COLUMNS):
            if f["message_id"] in ids:
                t.findings_of.setdefault(f["message_id"], []).append(f)
