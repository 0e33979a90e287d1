"""`tonelint batch`: a 20,000-message archive on a LocalCluster of two
workers, the rows against `tonelint check`, a killed run resumed, bad rows in
the errors file, every reader, and the flags."""

from __future__ import annotations

import json
import mailbox
import os
import random
import signal
import subprocess
import sys
import time
from email.message import EmailMessage
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from batch_archive import write_jsonl
from conftest import EXAMPLES, run_cli

N = 20_000
SCORE_KEYS = ("score", "verdict")
FINDING_KEYS = ("rule", "family", "level", "line", "column", "end_line", "end_column", "offset", "end_offset",
                "matched", "message", "rewrite", "fix")
# Rows that cannot be checked, each with the reason the errors file must give.
BAD = {
    "bad-missing": ('{"id": "bad-missing", "body": "Hello there."}', "missing column 'text'"),
    "bad-null": ('{"id": "bad-null", "text": null}', "no text: column 'text' is null"),
    "bad-number": ('{"id": "bad-number", "text": 42}', "text is int"),
    "bad-surrogate": ('{"id": "bad-surrogate", "text": "Hi \\ud800 there"}', "invalid text: surrogates not allowed"),
    "bad-nul": ('{"id": "bad-nul", "text": "Hi\\u0000there"}', "NUL"),
}
BAD_LINES = {"line 3": (b'{"id": "bad-bytes", "text": "caf\xe9 au lait"}', "invalid utf-8"),
             "line 6": (b"{not json", "invalid JSON")}


def rows_of(out: Path, table: str) -> list[dict]:
    fmt = json.loads((out / "_batch.json").read_text())["format"]
    rows = []
    for path in sorted((out / table).glob(f"part-*.{fmt}")):
        rows += pq.read_table(path).to_pylist() if fmt == "parquet" else \
            [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return rows


def errors_of(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    """20,000 good messages with the bad rows spread among them."""
    folder = tmp_path_factory.mktemp("archive")
    good = write_jsonl(folder / "good.jsonl", N).read_bytes().splitlines(keepends=True)
    bad_rows = [line.encode() + b"\n" for line, _ in BAD.values()]
    out = good[:2] + [BAD_LINES["line 3"][0] + b"\n"] + good[2:4] + [BAD_LINES["line 6"][0] + b"\n"]
    rest = good[4:]
    step = len(rest) // len(bad_rows)
    for i, row in enumerate(bad_rows):
        out += rest[i * step:(i + 1) * step] + [row]
    out += rest[len(bad_rows) * step:]
    path = folder / "archive.jsonl"
    path.write_bytes(b"".join(out))
    return path


@pytest.fixture(scope="module")
def full_run(archive, tmp_path_factory):
    out = tmp_path_factory.mktemp("results") / "results.parquet"
    res = run_cli("batch", archive, "-o", out, "--workers", "2", "--partition-size", "1000", "--isolated", "-q")
    return out, res


def test_archive_on_a_two_worker_local_cluster(full_run):
    out, res = full_run
    assert res.code == 2, res.err  # rows went to the errors file; the rest completed
    assert "local Dask cluster of 2 workers" in res.err
    assert "(2 checkers in 2 processes)" in res.err  # spaCy and the rules loaded once per worker, not per task
    messages = rows_of(out, "messages")
    ids = [r["id"] for r in messages]
    assert len(ids) == len(set(ids)) == N
    assert set(ids) == {f"m{i:06d}" for i in range(N)}
    assert all(0 <= r["score"] <= 100 and r["verdict"] for r in messages)
    assert {r["month"] for r in messages} == {f"{y}-{m:02d}" for y in (2024, 2025) for m in range(1, 13)}
    findings = rows_of(out, "findings")
    assert len(findings) > 1000 and {f["message_id"] for f in findings} <= set(ids)
    per_message = {r["id"]: r["findings"] for r in messages}
    assert sum(per_message.values()) == len(findings)
    families = {f["family"] for f in findings}
    for r in messages[:500]:  # per-family counts add up to the message's findings
        assert sum(r[f"n_{f}"] for f in families) + r["n_other"] == r["findings"]
    assert not list(out.rglob("*.tonelint-tmp"))


def test_bad_rows_go_to_the_errors_file_with_their_id(full_run):
    out, res = full_run
    errors = errors_of(out)
    assert f"{out}/errors.jsonl: {len(BAD) + len(BAD_LINES)} rows could not be checked" in res.err
    by_id = {e["id"]: e for e in errors if e["id"]}
    for mid, (_, reason) in BAD.items():
        assert reason in by_id[mid]["error"], by_id[mid]
        assert by_id[mid]["where"].startswith("line ")
    by_where = {e["where"]: e for e in errors}
    for where, (_, reason) in BAD_LINES.items():
        assert reason in by_where[where]["error"]
    assert all(e["input"].endswith("archive.jsonl") for e in errors)


def test_rows_equal_check_json_score_on_a_sample(full_run, tmp_path, archive):
    out, _ = full_run
    texts = {}
    for line in archive.read_bytes().splitlines():
        try:
            row = json.loads(line)
        except ValueError:
            continue
        if isinstance(row, dict) and str(row.get("id", "")).startswith("m"):
            texts[row["id"]] = row["text"]
    rows = rows_of(out, "messages")
    rng = random.Random(7)
    # Any messages, and messages the batch found something in (most short ones have no finding).
    sample = rng.sample(sorted(texts), 25)
    sample += rng.sample(sorted(r["id"] for r in rows if r["findings"] and r["id"] not in sample), 15)
    messages = {r["id"]: r for r in rows if r["id"] in sample}
    findings: dict = {}
    for f in rows_of(out, "findings"):
        findings.setdefault(f["message_id"], []).append(f)
    for mid in sample:
        (tmp_path / f"{mid}.md").write_text(texts[mid], encoding="utf-8")
    res = run_cli("check", *sorted(tmp_path.glob("*.md")), "--format", "json", "--score", "--isolated")
    assert res.code in (0, 1), res.err
    report = json.loads(res.out)
    cards = {Path(c["path"]).stem: c for c in report["scorecards"]}
    expected: dict = {}
    for f in report["findings"]:
        expected.setdefault(Path(f["path"]).stem, []).append({k: f[k] for k in FINDING_KEYS})
    assert sum(len(v) for v in expected.values()) >= 15
    for mid in sample:
        row = messages[mid]
        assert {k: row[k] for k in SCORE_KEYS} == {k: cards[mid][k] for k in SCORE_KEYS}
        assert {p: row[f"part_{p}"] for p in cards[mid]["parts"]} == cards[mid]["parts"]
        assert row["words"] == cards[mid]["words"] and row["sentences"] == cards[mid]["sentences"]
        assert row["asks_first"] == cards[mid]["give_vs_ask"]["asks_first"]
        got = [{k: f[k] for k in FINDING_KEYS} for f in findings.get(mid, [])]
        assert got == expected.get(mid, []), mid


def test_killed_run_resumes_to_the_same_result(full_run, archive, tmp_path):
    """The first 2,000 lines, killed (SIGKILL to the CLI and its cluster) once
    a few partitions are written, then resumed: every row equals the
    uninterrupted run's."""
    prefix = tmp_path / "archive.jsonl"
    prefix.write_bytes(b"".join(archive.read_bytes().splitlines(keepends=True)[:2000]))
    out = tmp_path / "out.parquet"
    args = ["batch", str(prefix), "-o", str(out), "--workers", "2", "--partition-size", "100", "--isolated", "-q"]
    proc = subprocess.Popen([sys.executable, "-m", "tonelint", *args], start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 240
        while len(list((out / "messages").glob("part-*"))) < 3 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    written = len(list((out / "messages").glob("part-*")))
    assert 3 <= written < 20, proc.stderr.read().decode()[-2000:]  # killed mid-way, with work left

    res = run_cli(*args, "--resume")
    assert res.code == 2, res.err  # two bad rows fall in the first 2,000 lines
    assert f"({written} of 20 partitions were already done)" in res.err
    resumed = sorted(rows_of(out, "messages"), key=lambda r: r["id"])
    reference = {r["id"]: r for r in rows_of(full_run[0], "messages")}
    assert len(resumed) == len({r["id"] for r in resumed}) == 2000 - 2
    for row in resumed:
        assert {k: v for k, v in row.items() if k != "input"} == \
               {k: v for k, v in reference[row["id"]].items() if k != "input"}
    ref_findings = [f for f in rows_of(full_run[0], "findings") if f["message_id"] in {r["id"] for r in resumed}]
    key = lambda f: (f["message_id"], f["offset"], f["rule"])  # noqa: E731
    assert sorted(rows_of(out, "findings"), key=key) == sorted(ref_findings, key=key)
    assert [e["where"] for e in errors_of(out)] == ["line 3", "line 6"]
    assert not list(out.rglob("*.tonelint-tmp"))  # what the kill left half-written is gone, never read


# The examples, through every reader -----------------------------------------------

DRAFTS = sorted(EXAMPLES.glob("*.md"))


def check_json(*paths, extra=()) -> dict:
    res = run_cli("check", *paths, "--format", "json", "--score", *extra)
    assert res.code in (0, 1), res.err
    return json.loads(res.out)


def assert_same_as_check(out: Path, report: dict, id_of) -> None:
    """Each message's row and findings equal `check`'s for the draft it came from."""
    rows = {r["id"]: r for r in rows_of(out, "messages")}
    found: dict = {}
    for f in rows_of(out, "findings"):
        found.setdefault(f["message_id"], []).append({k: f[k] for k in FINDING_KEYS})
    assert len(rows) == len(report["scorecards"])
    for card in report["scorecards"]:
        mid = id_of(card["path"])
        assert rows[mid]["score"] == card["score"] and rows[mid]["verdict"] == card["verdict"]
        expected = [{k: f[k] for k in FINDING_KEYS} for f in report["findings"] if f["path"] == card["path"]]
        assert found.get(mid, []) == expected, mid


def test_one_message_equals_check_on_the_examples(tmp_path):
    archive = tmp_path / "examples.jsonl"
    archive.write_text("".join(json.dumps({"id": p.name, "text": p.read_text(encoding="utf-8")}) + "\n"
                               for p in DRAFTS), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = run_cli("batch", archive, "-o", out, "--isolated")
    assert res.code == 0, res.err
    assert "synchronous scheduler" in res.err  # a small input does not start a cluster
    report = check_json(*DRAFTS, extra=("--isolated",))
    assert len(report["findings"]) > 10
    assert_same_as_check(out, report, lambda path: Path(path).name)
    page = run_cli("batch-report", out, "-o", "-")  # JSONL results read back too
    assert page.code == 0 and "pushy-launch-email.md" in page.out and "No dated messages to plot." in page.out


def test_folder_of_drafts_uses_the_config_like_check(tmp_path):
    """The team pack's folder: its tonelint.yaml, path overrides and channels apply as in check."""
    drafts = EXAMPLES / "team-pack" / "drafts"
    out = tmp_path / "out"
    res = run_cli("batch", drafts, "-o", out)
    assert res.code == 0, res.err
    report = check_json(drafts)
    assert {f["rule"] for f in report["findings"]} & {"ACME1", "ACME2", "TL901"}  # the team's own rules ran
    assert_same_as_check(out, report, lambda path: path)


def test_csv_with_mapped_columns_parquet_and_mbox(tmp_path):
    texts = {p.name: p.read_text(encoding="utf-8") for p in DRAFTS}
    report = check_json(*DRAFTS, extra=("--isolated",))
    # CSV: other column names, quoted multi-line text, a column mapping file.
    import csv

    with open(tmp_path / "a.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["msg", "body", "sent"])
        for name, text in texts.items():
            w.writerow([name, text, "2025-03-04"])
    (tmp_path / "map.yaml").write_text("columns:\n  id: msg\n", encoding="utf-8")
    res = run_cli("batch", tmp_path / "a.csv", "-o", tmp_path / "csv-out", "--column", "text=body",
                  "--columns", tmp_path / "map.yaml", "--column", "date=sent", "--isolated")
    assert res.code == 0, res.err
    assert_same_as_check(tmp_path / "csv-out", report, lambda path: Path(path).name)
    assert {r["month"] for r in rows_of(tmp_path / "csv-out", "messages")} == {"2025-03"}
    # Parquet, one row group per message so partitions cut across groups.
    table = pa.table({"id": list(texts), "text": list(texts.values())})
    pq.write_table(table, tmp_path / "a.parquet", row_group_size=1)
    res = run_cli("batch", tmp_path / "a.parquet", "-o", tmp_path / "pq-out", "--isolated")
    assert res.code == 0, res.err
    assert_same_as_check(tmp_path / "pq-out", report, lambda path: Path(path).name)
    # mbox: each message checked as the .eml it is.
    box = mailbox.mbox(tmp_path / "a.mbox")
    emls = []
    for i, (name, text) in enumerate(texts.items()):
        msg = EmailMessage()
        msg["From"], msg["Subject"], msg["Message-ID"] = "Growth <growth@example.com>", name, f"<{name}>"
        msg["Date"] = "Tue, 04 Mar 2025 10:00:00 +0100"
        msg.set_content(text)
        box.add(msg)
        eml = tmp_path / "eml" / f"{name}.eml"
        eml.parent.mkdir(exist_ok=True)
        emls.append(eml)
    box.flush()
    for key, eml in zip(box.keys(), emls):  # the bytes the mbox holds for each message, as a saved .eml
        eml.write_bytes(box.get_bytes(key))
    box.close()
    res = run_cli("batch", tmp_path / "a.mbox", "-o", tmp_path / "mbox-out", "--isolated")
    assert res.code == 0, res.err
    eml_report = check_json(*emls, extra=("--isolated",))
    assert len(eml_report["findings"]) > 5
    assert_same_as_check(tmp_path / "mbox-out", eml_report, lambda path: f"<{Path(path).stem}>")
    rows = rows_of(tmp_path / "mbox-out", "messages")
    assert {r["sender"] for r in rows} == {"Growth <growth@example.com>"}
    assert {r["date"] for r in rows} == {"2025-03-04T09:00:00"} and {r["channel"] for r in rows} == {"email"}


# Flags and the extra -------------------------------------------------------------------

@pytest.mark.parametrize("args, message", [
    (["-o", "{o}"], "give at least one archive"),
    (["{a}", "-o", "{o}", "--column", "body"], "expected FIELD=COLUMN"),
    (["{a}", "-o", "{o}", "--column", "texts=body"], "unknown message field 'texts'"),
    (["{a}", "-o", "{o}", "--scheduler", "localhost"], "--scheduler: expected an address"),
    (["{a}", "-o", "{o}", "--partition-size", "0"], "--partition-size"),
    (["{a}", "-o", "{o}", "--workers", "0"], "--workers"),
    (["{d}/missing.jsonl", "-o", "{o}"], "missing.jsonl: no such file or directory"),
    (["{d}/notes.xlsx", "-o", "{o}"], "cannot tell the kind of input"),
    (["{c}", "-o", "{o}"], "no column 'text' in the header; map it with --column text=NAME"),
    (["{a}", "-o", "{o}", "--channel", "fax"], "unknown channel 'fax'"),
    (["{a}", "-o", "{o}", "--columns", "{d}/none.yaml"], "--columns: no such file"),
    (["{a}", "-o", "{a}"], "-o"),
])
def test_bad_flags_are_one_line_errors(tmp_path, args, message):
    (tmp_path / "a.jsonl").write_text('{"text": "Hi."}\n', encoding="utf-8")
    (tmp_path / "c.csv").write_text("body\nHi.\n", encoding="utf-8")
    (tmp_path / "notes.xlsx").write_bytes(b"PK")
    fill = {"a": tmp_path / "a.jsonl", "c": tmp_path / "c.csv", "d": tmp_path, "o": tmp_path / "out"}
    res = run_cli("batch", *[a.format(**fill) for a in args])
    assert res.code == 2
    said = [line for line in res.err.splitlines() if line.strip() and not line.startswith(("Usage:", "Try "))]
    assert len(said) == 1 and message in said[0], res.err  # click's usage lines aside, one line


def test_an_earlier_run_is_resumed_only_when_asked_and_unchanged(tmp_path):
    archive = tmp_path / "a.jsonl"
    archive.write_text('{"text": "We think you will like it."}\n', encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli("batch", archive, "-o", out).code == 0
    res = run_cli("batch", archive, "-o", out)
    assert res.code == 2 and "pass --resume" in res.err
    res = run_cli("batch", archive, "-o", out, "--resume", "--select", "TL1")
    assert res.code == 2 and "differ from the run that wrote this folder" in res.err
    res = run_cli("batch", archive, "-o", out, "--resume")
    assert res.code == 0 and "(1 of 1 partitions were already done)" in res.err


def test_without_the_extra_a_hint_and_exit_2(monkeypatch, tmp_path):
    import importlib.util

    from tonelint.batch import command

    real = importlib.util.find_spec
    monkeypatch.setattr(command, "find_spec", lambda name, *a: None if name == "dask" else real(name, *a))
    res = run_cli("batch", tmp_path, "-o", tmp_path / "out")
    assert res.code == 2
    assert res.err.strip() == "tonelint batch: needs Dask and pyarrow: pip install 'tonelint[batch]' " \
                              "(missing: dask)"


def test_the_core_cli_does_not_import_dask_or_pyarrow():
    code = ("import sys, tonelint.cli; from tonelint.cli import main\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed', 'pyarrow'))\n"
            "assert not bad, bad")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


# The trend page --------------------------------------------------------------------

def trend_page(out: Path, tmp_path: Path) -> tuple[str, object]:
    page = tmp_path / "trends.html"
    res = run_cli("batch-report", out, "-o", page)
    return (page.read_text(encoding="utf-8") if page.exists() else ""), res


def section(page: str, name: str) -> str:
    start = page.index(f"<section id='{name}'>")
    return page[start:page.index("</section>", start)]


def test_trend_page_plots_the_archive(full_run, tmp_path):
    out, _ = full_run
    page, res = trend_page(out, tmp_path)
    assert res.code == 0 and "Wrote" in res.err and "20,000 messages" in res.err, res.err
    messages = rows_of(out, "messages")
    mean = sum(r["score"] for r in messages) / len(messages)
    assert f"<b>{mean:.1f}</b><span>Mean score</span>" in page
    asks = sum(r["asks_first"] for r in messages) / len(messages)
    assert f"<b>{asks:.0%}</b><span>Ask before giving</span>" in page
    score = section(page, "score")
    march = [r["score"] for r in messages if r["month"] == "2025-03"]
    assert f"<title>mean score · 2025-03: {sum(march) / len(march):.0f}</title>" in score
    assert score.count("<title>mean score · ") == 24 and "<polyline" in score  # one point per month, joined
    channels = section(page, "by-channel")
    assert all(f"{c}</span>" in channels for c in ("email", "newsletter", "social", "landing-page"))
    assert channels.count("<polyline") == 4
    senders = section(page, "by-sender")
    assert senders.count("<polyline") == 5 and "founders" in senders
    rules = section(page, "rules")
    top = max({f["rule"] for f in rows_of(out, "findings")},
              key=lambda r: sum(f["rule"] == r for f in rows_of(out, "findings")))
    assert f"<title>{top}:" in rules and rules.count("<polyline") >= 3
    assert "<polyline" in section(page, "asks")
    extremes = section(page, "extremes")
    assert extremes.count("<article class='msg'>") == 10
    worst = min(messages, key=lambda r: (r["score"], r["id"]))
    assert f"<span class='score'>{worst['score']}</span>" in extremes
    assert "Content-Security-Policy" in page and "script-src 'none'" in page and "<script" not in page.lower()


def test_trend_page_escapes_what_messages_say(tmp_path):
    archive = tmp_path / "a.jsonl"
    rows = [{"id": "<img src=x onerror=alert(1)>", "text": "Our target audience will love it! Buy now!!!",
             "subject": "<script>alert(1)</script>", "sender": "a&b", "channel": "<b>sms</b>", "date": "2025-01-02"}]
    archive.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert run_cli("batch", archive, "-o", tmp_path / "out", "--isolated").code == 0
    page, res = trend_page(tmp_path / "out", tmp_path)
    assert res.code == 0, res.err
    body = page.split("</style>", 1)[1]
    assert "<script" not in body and "<img" not in body and "<b>sms" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body and "a&amp;b" in body


def test_batch_report_errors(tmp_path):
    res = run_cli("batch-report", tmp_path, "-o", tmp_path / "t.html")
    assert res.code == 2 and "not a tonelint batch results folder" in res.err
    assert not (tmp_path / "t.html").exists()


def test_trend_page_in_headless_chromium(full_run, tmp_path):
    from test_report_html import _browse, _chromium, _console

    browser = _chromium()
    if browser is None:
        if os.environ.get("TONELINT_EXPECT_INSTALLED"):
            pytest.fail("no chromium on PATH although .ci/run installs it")
        pytest.skip("no chromium on PATH (Debian: apt-get install chromium; .ci/run does)")
    page, _ = trend_page(full_run[0], tmp_path)
    url = (tmp_path / "trends.html").as_uri()
    dom = _browse(browser, url, tmp_path / "p1", "--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert _console(dom.stderr) == []
    assert dom.stdout.count("<svg class=\"chart\"") == page.count("<svg class='chart'") >= 8
    assert dom.stdout.count("<polyline") == page.count("<polyline") >= 14
    shot = tmp_path / "trends.png"
    shown = _browse(browser, url, tmp_path / "p2", f"--screenshot={shot}", "--window-size=1100,2600")
    assert _console(shown.stderr) == []
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 60_000  # drawn charts, not a blank page
