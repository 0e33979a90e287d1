"""The command line as users and CI meet it: exit codes, stdin, folders,
output order and shape, colour, and --fix/--diff/--unsafe-fixes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from conftest import EXAMPLES

ISO = "--isolated"  # no configuration files from the machine running the tests

PUSHY = "Our target audience loves eyeballs!!! Café — more eyeballs!!\n"


def findings(res) -> list[dict]:
    assert res.out.strip().startswith("["), res.out + res.err
    return json.loads(res.out)


# --------------------------------------------------------------------------- exit codes

def test_exit_0_when_clean(cli):
    res = cli(ISO, EXAMPLES / "conversational-email.md")
    assert res.code == 0, res.out + res.err
    assert "no findings" in res.out


def test_exit_1_when_findings(cli):
    res = cli(ISO, EXAMPLES / "pushy-launch-email.md")
    assert res.code == 1
    families = {f["family"] for f in findings(cli(ISO, "--format", "json", EXAMPLES / "pushy-launch-email.md"))}
    assert families == {"audience", "one-way", "listening", "ask"}


@pytest.mark.parametrize("args", [(), ("--format", "xml", "x.md"), ("--no-such-option", "x.md"),
                                  ("--fail-level", "loud", "x.md")])
def test_exit_2_on_usage_error(cli, args):
    res = cli(ISO, *args)
    assert res.code == 2
    assert res.out == "" or "Usage" in res.out
    assert res.err.strip()


def test_missing_file_is_exit_2_and_other_files_are_still_checked(cli, write, tmp_path):
    good = write("draft.md", "Our target audience is here.\n")
    missing = tmp_path / "nope.md"
    res = cli(ISO, missing, good)
    assert res.code == 2
    assert f"{missing}:" in res.err and "no such file" in res.err
    assert res.err.count("\n") == 1  # one line, no traceback
    assert f"{good}:1:5: TL101 warning" in res.out


def test_exit_zero_flag(cli):
    assert cli(ISO, "--exit-zero", EXAMPLES / "pushy-launch-email.md").code == 0


# --------------------------------------------------------------------------- stdin

def test_stdin_is_markdown_by_default(cli):
    res = cli(ISO, "--format", "json", "-", stdin="`our users` and the target audience\n")
    got = [(f["path"], f["rule"], f["matched"]) for f in findings(res)]
    assert got == [("-", "TL101", "target audience")]


def test_stdin_filename_picks_html(cli):
    html = "<style>.our-users{}</style><p>Our users &amp; the target audience</p>\n"
    res = cli(ISO, "--format", "json", "--stdin-filename", "x.html", "-", stdin=html)
    got = [(f["path"], f["rule"], f["matched"], f["column"]) for f in findings(res)]
    assert got == [("x.html", "TL103", "Our users", 31), ("x.html", "TL101", "target audience", 51)]
    # The format really was chosen by the name: backticks are code in
    # Markdown (the default without a name) and plain text in HTML.
    code = "Read `the target audience` notes.\n"
    assert findings(cli(ISO, "--format", "json", "-", stdin=code)) == []
    assert [f["rule"] for f in findings(cli(ISO, "--format", "json", "--stdin-filename", "x.html", "-", stdin=code))] == ["TL101"]


# --------------------------------------------------------------------------- folders and order

def test_folder_recursion_uses_default_suffixes_only(cli, write, tmp_path):
    line = "Our target audience is here.\n"
    for name in ("a.md", "b.txt", "c.html", "d.htm", "f.markdown", "sub/deep/g.md"):
        write(name, line if not name.endswith(("html", "htm")) else f"<p>{line}</p>")
    write("e.eml", "Subject: hi\nContent-Type: text/plain\n\n" + line)
    for skipped in ("notes.rst", "script.py", "data.json", ".hidden/x.md", "node_modules/y.md", "README"):
        write(skipped, line)
    res = cli(ISO, "--format", "json", tmp_path)
    paths = [os.path.relpath(f["path"], tmp_path) for f in findings(res)]
    assert paths == ["a.md", "b.txt", "c.html", "d.htm", "e.eml", "f.markdown", os.path.join("sub", "deep", "g.md")]


def test_output_is_sorted_by_file_then_position_with_summary(cli, write, tmp_path):
    write("b.md", "Hello.\n\nOur users and the target audience.\n")
    write("a.md", "Reach the masses!!!\n")
    res = cli(ISO, "--no-score", tmp_path / "b.md", tmp_path / "a.md")
    lines = [ln for ln in res.out.splitlines() if re.match(r"\S+:\d+:\d+: TL", ln)]
    where = [re.match(r"(.+?):(\d+):(\d+):", ln).groups() for ln in lines]
    names = [(os.path.basename(p), int(l), int(c)) for p, l, c in where]
    assert names == [("a.md", 1, 1), ("a.md", 1, 17), ("b.md", 3, 1), ("b.md", 3, 19)]
    summary = res.out.strip().splitlines()[-1]
    assert re.match(r"Checked 2 files: 4 warnings\.", summary), summary


def test_text_line_shape(cli, write):
    path = write("d.md", "Made for our target audience.\n")
    res = cli(ISO, "--no-score", path)
    assert res.out.splitlines()[0] == (
        f'{path}:1:14: TL101 warning  "target audience" speaks about readers as a target — '
        'try "readers" or "people who …"'
    )


# --------------------------------------------------------------------------- JSON

def test_json_fields_and_character_columns(cli, write):
    text = "Café ☕ — our users\nand 🎉 the target audience\n"
    path = write("d.md", text)
    items = findings(cli(ISO, "--format", "json", path))
    for key in ("path", "line", "column", "end_line", "end_column", "rule", "family", "level", "message",
                "rewrite", "fix"):
        assert all(key in f for f in items), key
    lines = text.split("\n")
    got = []
    for f in items:
        assert f["path"] == str(path)
        assert f["level"] in ("error", "warning", "suggestion")
        assert f["line"] == f["end_line"]
        got.append((f["rule"], f["line"], f["column"], lines[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1]))
    assert got == [("TL103", 1, 10, "our users"), ("TL101", 2, 11, "target audience")]
    by_rule = {f["rule"]: f for f in items}
    # "our customers" would change who is meant (users are not all paying
    # customers), so the swap is no fix (issue 14); the audience swap is one.
    assert by_rule["TL103"]["fix"] is None
    assert by_rule["TL101"]["fix"] == "readers"
    assert by_rule["TL101"]["family"] == "audience"


def test_json_fix_is_null_without_a_replacement(cli, write):
    path = write("d.md", "Act now!\n")
    items = findings(cli(ISO, "--format", "json", "--select", "TL404", path))
    assert [(f["rule"], f["fix"]) for f in items] == [("TL404", None)]


# --------------------------------------------------------------------------- colour

def _run_on_terminal(args, env_extra=None) -> str:
    """Run the real CLI with stdout on a pseudo-terminal; return what it printed."""
    import pty

    main, sub = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env.update(env_extra or {})
    proc = subprocess.Popen([sys.executable, "-m", "tonelint", *map(str, args)], stdout=sub, stderr=sub,
                            stdin=subprocess.DEVNULL, env=env, close_fds=True)
    os.close(sub)
    chunks = []
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(main)
    return b"".join(chunks).decode("utf-8", "replace")


def test_colour_only_on_a_terminal_and_never_with_no_color(cli, write):
    path = write("d.md", "Our target audience.\n")
    assert "\x1b[" not in cli(ISO, path).out  # not a terminal
    assert "\x1b[" in _run_on_terminal([ISO, path])
    assert "\x1b[" not in _run_on_terminal([ISO, path], {"NO_COLOR": "1"})


def test_colour_flags(cli, write):
    path = write("d.md", "Our target audience.\n")
    assert "\x1b[" in cli(ISO, "--color", path).out
    assert "\x1b[" not in cli(ISO, "--no-color", path, env={"NO_COLOR": ""}).out


# --------------------------------------------------------------------------- fixes

def _expected_after(text: str, items: list[dict], applicable: set[str]) -> str:
    """Original text with only the fixable spans replaced: every other
    character must come through unchanged."""
    out, pos = [], 0
    for f in sorted(items, key=lambda f: f["offset"]):
        if f["fix"] is None or f["fix_applicability"] not in applicable or f["offset"] < pos:
            continue
        out.append(text[pos : f["offset"]])
        out.append(f["fix"])
        pos = f["end_offset"]
    out.append(text[pos:])
    return "".join(out)


FIXABLE = "---\r\ntitle: Spring\r\n---\r\n\r\nTarget audience: café owners!!!\r\n\r\nWe need more eyeballs, and eyeballs on `eyeballs`.\r\n"


def test_fix_changes_only_the_matched_spans_and_is_idempotent(cli, write):
    path = write("d.md", FIXABLE.encode("utf-8"))
    items = findings(cli(ISO, "--format", "json", path))
    expected = _expected_after(FIXABLE, items, {"safe"})
    assert expected != FIXABLE
    res = cli(ISO, "--fix", path)
    assert res.code in (0, 1)
    after = path.read_bytes()
    assert after == expected.encode("utf-8")
    assert b"`eyeballs`" in after and b"\r\n" in after and b"Target audience" in after  # unsafe fix not applied
    res2 = cli(ISO, "--fix", path)
    assert path.read_bytes() == after
    assert "Fixed" not in res2.out


def test_unsafe_fixes_need_the_flag(cli, write):
    path = write("d.md", FIXABLE.encode("utf-8"))
    items = findings(cli(ISO, "--format", "json", path))
    cli(ISO, "--fix", "--unsafe-fixes", path)
    after = path.read_bytes().decode("utf-8")
    assert after == _expected_after(FIXABLE, items, {"safe", "unsafe"})
    assert "Who we want to reach: café owners!" in after


def test_diff_prints_a_unified_diff_and_writes_nothing(cli, write):
    path = write("d.md", FIXABLE.encode("utf-8"))
    before = path.read_bytes()
    res = cli(ISO, "--diff", path)
    assert path.read_bytes() == before
    assert f"--- a/{path}" in res.out and f"+++ b/{path}" in res.out
    assert "-Target audience: café owners!!!\r\n" in res.out
    assert "+Target audience: café owners!\r\n" in res.out
    assert "+We need more readers, and readers on `eyeballs`.\r\n" in res.out


def test_fix_on_stdin_prints_the_fixed_text(cli):
    res = cli(ISO, "--fix", "-", stdin="Thanks!!! More eyeballs please.\n")
    assert res.out.startswith("Thanks! More readers please.\n")


def test_folder_discovery_reads_every_known_suffix(cli, write, tmp_path):
    from tonelint.source.files import FORMATS_BY_SUFFIX

    for suffix in FORMATS_BY_SUFFIX:
        write(f"content/d{suffix}", "Our target audience loves it.\n")
    res = cli("--format", "json", "--no-score", "--isolated", tmp_path / "content")
    assert sorted({f["path"].rsplit(".", 1)[1] for f in json.loads(res.out)}) == sorted(s[1:] for s in FORMATS_BY_SUFFIX)


def test_fix_on_stdin_is_a_filter_even_when_nothing_changes(cli):
    clean = "Here is how to bake bread at home.\n"
    res = cli("--fix", "--no-score", "-", stdin=clean)
    assert res.out == clean
    res = cli("--fix", "--no-score", "-", stdin="A million eyeballs!!!\n")
    assert res.out == "A million readers!\n"


def test_stdin_given_twice_is_a_usage_error(cli):
    res = cli("-", "-", stdin="Hello.\n")
    assert res.code == 2 and "stdin can be read only once" in res.err


def test_diff_counts_lines_as_positions_do(cli, write):
    """A form feed is not a line break for positions, so not for --diff either."""
    draft = write("d.txt", "Page one\x0cpage two: a million eyeballs.\n")
    res = cli("--diff", "--no-score", draft)
    assert "-Page one\x0cpage two: a million eyeballs.\n+Page one\x0cpage two: a million readers.\n" in res.out
    assert "d.txt:1:" in res.out
