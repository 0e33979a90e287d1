"""The language server's workspace session without LSP: a warm engine that
re-checks only the paragraphs an edit touched, and finds exactly what a full
check finds."""

from __future__ import annotations

from dataclasses import replace

import pytest

from conftest import EXAMPLES

from tonelint.api import default_engine
from tonelint.server.session import Session, affects_config, format_of
from tonelint.source.files import SourceFile


def _sig(diagnostics):
    return [(d.rule, d.start, d.end, d.message, d.fix) for d in diagnostics]


def test_paragraph_memo_finds_what_a_full_check_finds_and_rescans_only_the_edit():
    text = (EXAMPLES / "pushy-launch-email.md").read_text(encoding="utf-8")
    engine = default_engine()
    source = SourceFile(path="pushy.md", text=text, format="markdown")
    memo: dict = {}
    assert _sig(engine.check(source, memo=memo).diagnostics) == _sig(engine.check(source).diagnostics)
    paragraphs = len(memo["scans"])
    assert paragraphs > 3

    scanned = []
    real_scan = engine.bank.scan

    def counting(segments, docs):
        scanned.append([s.text for s in segments])
        return real_scan(segments, docs)

    engine.bank.scan = counting
    try:
        # Type one character at a time into the middle of the draft, and
        # delete a paragraph break (two paragraphs become one).
        at = text.index("\n\n", len(text) // 2)
        edits = [text[:at] + " Our users" [:n] + text[at:] for n in range(1, 11)]
        edits.append(text[:at] + " " + text[at + 2:])
        for edited in edits:
            scanned.clear()
            got = engine.check(replace(source, text=edited), memo=memo)
            assert len(scanned) <= 2  # only what the edit touched
            engine.bank.scan = real_scan
            assert _sig(got.diagnostics) == _sig(engine.check(replace(source, text=edited)).diagnostics)
            engine.bank.scan = counting
            assert len(memo["scans"]) <= paragraphs + 1  # holds this text's paragraphs only
    finally:
        engine.bank.scan = real_scan
    assert any(d.rule == "TL103" for d in engine.check(replace(source, text=edits[-2]), memo=memo).diagnostics)


def test_session_uses_the_workspace_config_and_fix_all_matches_the_cli(tmp_path, cli):
    (tmp_path / ".tonelint.yaml").write_text("ignore: [TL202]\n", encoding="utf-8")
    draft = tmp_path / "d.md"
    text = "We are proud to announce it. A million eyeballs!!! Our users love it.\n"
    draft.write_text(text, encoding="utf-8")
    session = Session(str(tmp_path))
    checked = session.check("k", str(draft), text, "markdown")
    rules = {d.rule for d in checked.diagnostics}
    assert "TL202" not in rules and {"TL105", "TL103"} <= rules
    fixed = session.fix_all("k")
    assert cli("--fix", "--no-cache", str(draft)).code in (0, 1)
    assert fixed == draft.read_text(encoding="utf-8") != text

    (tmp_path / ".tonelint.yaml").write_text("ignore: [TL105]\n", encoding="utf-8")
    assert "TL105" in {d.rule for d in session.check("k", str(draft), text, "markdown").diagnostics}
    session.reload()  # what a watched-file change or a saved config triggers
    after = {d.rule for d in session.check("k", str(draft), text, "markdown").diagnostics}
    assert "TL105" not in after and "TL202" in after


def test_which_files_reload_and_which_documents_are_checked():
    assert affects_config("/w/.tonelint.yaml") and affects_config("/w/pyproject.toml")
    assert affects_config("/w/rules/TL900-x.yaml") and affects_config("/w/rules/lists/hype.txt")
    assert not affects_config("/w/drafts/notes.txt") and not affects_config("/w/drafts/a.md")
    assert format_of("/w/a.md", "plaintext") == "markdown"  # the name wins, as in the CLI
    assert format_of("/w/README", "markdown") == "markdown"
    assert format_of("/w/msg", "mail") == "email"
    assert format_of("/w/app.py", "python") is None


@pytest.mark.parametrize("size", [1, 40, 1024])
def test_markdown_parsed_again_after_edits_gives_the_whole_documents_segments(size):
    from test_markup_chunks import TRICKY, snapshot

    from tonelint.markup import chunks
    from tonelint.markup.markdown import parse_markdown

    memo: dict = {}
    text = TRICKY
    # Edits that move pieces, change a label's definition, open and close a
    # fence, and join two paragraphs: after each, what the memo gives is
    # what a parse of the whole new text gives.
    edits = [
        lambda t: t.replace("We are thrilled", "We are so thrilled"),
        lambda t: t.replace("[later ref]: /url", "[later ref]: /elsewhere"),
        lambda t: t.replace("After the fence.", "```\nAfter the fence."),
        lambda t: t.replace("```\nAfter the fence.", "After the fence."),
        lambda t: t.replace("Sign up now!!!\n\n", "Sign up now!!! "),
        lambda t: "Our users first.\n\n" + t,
        lambda t: t.replace("[ref2]:\n  /two\n", ""),
    ]
    assert snapshot(chunks.parse_markdown_memo(text, memo, size)) == snapshot(parse_markdown(text))
    for edit in edits:
        text = edit(text)
        assert snapshot(chunks.parse_markdown_memo(text, memo, size)) == snapshot(parse_markdown(text))
        assert snapshot(chunks.parse_markdown_memo(text, memo, size)) == snapshot(parse_markdown(text))  # all from memo
