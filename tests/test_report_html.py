"""`tonelint report`: the HTML page's content and escaping, and the page in a
real headless Chromium (skipped, with the reason, when none is installed)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import EXAMPLES

PUSHY = EXAMPLES / "pushy-launch-email.md"
GOOD = EXAMPLES / "conversational-email.md"


def report(cli, tmp_path, *paths) -> tuple[str, object]:
    out = tmp_path / "report.html"
    res = cli("report", *map(str, paths), "-o", str(out))
    return (out.read_text(encoding="utf-8") if out.exists() else ""), res


def test_report_has_a_highlight_with_tooltip_for_every_finding(cli, tmp_path):
    page, res = report(cli, tmp_path, PUSHY, GOOD)
    assert res.code == 0, res.err
    assert "Wrote" in res.err and "2 drafts" in res.err
    findings = cli(str(PUSHY), "--quiet").out.strip().splitlines()
    n = sum(1 for line in findings if ": TL" in line)
    assert n > 10
    anchors = set(re.findall(r"id='f1-(\d+)'", page))
    assert anchors == {str(i) for i in range(n)}  # every finding of draft 1 is highlighted
    assert page.count("<mark class='hl") >= n - 2  # overlapping findings can share a mark
    assert "role='tooltip'" in page and "tabindex='0'" in page
    assert "mark.hl:focus>.tip" in page  # keyboard focus opens the tooltip without scripts
    assert "fam-audience" in page and "fam-ask" in page and "fam-one-way" in page


def test_report_is_self_contained(cli, tmp_path):
    page, _ = report(cli, tmp_path, PUSHY)
    assert "Content-Security-Policy" in page and "script-src 'none'" in page
    assert "<script" not in page.lower()
    assert not re.search(r"""(?:src|href)\s*=\s*['"]?(?:https?:)?//""", page)
    assert "<link" not in page.lower()


def test_report_scorecard_timeline_and_safe_fix(cli, tmp_path):
    page, _ = report(cli, tmp_path, PUSHY)
    assert "talks at the reader" in page
    assert page.count("<span class='col' tabindex='0'>") == 12  # one timeline column per sentence
    assert "▲ first ask" in page and "▲ first value" not in page
    assert "<del>!!!</del>" in page and "<ins>!</ins>" in page  # TL205's safe fix, before and after
    assert "2 more suggestions need a human" in page


def test_draft_text_is_escaped(cli, tmp_path, write):
    hostile = write(
        "a<b>.txt",
        "<script>document.title='pwned'</script> We think our users love it. "
        "<img src=x onerror=alert(1)> Buy now & save \"big\" 'today'!!!\n",
    )
    page, res = report(cli, tmp_path, hostile)
    assert res.code == 0, res.err
    body = page.split("</style>", 1)[1]
    assert "<script" not in body and "<img" not in body
    assert "&lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt;" in body
    assert "&lt;img src=x onerror=alert(1)&gt;" in body
    assert "a&lt;b&gt;.txt" in body and "a<b>.txt" not in body
    assert "Buy now &amp; save" in body


def test_report_takes_the_same_config_flags_as_check(cli, write):
    draft = write("draft.md", "Our target audience will love it.\n")
    config = write("team.yaml", "ignore: [TL101]\n")
    with_config = cli("report", "--config", str(config), "-o", "-", str(draft))
    isolated = cli("report", "--isolated", "-o", "-", str(draft))
    assert with_config.code == isolated.code == 0
    assert "data-rule='TL101'" not in with_config.out
    assert "data-rule='TL101'" in isolated.out


def test_report_errors(cli, tmp_path):
    page, res = report(cli, tmp_path, PUSHY, tmp_path / "missing.md")
    assert res.code == 2 and "missing.md: no such file or directory" in res.err
    assert "pushy-launch-email.md" in page  # the readable drafts are still reported
    res = cli("report", str(PUSHY), "-o", str(tmp_path / "no" / "such" / "dir" / "r.html"))
    assert res.code == 2 and "cannot write the report" in res.err
    assert cli("report").code == 2


# Real browser ------------------------------------------------------------------------

def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _browse(browser: str, url: str, profile: Path, *extra: str) -> subprocess.CompletedProcess:
    args = [
        browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
        f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", *extra, url,
    ]
    return subprocess.run(args, capture_output=True, text=True, timeout=120, env=dict(os.environ, LANG="C.UTF-8"))


def _console(stderr: str) -> list[str]:
    """Chromium logs every page console message (errors, CSP violations) as
    `INFO:CONSOLE:<line>] "message", source: ...`."""
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def test_report_in_headless_chromium(cli, tmp_path):
    browser = _chromium()
    if browser is None:
        if os.environ.get("TONELINT_EXPECT_INSTALLED"):  # CI: .ci/run installs it, so a skip would hide a failure
            pytest.fail("no chromium on PATH although .ci/run installs it")
        pytest.skip("no chromium on PATH (Debian: apt-get install chromium; .ci/run does)")
    page, res = report(cli, tmp_path, GOOD, PUSHY)
    assert res.code == 0
    url = (tmp_path / "report.html").as_uri()

    # The console check must be able to fail: a page that logs an error is caught.
    control = tmp_path / "control.html"
    control.write_text("<!DOCTYPE html><p>x</p><script>console.error('tonelint-control')</script>", encoding="utf-8")
    caught = _browse(browser, control.as_uri(), tmp_path / "p0", "--dump-dom")
    assert any("tonelint-control" in line for line in _console(caught.stderr)), caught.stderr[-2000:]

    dom = _browse(browser, url, tmp_path / "p1", "--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert _console(dom.stderr) == []
    marks = re.findall(r'<mark class="hl fam-([a-z-]+)', dom.stdout)
    assert len(marks) >= 15 and {"audience", "one-way", "ask", "listening"} <= set(marks)
    assert dom.stdout.count('role="tooltip"') == len(marks)

    shot = tmp_path / "report.png"
    shown = _browse(browser, url, tmp_path / "p2", f"--screenshot={shot}", "--window-size=1280,2400")
    assert _console(shown.stderr) == []
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 50_000  # a rendered page, not a blank one
