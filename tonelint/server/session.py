"""What the language server knows about one workspace, with no LSP in it.

The server is a thin layer over the same run the CLI makes: a Runner built
from default RunOptions resolves each draft's configuration (`.tonelint.yaml`,
`[tool.tonelint]`, per-path overrides) and hands out the engine for it, and
the engine checks the editor's text, suppressions included.  A Session keeps
that Runner warm between keystrokes and throws it away when a configuration
or rule file changes, so the next check discovers everything again.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..diagnostics import Diagnostic
from ..engine.core import Engine, FileResult
from ..errors import TonelintError
from ..engine.fixes import fix_text, fixable
from ..run.config import CONFIG_FILES
from ..run.runner import RunOptions, Runner
from ..source.files import FORMATS, SourceFile, format_for

# An editor's language id -> tonelint format, for buffers whose name has no
# suffix tonelint knows (an unsaved buffer, `README` in Markdown mode).
LANGUAGE_FORMATS = {
    "markdown": "markdown",
    "plaintext": "text",
    "text": "text",
    "html": "html",
    "mail": "email",
    "email": "email",
    "eml": "email",
}

# Files whose change means the next check must rediscover configuration and
# reload rule packs: the config files themselves (run/config.py's CONFIG_FILES),
# rule YAML and word lists.
RULE_SUFFIXES = (".yaml", ".yml")


def affects_config(path: str) -> bool:
    """True for a file whose change could change any draft's findings other
    than its own text: a config file, a rule file, or a word list of a pack."""
    p = Path(path)
    if p.name in CONFIG_FILES or p.suffix.lower() in RULE_SUFFIXES:
        return True
    return p.suffix.lower() == ".txt" and p.parent.name == "lists"


def format_of(path: str, language_id: str | None) -> str | None:
    """The draft's format, from its name first (as the CLI decides) and its
    language id second; None for a document tonelint does not check."""
    fmt = format_for(path, "")
    if fmt:
        return fmt
    fmt = LANGUAGE_FORMATS.get((language_id or "").lower(), "")
    return fmt if fmt in FORMATS else None


@dataclass
class Checked:
    """The last check of one open document, kept for hover and code actions."""

    result: FileResult
    engine: Engine
    source: SourceFile
    error: TonelintError | None = None
    memo: dict = field(default_factory=dict)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return self.result.diagnostics


class Session:
    """One workspace: its warm Runner, engines and the open documents' results."""

    def __init__(self, root: str | None = None) -> None:
        self.root = root
        self.runner = self._new_runner()
        self.documents: dict[str, Checked] = {}
        self.generation = 0  # bumped by reload(); tests and logs read it

    def _new_runner(self) -> Runner:
        # What `tonelint PATH` from the workspace root would use: config found
        # upward from each draft, no result cache (the text is not on disk).
        return Runner(RunOptions(paths=[], no_cache=True, jobs=1))

    def reload(self) -> None:
        """Forget discovered configs and built engines; rule packs are
        cached by content, so an unchanged pack is not parsed again."""
        self.runner = self._new_runner()
        self.generation += 1
        for checked in self.documents.values():
            checked.memo.clear()

    def check(self, key: str, path: str, text: str, fmt: str) -> Checked | None:
        """Check the editor's text of one document as the CLI checks the file
        at `path`; configuration errors are returned, not raised.  None for a
        draft the workspace's config excludes (as `tonelint .` from the root
        would skip it): it gets no findings in the editor either."""
        source = SourceFile(path=path, text=text, format=fmt)
        previous = self.documents.get(key)
        try:
            if not self.runner.resolver.wanted(path, explicit=False):
                self.forget(key)
                return None
            engine = self.runner.engine_for(path)
            # Paragraph scans are the engine's: another engine starts afresh.
            memo = previous.memo if previous is not None and previous.engine is engine else {}
            result = engine.check(source, memo=memo)
        except TonelintError as exc:
            checked = Checked(FileResult(path=path, text=text), None, source, error=exc, memo={})
        else:
            checked = Checked(result, engine, source, memo=memo)
        self.documents[key] = checked
        return checked

    def forget(self, key: str) -> None:
        self.documents.pop(key, None)

    def fix_all(self, key: str, *, unsafe: bool = False) -> str | None:
        """The document's text after every safe fix, re-checked the way
        `tonelint --fix` does (a fix its own rule flags again is refused);
        None when nothing would change."""
        checked = self.documents.get(key)
        if checked is None or checked.engine is None or not fixable(checked.diagnostics, unsafe):
            return None
        engine, source = checked.engine, checked.source
        seen = {source.text: checked.diagnostics}

        def lint(text: str) -> list[Diagnostic]:
            if text not in seen:
                seen[text] = engine.check(replace(source, text=text), memo=checked.memo).diagnostics
            return seen[text]

        fixed = fix_text(source.text, lint, unsafe=unsafe, initial=checked.diagnostics)
        return fixed.text if fixed.text != source.text else None


def rule_docs_href(engine: Engine | None, rule_id: str, template: str | None = None) -> str | None:
    """Where the editor links a finding's code: `template` with {rule} (from
    the client's settings), else the rule file that defines the rule, which
    holds its message, rationale, rewrite and examples."""
    if template:
        return template.replace("{rule}", rule_id)
    if engine is None:
        return None
    for rule in engine.rules:
        if rule.id == rule_id and rule.path and os.path.isfile(rule.path):
            return Path(rule.path).resolve().as_uri()
    return None
