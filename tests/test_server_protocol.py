"""`tonelint server` at the protocol level: a pygls client starts the real
server process over stdio and talks LSP to it, as an editor would."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls")
from lsprotocol import types  # noqa: E402
from pygls.lsp.client import LanguageClient  # noqa: E402

from tonelint.server.positions import PositionMap  # noqa: E402

from conftest import run_cli  # noqa: E402

SERVER = [sys.executable, "-m", "tonelint", "server"]

DRAFT = (
    "# Big news from us\n"
    "\n"
    "We are proud to announce our revolutionary app for our target audience. "
    "It puts your shop in front of more eyeballs. Sign up now!!!\n"
    "\n"
    "Café owners told us the old sign-up form was slow — so we fixed it.\n"
)


class Editor:
    """A pygls client plus what the server has published to it."""

    def __init__(self) -> None:
        self.client = LanguageClient("tonelint-test", "1")
        self.published: dict[str, asyncio.Queue] = {}
        self.messages: list[str] = []

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def publish(ls, params: types.PublishDiagnosticsParams):
            self.queue(params.uri).put_nowait(params)

        @self.client.feature(types.WINDOW_SHOW_MESSAGE)
        def show(ls, params: types.ShowMessageParams):
            self.messages.append(params.message)

        @self.client.feature(types.CLIENT_REGISTER_CAPABILITY)
        def register(ls, params):
            return None

        self.lens_refreshes = 0

        @self.client.feature(types.WORKSPACE_CODE_LENS_REFRESH)
        def refresh(ls, params):
            self.lens_refreshes += 1
            return None

    def queue(self, uri: str) -> asyncio.Queue:
        return self.published.setdefault(uri, asyncio.Queue())

    async def start(self, root: Path, options: dict | None = None) -> None:
        await self.client.start_io(*SERVER, cwd=str(root))
        caps = types.ClientCapabilities(workspace=types.WorkspaceClientCapabilities(
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True),
            code_lens=types.CodeLensWorkspaceClientCapabilities(refresh_support=True)))
        await self.client.initialize_async(types.InitializeParams(
            capabilities=caps, root_uri=root.as_uri(), initialization_options=options,
            workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="w")]))
        self.client.initialized(types.InitializedParams())

    async def diagnostics(self, uri: str) -> list[types.Diagnostic]:
        params = await asyncio.wait_for(self.queue(uri).get(), timeout=120)
        return params.diagnostics

    def open(self, path: Path, text: str | None = None, language: str = "markdown") -> str:
        uri = path.as_uri()
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
            uri=uri, language_id=language, version=1, text=path.read_text(encoding="utf-8") if text is None else text)))
        return uri

    def change(self, uri: str, version: int, start: tuple[int, int], end: tuple[int, int], text: str) -> None:
        rng = types.Range(start=types.Position(line=start[0], character=start[1]),
                          end=types.Position(line=end[0], character=end[1]))
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangePartial(range=rng, text=text)]))

    async def stop(self) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()


def run(coro):
    return asyncio.run(asyncio.wait_for(coro, timeout=300))


def cli_findings(path: Path) -> list[dict]:
    res = run_cli("--format", "json", "--no-cache", str(path))
    assert res.code in (0, 1), res.err
    return json.loads(res.out)


def as_lsp(findings: list[dict], text: str) -> list[tuple]:
    pmap = PositionMap(text)
    return sorted((f["rule"], pmap.position(f["offset"]), pmap.position(f["end_offset"]), f["message"]) for f in findings)


def from_lsp(diagnostics: list[types.Diagnostic]) -> list[tuple]:
    return sorted((d.code, (d.range.start.line, d.range.start.character), (d.range.end.line, d.range.end.character),
                   d.message) for d in diagnostics if d.code != "scorecard")


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    pmap = PositionMap(text)
    spans = sorted(((pmap.offset(e.range.start.line, e.range.start.character),
                     pmap.offset(e.range.end.line, e.range.end.character), e.new_text) for e in edits), reverse=True)
    for a, b, new in spans:
        text = text[:a] + new + text[b:]
    return text


def test_diagnostics_equal_the_cli_json_position_for_position(tmp_path):
    draft = tmp_path / "launch.md"
    draft.write_text(DRAFT, encoding="utf-8")
    expected = as_lsp(cli_findings(draft), DRAFT)
    assert expected, "the draft must have findings for this test to mean anything"

    async def go():
        ed = Editor()
        await ed.start(tmp_path)
        try:
            uri = ed.open(draft)
            got = await ed.diagnostics(uri)
        finally:
            await ed.stop()
        return got

    got = run(go())
    assert from_lsp(got) == expected
    by_rule = {d.code: d for d in got}
    some = next(iter(by_rule.values()))
    assert some.source == "tonelint"
    assert some.code_description is not None and some.code_description.href.startswith("file://")
    # Severity follows the level: the JSON says warning -> LSP Warning.
    levels = {f["rule"]: f["level"] for f in cli_findings(draft)}
    for d in got:
        want = {"error": 1, "warning": 2, "suggestion": 3}[levels[d.code]]
        assert d.severity == want


def test_edit_hover_and_code_actions(tmp_path):
    draft = tmp_path / "launch.md"
    draft.write_text(DRAFT, encoding="utf-8")

    async def go():
        ed = Editor()
        await ed.start(tmp_path)
        try:
            uri = ed.open(draft)
            first = await ed.diagnostics(uri)
            # Type into the last line (after the non-ASCII "é" and "—"): the
            # findings above it keep their positions.
            ed.change(uri, 2, (4, 0), (4, 0), "Our users love it. ")
            second = await ed.diagnostics(uri)
            text = DRAFT.replace("Café owners", "Our users love it. Café owners")
            # Hover on the first finding with a rewrite.
            target = next(d for d in second if d.code not in (None, "scorecard"))
            hover = await ed.client.text_document_hover_async(types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=uri), position=target.range.start))
            # Code actions over the whole document.
            pmap = PositionMap(text)
            end = pmap.position(len(text))
            actions = await ed.client.text_document_code_action_async(types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=types.Range(start=types.Position(line=0, character=0),
                                  end=types.Position(line=end[0], character=end[1])),
                context=types.CodeActionContext(diagnostics=second)))
            lens = await ed.client.text_document_code_lens_async(types.CodeLensParams(
                text_document=types.TextDocumentIdentifier(uri=uri)))
            refreshes = ed.lens_refreshes
        finally:
            await ed.stop()
        return first, second, text, target, hover, actions, lens, refreshes

    first, second, text, target, hover, actions, lens, refreshes = run(go())
    assert refreshes >= 1  # the score line appeared, so the client was asked to fetch lenses
    edited = tmp_path / "edited.md"
    edited.write_text(text, encoding="utf-8")
    assert from_lsp(second) == as_lsp(cli_findings(edited), text)
    assert len(second) > len(first)  # "Our users" is a new finding

    assert hover is not None and target.code in hover.contents.value and "Why:" in hover.contents.value

    fix_all = [a for a in actions if a.kind == "source.fixAll.tonelint"]
    quick = [a for a in actions if a.kind == types.CodeActionKind.QuickFix]
    assert quick and len(fix_all) == 1
    fixed = apply_edits(text, fix_all[0].edit.changes[edited.as_uri().replace("edited", "launch")])
    # The same text `tonelint --fix` writes.
    assert run_cli("--fix", "--no-cache", str(edited)).code in (0, 1)
    assert fixed == edited.read_text(encoding="utf-8") != text
    one = quick[0]
    changed = apply_edits(text, one.edit.changes[draft.as_uri()])
    assert changed != text and len(changed.splitlines()) == len(text.splitlines())
    assert lens and lens[0].command.title.startswith("tonelint: conversation score")


def test_config_is_discovered_and_reloaded_when_it_changes(tmp_path):
    draft = tmp_path / "drafts" / "launch.md"
    draft.parent.mkdir()
    draft.write_text(DRAFT, encoding="utf-8")
    config = tmp_path / ".tonelint.yaml"

    async def go():
        ed = Editor()
        await ed.start(tmp_path, {"scorecard": "off"})
        try:
            uri = ed.open(draft)
            before = await ed.diagnostics(uri)
            rule = before[0].code
            config.write_text(f"ignore: [{rule}]\n", encoding="utf-8")
            ed.client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
                types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Created)]))
            after = await ed.diagnostics(uri)
            expected = as_lsp(cli_findings(draft), DRAFT)  # the CLI reads the same config
            config.write_text("ignore: [TL9999\n", encoding="utf-8")  # broken YAML
            ed.client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
                types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]))
            broken = await ed.diagnostics(uri)
            # Saving the config in the editor reloads it too (clients that do
            # not watch files for the server still send didSave).
            config.write_text("ignore: []\n", encoding="utf-8")
            ed.client.text_document_did_save(types.DidSaveTextDocumentParams(
                text_document=types.TextDocumentIdentifier(uri=config.as_uri())))
            saved = await ed.diagnostics(uri)
        finally:
            await ed.stop()
        return rule, before, after, expected, broken, saved

    rule, before, after, expected, broken, saved = run(go())
    assert from_lsp(saved) == from_lsp(before)
    assert rule in {d.code for d in before}
    assert rule not in {d.code for d in after} and after
    assert from_lsp(after) == expected
    assert len(broken) == 1 and broken[0].severity == types.DiagnosticSeverity.Error
    assert ".tonelint.yaml" in broken[0].message


def test_suppressions_and_other_formats(tmp_path):
    html = tmp_path / "page.html"
    html.write_text("<html><body><p>Our revolutionary tool for our target audience.</p>"
                    "<!-- tonelint-disable-next-line -->\n<p>Our target audience again.</p></body></html>",
                    encoding="utf-8")
    plain = tmp_path / "notes"  # no suffix: the language id decides
    plain.write_text("We are proud to announce it to our target audience.\n", encoding="utf-8")

    async def go():
        ed = Editor()
        await ed.start(tmp_path, {"scorecard": "off"})
        try:
            got_html = await ed.diagnostics(ed.open(html, language="html"))
            got_plain = await ed.diagnostics(ed.open(plain, language="plaintext"))
        finally:
            await ed.stop()
        return got_html, got_plain

    got_html, got_plain = run(go())
    assert from_lsp(got_html) == as_lsp(cli_findings(html), html.read_text(encoding="utf-8"))
    assert {d.range.start.line for d in got_html} == {0}  # the suppressed line has none
    as_txt = tmp_path / "notes.txt"
    as_txt.write_text(plain.read_text(encoding="utf-8"), encoding="utf-8")
    assert from_lsp(got_plain) == as_lsp(cli_findings(as_txt), as_txt.read_text(encoding="utf-8"))
    assert got_plain


def test_without_the_extra_the_command_prints_one_line_and_exits_2(tmp_path):
    # A sitecustomize that hides pygls, as an install without the extra would.
    (tmp_path / "sitecustomize.py").write_text(
        "import sys\nclass _Hide:\n    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('pygls', 'lsprotocol'):\n"
        "            raise ModuleNotFoundError(f'No module named {name!r}', name=name)\n"
        "sys.meta_path.insert(0, _Hide())\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")]))
    proc = subprocess.run(SERVER, capture_output=True, text=True, env=env, timeout=120, stdin=subprocess.DEVNULL)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == ["tonelint server: needs the server extra: pip install 'tonelint[server]'"]


def test_the_cli_never_imports_the_server_packages(tmp_path):
    draft = tmp_path / "d.md"
    draft.write_text(DRAFT, encoding="utf-8")
    code = ("import sys\nfrom tonelint.cli import main\ntry:\n    main(['--no-cache', sys.argv[1]])\n"
            "except SystemExit:\n    pass\nprint(sorted(m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol')))")
    proc = subprocess.run([sys.executable, "-c", code, str(draft)], capture_output=True, text=True, timeout=300)
    assert proc.stdout.strip().splitlines()[-1] == "[]", proc.stderr[-2000:]


def test_scorecard_as_a_diagnostic_and_a_docs_url_of_ones_own(tmp_path):
    draft = tmp_path / "launch.md"
    draft.write_text(DRAFT, encoding="utf-8")

    async def go():
        ed = Editor()
        await ed.start(tmp_path, {"scorecard": "diagnostic", "docsUrl": "https://docs.example/rules/{rule}"})
        try:
            got = await ed.diagnostics(ed.open(draft))
            lens = await ed.client.text_document_code_lens_async(types.CodeLensParams(
                text_document=types.TextDocumentIdentifier(uri=draft.as_uri())))
            shown = await ed.client.workspace_execute_command_async(types.ExecuteCommandParams(
                command="tonelint.showScorecard", arguments=[draft.as_uri()]))
        finally:
            await ed.stop()
        return got, lens, shown

    got, lens, shown = run(go())
    card = [d for d in got if d.code == "scorecard"]
    assert len(card) == 1 and card[0].severity == types.DiagnosticSeverity.Information
    assert card[0].range.start.line == 0 and "conversation score" in card[0].message
    assert card[0].message.splitlines()[0].split(": ", 1)[1] == shown.splitlines()[0].split(": ", 1)[1]
    assert not lens  # the scorecard is shown one way, not two
    findings = [d for d in got if d.code != "scorecard"]
    assert findings and all(d.code_description.href == f"https://docs.example/rules/{d.code}" for d in findings)
