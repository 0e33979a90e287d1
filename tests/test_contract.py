"""Bad input is exit 2 with one line naming the file, never exit 3 with a
traceback, and the other files are still checked (issue 17, cases 23-25)."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import house_rule, one_line

ROOT = Path(__file__).resolve().parent.parent
EYEBALLS = "More eyeballs here.\n"


def _eml(charset: str, cte: str, body: bytes) -> bytes:
    if cte == "base64":
        payload = base64.encodebytes(body)
    else:
        payload = body.replace(b"=", b"=3D")
    return (b"From: a@example.com\nSubject: Hi\nMIME-Version: 1.0\n"
            + f"Content-Type: text/plain; charset={charset}\nContent-Transfer-Encoding: {cte}\n\n".encode()
            + payload)


def _deep_multipart(depth: int) -> bytes:
    head = b"From: a@example.com\nSubject: Hi\nMIME-Version: 1.0\n"
    parts = []
    for i in range(depth):
        parts.append(f"Content-Type: multipart/mixed; boundary=\"b{i}\"\n\n--b{i}\n".encode())
    inner = b"Content-Type: text/plain\n\nMore eyeballs here.\n"
    tail = b"".join(f"\n--b{i}--\n".encode() for i in reversed(range(depth)))
    return head + b"".join(parts) + inner + tail


EMAILS = [
    *[(f"charset-{cs}-{cte}", _eml(cs, cte, b"More eyeballs here.\n"))
      for cs in ("hex", "zlib", "bz2", "quopri", "uu", "rot13", "base64")
      for cte in ("quoted-printable", "base64")],
    *[(f"{cs}-no-bom-{cte}", _eml(cs, cte, "More eyeballs here.\n".encode(cs)))
      for cs in ("utf-16", "utf-32")
      for cte in ("quoted-printable", "base64")],
    ("multipart-2000-deep", _deep_multipart(2000)),
]


@pytest.mark.parametrize("name, data", EMAILS, ids=[n for n, _ in EMAILS])
def test_hostile_email_is_one_line_and_the_run_goes_on(cli, write, name, data):
    bad = write(f"{name}.eml", data)
    good = write("good.md", EYEBALLS)
    res = cli("--format", "json", "--no-score", "--select", "TL105", bad, good)
    assert res.code in (1, 2), res.err
    assert "internal error" not in res.err
    findings = json.loads(res.out)
    assert any(Path(f["path"]).name == "good.md" for f in findings)
    if res.code == 2:
        assert f"{name}.eml" in one_line(res.err)


RATIO_RULE = """id: HOUSE2
name: house-ratio
family: house-style
kind: ratio
level: warning
description: Too many house words.
message: too many
rationale: We say it differently.
rewrite: Say it plainly.
numerator:
  phrases: [WORD]
denominator:
  phrases: [thing]
{extra}
examples:
  bad: [The WORD WORD WORD thing.]
  good: [The thing.]
"""
@pytest.mark.parametrize("rule, expect", [
    (house_rule("patterns: [[{}]]"), "pattern"),
    (house_rule("patterns: [[{LOWER: word}, {}]]"), "pattern"),
    (RATIO_RULE.format(extra="threshold: 1\nsmoothing: -1"), "smoothing"),
    (RATIO_RULE.format(extra="threshold: 1\nsmoothing: 0"), "smoothing"),
    (RATIO_RULE.format(extra="threshold: .nan"), "threshold"),
    (RATIO_RULE.format(extra="threshold: .inf"), "threshold"),
])
def test_bad_rule_values_are_one_line(cli, write, tmp_path, rule, expect):
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "house.yaml").write_text(rule, encoding="utf-8")
    draft = write("d.md", "The WORD WORD WORD thing is here.\n")
    res = cli("--rule-path", tmp_path / "pack", draft)
    assert res.code == 2, res.err
    line = one_line(res.err)
    assert "house.yaml" in line and expect in line


@pytest.mark.parametrize("config, expect", [
    ("vocabulary:\n  accept: [{}]\n", "accept"),
    ("vocabulary:\n  accept: [[a]]\n", "accept"),
    ("vocabulary:\n  reject: [{}]\n", "reject"),
])
def test_wrong_types_in_config_are_refused(cli, write, config, expect):
    cfg = write(".tonelint.yaml", config)
    res = cli("--config", cfg, write("d.md", EYEBALLS))
    assert res.code == 2
    line = one_line(res.err)
    assert ".tonelint.yaml:" in line and expect in line


def test_unsearchable_folder_on_the_config_path(cli, tmp_path, monkeypatch):
    import pathlib

    locked = tmp_path / "locked"
    (locked / "inner").mkdir(parents=True)
    draft = locked / "inner" / "d.md"
    draft.write_text(EYEBALLS, encoding="utf-8")
    good = tmp_path / "good.md"
    good.write_text(EYEBALLS, encoding="utf-8")
    real = pathlib.Path.is_file

    def is_file(self):  # what an unsearchable folder does to a non-root user
        if str(self).startswith(str(locked)):
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(pathlib.Path, "is_file", is_file)
    res = cli("--no-score", "--select", "TL105", draft, good)
    assert res.code in (1, 2), res.err
    assert "internal error" not in res.err
    assert "good.md" in res.out


NON_UTF8 = os.fsdecode(b"caf\xe9.md")


@pytest.mark.parametrize("args", [
    ["-o", "out.txt"],
    ["--format", "json", "-o", "out.json"],
    ["--format", "sarif", "-o", "out.sarif"],
    ["--format", "github", "-o", "out.txt"],
    ["--format", "junit", "-o", "out.xml"],
    ["--format", "json"],
])
@pytest.mark.parametrize("score", ["--no-score", "--score"])  # a scorecard names its draft too
def test_non_utf8_file_names_in_reports(tmp_path, args, score):
    (tmp_path / NON_UTF8).write_bytes(EYEBALLS.encode())
    proc = subprocess.run([sys.executable, "-m", "tonelint", score, *args, "."], cwd=tmp_path,
                          capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300)
    assert proc.returncode == 1, proc.stderr
    out = (tmp_path / args[-1]).read_bytes() if "-o" in args else proc.stdout
    text = out.decode("utf-8")  # valid UTF-8, whatever the file name
    if "json" in args:
        data = json.loads(text)
        finding = (data["findings"] if score == "--score" else data)[0]
        assert "caf" in finding["path"]
        if score == "--score":
            assert data["scorecards"][0]["path"] == finding["path"] and finding["path"].endswith("caf\\xe9.md")
    if "sarif" in args and score == "--score":
        (artifact,) = json.loads(text)["runs"][0]["artifacts"]
        assert artifact["properties"]["tonelint/scorecard"]["path"].endswith("caf\\xe9.md")


def test_non_utf8_file_name_in_the_html_report(tmp_path):
    (tmp_path / NON_UTF8).write_bytes(EYEBALLS.encode())
    proc = subprocess.run([sys.executable, "-m", "tonelint", "report", "-o", "r.html", "."], cwd=tmp_path,
                          capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300)
    assert proc.returncode == 0, proc.stderr
    (tmp_path / "r.html").read_bytes().decode("utf-8")


def _run(args, **kwargs):
    return subprocess.run([sys.executable, "-m", "tonelint", *args], capture_output=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, **kwargs)


def test_stdin_closed(tmp_path):
    proc = _run(["-"], stdin=subprocess.DEVNULL, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    r, w = os.pipe()
    os.close(w)
    proc = subprocess.run([sys.executable, "-c", "import os, sys; os.close(0); sys.stdin = None; "
                           "from tonelint.cli import main; main(['-'])"], capture_output=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=tmp_path)
    os.close(r)
    assert proc.returncode == 2, proc.stderr
    assert b"stdin" in proc.stderr and len(proc.stderr.splitlines()) == 1


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_stdout_to_dev_full(tmp_path):
    (tmp_path / "d.md").write_text(EYEBALLS, encoding="utf-8")
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "tonelint", "d.md"], stdout=full, stderr=subprocess.PIPE,
                              cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300)
    assert proc.returncode == 2, proc.stderr
    assert len(proc.stderr.splitlines()) == 1 and b"Traceback" not in proc.stderr


def test_deep_baseline_json(cli, write):
    base = write("base.json", "[" * 100000 + "]" * 100000)
    res = cli("--baseline", base, write("d.md", EYEBALLS))
    assert res.code == 2
    assert "base.json" in one_line(res.err)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_on_the_command_line(cli, write):
    bad = write("bad.md", EYEBALLS)
    bad.chmod(0)
    good = write("good.md", EYEBALLS)
    res = cli("--no-score", "--select", "TL105", bad, good)
    assert res.code == 2
    assert "bad.md" in one_line(res.err)
    assert "good.md" in res.out


def test_unreadable_file_on_the_command_line_as_anyone(cli, write, monkeypatch):
    from pathlib import Path as P

    bad = write("bad.md", EYEBALLS)
    good = write("good.md", EYEBALLS)
    real = P.read_bytes

    def read_bytes(self):
        if self.name == "bad.md":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(P, "read_bytes", read_bytes)
    res = cli("--no-score", "--select", "TL105", bad, good)
    assert res.code == 2
    assert "bad.md" in one_line(res.err)
    assert "good.md" in res.out


# --- case 24: deeply nested Markdown ---------------------------------------------------------

@pytest.mark.parametrize("prefix", ["> " * 25, "> " * 40, "* " * 30, "- " * 20 + "> " * 20])
def test_deeply_nested_markdown_is_checked_or_reported(cli, write, prefix):
    draft = write("d.md", "Intro.\n\n" + prefix + "More eyeballs here.\n")
    res = cli("--no-score", "--select", "TL105", "--format", "json", draft)
    findings = json.loads(res.out) if res.out.strip() else []
    if res.code == 1:
        assert [f["rule"] for f in findings] == ["TL105"]
        assert findings[0]["line"] == 3
    else:
        assert res.code == 2 and "d.md:3" in one_line(res.err) and "nest" in res.err


# --- case 25: clean racing a run ---------------------------------------------------------------

def test_clean_during_a_run_leaves_a_cache_clean_can_remove(cli, write, cache_dir, monkeypatch):
    from tonelint.engine.core import Engine

    real = Engine.check
    drafts = [write(f"d{i}.md", f"More eyeballs number {i}.\n") for i in range(3)]

    def check(self, source):
        if source.path.endswith("d1.md"):
            assert cli("clean").code == 0  # removes the entry d0 left behind
        return real(self, source)

    monkeypatch.setattr(Engine, "check", check)
    first = cli("--no-score", *drafts)
    assert first.code == 1
    monkeypatch.setattr(Engine, "check", real)
    assert not cache_dir.exists() or (cache_dir / ".gitignore").is_file()
    res = cli("clean")
    assert res.code == 0, res.err
    assert not cache_dir.exists()
