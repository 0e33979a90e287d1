"""JUnit XML, the test-report format most CI systems display (GitLab, Jenkins,
Azure Pipelines, CircleCI).  One <testsuite> per draft, one <testcase> per
finding with a <failure> that says where, what and how to rewrite; a clean
draft is one passing testcase, so the report lists every file checked; a
draft that could not be read is a testcase with an <error>, and a file skipped
while walking a folder (binary data) a testcase marked <skipped>, so the report
also lists every file the run passed over."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from .printable import error_line, printable
from .records import findings, relative_uri

# XML 1.0 cannot carry these at all, not even as character references.
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _suite(parent, name: str, **counts) -> ET.Element:
    attrs = {"name": _clean(name), "tests": "0", "failures": "0", "errors": "0", "skipped": "0", "time": "0"}
    attrs.update({k: str(v) for k, v in counts.items()})
    return ET.SubElement(parent, "testsuite", attrs)


def render(run, options) -> str:
    root = ET.Element("testsuites", {"name": "tonelint"})
    total = failures = errors = 0
    for result in run.results:
        path = relative_uri(result.path)
        items = findings(result)
        suite = _suite(root, path, tests=max(1, len(items)), failures=len(items))
        total += max(1, len(items))
        failures += len(items)
        if not items:
            ET.SubElement(suite, "testcase", {"name": "no findings", "classname": _clean(path), "file": _clean(path),
                                              "time": "0"})
            continue
        for f in items:
            where = f"{path}:{f['line']}:{f['column']}"
            case = ET.SubElement(suite, "testcase", {
                "name": _clean(f"{f['rule']} at {f['line']}:{f['column']}: {f['matched']}"),
                "classname": _clean(path), "file": _clean(path), "line": str(f["line"]), "time": "0",
            })
            body = f"{where}: {f['rule']} {f['level']}  {f['message']}"
            if f["rewrite"]:
                body += f"\nrewrite: {f['rewrite']}"
            if f["rationale"]:
                body += f"\nwhy: {f['rationale']}"
            failure = ET.SubElement(case, "failure", {"type": f"{f['rule']} {f['level']}", "message": _clean(f["message"])})
            failure.text = _clean(body)
    for err in run.errors:
        suite = _suite(root, relative_uri(err.where), tests=1, errors=1)
        case = ET.SubElement(suite, "testcase", {"name": "read draft", "classname": _clean(relative_uri(err.where)),
                                                 "time": "0"})
        ET.SubElement(case, "error", {"type": type(err).__name__, "message": _clean(printable(err.what))}).text = \
            _clean(error_line(err.where, err.what))
        total += 1
        errors += 1
    skipped = 0
    for note in run.notes:
        name = relative_uri(note.where)
        suite = _suite(root, name, tests=1, skipped=1)
        case = ET.SubElement(suite, "testcase", {"name": "read draft", "classname": _clean(name), "file": _clean(name),
                                                 "time": "0"})
        ET.SubElement(case, "skipped", {"message": _clean(printable(note.what))}).text = \
            _clean(error_line(note.where, note.what))
        total += 1
        skipped += 1
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", str(errors))
    root.set("skipped", str(skipped))
    elapsed = options.elapsed
    root.set("time", f"{elapsed:.3f}" if elapsed is not None else "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
