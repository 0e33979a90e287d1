"""--jobs: the same findings, in the same order, from worker processes as
from one process.  The size threshold is lowered so that a handful of small
drafts goes through the pool (the real threshold keeps small runs serial)."""

from __future__ import annotations

import json

import pytest

from tonelint.run import parallel

DRAFTS = [
    "# Big news!!!\n\nWe are thrilled to announce our industry-leading app. Our target audience will love it.\n",
    "# Your orders, sooner\n\nYou can now see every order in one place. What would help you most?\n",
    "Hi there,\n\nSign up now! Limited time only. Our users love our revolutionary platform.\n",
    "<html><head><title>Act now!!</title></head><body><p>We target busy moms with deals.</p></body></html>\n",
    "Subject: HUGE SAVINGS TODAY ONLY!\n\nWe are proud to announce a partnership. Click here to buy.\n",
]
SUFFIXES = [".md", ".md", ".txt", ".html", ".eml"]


@pytest.fixture
def pooled(monkeypatch):
    """Counts pool runs; any amount of text is enough to use the pool."""
    calls = []
    real = parallel._pooled

    def spy(runner, sources, jobs):
        calls.append((len(sources), jobs))
        return real(runner, sources, jobs)

    monkeypatch.setattr(parallel, "PARALLEL_MIN_CHARS", 0)
    monkeypatch.setattr(parallel, "_pooled", spy)
    return calls


@pytest.fixture
def corpus(write):
    paths = []
    for i in range(12):
        k = i % len(DRAFTS)
        paths.append(write(f"d{i:02d}{SUFFIXES[k]}", DRAFTS[k] * (1 + i % 3)))
    paths.insert(5, write("binary.md", b"\x00\x01 not text"))
    paths.insert(9, write("latin.md", "caf\xe9 is open".encode("latin-1")))
    return paths


def test_jobs_2_output_matches_jobs_1(cli, corpus, pooled):
    serial = cli("--no-cache", "--jobs", "1", "--format", "json", *corpus)
    assert pooled == []
    parallel_ = cli("--no-cache", "--jobs", "2", "--format", "json", *corpus)
    assert pooled == [(len(corpus) - 2, 2)]
    assert serial.code == parallel_.code == 2  # the two unreadable inputs
    assert parallel_.out == serial.out
    assert parallel_.err == serial.err
    assert "binary.md" in serial.err and "latin.md" in serial.err
    assert len({f["path"] for f in json.loads(serial.out)}) >= 8


def test_jobs_text_output_and_scorecards_match(cli, corpus, pooled):
    strip = lambda s: s.rsplit("(", 1)[0]  # noqa: E731 - the summary ends with the elapsed time
    serial = cli("--no-cache", "-j", "1", *corpus)
    parallel_ = cli("--no-cache", "-j", "3", *corpus)
    assert pooled and "conversation score" in serial.out
    assert strip(parallel_.out) == strip(serial.out)


def test_pool_results_fill_the_cache(cli, corpus, pooled, monkeypatch):
    first = cli("--jobs", "2", "--format", "json", *corpus)
    assert len(pooled) == 1
    second = cli("--jobs", "2", "--format", "json", *corpus)
    assert len(pooled) == 1  # every draft was a hit: no pool, no engine
    assert second.out == first.out


def test_small_runs_stay_in_process(cli, write, monkeypatch):
    calls = []
    monkeypatch.setattr(parallel, "_pooled", lambda *a: calls.append(a))
    res = cli("--no-cache", "--jobs", "4", write("a.md", DRAFTS[0]), write("b.md", DRAFTS[1]))
    assert res.code == 1 and calls == []


def test_jobs_must_be_positive(cli, write):
    res = cli("--jobs", "0", write("a.md", DRAFTS[1]))
    assert res.code == 2 and "--jobs" in res.err


def test_bad_rule_pack_fails_once_in_the_parent(cli, corpus, pooled, tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "X1.yaml").write_text("id: X1\nkind: existence\nmatch: {phrases: [a]}\nbogus: 1\n", encoding="utf-8")
    res = cli("--no-cache", "--jobs", "2", "--rule-path", pack, *corpus)
    # Loaded in the parent before any worker is forked: one line, exit 2.
    assert res.code == 2 and res.err.count("X1.yaml") == 1, res.err


def test_one_large_draft_is_split_over_workers(cli, write, monkeypatch):
    """The paragraphs of one large draft are scanned by all workers; findings,
    sentence-order rules and the scorecard match a single process."""
    paragraphs = []
    for i in range(60):
        paragraphs.append(DRAFTS[i % 2].replace("# ", f"## {i} "))
        paragraphs.append(f"Paragraph {i}: what would help you most? We are proud to announce it. Sign up now!\n")
    draft = write("long.md", "\n".join(paragraphs))
    calls = []
    real = parallel._split_analyse

    def spy(engine, parsed, jobs):
        facts = real(engine, parsed, jobs)
        calls.append(facts is not None)
        return facts

    monkeypatch.setattr(parallel, "LARGE_FILE_CHARS", 1000)
    monkeypatch.setattr(parallel, "_split_analyse", spy)
    serial = cli("--no-cache", "-j", "1", "--format", "json", "--score", draft)
    assert calls == []
    split = cli("--no-cache", "-j", "2", "--format", "json", "--score", draft)
    assert calls == [True]
    assert serial.code == split.code == 1
    assert json.loads(split.out) == json.loads(serial.out)
    assert len(json.loads(serial.out)["findings"]) > 50
