"""The library API other programs call: typed results, offsets into the text
given, and nothing printed."""

from __future__ import annotations

import re

import tonelint
from tonelint import Diagnostic, Level
from tonelint.engine.core import FileResult
from tonelint.errors import InputError

from conftest import EXAMPLES

DRAFT = "# Spring\n\nOur target audience will love it!!! Buy now.\n"


def test_lint_text_returns_typed_diagnostics_and_prints_nothing(capsys):
    diagnostics = tonelint.lint_text(DRAFT, fmt="markdown")
    assert capsys.readouterr() == ("", "")
    assert diagnostics and all(isinstance(d, Diagnostic) for d in diagnostics)
    got = [(d.rule, d.family, d.level, DRAFT[d.start : d.end]) for d in diagnostics]
    assert ("TL101", "audience", Level.WARNING, "target audience") in got
    assert ("TL205", "one-way", Level.WARNING, "!!!") in got
    for d in diagnostics:
        assert d.matched == DRAFT[d.start : d.end]
        assert d.message and d.rationale and d.rewrite
        assert d.path == "-"
    assert [d.start for d in diagnostics] == sorted(d.start for d in diagnostics)


def test_lint_text_fix_is_data():
    (d,) = tonelint.lint_text("We want more eyeballs.", fmt="text", select=["TL105"])
    assert d.fix is not None and d.replacement == "more readers"
    assert d.fix.edits[0].start == d.start and d.fix.edits[0].end == d.end


def test_lint_text_format_matters():
    text = "<p>\nOur users love it\n</p>\n<script>\n// our users love this\n</script>\n"
    html = tonelint.lint_text(text, fmt="html", select=["TL103"])
    plain = tonelint.lint_text(text, fmt="text", select=["TL103"])
    assert [d.matched for d in html] == ["Our users"]
    assert [d.matched for d in plain] == ["Our users", "our users"]


def test_lint_text_rejects_an_unknown_format():
    import pytest

    with pytest.raises(ValueError, match="unknown format"):
        tonelint.lint_text("hi", fmt="docx")


def test_lint_paths_checks_files_and_reports_unreadable_ones(tmp_path, capsys):
    (tmp_path / "a.md").write_text("Our target audience.\n", encoding="utf-8")
    (tmp_path / "b.html").write_text("<p>Our users love it</p>\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9 for our users\n")
    results = tonelint.lint_paths([tmp_path, tmp_path / "missing.md"])
    assert capsys.readouterr() == ("", "")
    files = [r for r in results if isinstance(r, FileResult)]
    errors = [r for r in results if isinstance(r, InputError)]
    assert [(r.path.rsplit("/", 1)[-1], [d.rule for d in r.diagnostics]) for r in files] == [
        ("a.md", ["TL101"]), ("b.html", ["TL103"]),
    ]
    assert sorted(e.where.rsplit("/", 1)[-1] for e in errors) == ["bad.txt", "missing.md"]
    for r in files:
        assert all(d.path == r.path for d in r.diagnostics)


def test_lint_paths_honours_the_configuration_like_the_cli(tmp_path):
    draft = tmp_path / "launch.md"
    draft.write_text("Meet our industry-leading planner. Our target audience is busy managers.\n")
    (tmp_path / ".tonelint.yaml").write_text("ignore: [TL203]\n")
    rules = {d.rule for d in tonelint.lint_paths([draft])[0].diagnostics}
    assert "TL101" in rules and "TL203" not in rules
    # config=False lints with the built-in defaults only.
    rules = {d.rule for d in tonelint.lint_paths([draft], config=False)[0].diagnostics}
    assert "TL203" in rules


def test_every_finding_carries_a_one_sentence_rationale():
    from tonelint.rules.loader import load_rules

    text = (EXAMPLES / "pushy-launch-email.md").read_text(encoding="utf-8")
    found = tonelint.lint_text(text)
    assert {d.family for d in found} == {"audience", "one-way", "listening", "ask"}
    full = {r.id: " ".join(r.rationale.split()) for r in load_rules()}
    for d in found:
        assert d.rationale and d.rationale[-1] in ".!?"
        assert re.search(r"[.!?]\s+[A-Z]", d.rationale) is None, d.rationale
        assert full[d.rule].startswith(d.rationale)  # the first sentence of the rule's own rationale
