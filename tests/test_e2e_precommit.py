"""The hooks in .pre-commit-hooks.yaml, run by the real pre-commit in a
temporary content repository, as a team would use them.

pre-commit installs a hook repository from a commit, so the test snapshots
this checkout (package, rules, pyproject, hooks file) into a temporary git
repository and points `repo:` at that commit: what is tested is the code in
front of the test, committed or not.  pre-commit then builds its own
virtualenv and pip-installs tonelint with spaCy from the package index; that
is the slow part (about 40 s with a warm pip cache), done once for the module,
with PRE_COMMIT_HOME in a temporary folder so no state leaks between runs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "tonelint", "rules")

PUSHY = (ROOT / "examples" / "pushy-launch-email.md").read_text(encoding="utf-8")
CONVERSATIONAL = (ROOT / "examples" / "conversational-email.md").read_text(encoding="utf-8")
SHOUTY = "Hi Sam,\n\nYour order shipped today!!!\n\nWhat would make the next one easier for you? Just reply and tell us.\n"


def _env(home: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never", NO_COLOR="1",
               GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.com")
    return env


def _run(args, cwd: Path, env: dict, timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def _git(cwd: Path, env: dict, *args: str) -> subprocess.CompletedProcess:
    res = _run(["git", *args], cwd, env)
    assert res.returncode == 0, res.stderr
    return res


@pytest.fixture(scope="module")
def content_repo(tmp_path_factory):
    """A content repository whose pre-commit config uses both hooks from a
    snapshot of this checkout; hook environments installed once."""
    base = tmp_path_factory.mktemp("precommit")
    env = _env(base / "home")
    hooks = base / "hooks"
    hooks.mkdir()
    for name in SNAPSHOT:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, hooks / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(src, hooks / name)
    _git(hooks, env, "init", "-q")
    _git(hooks, env, "add", ".")
    _git(hooks, env, "commit", "-qm", "tonelint snapshot")
    rev = _git(hooks, env, "rev-parse", "HEAD").stdout.strip()

    repo = base / "content"
    repo.mkdir()
    _git(repo, env, "init", "-q")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hooks.as_posix()}\n    rev: {rev}\n    hooks:\n      - id: tonelint\n"
        f"      - id: tonelint-fix\n        stages: [manual]\n", encoding="utf-8")
    _git(repo, env, "add", ".pre-commit-config.yaml")
    _git(repo, env, "commit", "-qm", "pre-commit config")
    pre_commit = [sys.executable, "-m", "pre_commit"]
    res = _run([*pre_commit, "install"], repo, env)
    assert res.returncode == 0, res.stdout + res.stderr
    res = _run([*pre_commit, "install-hooks"], repo, env, timeout=900)
    assert res.returncode == 0, "pre-commit could not install the hook environment:\n" + res.stdout + res.stderr
    return repo, env, pre_commit


def test_hook_blocks_a_pushy_draft_and_passes_a_conversational_one(content_repo):
    repo, env, _ = content_repo
    (repo / "launch.md").write_text(PUSHY, encoding="utf-8")
    _git(repo, env, "add", "launch.md")
    res = _run(["git", "commit", "-m", "launch email"], repo, env)
    out = res.stdout + res.stderr
    assert res.returncode != 0, out
    assert "tonelint" in out and "Failed" in out
    assert "launch.md:12:35: TL101 warning" in out
    assert "rewrite:" in out
    _git(repo, env, "rm", "-q", "--cached", "launch.md")
    (repo / "launch.md").unlink()

    (repo / "reply.md").write_text(CONVERSATIONAL, encoding="utf-8")
    (repo / "notes.py").write_text("# target audience: not prose, not checked\n", encoding="utf-8")
    _git(repo, env, "add", "reply.md", "notes.py")
    res = _run(["git", "commit", "-m", "a reply"], repo, env)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "Passed" in res.stdout + res.stderr
    assert "reply" in _git(repo, env, "log", "-1", "--format=%s").stdout


def test_fix_hook_rewrites_the_draft(content_repo):
    repo, env, pre_commit = content_repo
    draft = repo / "order.md"
    draft.write_text(SHOUTY, encoding="utf-8")
    _git(repo, env, "add", "order.md")
    res = _run([*pre_commit, "run", "tonelint-fix", "--hook-stage", "manual", "--files", "order.md"], repo, env)
    assert res.returncode == 1, res.stdout + res.stderr  # files were modified: pre-commit fails the hook
    assert "files were modified by this hook" in res.stdout
    assert draft.read_text(encoding="utf-8") == SHOUTY.replace("!!!", "!")
    res = _run([*pre_commit, "run", "tonelint", "--files", "order.md"], repo, env)
    assert res.returncode == 0, res.stdout + res.stderr
