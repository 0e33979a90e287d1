"""--write-baseline / --baseline on a real temporary git repository: old
findings stay quiet through edits that shift lines, new ones are reported."""

from __future__ import annotations

import json

from conftest import NEWS, git


def rules(res):
    return sorted(f["rule"] for f in json.loads(res.out))


def test_baseline_hides_old_findings_and_reports_new_ones(cli, repo):
    before = cli("--format", "json", "content")
    assert before.code == 1 and "TL101" in rules(before)
    res = cli("--write-baseline", ".tonelint-baseline.json", "content")
    assert res.code == 0 and res.out == ""
    n = len(json.loads(before.out))
    assert f"{n} finding" in res.err
    data = json.loads((repo / ".tonelint-baseline.json").read_text(encoding="utf-8"))
    assert data["tool"] == "tonelint" and data["version"] == 1
    assert {f["path"] for f in data["findings"]} == {"content/news.md"}
    assert all("line" in f and "fingerprint" in f for f in data["findings"])
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "baseline")

    clean = cli("--format", "json", "--baseline", ".tonelint-baseline.json", "content")
    assert clean.code == 0 and rules(clean) == []

    # Unrelated edits above the old finding shift its line and re-wrap nothing
    # it depends on: still known.  A new pushy line is reported.
    text = "# Spring news\n\nA new paragraph.\n\nAnother one, about the weather.\n\n" + NEWS.split("\n", 2)[2]
    text += "\nOur leads will love the prospects of this.\n"
    (repo / "content" / "news.md").write_text(text, encoding="utf-8")
    res = cli("--format", "json", "--baseline", ".tonelint-baseline.json", "content")
    found = json.loads(res.out)
    assert res.code == 1
    assert "TL101" not in {f["rule"] for f in found}
    assert {f["matched"].lower() for f in found} == {"our leads"}
    assert all(f["line"] == text.count("\n") for f in found if f["rule"] == "TL104")


def test_baseline_works_from_another_directory(cli, repo, monkeypatch):
    cli("--write-baseline", "base.json", "content")
    monkeypatch.chdir(repo / "content")
    res = cli("--format", "json", "--baseline", "../base.json", "news.md")
    assert res.code == 0 and rules(res) == []


def test_rewrapped_paragraph_keeps_its_fingerprint(cli, repo):
    cli("--write-baseline", "base.json", "content")
    (repo / "content" / "news.md").write_text(NEWS.replace("Our target audience loves", "Our target\naudience   loves"),
                                              encoding="utf-8")
    res = cli("--format", "json", "--baseline", "base.json", "content")
    assert rules(res) == []


def test_a_second_identical_finding_is_new(cli, repo):
    cli("--write-baseline", "base.json", "content")
    (repo / "content" / "news.md").write_text(NEWS + "\nOur target audience loves the new menu.\n", encoding="utf-8")
    res = cli("--format", "json", "--baseline", "base.json", "content")
    assert rules(res).count("TL101") == 1


def test_baseline_file_errors_are_one_line(cli, repo):
    res = cli("--baseline", "missing.json", "content")
    assert res.code == 2 and res.err.strip().startswith("missing.json: no such baseline file")
    (repo / "bad.json").write_text("{not json", encoding="utf-8")
    res = cli("--baseline", "bad.json", "content")
    assert res.code == 2 and "bad.json: not a tonelint baseline" in res.err and "Traceback" not in res.err
    (repo / "other.json").write_text('{"tool": "tonelint", "version": 99, "findings": []}', encoding="utf-8")
    res = cli("--baseline", "other.json", "content")
    assert res.code == 2 and "version 99" in res.err


def test_fingerprints_ignore_lines_but_not_context():
    from tonelint.run.baseline import fingerprints
    from tonelint.diagnostics import Diagnostic, Level

    def diag(text, word, nth=0):
        start = -1
        for _ in range(nth + 1):
            start = text.index(word, start + 1)
        return Diagnostic("TL101", "audience", Level.WARNING, start, start + len(word), word, "m", "r", "w")

    a = "Intro.\n\nOur target audience loves it."
    b = "Intro.\n\nMore intro.\n\n\nOur target audience loves it."
    assert fingerprints(a, [diag(a, "target audience")]) == fingerprints(b, [diag(b, "target audience")])
    c = "Intro.\n\nOur target audience hates it."
    assert fingerprints(a, [diag(a, "target audience")]) != fingerprints(c, [diag(c, "target audience")])
    twice = "Our target audience loves it. Our target audience loves it."
    fa, fb = fingerprints(twice, [diag(twice, "target audience"), diag(twice, "target audience", 1)])
    assert fa != fb
