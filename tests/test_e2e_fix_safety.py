"""--fix changes the flagged words and nothing else, keeps every file's bytes
(encoding, BOM, line endings, mode) outside the fixed spans, converges, refuses
fixes that re-trigger their rule, and survives Ctrl-C without half-written
files or temp files left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from tonelint.diagnostics import Applicability, Diagnostic, Edit, Fix, Level
from tonelint.engine.fixes import apply_edits
from tonelint.source.safewrite import TEMP_SUFFIX

SAFE = ["--select", "TL105,TL205"]


def fix(cli, *paths, extra=()):
    return cli("--fix", "--no-score", *SAFE, *extra, *map(str, paths))


@pytest.mark.parametrize("raw, want", [
    # CRLF, with a BOM
    (b"\xef\xbb\xbfOne\r\nMore eyeballs here!!!\r\nEnd\r\n", b"\xef\xbb\xbfOne\r\nMore readers here!\r\nEnd\r\n"),
    # CR only, no final newline
    (b"One\rMore eyeballs here!!!\rEnd", b"One\rMore readers here!\rEnd"),
    # mixed endings stay mixed
    (b"A\r\nB eyeballs\rC\nD!!!\n", b"A\r\nB readers\rC\nD!\n"),
])
def test_fix_keeps_bytes_outside_the_spans(cli, write, raw, want):
    path = write("d.txt", raw)
    res = fix(cli, path)
    assert path.read_bytes() == want, res.err
    assert fix(cli, path).code == 0
    assert path.read_bytes() == want  # a second --fix changes nothing


def test_fix_keeps_latin1_and_mode(cli, write):
    path = write("d.md", "Caf\xe9 na\xefve eyeballs!!!\n".encode("latin-1"))
    path.chmod(0o640)
    res = fix(cli, path, extra=("--encoding", "latin-1"))
    assert res.code == 0, res.err
    assert path.read_bytes() == "Caf\xe9 na\xefve readers!\n".encode("latin-1")
    assert (path.stat().st_mode & 0o777) == 0o640


def _substitution_pack(tmp_path, phrases: str, swap: str):
    """A one-rule team pack: substitution X101 with a safe fix."""
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "X.yaml").write_text(
        "id: X101\nname: x\nfamily: one-way\nkind: substitution\nlevel: warning\ndescription: d\n"
        f"message: '\"{{match}}\" x'\nrationale: r\nrewrite: r\nmatch:\n  phrases: {phrases}\n"
        f"swap:\n{swap}fix: safe\n", encoding="utf-8")
    return pack


def test_fix_that_the_encoding_cannot_hold_is_refused_in_one_line(cli, write, tmp_path):
    pack = _substitution_pack(tmp_path, "[synergy]", "  synergy: \"work \\u2014 together\"\n")
    latin = write("a.md", "Caf\xe9 synergy.\n".encode("latin-1"))
    other = write("b.md", "More eyeballs.\n")
    res = cli("--fix", "--no-score", "--select", "X,TL105", "--rule-path", pack, "--encoding", "latin-1", latin, other)
    assert res.code == 2
    assert f"{latin}: not fixed" in res.err and "Traceback" not in res.err
    assert latin.read_bytes() == "Caf\xe9 synergy.\n".encode("latin-1")
    assert other.read_text() == "More readers.\n"  # the run went on


def test_fix_never_touches_code_urls_front_matter_keys_or_tags(cli, write):
    text = (
        "---\neyeballs: 3\ntitle: More eyeballs!!!\n---\n\n"
        "Our eyeballs!!! see `eyeballs!!!` and https://ex.com/eyeballs!!! and <span title=\"eyeballs!!!\">x</span>\n\n"
        "```\neyeballs!!!\n```\n\n    indented eyeballs!!!\n\n[eyeballs](https://ex.com/eyeballs!!!)\n"
        "<!-- eyeballs!!! -->\n"
    )
    path = write("d.md", text)
    fix(cli, path)
    want = (
        "---\neyeballs: 3\ntitle: More readers!\n---\n\n"
        "Our readers! see `eyeballs!!!` and https://ex.com/eyeballs!!! and <span title=\"eyeballs!!!\">x</span>\n\n"
        "```\neyeballs!!!\n```\n\n    indented eyeballs!!!\n\n[readers](https://ex.com/eyeballs!!!)\n"
        "<!-- eyeballs!!! -->\n"
    )
    assert path.read_text() == want


def test_fix_html_keeps_tags_and_entities(cli, write):
    path = write("d.html", '<p class="eyeballs">More eyeballs &amp; eyeballs!!!</p><code>eyeballs</code>\r\n')
    fix(cli, path)
    assert path.read_bytes() == b'<p class="eyeballs">More readers &amp; readers!</p><code>eyeballs</code>\r\n'


def test_fix_through_symlink_keeps_the_link(cli, tmp_path):
    real = tmp_path / "real.md"
    real.write_text("More eyeballs.\n")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    fix(cli, link)
    assert link.is_symlink()
    assert real.read_text() == "More readers.\n"


def test_fix_in_read_only_folder_is_one_line(cli, tmp_path, monkeypatch):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "d.md"
    path.write_text("More eyeballs.\n")
    other = tmp_path / "other.md"
    other.write_text("More eyeballs.\n")
    folder.chmod(0o555)
    if os.access(folder, os.W_OK):
        # Root (CI) may write anywhere: make the temporary file fail there as
        # it does for everyone else.
        import tempfile

        from tonelint.source import safewrite

        real = tempfile.mkstemp

        def refuse(*args, dir=None, **kwargs):
            if dir is not None and str(dir) == str(folder):
                raise PermissionError(13, "Permission denied")
            return real(*args, dir=dir, **kwargs)

        monkeypatch.setattr(safewrite.tempfile, "mkstemp", refuse)
    try:
        res = fix(cli, path, other)
    finally:
        folder.chmod(0o755)
    assert res.code == 2 and f"{path}: not fixed: Permission denied" in res.err
    assert path.read_text() == "More eyeballs.\n"
    assert other.read_text() == "More readers.\n"  # the run went on


def test_interrupt_during_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    """Old or new, never half: an interrupt before the rename changes nothing."""
    from tonelint.source import safewrite

    path = tmp_path / "d.md"
    path.write_bytes(b"old text\n")

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(safewrite.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        safewrite.write_atomic(str(path), b"new text\n")
    assert path.read_bytes() == b"old text\n"
    assert [p.name for p in tmp_path.iterdir()] == ["d.md"]


def test_signal_during_write_is_held_until_the_rename(tmp_path, monkeypatch):
    import signal

    from tonelint.source import safewrite

    path = tmp_path / "d.md"
    path.write_bytes(b"old text\n")
    inode = path.stat().st_ino
    real_fsync = safewrite.os.fsync

    def fsync_then_ctrl_c(fd):
        real_fsync(fd)
        signal.raise_signal(signal.SIGINT)  # arrives mid-write

    monkeypatch.setattr(safewrite.os, "fsync", fsync_then_ctrl_c)
    with pytest.raises(KeyboardInterrupt):
        safewrite.write_atomic(str(path), b"new text\n")
    # The interrupt was delivered only after the new file was renamed into place.
    assert path.read_bytes() == b"new text\n"
    assert path.stat().st_ino != inode  # a rename, not an in-place rewrite
    assert [p.name for p in tmp_path.iterdir()] == ["d.md"]


def test_self_triggering_fix_is_not_applied(cli, tmp_path, write):
    pack = _substitution_pack(tmp_path, "[leads, hot leads]", "  leads: hot leads\n  hot leads: people\n")
    path = write("d.md", "We thank our leads.\n")
    res = cli("--fix", "--no-score", "--select", "X", "--rule-path", pack, path)
    # "leads" -> "hot leads" would be flagged again by X101, so it is refused and still reported.
    assert path.read_text() == "We thank our leads.\n"
    assert res.code == 1 and "X101" in res.out


def _diag(rule: str, start: int, end: int, text: str) -> Diagnostic:
    return Diagnostic(rule, "f", Level.WARNING, start, end, "", "", "", "", Fix((Edit(start, end, text),),
                                                                                 Applicability.SAFE))


def test_overlapping_fixes_are_deterministic():
    text = "abcdefghij"
    ds = [_diag("B1", 2, 5, "X"), _diag("A1", 2, 7, "Y"), _diag("C1", 4, 8, "Z"), _diag("D1", 8, 9, "W"),
          _diag("A0", 2, 7, "V")]
    results = {apply_edits(text, order).text for order in (ds, ds[::-1], ds[2:] + ds[:2], sorted(ds, key=str))}
    # Earliest start wins, then the longer edit, then the lower rule id; later overlaps wait for the next pass.
    assert results == {"abVhWj"}


# -- Ctrl-C ---------------------------------------------------------------------------------------------------

DRAFT = "More eyeballs in paragraph {i}!!!\n\n" * 40
FIXED = "More readers in paragraph {i}!\n\n" * 40


def test_sigint_during_fix_leaves_each_file_old_or_new(tmp_path):
    """Interrupt `python -m tonelint --fix` over many files at several moments;
    whenever it stops, every file is exactly the old or the new text and no
    temporary file is left in the folder."""
    folder = tmp_path / "drafts"
    folder.mkdir()
    seen_partial = False
    # Stop the run when its first file has been fixed, not after a fixed
    # delay: start-up time varies tenfold with the machine's load.
    for n, pause in ((150, 0.0), (400, 0.05), (400, 0.2)):
        for p in folder.iterdir():
            p.unlink()
        for i in range(n):
            (folder / f"d{i:03}.md").write_text(DRAFT.format(i=i))
        proc = subprocess.Popen([sys.executable, "-m", "tonelint", "--fix", "--no-score", *SAFE, str(folder)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline:
            if any((folder / f"d{i:03}.md").read_text() == FIXED.format(i=i) for i in range(0, n, 7)):
                break
            time.sleep(0.005)
        time.sleep(pause)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=120)
        assert "Traceback" not in err
        states = []
        for i in range(n):
            body = (folder / f"d{i:03}.md").read_text()
            assert body in (DRAFT.format(i=i), FIXED.format(i=i)), f"d{i:03}.md is half-written"
            states.append(body == FIXED.format(i=i))
        leftovers = [p.name for p in folder.iterdir() if p.name.endswith(TEMP_SUFFIX) or p.name.startswith(".")]
        assert leftovers == []
        if proc.returncode != 0 and 0 < sum(states) < n:
            seen_partial = True
            assert proc.returncode == 130
            break
    if not seen_partial:
        if os.environ.get("TONELINT_EXPECT_INSTALLED"):  # CI must prove the mid-run stop, not skip it
            pytest.fail("the run was never caught mid-way; raise the number of drafts")
        pytest.skip("the run was never caught mid-way on this machine; invariants held at every stop")


def test_fix_leaves_a_read_only_draft_alone(cli, write):
    draft = write("locked.md", "Our launch reached a million eyeballs.\n")
    draft.chmod(0o444)
    res = cli("--fix", str(draft))
    assert res.code == 2
    assert f"{draft}: not fixed: the file is read-only" in res.err
    assert draft.read_text() == "Our launch reached a million eyeballs.\n"
    assert draft.stat().st_mode & 0o777 == 0o444
