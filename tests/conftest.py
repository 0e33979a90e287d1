"""Shared helpers: run the real CLI in-process (same code path as the
`tonelint` script, including exit codes and stderr), write drafts, and lint
text through the library with every finding's span checked."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from tonelint.api import check_text
from tonelint.cli import main
from tonelint.diagnostics import Applicability

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
# Development data read at run time (never copied in): ../shared beside the
# checkout, or beside a worktree's parent folder.  Tests using it skip when absent.
SHARED = next((p / "shared" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()),
              ROOT.parent / "shared")
REVIEW_DRAFTS = SHARED / "review-drafts"
# A team's own rule, for tests of rule packs: put the house word in for WORD,
# or give house_rule() another match block (a pattern a limit should refuse).
_HOUSE_RULE_TEMPLATE = """id: HOUSE1
name: house-word
family: house-style
kind: existence
level: warning
description: Flags a house word.
message: '"{match}" is not our word'
rationale: We say it differently.
rewrite: Say it plainly.
match:
  MATCH_BLOCK
examples:
  bad: [The WORD is here.]
  good: [The thing is here.]
"""


def house_rule(match: str = "phrases: [WORD]") -> str:
    return _HOUSE_RULE_TEMPLATE.replace("MATCH_BLOCK", match.strip())


HOUSE_RULE = house_rule()


@dataclass
class Result:
    code: int
    out: str
    err: str


def run_cli(*args: str, stdin: str | bytes | None = None, env: dict | None = None) -> Result:
    runner = CliRunner()
    with runner.isolation(input=stdin, env=env) as streams:
        out_stream, err_stream = streams[0], streams[1]
        try:
            main([str(a) for a in args])
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        sys.stdout.flush()
        sys.stderr.flush()
        out = out_stream.getvalue().decode("utf-8", "replace")
        err = err_stream.getvalue().decode("utf-8", "replace") if err_stream is not None else ""
    return Result(code, out, err)


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture
def write(tmp_path):
    """write("name.md", text) -> path of a new draft in a temp folder."""

    def _write(name: str, text: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_bytes(text.encode("utf-8"))
        return path

    return _write


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory, monkeypatch):
    """Every test starts with an empty result cache of its own, outside the
    repository and outside the folders it lints (tests/test_run_cache.py owns the
    cache's behaviour; elsewhere a hit from another test must not hide a bug)."""
    monkeypatch.setenv("TONELINT_CACHE_DIR", str(tmp_path_factory.mktemp("tonelint-cache")))
    # The cache's signing key (run/cache.py mac_key) lives in the user's cache
    # folder: a fresh one per test, never the real ~/.cache.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("user-cache")))


@pytest.fixture
def engine_runs(monkeypatch):
    """Names of the drafts the engine checked, in order: a cache hit never
    appears, so the cache and `tonelint clean` tests see hits and misses."""
    from tonelint.engine.core import Engine

    seen: list[str] = []
    real = Engine.check

    def spy(self, source):
        seen.append(Path(source.path).name)
        return real(self, source)

    monkeypatch.setattr(Engine, "check", spy)
    return seen


@pytest.fixture
def cache_dir():
    """The per-test cache folder that `_own_cache` points TONELINT_CACHE_DIR at."""
    return Path(os.environ["TONELINT_CACHE_DIR"])


def git(repo, *args) -> str:
    """Run git in `repo` with a throwaway identity; returns stdout."""
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args], cwd=repo,
                          check=True, capture_output=True, text=True).stdout


# One paragraph with a finding (TL101 on line 3), one that listens.
NEWS = """# Spring news

Our target audience loves the new menu.

Tell us what you think: just reply.
"""


@pytest.fixture
def committed(tmp_path, monkeypatch):
    """committed({"content/news.md": text}) -> a git repository (also the
    working directory) holding those files in one commit on branch main."""

    def _make(files: dict) -> Path:
        monkeypatch.chdir(tmp_path)
        git(tmp_path, "init", "-q", "-b", "main")
        for name, text in files.items():
            path = tmp_path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        git(tmp_path, "add", ".")
        git(tmp_path, "commit", "-qm", "old content")
        return tmp_path

    return _make


@pytest.fixture
def repo(committed):
    """A git repository whose one commit holds content/news.md = NEWS."""
    return committed({"content/news.md": NEWS})


def check_spans(text: str, diagnostics, quotes: bool = True) -> None:
    """The invariants every reporter and --fix rely on, for each finding: its
    span is inside the text and quotes exactly the words it matched; a message
    that quotes the match quotes those words in order (unless quotes=False);
    a fix's edits are in the text, in order, and a safe fix replaces exactly
    the matched words."""
    for d in diagnostics:
        assert 0 <= d.start <= d.end <= len(text), d
        assert text[d.start : d.end] == d.matched, d
        if quotes and d.message.startswith('"') and d.rule != "TL402" and d.end > d.start:
            # Messages that open with the quoted match quote its words as the
            # reader sees them: the words of the source span, in order, with
            # line breaks, tags and escapes between them left out.
            quoted = d.message[1 : d.message.index('"', 1)]
            assert quoted.strip() and quoted == " ".join(quoted.split()), (d.message, d.matched)
            pos = 0
            for word in quoted.split():
                found = d.matched.find(word, pos)
                assert found >= 0, (d.message, d.matched)
                pos = found + len(word)
        if d.fix is not None:
            last = -1
            for e in d.fix.edits:
                assert 0 <= e.start <= e.end <= len(text), d
                assert e.start >= last, d
                last = e.end
            if d.fix.applicability is Applicability.SAFE:
                # A safe fix replaces exactly the quoted words, nothing around them.
                assert (d.fix.edits[0].start, d.fix.edits[-1].end) == (d.start, d.end), d


def lint_checked(text: str, fmt: str = "markdown", select=None, engine=None):
    """The draft's findings through the library (tonelint.check_text), each
    span checked by check_spans."""
    diagnostics = check_text(text, fmt=fmt, engine=engine, select=select).diagnostics
    # A mail body in quoted-printable or base64 keeps its escapes inside the
    # source span ("mas=\r\nses"), so a message quotes decoded words the raw
    # span does not hold letter for letter; the span itself is still exact.
    check_spans(text, diagnostics, quotes=fmt != "email")
    return diagnostics


@pytest.fixture(scope="session")
def lint():
    """lint(text, fmt="markdown", select=None, engine=None) -> findings, every span checked.
    Session-scoped so that Hypothesis tests can use it too."""
    return lint_checked


def one_line(text: str) -> str:
    """The text, asserted to be exactly one line (an error a user can read at a glance)."""
    lines = text.splitlines()
    assert len(lines) == 1, text
    return lines[0]
