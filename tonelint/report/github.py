"""GitHub Actions workflow commands: one `::warning …::message` line per
finding, which Actions turns into an annotation on the pull request's diff.

    ::warning file=content/launch.md,line=3,col=5,endLine=3,endColumn=20,title=TL101 target-audience::…

Levels map to error / warning / notice.  Values are escaped the way the
Actions runner unescapes them: in the message `%`, CR and LF; in properties
also `:` and `,`, which would otherwise end the value.  GitHub accepts `col`
and `endColumn` only on one-line annotations, so a finding that spans lines
carries just its lines.  Paths are relative to the working directory, the
repository root in a checkout step's default layout.
"""

from __future__ import annotations

from .records import findings, relative_uri

COMMANDS = {"error": "error", "warning": "warning", "suggestion": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(f: dict, name: str | None = None) -> str:
    props = [("file", relative_uri(f["path"])), ("line", str(f["line"]))]
    if f["line"] == f["end_line"]:
        props.append(("col", str(f["column"])))
    props.append(("endLine", str(f["end_line"])))
    if f["line"] == f["end_line"]:
        props.append(("endColumn", str(f["end_column"])))
    props.append(("title", f"{f['rule']} {name}" if name else f["rule"]))
    message = f["message"] + (f"\nRewrite: {f['rewrite']}" if f["rewrite"] else "")
    joined = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{COMMANDS[f['level']]} {joined}::{escape_data(message)}"


def render(run, options) -> str:
    names = {r.id: r.name for r in options.rules}
    lines = [command(f, names.get(f["rule"])) for result in run.results for f in findings(result)]
    lines.extend(f"::error title=tonelint::{escape_data(f'{e.where}: {e.what}')}" for e in run.errors)
    return "\n".join(lines) + ("\n" if lines else "")
