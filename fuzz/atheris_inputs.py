"""Coverage-guided fuzzing of what a hostile repository controls: drafts,
config files and rule files (issue 17).  The property is the command's
contract: findings (exit 0/1) or a one-line error (exit 2), never an internal
error (exit 3) and never an exception escaping it.

Optional and never run by CI: it needs atheris (`pip install .[fuzz]`) and
runs until stopped.  tests/test_fuzz_inputs.py is the bounded, always-run
Hypothesis counterpart; an input this finds belongs there as a seed.

    python fuzz/atheris_inputs.py -max_total_time=300 -timeout=60 [CORPUS_DIR]

The first byte of an input picks the target (draft, config or rule file),
the second the draft's format; the rest is the file.  An empty or missing
corpus folder is first seeded from the repository's own examples, rule pack
and nasty drafts.  With TONELINT_FUZZ_FINDINGS=DIR a failing input
is written there (one file per distinct failure) and the run goes on, so a
few minutes of fuzzing report every distinct slip, not only the first.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import tempfile
from pathlib import Path

import atheris
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

with atheris.instrument_imports(include=["tonelint"]):
    import tonelint.cli  # noqa: F401 - instrumented: everything the command runs
    import tonelint.markup.email  # noqa: F401
    import tonelint.markup.html  # noqa: F401
    import tonelint.markup.markdown  # noqa: F401
    import tonelint.report.json  # noqa: F401
    import tonelint.rewrite  # noqa: F401
    import tonelint.rules.loader  # noqa: F401
    import tonelint.run.config  # noqa: F401
    import tonelint.run.runner  # noqa: F401
    from tonelint.cli import main

TARGETS = ("draft", "config", "rule")
SUFFIXES = (".md", ".txt", ".html", ".eml")
DRAFT = "Our target audience will love our app. The WORD is here. Buy now!\n"
RULE_DRAFT = "The WORD is here, and the thing too. We like our WORD.\n"
WORK = Path(tempfile.mkdtemp(prefix="tonelint-fuzz-"))
# A result cache outside WORK: the built-in pack is then parsed once, not on
# every input (0.4 s each), and the cache's own reading is fuzzed along.
os.environ["TONELINT_CACHE_DIR"] = tempfile.mkdtemp(prefix="tonelint-fuzz-cache-")
FINDINGS = os.environ.get("TONELINT_FUZZ_FINDINGS")
_seen: set[str] = set()


def run(*args) -> tuple[int, str]:
    """The command in this process (as the tests run it): exit code, stderr."""
    runner = CliRunner()
    with runner.isolation() as streams:
        try:
            main(["--debug", *map(str, args)])
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        sys.stdout.flush()
        sys.stderr.flush()
        err = streams[1].getvalue().decode("utf-8", "replace") if streams[1] is not None else ""
    return code, err


def check(data: bytes) -> None:
    if len(data) < 2:
        return
    target = TARGETS[data[0] % len(TARGETS)]
    body = data[2:]
    for old in WORK.iterdir():
        if old.is_dir():
            for f in old.iterdir():
                f.unlink()
            old.rmdir()
        else:
            old.unlink()
    if target == "draft":
        draft = WORK / f"fuzz{SUFFIXES[data[1] % len(SUFFIXES)]}"
        draft.write_bytes(body)
        results = [run("--isolated", "--no-score", "--format", "json", draft)]
    elif target == "config":
        cfg = WORK / ".tonelint.yaml"
        cfg.write_bytes(body)
        draft = WORK / "d.md"
        draft.write_text(DRAFT, encoding="utf-8")
        results = [run("--no-score", "--config", cfg, draft)]
    else:
        pack = WORK / "pack"
        pack.mkdir()
        (pack / "house.yaml").write_bytes(body)
        draft = WORK / "d.md"
        draft.write_text(RULE_DRAFT, encoding="utf-8")
        results = [run("--isolated", "--no-score", "--rule-path", pack, draft)]
        if data[1] % 8 == 0:  # the rule's own examples too, now and then (slower)
            results.append(run("test-rules", pack))
    for code, err in results:
        if code in (0, 1, 2) and "internal error" not in err and (code != 2 or err.strip()):
            continue
        _failed(data, target, code, err)


def _failed(data: bytes, target: str, code: int, err: str) -> None:
    # One report per distinct failure: the exception line without the values in it.
    last = next((ln for ln in reversed(err.splitlines()) if re.match(r"\w+(Error|Exception)\b", ln)), err[-200:])
    kind = re.sub(r"'[^']*'|\"[^\"]*\"|\d+", "_", last)[:160]
    message = f"{target}: exit {code}: {kind}\n{err}"
    if not FINDINGS:
        raise AssertionError(message)
    if kind in _seen:
        return
    _seen.add(kind)
    out = Path(FINDINGS)
    out.mkdir(parents=True, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()[:12]
    (out / f"{name}.input").write_bytes(data)
    (out / f"{name}.txt").write_text(message, encoding="utf-8")
    print(f"\nFUZZ FINDING {name}: {target}: exit {code}: {kind}", file=sys.stderr)


def seeds(folder: Path) -> None:
    """A starting corpus from the repository's own files, one per target."""
    folder.mkdir(parents=True, exist_ok=True)
    drafts = [*sorted((ROOT / "examples").rglob("*.md")), *sorted((ROOT / "examples").rglob("*.eml")),
              *sorted((ROOT / "tests" / "data" / "nasty").iterdir())]
    for p in drafts:
        if p.is_file() and p.stat().st_size < 20_000:
            suffix = p.suffix if p.suffix in SUFFIXES else ".md"
            (folder / f"draft-{p.name}").write_bytes(bytes([0, SUFFIXES.index(suffix)]) + p.read_bytes())
    configs = [(ROOT / "examples" / "team-pack" / "tonelint.yaml").read_bytes(),
               b"select: [TL1, TL4]\nlevel: {TL105: error, TL2: off}\nchannel: email\n"
               b"overrides:\n  - files: ['*.md']\n    ignore: [TL301]\n"]
    for n, text in enumerate(configs):
        (folder / f"config-{n}").write_bytes(bytes([1, 0]) + text)
    for p in [*sorted((ROOT / "rules").glob("TL*.yaml")), *sorted((ROOT / "examples" / "team-pack" / "rules").glob("*.yaml"))]:
        (folder / f"rule-{p.name}").write_bytes(bytes([2, 1]) + p.read_bytes())


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a.startswith("-")]
    corpus = [a for a in sys.argv[1:] if not a.startswith("-")]
    if not corpus:
        corpus = [str(WORK.parent / "tonelint-fuzz-corpus")]
    if not Path(corpus[0]).is_dir() or not any(Path(corpus[0]).iterdir()):
        seeds(Path(corpus[0]))
    atheris.Setup([sys.argv[0], *args, *corpus], check)
    atheris.Fuzz()
