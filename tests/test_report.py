"""Every machine-readable format, parsed the way its consumer parses it: JSON
against tonelint's published schema, SARIF against the official OASIS 2.1.0
schema, JUnit with xml.etree, GitHub workflow commands with the runner's
syntax; plus --statistics, --output-file, --quiet, --exit-zero, --fail-level
and the progress bar."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from tonelint.report.github import escape_data, escape_property

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parent.parent

PUSHY = """# Sign up now!!!

We are thrilled to announce our industry-leading platform for our target audience.
Our users love it. Click here to buy now.
"""
CALM = """# A quick question about your mornings

You told us last month that mornings are the busiest hour at the counter.
What would make the first hour easier for you? Just reply and tell us.
"""


@pytest.fixture
def drafts(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "launch.md").write_text(PUSHY, encoding="utf-8")
    (tmp_path / "content" / "reply.md").write_text(CALM, encoding="utf-8")
    return tmp_path


def _schema(name: str) -> dict:
    return json.loads((ROOT / "tonelint" / "rules" / "schema" / name).read_text(encoding="utf-8"))


# JSON ---------------------------------------------------------------------------

def test_json_matches_the_published_schema(cli, drafts):
    res = cli("--format", "json", "content")
    assert res.code == 1
    items = json.loads(res.out)
    jsonschema.validate(items, _schema("findings.schema.json"))
    assert {f["path"] for f in items} == {"content/launch.md"}
    target = next(f for f in items if f["rule"] == "TL101")
    text = PUSHY
    assert text[target["offset"]:target["end_offset"]] == target["matched"] == "target audience"
    line = text.splitlines()[target["line"] - 1]
    assert line[target["column"] - 1:target["end_column"] - 1] == "target audience"


def test_json_schema_rejects_a_broken_finding(cli, drafts):
    items = json.loads(cli("--format", "json", "content").out)
    del items[0]["rewrite"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(items, _schema("findings.schema.json"))


def test_json_with_scorecards_matches_the_schema(cli, drafts):
    doc = json.loads(cli("--format", "json", "--score", "content").out)
    jsonschema.validate(doc, _schema("findings.schema.json"))
    assert len(doc["scorecards"]) == 2


# SARIF --------------------------------------------------------------------------

def _sarif_validator():
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    assert schema["id"] == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


def test_sarif_validates_against_the_official_schema(cli, drafts):
    res = cli("--format", "sarif", "content")
    assert res.code == 1
    log = json.loads(res.out)
    errors = sorted(_sarif_validator().iter_errors(log), key=str)
    assert not errors, errors[0]
    run = log["runs"][0]
    assert log["version"] == "2.1.0" and run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert ids == sorted(ids) and "TL101" in ids
    tl101 = rules[ids.index("TL101")]
    assert tl101["name"] == "target-audience"
    assert "Why:" in tl101["help"]["text"] and "How to rewrite:" in tl101["help"]["text"]
    assert "{match}" not in tl101["help"]["text"]
    assert tl101["defaultConfiguration"]["level"] == "warning"
    assert tl101["shortDescription"]["text"] and tl101["fullDescription"]["text"]
    result = next(r for r in run["results"] if r["ruleId"] == "TL101")
    assert rules[result["ruleIndex"]]["id"] == "TL101"
    loc = result["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "content/launch.md", "uriBaseId": "%SRCROOT%"}
    assert loc["region"] == {"startLine": 3, "startColumn": 67, "endLine": 3, "endColumn": 82,
                             "snippet": {"text": "target audience"}}
    assert PUSHY.splitlines()[2][66:81] == "target audience"
    assert "Rewrite:" in result["message"]["text"]
    assert re.fullmatch(r"[0-9a-f]{16}-\d+", result["partialFingerprints"]["tonelint/v1"])
    # Each draft's scorecard travels as a property bag on its artifact.
    cards = {a["location"]["uri"]: a["properties"]["tonelint/scorecard"] for a in run["artifacts"]}
    launch = cards["content/launch.md"]
    assert 0 <= launch["score"] <= 100 and launch["verdict"]
    assert launch["audience_language"] >= 1 and launch["reader_focus"]["sender"] >= 1


def test_sarif_scorecards_can_be_left_out(cli, drafts):
    log = json.loads(cli("--format", "sarif", "--no-score", "content").out)
    assert "artifacts" not in log["runs"][0]


def test_sarif_is_valid_when_clean_and_the_schema_is_strict(cli, drafts):
    log = json.loads(cli("--format", "sarif", "content/reply.md").out)
    assert log["runs"][0]["results"] == []
    assert not list(_sarif_validator().iter_errors(log))
    # The schema really constrains: a region with a 0 column is rejected.
    bad = json.loads(cli("--format", "sarif", "content/launch.md").out)
    bad["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"] = 0
    assert list(_sarif_validator().iter_errors(bad))


def test_sarif_fixes_and_unreadable_files(cli, drafts):
    (drafts / "content" / "broken.md").write_bytes(b"bad \xc3\x28 bytes")  # not UTF-8 (binary data is a skip)
    log = json.loads(cli("--format", "sarif", "content").out)
    assert not list(_sarif_validator().iter_errors(log))
    run = log["runs"][0]
    fixed = [r for r in run["results"] if "fixes" in r]
    assert fixed, "TL205 (!!!) offers a fix"
    change = fixed[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert change["insertedContent"]["text"] == "!"
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "broken.md" in invocation["toolExecutionNotifications"][0]["message"]["text"]


def test_sarif_lists_a_binary_file_skipped_in_a_folder_as_a_note(cli, drafts):
    """Skipped, not failed (issue 17 case 7): the run succeeded and says which file it passed over."""
    (drafts / "content" / "junk.eml").write_bytes(b"From: a\n\n\x00\x01\x02binary")
    res = cli("--format", "sarif", "content")
    assert res.code == 1  # launch.md's findings, not the binary file
    log = json.loads(res.out)
    assert not list(_sarif_validator().iter_errors(log))
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is True
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "note"
    assert note["message"]["text"] == "content/junk.eml: looks like a binary file (contains NUL bytes); skipped"
    assert note["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "content/junk.eml",
                                                                             "uriBaseId": "%SRCROOT%"}


def test_sarif_uri_outside_the_working_directory_is_absolute(cli, drafts, tmp_path_factory, monkeypatch):
    elsewhere = tmp_path_factory.mktemp("cwd")
    monkeypatch.chdir(elsewhere)
    log = json.loads(cli("--format", "sarif", str(drafts / "content" / "launch.md")).out)
    assert not list(_sarif_validator().iter_errors(log))
    where = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert where["uri"].startswith("file:///") and "uriBaseId" not in where


# JUnit --------------------------------------------------------------------------

def test_junit_is_well_formed_with_a_suite_per_file(cli, drafts):
    (drafts / "content" / "odd.md").write_text("Our target audience \x0b loves <deals> & \"offers\" ]]>\n", encoding="utf-8")
    res = cli("--format", "junit", "content")
    assert res.code == 1
    root = ET.fromstring(res.out.encode("utf-8"))
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"content/launch.md", "content/odd.md", "content/reply.md"}
    launch = suites["content/launch.md"]
    cases = launch.findall("testcase")
    assert int(launch.get("tests")) == len(cases) == int(launch.get("failures")) > 0
    failure = next(c for c in cases if c.find("failure").get("type").startswith("TL101")).find("failure")
    assert "content/launch.md:3:67: TL101 warning" in failure.text and "rewrite:" in failure.text
    clean = suites["content/reply.md"].findall("testcase")
    assert len(clean) == 1 and clean[0].find("failure") is None
    assert int(root.get("tests")) == sum(int(s.get("tests")) for s in suites.values())
    assert int(root.get("failures")) == sum(int(s.get("failures")) for s in suites.values())


def test_junit_lists_a_binary_file_skipped_in_a_folder_as_a_skipped_testcase(cli, drafts):
    (drafts / "content" / "junk.eml").write_bytes(b"From: a\n\n\x00\x01\x02binary")
    res = cli("--format", "junit", "content")
    assert res.code == 1
    root = ET.fromstring(res.out.encode("utf-8"))
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    junk = suites["content/junk.eml"]
    assert (junk.get("tests"), junk.get("skipped"), junk.get("failures"), junk.get("errors")) == ("1", "1", "0", "0")
    (case,) = junk.findall("testcase")
    skipped = case.find("skipped")
    assert skipped is not None and case.find("error") is None
    assert skipped.get("message") == "looks like a binary file (contains NUL bytes); skipped"
    assert root.get("skipped") == "1" and root.get("errors") == "0"
    assert int(root.get("tests")) == sum(int(s.get("tests")) for s in suites.values())


# GitHub -------------------------------------------------------------------------

_COMMAND = re.compile(
    r"^::(?P<level>error|warning|notice) (?P<props>[^:]*)::(?P<message>[^\r\n]*)$"
)
_PROP = re.compile(r"^(file|line|col|endLine|endColumn|title)=([^,:\r\n]*)$")


def _unescape(value: str) -> str:
    return value.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def test_github_lines_are_workflow_commands(cli, drafts):
    res = cli("--format", "github", "content")
    assert res.code == 1
    lines = res.out.splitlines()
    assert lines
    seen = []
    for line in lines:
        m = _COMMAND.match(line)
        assert m, line
        props = {}
        for part in m.group("props").split(","):
            pm = _PROP.match(part)
            assert pm, part
            props[pm.group(1)] = _unescape(pm.group(2))
        seen.append((m.group("level"), props, _unescape(m.group("message"))))
    level, props, message = next(s for s in seen if s[1]["title"].startswith("TL101"))
    assert level == "warning"
    assert props == {"file": "content/launch.md", "line": "3", "col": "67", "endLine": "3", "endColumn": "82",
                     "title": "TL101 target-audience"}
    assert "\nRewrite: " in message


def test_github_escaping():
    assert escape_data("50% off\r\nnow") == "50%25 off%0D%0Anow"
    assert escape_property("a,b:c%d\n") == "a%2Cb%3Ac%25d%0A"


def test_github_escapes_paths_and_multiline_findings(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    odd = tmp_path / "a,b:c%.md"
    odd.write_text("Hello!!!\n", encoding="utf-8")
    out = cli("--format", "github", "--select", "TL205", odd.name).out
    assert out.startswith("::warning file=a%2Cb%3Ac%25.md,line=1,col=6,endLine=1,endColumn=9,")
    from tonelint.report.github import command

    f = {"path": "x.md", "line": 2, "column": 5, "end_line": 3, "end_column": 4, "rule": "TL201", "level": "suggestion",
         "message": "m", "rewrite": ""}
    assert command(f) == "::notice file=x.md,line=2,endLine=3,title=TL201::m"


# Statistics, output file, quiet, exit codes ---------------------------------------

def test_statistics_counts_per_rule(cli, drafts):
    full = json.loads(cli("--format", "json", "content").out)
    res = cli("--statistics", "content")
    assert res.code == 1
    rows = [line.split("\t") for line in res.out.splitlines() if "\t" in line]
    counts = {rule.strip(): int(n) for n, rule, _ in rows}
    expected: dict = {}
    for f in full:
        expected[f["rule"]] = expected.get(f["rule"], 0) + 1
    assert counts == expected
    assert [int(r[0]) for r in rows] == sorted((int(r[0]) for r in rows), reverse=True)
    assert f"Found {len(full)} findings" in res.out
    data = json.loads(cli("--statistics", "--format", "json", "content").out)
    assert {d["rule"]: d["count"] for d in data} == expected
    assert next(d for d in data if d["rule"] == "TL205")["fixable"] == 1


def test_output_file(cli, drafts):
    res = cli("--format", "sarif", "--output-file", "out/report.sarif", "content")
    assert res.code == 2 and "out/report.sarif" in res.err  # the folder does not exist: one line, exit 2
    res = cli("--format", "sarif", "--output-file", "report.sarif", "content")
    assert res.code == 1 and res.out == ""
    assert json.loads((drafts / "report.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_quiet_prints_findings_only(cli, drafts):
    loud = cli("content")
    quiet = cli("--quiet", "content")
    assert loud.code == quiet.code == 1
    assert "Checked 2 files" in loud.out and re.search(r"\(\d+\.\d\ds\)", loud.out)
    assert "Checked" not in quiet.out and "TL101" in quiet.out
    assert all(line.startswith(("content/", "    rewrite:")) for line in quiet.out.splitlines())


def test_exit_zero_and_fail_level(cli, drafts):
    assert cli("content").code == 1
    assert cli("--exit-zero", "content").code == 0
    assert cli("--fail-level", "error", "content").code == 0  # built-in rules warn; none is an error
    assert cli("--fail-level", "suggestion", "content/reply.md").code == 0
    assert cli("--exit-zero", "content/missing.md").code == 2  # input errors are never waived


# Progress -----------------------------------------------------------------------

class _Tty:
    def __init__(self):
        self.parts = []

    def isatty(self):
        return True

    def write(self, text):
        self.parts.append(text)

    def flush(self):
        pass


def test_progress_bar_only_on_a_terminal_and_for_many_files(tmp_path):
    from tonelint.run import progress
    from tonelint.run.options import RunOptions
    from tonelint.run.runner import Runner

    for i in range(25):
        (tmp_path / f"d{i:02}.md").write_text("Hello there.\n", encoding="utf-8")
    tty = _Tty()
    runner = Runner(RunOptions(paths=[str(tmp_path)], isolated=True))
    bar = progress.bar_for(runner, quiet=False, stream=tty)
    assert bar is not None
    runner.run(progress=bar)
    bar.close()
    shown = "".join(tty.parts)
    assert "Checking" in shown and "25/25" in shown
    assert shown.endswith("\r\x1b[2K\x1b[?25h")  # wiped, cursor back
    assert progress.bar_for(Runner(RunOptions(paths=[str(tmp_path)])), quiet=True, stream=_Tty()) is None
    few = Runner(RunOptions(paths=[str(tmp_path / "d01.md")]))
    assert progress.bar_for(few, quiet=False, stream=_Tty()) is None
    piped = _Tty()
    piped.isatty = lambda: False
    assert progress.bar_for(Runner(RunOptions(paths=[str(tmp_path)])), quiet=False, stream=piped) is None


def test_no_progress_bar_in_captured_output(cli, tmp_path):
    for i in range(25):
        (tmp_path / f"d{i:02}.md").write_text("Hello there.\n", encoding="utf-8")
    res = cli(str(tmp_path))
    assert "Checking" not in res.err and "\x1b" not in res.err


# --------------------------------------------------------------------------- the format registry


def test_docs_list_every_registered_format():
    from tonelint.report import FORMATS

    text = (ROOT / "docs" / "output.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([\w-]+)` \| `([^`]+)` \| (.+?) \|$", text, re.M)

    def asked(f):
        return "--statistics" if f.statistics else "tonelint report" if f.command == "report" else f"--format {f.name}"

    assert rows == [(f.name, asked(f), f.doc) for f in FORMATS.values()]


def test_the_cli_offers_the_registered_formats(cli, drafts):
    from tonelint.cli import check
    from tonelint.report import FORMATS, choices

    offered = next(p for p in check.params if p.name == "output_format").type.choices
    assert list(offered) == choices() and {"text", "json", "sarif"} <= set(offered)
    assert all(not FORMATS[name].statistics and FORMATS[name].command == "check" for name in offered)
    res = cli("--format", "html", "content")  # the page is `tonelint report`'s, not a --format choice
    assert res.code == 2 and "html" in res.err


def test_each_reporter_reads_only_the_options_it_declares():
    """A format's `takes` decides what the run prepares (the rule list is
    loaded only for formats that take it), so it must name every
    ReportOptions field the reporter reads."""
    import ast
    from dataclasses import fields
    from importlib import util

    from tonelint.report import FORMATS, ReportOptions

    known = {f.name for f in fields(ReportOptions)}
    for fmt in FORMATS.values():
        tree = ast.parse(Path(util.find_spec(fmt.module).origin).read_text(encoding="utf-8"))
        read = {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name) and node.value.id == "options"}
        assert read, fmt.name
        assert read <= known, (fmt.name, read - known)
        assert read == fmt.takes, (fmt.name, read ^ fmt.takes)


def test_statistics_is_a_view_the_flag_picks_under_any_format(cli, drafts):
    from tonelint.report import pick

    assert pick("github", statistics=True).name == pick("json", statistics=True).name == "statistics"
    assert pick("sarif").name == "sarif"
    plain = cli("--statistics", "--format", "github", "content")
    assert plain.out == cli("--statistics", "content").out and re.match(r"\s*\d+\tTL\d{3}\t", plain.out)
    assert json.loads(cli("--statistics", "--format", "json", "content").out)[0]["count"] >= 1
