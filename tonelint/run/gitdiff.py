"""`--diff-from REF`: keep only findings on lines changed since a git ref, so a
pull request is judged on what it touches and an old content repository can
adopt tonelint without first rewriting everything.

For each repository that holds a checked draft, one
`git diff --unified=0 REF` (working tree against REF, renames followed) gives
the added or rewritten lines of every file; files git does not track yet
(untracked and not ignored) count as changed throughout.  A finding is kept
when any of its lines is changed.  Removed lines leave nothing to report on.
Findings of stdin (`-`) are kept: there is no file to compare.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field

from ..diagnostics import LineIndex
from ..errors import TonelintError

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_ALL = "all"


class GitDiffError(TonelintError):
    """git is missing, the draft is outside a repository, or REF is unknown."""


@dataclass
class Changes:
    """Changed lines per absolute path; `_ALL` for files new since REF."""

    lines: dict = field(default_factory=dict)

    def of(self, path: str):
        """The changed lines of one file (resolved once per file, not per finding)."""
        return self.lines.get(os.path.realpath(path))


def _touches(changed, first: int, last: int) -> bool:
    if changed is None:
        return False
    if changed == _ALL:
        return True
    return any(line in changed for line in range(first, last + 1))


def _git(args: list[str], cwd: str, where: str) -> str:
    try:
        proc = subprocess.run(["git", "-c", "core.quotePath=false", *args], cwd=cwd, capture_output=True,
                              text=True, encoding="utf-8", errors="surrogateescape")
    except FileNotFoundError:
        raise GitDiffError(where, "--diff-from needs git, and git is not installed") from None
    if proc.returncode != 0:
        detail = (proc.stderr.strip().splitlines() or ["git failed"])[-1]
        raise GitDiffError(where, f"git {args[0]}: {detail}")
    return proc.stdout


def _unquote(name: str) -> str:
    """git's C-style quoting of unusual path names ("\\303\\251" is é)."""
    if not (name.startswith('"') and name.endswith('"')):
        return name
    raw = name[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape")
    return raw.encode("latin-1").decode("utf-8", "surrogateescape")


def parse_diff(text: str) -> dict:
    """{path relative to the repository root: set of changed new-side lines},
    from `git diff --no-prefix`.  A `+++ ` line is a file header only in the
    header block (after `diff --git`, before the first hunk): inside a hunk
    it is an added line that starts with "++"."""
    out: dict = {}
    current = None
    in_header = False
    for line in text.split("\n"):  # git's own line ends only: a draft's \f or U+2028 stays inside its line
        if line.startswith("diff --git "):
            in_header, current = True, None
            continue
        if in_header and line.startswith("+++ "):
            target = line[4:].rstrip("\t")
            current = None if target == "/dev/null" else _unquote(target)
            if current is not None:
                out.setdefault(current, set())
            continue
        if line.startswith("@@"):
            in_header = False
        if current is None:
            continue
        m = _HUNK.match(line)
        if m:
            start, count = int(m.group(1)), int(m.group(2)) if m.group(2) is not None else 1
            out[current].update(range(start, start + count))
    return out


def _root_of(folder: str, where: str) -> str:
    try:
        return _git(["rev-parse", "--show-toplevel"], folder, where).strip()
    except GitDiffError:
        raise GitDiffError(where, "--diff-from: not inside a git repository") from None


def changed_lines(paths, ref: str) -> Changes:
    """Changed lines since `ref` for every repository holding one of `paths`."""
    changes = Changes()
    roots: dict = {}
    for path in paths:
        if path == "-":
            continue
        folder = os.path.dirname(os.path.abspath(path)) or "."
        if folder not in roots:
            roots[folder] = _root_of(folder, path)
    for root in sorted(set(roots.values())):
        try:
            _git(["rev-parse", "--verify", f"{ref}^{{commit}}"], root, ref)
        except GitDiffError:
            raise GitDiffError(ref, f"--diff-from: no such commit in {root}") from None
        # --no-prefix: paths as they are, whatever diff.mnemonicPrefix or
        # diff.noprefix the user's git config sets.
        diff = _git(["diff", "--unified=0", "--no-color", "--no-ext-diff", "--no-prefix", "--find-renames", ref, "--"],
                    root, root)
        for rel, lines in parse_diff(diff).items():
            changes.lines[os.path.realpath(os.path.join(root, rel))] = lines
        untracked = _git(["ls-files", "-z", "--others", "--exclude-standard"], root, root)
        for rel in filter(None, untracked.split("\0")):
            changes.lines[os.path.realpath(os.path.join(root, rel))] = _ALL
    return changes


def keep_changed(run, ref: str, stdin_name: str | None = None) -> int:
    """Drop from `run` the findings on unchanged lines; return how many went.
    `stdin_name` (--stdin-filename) names text read from stdin, whose lines
    need not be the file's on disk: its findings are all kept."""
    from_stdin = {"-", stdin_name}
    changes = changed_lines([r.path for r in run.results if r.path not in from_stdin], ref)
    dropped = 0
    for result in run.results:
        if result.path in from_stdin:
            continue
        index = LineIndex(result.text)
        changed = changes.of(result.path)
        keep = []
        for d in result.diagnostics:
            first = index.position(d.start)[0]
            last = index.position(max(d.start, d.end - 1))[0]
            if _touches(changed, first, last):
                keep.append(d)
            else:
                dropped += 1
        result.diagnostics = keep
    return dropped
