"""Baselines: record today's findings so a team can adopt tonelint on an old
content repository and be told only about what is new.

A finding is identified by a fingerprint that does not contain a line number:
an edit elsewhere in the draft shifts lines, and a baseline keyed on lines
would then report every old finding below the edit as new.  The fingerprint is

    sha256(rule, matched text, context)[:16] + "-" + occurrence

where *matched text* and *context* (up to CONTEXT characters of source on each
side of the match, never past a blank line, so an edit in the paragraph above
changes nothing) are case-folded with runs of whitespace collapsed, so
re-wrapping a paragraph keeps them; *occurrence* counts earlier findings of the
same file with the same hash (0 for the first), so two identical sentences in a
draft stay two findings.  The file path is kept beside the fingerprint,
relative to the baseline file's folder, with forward slashes, so the baseline
works from any working directory and on any OS.

Baseline file (JSON, UTF-8; sorted, one finding per entry, easy to review in a
diff):

    {
      "tool": "tonelint",
      "version": 1,
      "findings": [
        {"path": "content/launch.md", "rule": "TL101", "fingerprint": "3f0c…-0",
         "matched": "target audience", "line": 12},
        …
      ]
    }

`matched` and `line` are for people reading the file; matching uses only
`path` and `fingerprint`, as a multiset.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from pathlib import Path

from ..diagnostics import LineIndex
from ..errors import TonelintError
from ..source.files import read_regular
from ..source.safewrite import write_output

FORMAT_VERSION = 1
CONTEXT = 24
MAX_BYTES = 256 * 1024 * 1024  # far above any real baseline (~200 bytes a finding)
_SPACE = re.compile(r"\s+")
_BLANK_LINE = re.compile(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)")


class BaselineError(TonelintError):
    """A baseline file is missing, unreadable or not a tonelint baseline."""


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def fingerprints(text: str, diagnostics) -> list[str]:
    """One fingerprint per diagnostic of one file, in the given order."""
    seen: Counter = Counter()
    out = []
    for d in diagnostics:
        before = _BLANK_LINE.split(text[max(0, d.start - CONTEXT):d.start])[-1]
        after = _BLANK_LINE.split(text[d.end:d.end + CONTEXT])[0]
        key = "\0".join((d.rule, _norm(d.matched), _norm(before), _norm(after)))
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
        out.append(f"{digest}-{seen[digest]}")
        seen[digest] += 1
    return out


def _key_path(path: str, base: Path) -> str:
    if path == "-":
        return path
    try:
        rel = os.path.relpath(os.path.abspath(path), base)
    except ValueError:  # another drive on Windows
        rel = os.path.abspath(path)
    return Path(rel).as_posix()


def _entries(run, base: Path):
    for result in run.results:
        index = LineIndex(result.text)
        for d, fp in zip(result.diagnostics, fingerprints(result.text, result.diagnostics)):
            yield d, {"path": _key_path(d.path, base), "rule": d.rule, "fingerprint": fp, "matched": d.matched,
                      "line": index.position(d.start)[0]}


def write(path: str, run) -> int:
    """Write every finding of `run` to the baseline at `path`; return how many."""
    base = Path(os.path.abspath(path)).parent
    items = sorted((e for _, e in _entries(run, base)), key=lambda e: (e["path"], e["line"], e["rule"], e["fingerprint"]))
    data = {"tool": "tonelint", "version": FORMAT_VERSION, "findings": items}
    # A committed baseline is never left half-written, nor a read-only one replaced.
    write_output(path, (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8"), "the baseline")
    return len(items)


def load(path: str) -> Counter:
    """The baseline's findings as a multiset of (path, fingerprint)."""
    try:
        # A regular file of bounded size only: a FIFO named as the baseline
        # would block, a device never end.
        data = json.loads(read_regular(path, MAX_BYTES).decode("utf-8"))
    except FileNotFoundError:
        raise BaselineError(path, "no such baseline file (create one with --write-baseline)") from None
    except OSError as exc:
        raise BaselineError(path, f"cannot read the baseline: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(path, f"not a tonelint baseline (invalid JSON: {exc})") from None
    except RecursionError:
        raise BaselineError(path, "not a tonelint baseline (nested too deeply)") from None
    if not isinstance(data, dict) or data.get("tool") != "tonelint" or not isinstance(data.get("findings"), list):
        raise BaselineError(path, "not a tonelint baseline (expected an object with tool 'tonelint' and findings)")
    if data.get("version") != FORMAT_VERSION:
        raise BaselineError(path, f"baseline format version {data.get('version')!r} is not supported "
                                  f"(this tonelint writes version {FORMAT_VERSION})")
    known: Counter = Counter()
    for n, item in enumerate(data["findings"]):
        if not isinstance(item, dict) or not isinstance(item.get("path"), str) \
                or not isinstance(item.get("fingerprint"), str):
            raise BaselineError(path, f"finding {n + 1} needs string 'path' and 'fingerprint'")
        known[(item["path"], item["fingerprint"])] += 1
    return known


def drop_known(run, path: str) -> int:
    """Remove from `run` every finding the baseline at `path` records; return
    how many were dropped.  Findings beyond the baseline's count stay."""
    known = load(path)
    base = Path(os.path.abspath(path)).parent
    dropped = 0
    for result in run.results:
        keep = []
        for d, fp in zip(result.diagnostics, fingerprints(result.text, result.diagnostics)):
            key = (_key_path(d.path, base), fp)
            if known[key] > 0:
                known[key] -= 1
                dropped += 1
            else:
                keep.append(d)
        result.diagnostics = keep
    return dropped
