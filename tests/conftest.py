"""Shared helpers: run the real CLI in-process (same code path as the
`tonelint` script, including exit codes and stderr) and write drafts."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from tonelint.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


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
    repository and outside the folders it lints (tests/test_cache.py owns the
    cache's behaviour; elsewhere a hit from another test must not hide a bug)."""
    monkeypatch.setenv("TONELINT_CACHE_DIR", str(tmp_path_factory.mktemp("tonelint-cache")))


@pytest.fixture
def engine_runs(monkeypatch):
    """Names of the drafts the engine checked, in order: a cache hit never
    appears, so the cache and `tonelint clean` tests see hits and misses."""
    from tonelint.engine import Engine

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
