"""--fix and the report writers never lose someone else's bytes: a draft that
changed while it was being fixed, hard links, ownership, an output that is one
of the inputs, a read-only output (issue 17, cases 15-17)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from conftest import one_line

EYEBALLS = "More eyeballs here.\n"
FIXED = "More readers here.\n"
SAFE = ["--no-score", "--select", "TL105"]


@pytest.fixture
def during_check(monkeypatch):
    """during_check(fn): call fn(path) while the engine checks each draft,
    i.e. after tonelint read the file and before it writes the fix."""
    from tonelint.engine.core import Engine

    real = Engine.check

    def install(fn):
        def check(self, source):
            fn(Path(source.path))
            return real(self, source)

        monkeypatch.setattr(Engine, "check", check)

    return install


# --- case 15: concurrent changes -----------------------------------------------------------

def _append(path: Path) -> None:
    if path.exists() and "appended" not in path.read_text(encoding="utf-8"):
        with open(path, "a", encoding="utf-8") as fh:
            fh.write("A line appended meanwhile.\n")


def _replace_same_size(path: Path) -> None:
    # Same size, same mtime: only the content (or the inode) tells.
    st = path.stat()
    if path.read_text(encoding="utf-8") == EYEBALLS:
        path.write_text(EYEBALLS.replace("More", "Mora"), encoding="utf-8")
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def _delete(path: Path) -> None:
    if path.exists():
        path.unlink()


def _move(path: Path) -> None:
    if path.exists():
        path.rename(path.with_name("moved.md"))


@pytest.mark.parametrize("change, expect", [
    (_append, EYEBALLS + "A line appended meanwhile.\n"),
    (_replace_same_size, EYEBALLS.replace("More", "Mora")),
    (_delete, None),
    (_move, None),
])
def test_fix_skips_a_draft_that_changed_meanwhile(cli, write, during_check, change, expect):
    draft = write("d.md", EYEBALLS)
    other = write("other.md", EYEBALLS)
    during_check(lambda p: change(p) if p.name == "d.md" else None)
    res = cli("--fix", *SAFE, draft, other)
    assert res.code == 2
    assert "d.md" in one_line(res.err) and "changed" in res.err
    if expect is None:
        assert not draft.exists()  # never re-created
    else:
        assert draft.read_text(encoding="utf-8") == expect
    assert other.read_text(encoding="utf-8") == FIXED  # the rest of the run went on


# --- case 16: hard links, ownership, setuid ----------------------------------------------------

def test_fix_keeps_hard_links_together(cli, write):
    first = write("hard1.md", EYEBALLS)
    second = first.with_name("hard2.md")
    os.link(first, second)
    res = cli("--fix", *SAFE, first)
    assert os.path.samefile(first, second)
    assert first.read_bytes() == second.read_bytes()
    if first.read_text(encoding="utf-8") == EYEBALLS:  # refused: said so, one line, exit 2
        assert res.code == 2 and "hard1.md" in one_line(res.err) and "link" in res.err


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to chown")
@pytest.mark.parametrize("mode", [0o4764, 0o2764, 0o6764])
def test_fix_keeps_owner_and_drops_setuid(cli, write, mode):
    draft = write("d.md", EYEBALLS)
    os.chown(draft, 65534, 65534)
    os.chmod(draft, mode)
    res = cli("--fix", *SAFE, draft)
    st = draft.stat()
    assert (st.st_uid, st.st_gid) == (65534, 65534)
    assert not st.st_mode & (stat.S_ISUID | stat.S_ISGID)
    if draft.read_text(encoding="utf-8") == FIXED:
        assert st.st_mode & 0o777 == mode & 0o777
    else:
        assert res.code == 2 and "d.md" in one_line(res.err)


# --- case 17: outputs that are inputs, read-only outputs -------------------------------------

@pytest.mark.parametrize("command", [
    lambda d: ["-o", d, d],
    lambda d: ["--format", "json", "-o", d, d],
    lambda d: ["--write-baseline", d, d],
    lambda d: ["report", "-o", d, d],
])
def test_an_output_that_is_an_input_is_refused(cli, write, monkeypatch, command):
    draft = write("b.md", EYEBALLS)
    monkeypatch.chdir(draft.parent)
    for name in ("b.md", "./b.md"):
        res = cli(*command(name))
        assert res.code == 2
        assert "b.md" in one_line(res.err)
        assert draft.read_text(encoding="utf-8") == EYEBALLS


def test_an_output_that_is_an_input_through_a_link_is_refused(cli, write):
    draft = write("b.md", EYEBALLS)
    link = draft.with_name("report.md")
    link.symlink_to(draft)
    res = cli("-o", link, draft)
    assert res.code == 2 and draft.read_text(encoding="utf-8") == EYEBALLS


@pytest.mark.parametrize("command", [
    lambda out, d: ["--write-baseline", out, d],
    lambda out, d: ["-o", out, d],
    lambda out, d: ["--format", "sarif", "-o", out, d],
    lambda out, d: ["report", "-o", out, d],
])
def test_a_read_only_output_is_respected(cli, write, command):
    draft = write("d.md", EYEBALLS)
    out = write("out.json", "{}\n")
    out.chmod(0o444)
    res = cli(*command(str(out), str(draft)))
    assert res.code == 2
    assert "out.json" in one_line(res.err) and "read-only" in res.err
    assert out.read_text(encoding="utf-8") == "{}\n"
