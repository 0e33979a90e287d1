"""Bad input gets a clear answer and the run goes on.

Every file under tests/data/nasty/ either lints with exact positions (line and
column in characters, CR, LF and CRLF each one line break) or is refused with
one line `path: what is wrong` on stderr; never a traceback.  Files that
cannot be checked make the exit code 2 while the others are still reported.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

NASTY = Path(__file__).parent / "data" / "nasty"
GOOD = "We put it in front of a million eyeballs.\n"  # one TL105 finding at 1:33


def findings(res) -> list[tuple[int, int, str, str]]:
    return [(f["line"], f["column"], f["rule"], f["matched"]) for f in json.loads(res.out)]


def one_line_error(res, path: str, what: str) -> None:
    lines = [line for line in res.err.splitlines() if line.strip()]
    assert any(line.startswith(f"{path}: ") and what in line for line in lines), res.err
    assert "Traceback" not in res.err


def lint_json(cli, *args):
    return cli("--format", "json", "--no-score", *map(str, args))


# -- the corpus: each file's expected outcome ----------------------------------------------------------------

LINTS = {
    # BOM is not a character of the text: columns on line 1 are not shifted.
    "bom-crlf.md": [(1, 16, "TL101", "target audience"), (1, 31, "TL205", "!!!"), (2, 1, "TL105", "More eyeballs")],
    "cr-only.md": [(2, 16, "TL101", "target audience"), (2, 31, "TL205", "!!!"), (3, 1, "TL105", "More eyeballs")],
    "mixed-endings.txt": [(3, 7, "TL105", "eyeballs"), (4, 5, "TL205", "!!!")],
    # Columns count characters: the family emoji is 5 code points, e + U+0301 is 2.
    "unicode.md": [(1, 18, "TL105", "eyeballs"), (1, 26, "TL205", "!!!"), (2, 11, "TL101", "target audience")],
    "front-matter-title.md": [(2, 12, "TL101", "target audience"), (2, 27, "TL205", "!!!")],
    "unclosed.html": [(1, 20, "TL101", "target audience"), (1, 43, "TL105", "eyeballs"), (1, 51, "TL205", "!!!")],
    "truncated.eml": [(2, 10, "TL105", "eyeballs"), (2, 18, "TL205", "!!!"), (8, 5, "TL101", "target audience")],
    # Nothing to lint is not an error.
    "empty.md": [],
    "only-front-matter.md": [],
    "only-code.md": [],
}

REFUSED = {
    "binary.md": "binary",
    # the offset of the first byte that is not UTF-8, read from the file itself
    "invalid-utf8.md": f"invalid utf-8 at byte {(NASTY / 'invalid-utf8.md').read_bytes().index(0xFF)}",
    "latin1.md": "invalid utf-8 at byte 3",
}


@pytest.mark.parametrize("name", sorted(LINTS))
def test_corpus_file_lints_with_exact_positions(cli, name):
    path = NASTY / name
    res = lint_json(cli, "--select", "TL1,TL2", path)
    assert res.code == (1 if LINTS[name] else 0), res.err
    assert res.err == ""
    assert findings(res) == LINTS[name]
    # The position is where the quoted words really are, in characters.
    text = path.read_bytes().decode("utf-8-sig")
    for f in json.loads(res.out):
        assert text[f["offset"] : f["end_offset"]] == f["matched"]


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_corpus_file_refused_in_one_line_and_the_rest_still_checked(cli, write, name):
    good = write("good.md", GOOD)
    res = lint_json(cli, NASTY / name, good)
    assert res.code == 2
    one_line_error(res, str(NASTY / name), REFUSED[name])
    assert len(res.err.strip().splitlines()) == 1
    assert [(f["path"], f["rule"]) for f in json.loads(res.out)] == [(str(good), "TL105")]


def test_whole_corpus_folder_never_tracebacks(cli):
    res = cli("--no-score", NASTY)
    assert res.code == 2
    assert "Traceback" not in res.err and "internal error" not in res.err
    assert len(res.err.strip().splitlines()) == len(REFUSED)
    assert "unicode.md:1:18: TL105" in res.out


def test_latin1_with_encoding_flag_lints(cli):
    res = lint_json(cli, "--encoding", "latin-1", "--select", "TL1,TL2", NASTY / "latin1.md")
    assert res.code == 1, res.err
    assert findings(res) == [(1, 16, "TL101", "target audience"), (1, 40, "TL205", "!!!")]


def test_invalid_utf8_on_stdin(cli):
    res = cli("-", stdin=b"eyeballs \xc3\x28 here")
    assert res.code == 2
    one_line_error(res, "-", "invalid utf-8 at byte 9")


@pytest.mark.parametrize("encoding, what", [("nope", "unknown encoding 'nope'"), ("rot13", "not a text encoding")])
def test_bad_encoding_name_is_one_line(cli, write, encoding, what):
    path = write("a.md", GOOD)
    res = cli("--encoding", encoding, path)
    assert res.code == 2
    one_line_error(res, str(path), what)


def test_utf16_with_encoding_flag_is_not_called_binary(cli, write):
    path = write("u16.txt", GOOD.encode("utf-16"))
    assert (cli(path)).code == 2
    res = lint_json(cli, "--encoding", "utf-16", path)
    assert res.code == 1, res.err
    assert findings(res) == [(1, 33, "TL105", "eyeballs")]


# -- paths that are not ordinary readable files --------------------------------------------------------------

def test_missing_path(cli, write):
    good = write("good.md", GOOD)
    res = lint_json(cli, "no/such/draft.md", good)
    assert res.code == 2
    one_line_error(res, "no/such/draft.md", "no such file")
    assert len(json.loads(res.out)) == 1


def test_unreadable_file(cli, write, monkeypatch):
    secret = write("secret.md", GOOD)
    good = write("good.md", GOOD)
    secret.chmod(0)
    try:
        if os.access(secret, os.R_OK):
            # Running as root (CI containers): permissions do not stop root, so
            # make the read itself fail the way it does for everyone else.
            real = Path.read_bytes

            def denied(self):
                if self == secret:
                    raise PermissionError(13, "Permission denied", str(self))
                return real(self)

            monkeypatch.setattr(Path, "read_bytes", denied)
        res = lint_json(cli, secret, good)
    finally:
        secret.chmod(0o644)
    assert res.code == 2
    one_line_error(res, str(secret), "permission denied")
    assert [f["path"] for f in json.loads(res.out)] == [str(good)]


def test_directory_loop_through_symlinks_terminates_and_checks_each_file_once(cli, tmp_path):
    root = tmp_path / "drafts"
    (root / "sub").mkdir(parents=True)
    (root / "a.md").write_text(GOOD)
    (root / "sub" / "b.md").write_text(GOOD)
    (root / "sub" / "up").symlink_to("..", target_is_directory=True)
    (root / "sub" / "self").symlink_to(".", target_is_directory=True)
    res = lint_json(cli, root)
    assert "Traceback" not in res.err
    paths = sorted(f["path"] for f in json.loads(res.out))
    assert paths == [str(root / "a.md"), str(root / "sub" / "b.md")]
    assert res.code == 1  # nothing was left unchecked, so the loop is not an error


def test_broken_symlink(cli, tmp_path):
    (tmp_path / "gone.md").symlink_to(tmp_path / "nowhere.md")
    (tmp_path / "good.md").write_text(GOOD)
    res = lint_json(cli, tmp_path)
    assert res.code == 2
    one_line_error(res, str(tmp_path / "gone.md"), "broken symbolic link")
    assert len(json.loads(res.out)) == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
def test_named_pipe_is_refused_not_read(tmp_path):
    """Opening a FIFO blocks until a writer appears: a hook must never wait on one.
    Run in a subprocess so a regression fails on the timeout instead of hanging."""
    (tmp_path / "good.md").write_text(GOOD)
    os.mkfifo(tmp_path / "pipe.md")
    proc = subprocess.run([sys.executable, "-m", "tonelint", "--no-score", str(tmp_path)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert f"{tmp_path / 'pipe.md'}: is not a regular file; skipped" in proc.stderr
    assert "good.md:1:33: TL105" in proc.stdout


# -- size limits and huge lines ------------------------------------------------------------------------------

def test_fifty_megabytes_is_skipped_by_default_limit(cli, tmp_path):
    big = tmp_path / "big.md"
    with open(big, "wb") as fh:  # sparse: no 50 MB write; the size check comes before any read
        fh.truncate(50 * 1024 * 1024)
    (tmp_path / "good.md").write_text(GOOD)
    res = lint_json(cli, tmp_path)
    assert res.code == 2
    one_line_error(res, str(big), "above the 10485760-byte limit; skipped (see --max-file-size)")
    assert len(res.err.strip().splitlines()) == 1
    assert len(json.loads(res.out)) == 1


def test_max_file_size_flag_moves_the_limit(cli, write):
    path = write("a.md", GOOD)
    res = cli("--max-file-size", "10", path)
    assert res.code == 2
    one_line_error(res, str(path), "above the 10-byte limit")
    assert lint_json(cli, "--max-file-size", "1000", path).code == 1
    assert lint_json(cli, "--max-file-size", "0", path).code == 1  # 0 = no limit
    negative = cli("--max-file-size", "-5", path)  # was "file is 9 bytes, above the -5-byte limit"
    assert negative.code == 2 and "--max-file-size" in negative.err and "-5-byte" not in negative.err


@pytest.mark.parametrize("suffix", ["md", "txt", "html"])
def test_one_megabyte_line_without_spaces(cli, write, suffix):
    path = write(f"long.{suffix}", "a" * 1_000_000 + "\n\nMore eyeballs here.\n")
    res = lint_json(cli, "--select", "TL105", path)
    assert res.code == 1, res.err
    assert findings(res) == [(3, 1, "TL105", "More eyeballs")]


# -- configuration and rule files ------------------------------------------------------------------------------

RULE = """id: X101
name: pipeline
family: audience
kind: existence
level: warning
description: Flags pipeline talk.
message: '"{match}" is pipeline talk'
rationale: People are not a pipeline.
rewrite: Name the people.
match:
  phrases: [sales funnel]
"""


def rules_dir(tmp_path, text: str, name: str = "X101.yaml") -> Path:
    folder = tmp_path / "pack"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text)
    return folder


def assert_config_error(res, where: str, what: str) -> None:
    assert res.code == 2, (res.out, res.err)
    assert res.out == ""  # nothing checked with a half-loaded rule set
    lines = res.err.strip().splitlines()
    assert len(lines) == 1, res.err
    assert lines[0].startswith(where) and what in lines[0], lines[0]


def test_team_rule_pack_loads(cli, tmp_path, write):
    pack = rules_dir(tmp_path, RULE)
    draft = write("d.md", "Fill the sales funnel.\n")
    res = lint_json(cli, "--rule-path", pack, "--select", "X", draft)
    assert findings(res) == [(1, 10, "X101", "sales funnel")]


@pytest.mark.parametrize("text, where, what", [
    (RULE.replace("kind: existence", "kind: [existence"), ":5:6", "invalid YAML"),
    (RULE.replace("level: warning", "level: [warning]"), ":5", "level"),
    (RULE.replace("rationale:", "rationnale:"), ":8", "did you mean 'rationale'"),
    (RULE + "!!python/object/apply:os.system ['echo pwned']: 1\n", ":12", "unsupported YAML tag"),
    (RULE.replace("rationale: People", "rationale: !!python/name:os.system People"), ":8", "unsupported YAML"),
    (RULE.replace("phrases: [sales funnel]", "regex: '(a)\\1'"), ":11", "RE2"),
    (RULE.replace("phrases: [sales funnel]", "regex: 'pipe(?=line)'"), ":11", "no backreferences or lookaround"),
    (RULE.replace("phrases: [sales funnel]", "patterns: [[{TEXT: {REGEX: '(a+)+$'}}]]"), ":11", "REGEX is not allowed"),
])
def test_malformed_rule_file_is_one_line_and_nothing_is_checked(cli, tmp_path, write, text, where, what):
    pack = rules_dir(tmp_path, text)
    draft = write("d.md", GOOD)
    res = cli("--rule-path", pack, draft)
    assert_config_error(res, f"{pack / 'X101.yaml'}{where}", what)


def test_python_object_tag_is_rejected_not_run(cli, tmp_path, write):
    marker = tmp_path / "pwned"
    text = RULE.replace("rationale: People are not a pipeline.",
                        f"rationale: !!python/object/apply:os.system ['touch {marker}']")
    pack = rules_dir(tmp_path, text)
    res = cli("--rule-path", pack, write("d.md", GOOD))
    assert_config_error(res, str(pack / "X101.yaml"), "python/object")
    assert not marker.exists()


def test_missing_rule_pack_folder(cli, write, tmp_path):
    res = cli("--rule-path", tmp_path / "no-such-pack", write("d.md", GOOD))
    assert_config_error(res, str(tmp_path / "no-such-pack"), "does not exist")


def test_pathological_regex_finishes(cli, tmp_path, write):
    """(a+)+$ against a long run of a's and one b: exponential on a backtracking
    engine, linear on RE2.  Run in a subprocess with a timeout so a regression
    fails instead of hanging the suite."""
    pack = rules_dir(tmp_path, RULE.replace("phrases: [sales funnel]", "regex: '(a+)+$'"))
    draft = write("d.txt", "a" * 5000 + "b\n\n" + "a" * 40)
    proc = subprocess.run([sys.executable, "-m", "tonelint", "--no-score", "--select", "X", "--rule-path", str(pack),
                           "--format", "json", str(draft)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1, proc.stderr
    (f,) = json.loads(proc.stdout)
    assert (f["line"], f["matched"]) == (3, "a" * 40)


@pytest.mark.parametrize("text, what", [
    ("select: [TL1\n", "invalid YAML"),
    ("select: 3\n", "select"),
    ("selekt: [TL1]\n", "did you mean 'select'"),
])
def test_malformed_config_is_one_line_and_nothing_is_checked(cli, tmp_path, write, text, what):
    config = tmp_path / ".tonelint.yaml"
    config.write_text(text)
    res = cli("--config", config, write("d.md", GOOD))
    assert_config_error(res, str(config), what)


# -- internal errors -----------------------------------------------------------------------------------------

@pytest.fixture
def broken_engine(monkeypatch):
    from tonelint.engine.core import Engine

    def boom(self, source):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(Engine, "check", boom)


def test_internal_error_is_one_line_exit_3(cli, write, broken_engine):
    res = cli(write("d.md", GOOD), env={"TONELINT_DEBUG": ""})
    assert res.code == 3
    lines = res.err.strip().splitlines()
    assert len(lines) == 1 and "internal error" in lines[0] and "report" in lines[0]
    assert "Traceback" not in res.err


@pytest.mark.parametrize("how", ["flag", "env"])
def test_debug_shows_traceback(cli, write, broken_engine, how, monkeypatch):
    monkeypatch.delenv("TONELINT_DEBUG", raising=False)
    path = write("d.md", GOOD)
    res = cli("--debug", path) if how == "flag" else cli(path, env={"TONELINT_DEBUG": "1"})
    assert res.code == 3
    assert "Traceback" in res.err and "simulated bug" in res.err
