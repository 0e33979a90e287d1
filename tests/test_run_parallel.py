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


def _references_everywhere() -> str:
    """Markdown whose pieces use link labels defined in earlier pieces, in
    later ones, twice, and not at all, between the tricky blocks of the
    chunking tests (fences, HTML, front matter)."""
    from test_markup_chunks import TRICKY

    out = [TRICKY]
    for i in range(40):
        out.append(f"## Section {i}\n\nRead [the guide][g{i}] and [the last one][end] and [the first one][start]. "
                   f"We are proud to announce it! Our target audience will love [it][g{(i + 7) % 40}].\n\n"
                   f"What would help you most? Sign up now at [our site] or [here][dup].\n\n"
                   f"[g{i}]: https://example.com/{i}\n[dup]: https://example.com/dup{i}\n\n")
        if i == 3:
            out.append("[start]: https://example.com/start\n\n")
    out.append("Closing words, with [our site] named.\n\n[end]: https://example.com/end\n[our site]: https://x.example\n\n")
    for i in range(6):  # pieces that use only labels defined before them
        out.append(f"Afterword {i}: see [the first one][start] and [section five][g5] again, once more, with feeling, "
                   f"for the readers who skipped ahead to the end of this long and winding page.\n\n")
    return "".join(out)


def test_a_large_markdown_draft_is_parsed_and_scanned_in_workers(cli, write, monkeypatch):
    """Each worker parses pieces knowing only their own link references;
    the pieces that use another piece's labels are settled as the serial
    parse gives them: the same segments, Facts, findings and scorecard."""
    from tonelint.api import default_engine
    from tonelint.markup import chunks, parse
    from tonelint.source.files import SourceFile
    from test_markup_chunks import snapshot

    monkeypatch.setattr("tonelint.markup._CHUNK_THRESHOLD", 1000)
    monkeypatch.setattr(chunks, "CHUNK_SIZE", 600)
    text = _references_everywhere()
    engine = default_engine()
    settled = []
    real_settle = chunks.settle
    monkeypatch.setattr(chunks, "settle", lambda t, alone, inner=None: settled.append(real_settle(t, alone, inner)) or settled[-1])
    parsed, facts = parallel._split_prepare(engine, SourceFile(path="d.md", text=text, format="markdown"), jobs=2)
    assert len(settled[0]) >= 15 and 0 < sum(p is not None for p in settled[0]) < len(settled[0])
    whole = parse(text, "markdown")
    assert snapshot(parsed) == snapshot(whole)
    serial = engine.analyse(whole)
    assert (facts.sentences, facts.hits, facts.words) == (serial.sentences, serial.hits, serial.words)

    draft = write("long.md", text)
    monkeypatch.setattr(parallel, "LARGE_FILE_CHARS", 1000)
    one = cli("--no-cache", "-j", "1", "--format", "json", "--score", draft)
    two = cli("--no-cache", "-j", "2", "--format", "json", "--score", draft)
    assert one.code == two.code == 1
    assert json.loads(two.out) == json.loads(one.out)
    assert len(json.loads(one.out)["findings"]) > 40


def test_a_worker_leaves_when_its_parent_is_killed(tmp_path):
    """A parent killed with SIGKILL cannot shut its pool down; its workers must not outlive it."""
    import os
    import signal
    import subprocess
    import sys
    import time

    script = (
        "import multiprocessing, os, sys, time\n"
        "from concurrent.futures import ProcessPoolExecutor\n"
        "from tonelint.run import parallel\n"
        "pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context('fork'),\n"
        "                           initializer=parallel._enter, initargs=((), ()))\n"
        "print(pool.submit(os.getpid).result(), flush=True)\n"
        "time.sleep(600)\n")
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": os.getcwd()})
    worker = int(parent.stdout.readline())
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    for _ in range(300):  # gone within a minute, whatever the machine's load (not a speed check)
        try:
            os.kill(worker, 0)
        except ProcessLookupError:
            break
        time.sleep(0.2)
    else:
        os.kill(worker, signal.SIGKILL)
        pytest.fail("the worker outlived its killed parent")
