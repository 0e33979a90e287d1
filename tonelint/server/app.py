"""The LSP wiring: editor events in, the Session's findings out as LSP data.

Everything tonelint-specific happens in session.py (checking, fixing) and
positions.py (offsets); this module only translates.  Client options, sent as
`initializationOptions` (see the README's editor section):

    scorecard: "codelens" (default) | "diagnostic" | "off"
    docsUrl:   a URL with {rule} for each finding's code link
               (default: the rule file that defines the rule)
"""

from __future__ import annotations

import os

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from .. import __version__
from ..diagnostics import Applicability, Diagnostic, Level
from ..score.scorecard import score_result, text_lines
from .positions import PositionMap
from .session import Checked, Session, affects_config, format_of, rule_docs_href

SEVERITY = {
    Level.ERROR: types.DiagnosticSeverity.Error,
    Level.WARNING: types.DiagnosticSeverity.Warning,
    Level.SUGGESTION: types.DiagnosticSeverity.Information,
}
FIX_ALL_KIND = "source.fixAll.tonelint"
SCORECARD_COMMAND = "tonelint.showScorecard"
# Globs for the files affects_config() cares about, registered with clients
# that can watch files for the server.
WATCHED = ("**/.tonelint.yaml", "**/tonelint.yaml", "**/pyproject.toml", "**/*.yaml", "**/*.yml", "**/lists/*.txt")


class TonelintServer(LanguageServer):
    """A LanguageServer holding one Session per workspace folder."""

    def __init__(self) -> None:
        super().__init__("tonelint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.sessions: dict[str, Session] = {}
        self.options: dict = {}
        self.lens_titles: dict[str, str | None] = {}  # uri -> score line last shown

    # -- sessions and documents ------------------------------------------------

    def session_for(self, path: str) -> Session:
        """The workspace folder holding `path` (the deepest one), or the
        folder of the file itself when it lies outside every folder."""
        real = os.path.realpath(path)
        best = None
        for root in self.sessions:
            if (real == root or real.startswith(root.rstrip(os.sep) + os.sep)) and (best is None or len(root) > len(best)):
                best = root
        if best is None:
            best = os.path.dirname(real)
            self.sessions[best] = Session(best)
        return self.sessions[best]

    def add_folder(self, uri: str) -> None:
        path = to_fs_path(uri)
        if path:
            real = os.path.realpath(path)
            self.sessions.setdefault(real, Session(real))

    def lint(self, uri: str) -> None:
        """Check one open document and publish its findings."""
        doc = self.workspace.get_text_document(uri)
        path = to_fs_path(uri) or uri
        fmt = format_of(path, doc.language_id)
        session = self.session_for(path)
        checked = session.check(uri, path, doc.source, fmt) if fmt is not None else None
        found = self.lsp_diagnostics(checked) if checked is not None else []
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=found, version=doc.version))
        self.refresh_lens(uri, checked)

    def refresh_lens(self, uri: str, checked: Checked | None) -> None:
        """Ask the client to fetch code lenses again when the score line of
        this draft changed (and the client takes such requests)."""
        caps = self.client_capabilities.workspace
        lens = caps.code_lens if caps is not None else None
        if self.options.get("scorecard") != "codelens" or lens is None or not lens.refresh_support:
            return
        lines = _scorecard_lines(checked) if checked is not None else []
        title = lines[0].split(": ", 1)[-1] if lines else None
        if self.lens_titles.get(uri) != title:
            self.lens_titles[uri] = title
            self.workspace_code_lens_refresh(None)

    def relint_all(self) -> None:
        for session in self.sessions.values():
            session.reload()
        for uri in list(self.workspace.text_documents):
            self.lint(uri)

    def checked(self, uri: str) -> Checked | None:
        path = to_fs_path(uri) or uri
        return self.session_for(path).documents.get(uri)

    # -- translation -------------------------------------------------------------

    def positions(self, text: str) -> PositionMap:
        return PositionMap(text, str(self.workspace.position_encoding or "utf-16"))

    def lsp_range(self, pmap: PositionMap, start: int, end: int) -> types.Range:
        a, b = pmap.position(start), pmap.position(end)
        return types.Range(start=types.Position(line=a[0], character=a[1]), end=types.Position(line=b[0], character=b[1]))

    def lsp_diagnostics(self, checked: Checked) -> list[types.Diagnostic]:
        pmap = self.positions(checked.source.text)
        if checked.error is not None:
            return [types.Diagnostic(range=self.lsp_range(pmap, 0, 0), severity=types.DiagnosticSeverity.Error,
                                     source="tonelint", message=f"{checked.error.where}: {checked.error.what}")]
        docs = self.options.get("docsUrl")
        out = []
        for d in checked.diagnostics:
            href = rule_docs_href(checked.engine, d.rule, docs)
            out.append(types.Diagnostic(
                range=self.lsp_range(pmap, d.start, d.end),
                severity=SEVERITY[d.level],
                code=d.rule,
                code_description=types.CodeDescription(href=href) if href else None,
                source="tonelint",
                message=d.message,
                data={"family": d.family, "fix": d.fix.applicability.value if d.fix is not None else None},
            ))
        if self.options.get("scorecard") == "diagnostic":
            card = _scorecard_lines(checked)
            if card:
                out.append(types.Diagnostic(range=self.lsp_range(pmap, 0, 0), severity=types.DiagnosticSeverity.Information,
                                            code="scorecard", source="tonelint", message="\n".join(card)))
        return out

    def edits(self, pmap: PositionMap, d: Diagnostic) -> list[types.TextEdit]:
        return [types.TextEdit(range=self.lsp_range(pmap, e.start, e.end), new_text=e.text) for e in d.fix.edits]


def _scorecard_lines(checked: Checked) -> list[str]:
    card = score_result(checked.result) if checked.error is None else None
    return text_lines(card) if card is not None else []


def _hover_text(d: Diagnostic) -> str:
    parts = [f"**{d.rule}** ({d.family}, {d.level}): {d.message}"]
    if d.rationale:
        parts.append(f"**Why:** {d.rationale}")
    if d.rewrite:
        parts.append(f"**Rewrite:** {d.rewrite}")
    if d.fix is not None and d.replacement is not None:
        label = "safe fix" if d.fix.applicability is Applicability.SAFE else "unsafe fix (check the meaning)"
        parts.append(f"**{label}:** `{d.matched}` → `{d.replacement}`")
    return "\n\n".join(parts)


def _whole_text_edit(pmap: PositionMap, before: str, after: str) -> types.TextEdit:
    """One edit covering only the changed middle of the document, so the
    editor keeps the cursor and folds outside it."""
    head = 0
    limit = min(len(before), len(after))
    while head < limit and before[head] == after[head]:
        head += 1
    tail = 0
    while tail < limit - head and before[len(before) - 1 - tail] == after[len(after) - 1 - tail]:
        tail += 1
    a, b = pmap.position(head), pmap.position(len(before) - tail)
    return types.TextEdit(range=types.Range(start=types.Position(line=a[0], character=a[1]),
                                            end=types.Position(line=b[0], character=b[1])),
                          new_text=after[head:len(after) - tail])


def _overlaps(d: Diagnostic, start: int, end: int) -> bool:
    return d.start <= end and start <= d.end


def build_server() -> TonelintServer:
    server = TonelintServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: TonelintServer, params: types.InitializeParams) -> None:
        opts = params.initialization_options
        ls.options = dict(opts) if isinstance(opts, dict) else {}
        ls.options.setdefault("scorecard", "codelens")
        folders = [f.uri for f in params.workspace_folders or []]
        if not folders and params.root_uri:
            folders = [params.root_uri]
        for uri in folders:
            ls.add_folder(uri)
        # Relative paths in a config without a folder of its own (and the
        # default project root) are the CLI's working directory: the root.
        if folders:
            root = to_fs_path(folders[0])
            if root and os.path.isdir(root):
                os.chdir(root)

    @server.feature(types.INITIALIZED)
    def initialized(ls: TonelintServer, params: types.InitializedParams) -> None:
        caps = ls.client_capabilities.workspace
        watch = caps.did_change_watched_files if caps is not None else None
        if watch is not None and watch.dynamic_registration:
            ls.client_register_capability(types.RegistrationParams(registrations=[types.Registration(
                id="tonelint-config-watch", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=types.DidChangeWatchedFilesRegistrationOptions(
                    watchers=[types.FileSystemWatcher(glob_pattern=g) for g in WATCHED]),
            )]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)
    def folders_changed(ls: TonelintServer, params: types.DidChangeWorkspaceFoldersParams) -> None:
        for f in params.event.added:
            ls.add_folder(f.uri)
        for f in params.event.removed:
            ls.sessions.pop(os.path.realpath(to_fs_path(f.uri) or ""), None)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: TonelintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.lint(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: TonelintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.lint(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    def did_save(ls: TonelintServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if affects_config(to_fs_path(uri) or uri):
            ls.relint_all()
        else:
            ls.lint(uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: TonelintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        path = to_fs_path(uri) or uri
        ls.session_for(path).forget(uri)
        ls.lens_titles.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: TonelintServer, params: types.DidChangeWatchedFilesParams) -> None:
        if any(affects_config(to_fs_path(c.uri) or c.uri) for c in params.changes):
            ls.relint_all()

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: TonelintServer, params: types.HoverParams) -> types.Hover | None:
        checked = ls.checked(params.text_document.uri)
        if checked is None:
            return None
        pmap = ls.positions(checked.source.text)
        at = pmap.offset(params.position.line, params.position.character)
        found = [d for d in checked.diagnostics if d.start <= at <= d.end]
        if not found:
            return None
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(map(_hover_text, found))),
            range=ls.lsp_range(pmap, min(d.start for d in found), max(d.end for d in found)),
        )

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND]))
    def code_action(ls: TonelintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        checked = ls.checked(uri)
        if checked is None or checked.engine is None:
            return []
        wanted = params.context.only
        pmap = ls.positions(checked.source.text)
        start = pmap.offset(params.range.start.line, params.range.start.character)
        end = pmap.offset(params.range.end.line, params.range.end.character)
        actions = []
        if not wanted or any(types.CodeActionKind.QuickFix.value.startswith(k) or k == types.CodeActionKind.QuickFix
                             for k in wanted):
            for d in checked.diagnostics:
                if d.fix is None or d.fix.applicability is Applicability.DISPLAY or not _overlaps(d, start, end):
                    continue
                safe = d.fix.applicability is Applicability.SAFE
                new = d.replacement
                what = f'Replace "{d.matched}" with "{new}"' if new is not None else f"Apply the fix for {d.rule}"
                title = f"{what} ({d.rule})" if safe else f"{what} ({d.rule}, unsafe: check the meaning)"
                actions.append(types.CodeAction(
                    title=title, kind=types.CodeActionKind.QuickFix, is_preferred=safe,
                    edit=types.WorkspaceEdit(changes={uri: ls.edits(pmap, d)}),
                ))
        if not wanted or any(FIX_ALL_KIND.startswith(str(k)) for k in wanted):
            path = to_fs_path(uri) or uri
            fixed = ls.session_for(path).fix_all(uri)
            if fixed is not None:
                actions.append(types.CodeAction(
                    title="Fix all safe tonelint findings", kind=FIX_ALL_KIND,
                    edit=types.WorkspaceEdit(changes={uri: [_whole_text_edit(pmap, checked.source.text, fixed)]}),
                ))
        return actions

    @server.feature(types.TEXT_DOCUMENT_CODE_LENS)
    def code_lens(ls: TonelintServer, params: types.CodeLensParams) -> list[types.CodeLens]:
        if ls.options.get("scorecard") != "codelens":
            return []
        checked = ls.checked(params.text_document.uri)
        lines = _scorecard_lines(checked) if checked is not None else []
        if not lines:
            return []
        # The first line names the path; the lens sits in the file itself.
        title = "tonelint: " + lines[0].split(": ", 1)[-1]
        top = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0))
        return [types.CodeLens(range=top, command=types.Command(title=title, command=SCORECARD_COMMAND,
                                                                arguments=[params.text_document.uri]))]

    @server.command(SCORECARD_COMMAND)
    def show_scorecard(ls: TonelintServer, uri: str) -> str | None:
        checked = ls.checked(uri)
        lines = _scorecard_lines(checked) if checked is not None else []
        if lines:
            ls.window_show_message(types.ShowMessageParams(type=types.MessageType.Info, message="\n".join(lines)))
        return "\n".join(lines) or None

    return server


def serve() -> None:
    build_server().start_io()
