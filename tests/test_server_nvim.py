"""`tonelint server` in a real editor: Neovim's built-in LSP client, headless,
opens a draft, receives the findings, applies "fix all safe" and sees the
text change.  The findings it holds equal `tonelint --format json` on the
same file, position for position (Neovim keeps byte columns; the JSON counts
characters, so the draft has non-ASCII text before findings on a line)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_cli

pytest.importorskip("pygls")

LUA = Path(__file__).resolve().parent / "data" / "nvim-lsp-client.lua"
SERVER = [sys.executable, "-m", "tonelint", "server"]

DRAFT = (
    "---\n"
    "subject: Café news — we are proud to announce our new app\n"
    "---\n"
    "\n"
    "Naïve copy — our target audience deserves better, and our users will love it.\n"
    "\n"
    "The launch put our café in front of a million eyeballs!!! Sign up now.\n"
)


def _in_ci() -> bool:
    return bool(os.environ.get("TONELINT_EXPECT_INSTALLED")) or os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _nvim() -> str:
    found = shutil.which("nvim")
    if found is None:
        if _in_ci():  # .ci/run installs it: a skip there would hide a failure
            pytest.fail("no nvim on PATH although .ci/run installs it")
        pytest.skip("no nvim on PATH (Debian: apt-get install neovim; .ci/run does)")
    return found


def _byte_col(line: str, chars: int) -> int:
    return len(line[:chars].encode("utf-8"))


def _expected(findings: list[dict], text: str) -> list[tuple]:
    """The JSON findings in Neovim's terms: 0-based lines, byte columns."""
    lines = text.split("\n")
    return sorted((f["rule"], f["line"] - 1, _byte_col(lines[f["line"] - 1], f["column"] - 1),
                   f["end_line"] - 1, _byte_col(lines[f["end_line"] - 1], f["end_column"] - 1), f["message"])
                  for f in findings)


def _held(diagnostics: list[dict]) -> list[tuple]:
    return sorted((d["code"], d["lnum"], d["col"], d["end_lnum"], d["end_col"], d["message"]) for d in diagnostics)


def _cli_json(path: Path) -> list[dict]:
    res = run_cli("--format", "json", "--no-cache", str(path))
    assert res.code in (0, 1), res.err
    return json.loads(res.out)


def test_neovim_lsp_client_sees_the_cli_findings_and_applies_a_fix(tmp_path):
    nvim = _nvim()
    draft = tmp_path / "launch.md"
    draft.write_text(DRAFT, encoding="utf-8")
    out = tmp_path / "nvim.json"
    env = dict(os.environ, TL_DRAFT=str(draft), TL_OUT=str(out), TL_CMD=json.dumps(SERVER), TL_ROOT=str(tmp_path),
               HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "cfg"), XDG_STATE_HOME=str(tmp_path / "state"),
               XDG_DATA_HOME=str(tmp_path / "data"))
    proc = subprocess.run([nvim, "--headless", "--clean", "-n", "-c", f"luafile {LUA}"], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)
    assert out.exists(), f"nvim wrote nothing (exit {proc.returncode}): {proc.stderr[-2000:]}"
    got = json.loads(out.read_text(encoding="utf-8"))
    assert got.get("error") in (None, ""), got["error"]

    expected = _expected(_cli_json(draft), DRAFT)
    assert expected and any(rule == "TL105" for rule, *_ in expected)
    assert _held(got["before"]) == expected

    # "Fix all safe" changed the buffer exactly as `tonelint --fix` changes the file.
    after_text = "\n".join(got["lines"]) + "\n"
    assert run_cli("--fix", "--no-cache", str(draft)).code in (0, 1)
    fixed = draft.read_text(encoding="utf-8")
    assert after_text == fixed != DRAFT
    assert "million readers!" in after_text
    # And the findings the editor holds afterwards are the CLI's on the fixed file.
    assert _held(got["after"]) == _expected(_cli_json(draft), fixed)
    assert any("unsafe" in t for t in got["titles"])  # TL103's fix ("you") is offered, labelled
