#!/usr/bin/env python3
"""Assemble the benchmark corpus from documentation prose already on this machine.

Nothing is downloaded.  The selection is deterministic: the same machine image
gives byte-identical output, and the corpus fingerprint (a SHA-256 over every
output file) is printed and stored so figures can be compared only between runs
on the same corpus.

Output (all under ``bench/.corpus/``, which is git-ignored):

* ``files/NNN-<package>-<name>.md`` - 200 real documentation files
  (~1 MB in total, each between 1.5 and 12 KiB), chosen round-robin across
  packages so no single package dominates.  Every file gets the ``.md``
  suffix so that every linter under test picks up all 200 of them from the
  directory (proselint only walks .md/.txt/.markdown/...); the original name
  is kept in the manifest.
* ``big.md`` - one ~5 MB Markdown file: a concatenation of all eligible
  prose files (up to 200 KiB each) in a fixed order, each under a heading.
* ``half.md`` - every other section of ``big.md`` (~2.5 MB, the same mix
  of text), for the doubling check: big.md is the doubled input.  (Doubling
  by repeating the same text would flatter any engine with in-process caches:
  spaCy's tokenizer caches every string it has seen, so a second copy of the
  text is cheaper than new text.  The machine holds only ~7 MB of distinct
  prose, hence 2.5 -> 5 MB rather than 5 -> 10 MB.)
* ``small.md`` - the first corpus file cut at a line boundary to <= 2 KiB
  (the start-up probe).
* ``MANIFEST.tsv`` - one line per corpus file: output name, bytes, sha256,
  source path.
* ``corpus.json`` - sizes and the fingerprint, read by ``bench/run.py``.

Usage:  python bench/corpus.py [--out DIR] [--root DIR ...]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import re
import shutil
import sys
import sysconfig
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / ".corpus"

N_FILES = 200
SMALL_MIN = 1536          # bytes, per corpus file
SMALL_MAX = 12 * 1024
BIG_TARGET = 5 * 1000 * 1000  # bytes of the single large file
BIG_PART_MAX = 200 * 1024     # largest single source file taken into big.md
SMALL_MD_MAX = 2048

EXTENSIONS = {".md", ".markdown", ".rst", ".txt"}

# File names that are licence / legal / bookkeeping rather than prose.
SKIP_NAME = re.compile(
    r"(licen[cs]e|copying|copyright|notice|authors|contributors|thanks|"
    r"credits|patents|requirements|constraints|cmakelists|entry_points|"
    r"top_level|dependency_links|sources|record|installer|wheel|"
    r"vendor|changelog|changes|history)",
    re.IGNORECASE,
)
# Path components that hold test data, fixtures or packaging metadata.
SKIP_DIR = re.compile(
    r"^(tests?|testing|testdata|test_data|fixtures|data|__pycache__|"
    r"examples?|samples?|.*\.dist-info|.*\.egg-info)$",
    re.IGNORECASE,
)
LICENCE_TEXT = re.compile(
    r"(permission is hereby granted|gnu (lesser |library |affero )?general public licen[cs]e|"
    r"apache licen[cs]e|redistribution and use in source and binary forms|"
    r"mozilla public licen[cs]e|this program is free software|"
    r"the above copyright notice|licensed under the|THE SOFTWARE IS PROVIDED)",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"[a-z][.!?][\"')\]]?(\s|$)")
WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")


def default_roots() -> list[Path]:
    """/usr/share/doc, the system's node and Python package folders and the
    *base* interpreter's site-packages.

    The base interpreter (not a venv's) is used so that installing the
    project's own dependencies into a venv does not change the corpus.
    """
    purelib = sysconfig.get_paths(
        vars={"base": sys.base_prefix, "platbase": sys.base_prefix}
    )["purelib"]
    roots = [Path("/usr/share/doc"), Path("/usr/lib/node_modules"),
             Path("/usr/lib/python3/dist-packages"), Path(purelib)]
    return [r for r in roots if r.is_dir()]


def iter_candidates(root: Path):
    """Yield (relative path parts, path) of text-like files, in sorted order."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not SKIP_DIR.match(d))
        for name in sorted(filenames):
            path = Path(dirpath) / name
            inner = Path(name[:-3]) if name.endswith(".gz") else Path(name)
            if name.endswith(".gz") and not str(path).startswith("/usr/share/doc/"):
                continue
            if not (inner.suffix.lower() in EXTENSIONS
                    or (name.endswith(".gz") and inner.name.upper().startswith("README"))):
                continue
            if SKIP_NAME.search(inner.name):
                continue
            if path.is_symlink() or not path.is_file():
                continue
            yield path


def read_prose(path: Path) -> str | None:
    """Return the file's text if it looks like natural-language prose, else None."""
    try:
        raw = path.read_bytes()
        if path.name.endswith(".gz"):
            raw = gzip.decompress(raw)
    except (OSError, EOFError, zlib.error):
        return None
    if b"\x00" in raw:
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if any(ord(c) < 32 and c not in "\t\n\r\f" for c in text):
        return None
    if LICENCE_TEXT.search(text[:4000]):
        return None
    nonspace = sum(1 for c in text if not c.isspace())
    if nonspace == 0:
        return None
    letters = sum(1 for c in text if c.isalpha())
    if letters / nonspace < 0.72:          # code, tables, word lists, data
        return None
    lines = [ln for ln in text.splitlines() if ln.strip()]  # not empty: text has a non-space
    wordy = sum(1 for ln in lines if len(WORD.findall(ln)) >= 5)
    if wordy / len(lines) < 0.45:          # lists of names, indexes, config
        return None
    if len(SENTENCE_END.findall(text)) < max(5, len(raw) // 600):
        return None                        # not enough sentences to be prose
    return text


def package_of(path: Path, root: Path) -> str:
    rel = path.relative_to(root).parts
    return rel[0] if len(rel) > 1 else root.name


def slug(s: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", s).strip("-").lower()[:40] or "x"


def collect(roots: list[Path]):
    """All eligible prose files: list of (root, package, path, text, size)."""
    seen_hashes: set[str] = set()
    out = []
    for root in roots:
        for path in iter_candidates(root):
            try:
                size = path.stat().st_size
            except OSError:
                continue
            if size > BIG_PART_MAX:        # compressed size: a lower bound
                continue
            text = read_prose(path)
            if text is None:
                continue
            size = len(text.encode("utf-8"))
            if size < SMALL_MIN or size > BIG_PART_MAX:
                continue
            digest = hashlib.sha256(text.encode()).hexdigest()
            if digest in seen_hashes:      # same doc shipped twice
                continue
            seen_hashes.add(digest)
            out.append((root, package_of(path, root), path, text, size))
    return out


FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")


def close_fences(text: str) -> str:
    """The text with a code fence it leaves open closed at its end.  Read
    alone, an unclosed fence runs to the end of the file; concatenated into
    big.md it would run on into the next files and turn their prose into
    code, so big.md and half.md (different neighbours) would hold different
    shares of prose for the same sections."""
    fence = None
    for line in text.splitlines():
        if fence is None:
            m = FENCE_OPEN.match(line)
            if m and not (m.group(1)[0] == "`" and "`" in m.group(2)):
                fence = m.group(1)
        elif re.match(r"^ {0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*$", line):
            fence = None
    return text if fence is None else f"{text}\n{fence}"


def round_robin(items, key):
    """Interleave items grouped by key: 1st of each group, then 2nd of each..."""
    groups: dict[str, list] = {}
    for it in items:
        groups.setdefault(key(it), []).append(it)
    order = sorted(groups)
    i = 0
    while True:
        took = False
        for k in order:
            g = groups[k]
            if i < len(g):
                took = True
                yield g[i]
        if not took:
            return
        i += 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT,
                    help="output folder (default: bench/.corpus)")
    ap.add_argument("--root", type=Path, action="append",
                    help="source folder (repeatable; default: /usr/share/doc and "
                         "the base Python's site-packages)")
    args = ap.parse_args(argv)
    roots = [r.resolve() for r in (args.root or default_roots())]
    out: Path = args.out

    pool = collect(roots)
    small_pool = [it for it in pool if SMALL_MIN <= it[4] <= SMALL_MAX]
    chosen = []
    for it in round_robin(small_pool, key=lambda it: f"{it[0]}::{it[1]}"):
        chosen.append(it)
        if len(chosen) == N_FILES:
            break
    if len(chosen) < N_FILES:
        print(f"error: only {len(chosen)} eligible files (need {N_FILES}) under "
              f"{', '.join(map(str, roots))}", file=sys.stderr)
        return 1

    if out.exists():
        shutil.rmtree(out)
    files_dir = out / "files"
    files_dir.mkdir(parents=True)

    manifest = []
    fp = hashlib.sha256()
    total = 0
    for i, (root, pkg, path, text, _size) in enumerate(chosen):
        name = f"{i:03d}-{slug(pkg)}-{slug(path.stem)}.md"
        data = text.encode("utf-8")
        (files_dir / name).write_bytes(data)
        digest = hashlib.sha256(data).hexdigest()
        manifest.append((name, len(data), digest, str(path)))
        fp.update(f"{name}\0{digest}\n".encode())
        total += len(data)

    # The large file: every eligible file in a fixed order (round-robin over
    # packages, so the text varies along the file), each under a heading,
    # until ~5 MB.
    parts = []
    big_bytes = 0
    big_sources = 0
    for root, pkg, path, text, _size in round_robin(
            pool, key=lambda it: f"{it[0]}::{it[1]}"):
        rel = path.relative_to(root)
        chunk = f"# {pkg}: {rel}\n\n{close_fences(text.strip())}\n\n"
        parts.append(chunk)
        big_bytes += len(chunk.encode("utf-8"))
        big_sources += 1
        if big_bytes >= BIG_TARGET:
            break
    if big_bytes < BIG_TARGET:
        # Not enough distinct prose on this machine: repeat it (noted).
        print(f"note: only {big_bytes} distinct bytes for big.md; repeating",
              file=sys.stderr)
        base = list(parts)
        while big_bytes < BIG_TARGET:
            for chunk in base:
                parts.append(chunk)
                big_bytes += len(chunk.encode("utf-8"))
                if big_bytes >= BIG_TARGET:
                    break
    big = "".join(parts).encode("utf-8")
    (out / "big.md").write_bytes(big)
    fp.update(b"big\0" + hashlib.sha256(big).hexdigest().encode())
    # Every other section, so half.md has the same mix of packages and
    # styles as big.md (its first half would not: the order is round-robin
    # and the big API references come late).
    half = "".join(parts[0::2]).encode("utf-8")
    (out / "half.md").write_bytes(half)

    first = (files_dir / manifest[0][0]).read_bytes()
    cut = first[:SMALL_MD_MAX]
    if b"\n" in cut:
        cut = cut[: cut.rindex(b"\n") + 1]
    (out / "small.md").write_bytes(cut.decode("utf-8", "ignore").encode("utf-8"))
    small_bytes = (out / "small.md").stat().st_size
    fp.update(b"small\0" + hashlib.sha256((out / "small.md").read_bytes()).hexdigest().encode())

    with open(out / "MANIFEST.tsv", "w", encoding="utf-8") as fh:
        fh.write("file\tbytes\tsha256\tsource\n")
        for row in manifest:
            fh.write("\t".join(map(str, row)) + "\n")
    info = {
        "fingerprint": fp.hexdigest()[:16],
        "roots": [str(r) for r in roots],
        "files_dir": "files",
        "n_files": len(manifest),
        "files_bytes": total,
        "packages": len({(str(it[0]), it[1]) for it in chosen}),
        "big": "big.md",
        "big_bytes": len(big),
        "big_sources": big_sources,
        "half": "half.md",
        "half_bytes": len(half),
        "small": "small.md",
        "small_bytes": small_bytes,
        "eligible_files": len(pool),
    }
    (out / "corpus.json").write_text(json.dumps(info, indent=2) + "\n")
    print(f"corpus {info['fingerprint']} in {out}")
    print(f"  files/     {info['n_files']} files from {info['packages']} packages, "
          f"{total / 1e6:.3f} MB")
    print(f"  big.md     {len(big) / 1e6:.3f} MB from {big_sources} source files")
    print(f"  half.md    {len(half) / 1e6:.3f} MB (every other section of big.md)")
    print(f"  small.md   {small_bytes} bytes")
    print(f"  ({len(pool)} eligible prose files under {', '.join(map(str, roots))})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
