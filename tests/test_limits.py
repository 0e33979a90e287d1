"""A run on hostile input finishes in bounded time and memory, or stops with
exit 2 naming the cause (issue 17, cases 18-22).  The slow cases run in a
child process under a memory cap and a generous time limit, as a hang guard
only: nothing here measures speed (bench/ does)."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import house_rule, one_line

ROOT = Path(__file__).resolve().parent.parent
HANG_GUARD = 150  # seconds; each case below takes a few seconds when fixed
MEMORY_CAP = 3 * 1024 ** 3


def _cap_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def tonelint(*args, cwd, stdin=None):
    """The real command in a child process, under the memory cap and hang guard."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    try:
        proc = subprocess.run([sys.executable, "-m", "tonelint", *map(str, args)], cwd=cwd, env=env,
                              capture_output=True, text=True, timeout=HANG_GUARD, preexec_fn=_cap_memory,
                              stdin=subprocess.DEVNULL if stdin is None else stdin)
    except subprocess.TimeoutExpired:
        pytest.fail(f"tonelint {' '.join(map(str, args))} still running after {HANG_GUARD}s")
    return proc


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


# --- case 18: YAML alias expansion --------------------------------------------------------------

@pytest.mark.parametrize("text, expect", [
    (alias_bomb(), "alias"),
    ("a: &a [x, *a]\n", "recursive"),
    ("select: &a {b: *a}\n", "recursive"),
])
def test_config_alias_bombs_are_refused(tmp_path, text, expect):
    (tmp_path / ".tonelint.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "d.md").write_text("Hello there.\n", encoding="utf-8")
    res = tonelint("d.md", cwd=tmp_path)
    assert res.returncode == 2, res.stderr
    line = one_line(res.stderr)
    assert ".tonelint.yaml" in line and expect in line


def test_rule_file_alias_bombs_are_refused(tmp_path):
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "bomb.yaml").write_text(alias_bomb(), encoding="utf-8")
    (tmp_path / "d.md").write_text("Hello there.\n", encoding="utf-8")
    res = tonelint("--rule-path", "pack", "d.md", cwd=tmp_path)
    assert res.returncode == 2
    assert "bomb.yaml" in one_line(res.stderr) and "alias" in res.stderr


def test_modest_aliases_still_work(cli, write):
    cfg = write(".tonelint.yaml", "overrides:\n  - files: ['*.md']\n    select: &s [TL105]\n"
                                  "  - files: ['*.txt']\n    select: *s\n")
    draft = write("d.md", "More eyeballs.\n")
    res = cli("--config", cfg, "--format", "json", "--no-score", draft)
    assert res.code == 1, res.err
    assert {f["rule"] for f in json.loads(res.out)} == {"TL105"}


# --- case 19: range quantifiers in token patterns ------------------------------------------------

@pytest.mark.parametrize("op", ["{0,200}", "{0,1000}", "{0,80}", "{9,}", "{3,40}", "{,}"])
def test_wide_range_quantifiers_are_refused_at_rule_load(tmp_path, op):
    (tmp_path / "pack").mkdir()
    match = f'  patterns: [[{{LOWER: word}}, {{IS_ALPHA: true, OP: "{op}"}}]]'
    (tmp_path / "pack" / "house.yaml").write_text(house_rule(match), encoding="utf-8")
    (tmp_path / "d.md").write_text("The WORD " + "and more " * 2000 + "\n", encoding="utf-8")
    res = tonelint("--rule-path", "pack", "--no-cache", "d.md", cwd=tmp_path)
    assert res.returncode == 2
    line = one_line(res.stderr)
    assert "house.yaml" in line and "quantifier" in line


def test_narrow_quantifiers_still_work(cli, write, tmp_path):
    (tmp_path / "pack").mkdir()
    match = '  patterns: [[{LOWER: the}, {IS_ALPHA: true, OP: "{0,2}"}, {LOWER: word}]]'
    (tmp_path / "pack" / "house.yaml").write_text(house_rule(match), encoding="utf-8")
    draft = write("d.md", "The big red word is here.\n")
    res = cli("--rule-path", tmp_path / "pack", "--select", "HOUSE1", "--format", "json", "--no-score", draft)
    assert res.code == 1, res.err
    assert len(json.loads(res.out)) == 1


# --- case 20: long punctuation runs -----------------------------------------------------------

@pytest.mark.parametrize("before, after, found", [
    ("[" * 32000, "]" * 32000, True),
    ("*" * 120000, "*" * 120000, True),
    ("(" * 20000 + "[" * 20000, "]" * 20000 + ")" * 20000, True),
    ("[a](" * 12000, ")" * 12000, False),  # nested link destinations: a URL, not prose
])
def test_long_punctuation_runs_are_checked_in_bounded_time(tmp_path, before, after, found):
    text = "Hello.\n\n" + before + "eyeballs" + after + "\n"
    (tmp_path / "d.md").write_text(text, encoding="utf-8")
    res = tonelint("--no-cache", "--no-score", "--format", "json", "--select", "TL105", "d.md", cwd=tmp_path)
    assert res.returncode == int(found), res.stderr
    if found:
        finding, = json.loads(res.stdout)
        assert finding["line"] == 3 and finding["column"] == len(before) + 1  # offsets kept


# --- case 21: what rule fingerprinting and the cache read -----------------------------------------

def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("plant", [
    lambda pack: _fifo(pack / "pipe.yaml"),
    lambda pack: (pack / "loop").symlink_to("..", target_is_directory=True),
    lambda pack: (pack / "zero.yaml").symlink_to("/dev/zero"),
    lambda pack: _fifo(pack / "lists.txt"),
])
@pytest.mark.parametrize("cache", [[], ["--no-cache"]])
def test_rule_folders_with_special_files_never_hang(tmp_path, plant, cache):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "house.yaml").write_text(house_rule(), encoding="utf-8")
    plant(pack)
    (tmp_path / "d.md").write_text("The WORD is here.\n", encoding="utf-8")
    res = tonelint("--rule-path", "pack", *cache, "d.md", cwd=tmp_path)
    assert res.returncode in (1, 2), res.stderr
    if res.returncode == 2:
        assert "pack" in one_line(res.stderr)


def _huge(path: Path, head: str) -> Path:
    """A valid file padded with comments past the rule-file limit (16 MB)."""
    with path.open("w", encoding="utf-8") as fh:
        fh.write(head)
        line = "# " + "x" * 1022 + "\n"
        for _ in range(17 * 1024):
            fh.write(line)
    return path


@pytest.mark.parametrize("how", ["folder", "file", "config"])
def test_an_oversized_rule_file_is_one_line_and_exit_2(tmp_path, how):
    """A single rule file, named on the command line or in the config, is read
    under the same bound as the files of a rule folder."""
    pack = tmp_path / "pack"
    pack.mkdir()
    _huge(pack / "house.yaml", house_rule())
    (tmp_path / "d.md").write_text("The WORD is here.\n", encoding="utf-8")
    args = {"folder": ["--rule-path", "pack"], "file": ["--rule-path", "pack/house.yaml"], "config": []}[how]
    if how == "config":
        (tmp_path / ".tonelint.yaml").write_text("rule-paths: [pack/house.yaml]\n", encoding="utf-8")
    res = tonelint(*args, "--no-score", "d.md", cwd=tmp_path)
    assert res.returncode == 2, res.stderr
    line = one_line(res.stderr)
    assert line.endswith("house.yaml: cannot read rule file: larger than 16777216 bytes"), line


def test_a_word_list_that_is_a_fifo_never_hangs(tmp_path):
    pack = tmp_path / "pack"
    (pack / "lists").mkdir(parents=True)
    (pack / "house.yaml").write_text(house_rule("list: house.txt"), encoding="utf-8")
    _fifo(pack / "lists" / "house.txt")
    (tmp_path / "d.md").write_text("The WORD is here.\n", encoding="utf-8")
    res = tonelint("--rule-path", "pack", "--no-score", "d.md", cwd=tmp_path)
    assert res.returncode == 2
    assert "word list 'house.txt'" in one_line(res.stderr) and "not a regular file" in res.stderr


def test_an_oversized_config_is_one_line_and_exit_2(tmp_path):
    _huge(tmp_path / ".tonelint.yaml", "select: [TL1]\n")
    (tmp_path / "d.md").write_text("Hello there.\n", encoding="utf-8")
    res = tonelint("--no-score", "d.md", cwd=tmp_path)
    assert res.returncode == 2
    assert one_line(res.stderr).endswith(".tonelint.yaml: cannot read configuration: larger than 16777216 bytes")


def test_rule_path_at_the_file_system_root_is_bounded(tmp_path):
    (tmp_path / "d.md").write_text("Hello there.\n", encoding="utf-8")
    res = tonelint("--rule-path", "/", "--no-cache", "d.md", cwd=tmp_path)
    assert res.returncode == 2
    assert one_line(res.stderr).startswith("/")


def test_a_fifo_cache_entry_never_hangs(tmp_path):
    cache = tmp_path / "cache"
    (tmp_path / "d.md").write_text("More eyeballs.\n", encoding="utf-8")
    env_args = ["--format", "json", "--no-score", "d.md"]
    first = subprocess.run([sys.executable, "-m", "tonelint", *env_args], cwd=tmp_path, capture_output=True,
                           text=True, timeout=HANG_GUARD,
                           env={**os.environ, "PYTHONPATH": str(ROOT), "TONELINT_CACHE_DIR": str(cache)})
    assert first.returncode == 1
    entries = [p for p in cache.rglob("*") if p.is_file() and p.parent.parent.name.startswith("v")]
    assert entries
    for entry in entries:
        entry.unlink()
        os.mkfifo(entry)
    try:
        again = subprocess.run([sys.executable, "-m", "tonelint", *env_args], cwd=tmp_path, capture_output=True,
                               text=True, timeout=HANG_GUARD,
                               env={**os.environ, "PYTHONPATH": str(ROOT), "TONELINT_CACHE_DIR": str(cache)})
    except subprocess.TimeoutExpired:
        pytest.fail("a FIFO in the cache hung the run")
    assert again.returncode == 1 and again.stdout == first.stdout


def test_a_fifo_baseline_never_hangs(tmp_path):
    (tmp_path / "d.md").write_text("More eyeballs.\n", encoding="utf-8")
    _fifo(tmp_path / "base.json")
    res = tonelint("--baseline", "base.json", "d.md", cwd=tmp_path)
    assert res.returncode == 2
    assert "base.json" in one_line(res.stderr)


# --- case 22: --jobs and killed workers -----------------------------------------------------

def test_jobs_are_capped_at_the_core_count(cli, write):
    draft = write("d.md", "More eyeballs.\n")
    res = cli("-j", "200", "--no-score", draft)
    assert res.code == 1
    assert "--jobs" in res.err and "200" in res.err


def test_a_killed_worker_reports_its_files_and_keeps_the_rest(cli, tmp_path, monkeypatch):
    from tonelint.engine.core import Engine

    parent = os.getpid()
    real = Engine.check

    def check(self, source):
        if os.getpid() != parent and Path(source.path).name == "boom.md":
            os.kill(os.getpid(), 9)
        return real(self, source)

    monkeypatch.setattr(Engine, "check", check)
    body = "More eyeballs on this one. " + "We write plain words for you, one by one. " * 900 + "\n"
    for name in ("a.md", "boom.md", "c.md", "d.md"):
        (tmp_path / name).write_text(body, encoding="utf-8")
    res = cli("-j", "2", "--no-cache", "--no-score", "--select", "TL105", "--format", "json", tmp_path)
    assert res.code == 2, res.err
    assert "boom.md" in res.err
    reported = {Path(f["path"]).name for f in json.loads(res.out)}
    assert reported == {"a.md", "c.md", "d.md"}
