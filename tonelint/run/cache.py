"""Results of unchanged drafts, kept between runs (like ruff's and black's caches).

A pre-commit hook runs on every commit, and most drafts did not change since
the last one.  An entry is found by a key made only of things that can be
read without spaCy and without parsing a rule: the draft's decoded text, path,
format and encoding; the tonelint version and a fingerprint of its code; the
bytes of every rule file and word list in the packs in use (the built-in pack
is always included: the scorecard measures with it whatever the selection);
and the file's effective settings from config.py plus the options that change
findings.  A warm run therefore decides hit or miss before any rule is loaded,
and never imports spaCy.  Any change to any of those inputs is a new key, so a
stale entry is never served, only left behind.

Each entry is one file: a SHA-256 digest of the payload, then the pickled
FileResult (without its text, which is the draft itself).  A file whose digest
does not match, or that does not unpickle, is a miss and is overwritten.
Writes go through a temporary file and a rename, so a reader never sees half
an entry.  Pickle is safe here for the same reason it is in black's cache: the
folder belongs to the user running the linter, and the digest check keeps a
truncated or damaged file from ever reaching the unpickler.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import stat
from pathlib import Path

from ..errors import TonelintError

CACHE_DIR_ENV = "TONELINT_CACHE_DIR"
CACHE_DIR_NAME = ".tonelint_cache"
ROOT_MARKERS = (".git", "pyproject.toml", ".tonelint.yaml", "tonelint.yaml")
# Bumped when the entry layout changes, independently of the package version.
LAYOUT = "2"
_DIGEST = 32
_LIST_SUFFIXES = (".yaml", ".yml", ".txt")
# What _prepare writes at the top of the folder; clean() looks for them.
_IGNORE_TEXT = "# Created by tonelint automatically.\n*\n"
_TAG_TEXT = ("Signature: 8a477f597d28d172789f06886806bc55\n"
             "# This file is a cache directory tag created by tonelint.\n")


def cache_dir(cwd: Path | None = None) -> Path:
    """$TONELINT_CACHE_DIR, else .tonelint_cache/ in the project root: the
    nearest folder at or above cwd holding .git, pyproject.toml or a tonelint
    config, else cwd itself."""
    env = os.environ.get(CACHE_DIR_ENV)
    if env:
        return Path(env)
    here = (cwd or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if any((folder / m).exists() for m in ROOT_MARKERS):
            return folder / CACHE_DIR_NAME
    return here / CACHE_DIR_NAME


def clean(root: Path) -> bool:
    """Remove the cache folder `root` (`tonelint clean`); False when there is
    none.  Entries are never pruned (a changed input leaves its old entry
    behind), so this is how the folder shrinks.  `root` may be any folder
    $TONELINT_CACHE_DIR names, so it is deleted only when it is plainly ours:
    a real folder, not a symlink (its target is not ours to delete), carrying
    the CACHEDIR.TAG or .gitignore that _prepare writes, and holding nothing
    but those and v<N>/ layouts.  Anything else is refused before a byte is
    deleted.  rmtree unlinks symlinks inside the folder, never follows them."""
    where = str(root)
    try:
        st = root.lstat()
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise TonelintError(where, f"cannot read the cache folder: {exc.strerror or exc}") from None
    if stat.S_ISLNK(st.st_mode):
        raise TonelintError(where, "is a symbolic link; tonelint does not follow it, nothing removed")
    if not stat.S_ISDIR(st.st_mode):
        raise TonelintError(where, "is not a folder, so not a tonelint cache; nothing removed")
    try:
        names = sorted(os.listdir(root))
    except OSError as exc:
        raise TonelintError(where, f"cannot read the cache folder: {exc.strerror or exc}") from None
    if not names:  # e.g. made by CI before a first run: nothing to lose, and not ours to delete
        return False
    stray = [n for n in names if n not in (".gitignore", "CACHEDIR.TAG")
             and not (n[:1] == "v" and n[1:].isascii() and n[1:].isdigit())]
    if stray:
        more = f" (and {len(stray) - 1} more)" if len(stray) > 1 else ""
        raise TonelintError(where, f"holds {stray[0]!r}{more}, which tonelint never writes: "
                                   "not a tonelint cache, nothing removed")
    if not (_ours(root / "CACHEDIR.TAG", _TAG_TEXT) or _ours(root / ".gitignore", _IGNORE_TEXT)):
        raise TonelintError(where, "has no CACHEDIR.TAG or .gitignore written by tonelint: "
                                   "not a tonelint cache, nothing removed")
    try:
        shutil.rmtree(root)
    except OSError as exc:
        raise TonelintError(where, f"cannot remove {exc.filename or where}: {exc.strerror or exc}") from None
    return True


def _ours(path: Path, text: str) -> bool:
    """Whether `path` is a regular file that starts as tonelint writes it."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        with os.fdopen(fd, "rb") as fh:
            return fh.read(len(text.encode()) + 1).startswith(text.encode())
    except OSError:
        return False


def _tree(path: Path, h, *, recursive: bool, suffixes: tuple | None = None) -> None:
    """Feed the names and bytes of the files under `path` into `h`, in a fixed order."""
    try:
        entries = sorted(path.iterdir(), key=lambda p: p.name)
    except OSError:
        h.update(b"\0unreadable\0" + str(path).encode())
        return
    for p in entries:
        if p.name.startswith(".") or p.name == "__pycache__":
            continue
        if p.is_dir():
            if recursive:
                h.update(b"\0dir\0" + p.name.encode())
                _tree(p, h, recursive=True, suffixes=suffixes)
            continue
        if suffixes is not None and p.suffix.lower() not in suffixes:
            continue
        _file(p, h)


def _file(path: Path, h) -> None:
    try:
        data = path.read_bytes()
    except OSError:
        data = b"\0unreadable\0"
    h.update(b"\0file\0" + path.name.encode() + b"\0" + len(data).to_bytes(8, "little") + data)


def rules_fingerprint(rule_paths: tuple, builtin: bool) -> str:
    """Digest of every rule file and word list a run may read.  Team packs are
    folders (hashed whole) or single rule files (hashed with the rule and list
    files beside them and everything under lists/, where word lists live).
    Computed once per run (Cache memoises it), never once per process: a
    long-lived caller must see rule edits."""
    from ..rules.loader import builtin_dir

    h = hashlib.sha256()
    h.update(b"builtin" if builtin else b"no-builtin")
    _tree(builtin_dir(), h, recursive=True)  # always: the scorecard's yardstick
    for raw in rule_paths:
        p = Path(raw)
        h.update(b"\0pack\0" + str(p.resolve()).encode())
        if p.is_dir():
            _tree(p, h, recursive=True)
        elif p.is_file():
            _file(p, h)
            _tree(p.parent, h, recursive=False, suffixes=_LIST_SUFFIXES)
            if (p.parent / "lists").is_dir():
                _tree(p.parent / "lists", h, recursive=True)
        else:
            h.update(b"\0missing\0")
    return h.hexdigest()


_code: list = []


def code_fingerprint() -> str:
    """The version plus the size and mtime of every module in the package, so
    that an edited checkout (or an upgrade that forgot to bump the version)
    never reads entries written by other code."""
    if not _code:
        from .. import __version__

        h = hashlib.sha256(f"{LAYOUT}\0{__version__}".encode())
        pkg = Path(__file__).resolve().parents[1]  # the whole tonelint package
        for p in sorted(pkg.rglob("*.py")):
            try:
                st = p.stat()
            except OSError:
                continue
            h.update(f"\0{p.relative_to(pkg)}\0{st.st_size}\0{st.st_mtime_ns}".encode())
        _code.append(h.hexdigest())
    return _code[0]


class Cache:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.dir = root / f"v{LAYOUT}"
        self._ready = False
        self._rules: dict = {}

    def key(self, source, settings) -> str:
        """`settings` is whatever decides the findings besides the text: the
        file's effective config and the run's options that change results."""
        effective = settings[0]
        packs = (tuple(effective.rule_paths), bool(effective.builtin))
        if packs not in self._rules:
            self._rules[packs] = rules_fingerprint(*packs)
        h = hashlib.sha256()
        for part in (
            code_fingerprint(),
            self._rules[packs],
            repr(settings),
            os.environ.get("TONELINT_MODEL", ""),
            source.path,
            source.format,
            source.encoding,
            "bom" if source.bom else "",
        ):
            h.update(part.encode("utf-8", "surrogatepass") + b"\0")
        h.update(source.text.encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / key

    def get_blob(self, key: str) -> bytes | None:
        """An entry's payload, or None when missing or damaged (digest mismatch)."""
        try:
            data = self._path(key).read_bytes()
        except OSError:
            return None
        payload = data[_DIGEST:]
        if len(data) <= _DIGEST or hashlib.sha256(payload).digest() != data[:_DIGEST]:
            return None
        return payload

    def get(self, key: str, source):
        """The cached FileResult for `source`, or None (missing or damaged)."""
        payload = self.get_blob(key)
        if payload is None:
            return None
        try:
            result, facts, counted = pickle.loads(payload)
        except Exception:  # noqa: BLE001 - a damaged entry is a miss, never an error
            return None
        from ..engine.core import FileResult

        if not isinstance(result, FileResult) or result.path != source.path or not isinstance(facts, bytes):
            return None
        result.text = source.text
        result.facts = lazy_facts(facts, counted)
        return result

    def put(self, key: str, result) -> None:
        """Store a result; a cache that cannot be written is skipped, not fatal."""
        from dataclasses import replace

        try:
            facts = facts_blob(result.facts)
            from ..score.scorecard import result_tally

            counted = result_tally(result)
            payload = pickle.dumps((replace(result, text="", facts=None), facts, counted),
                                   protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - e.g. unpicklable front-matter values: just not cached
            return
        self.put_blob(key, payload)

    def put_blob(self, key: str, payload: bytes) -> None:
        """Write an entry atomically; a cache that cannot be written is skipped."""
        target = self._path(key)
        try:
            self._prepare()
            target.parent.mkdir(parents=True, exist_ok=True)
            from ..source.safewrite import write_atomic

            write_atomic(str(target), hashlib.sha256(payload).digest() + payload, durable=False)
        except OSError:
            return

    def _prepare(self) -> None:
        """Create the folder with a .gitignore and a CACHEDIR.TAG, as ruff does,
        so the cache is never committed or backed up."""
        if self._ready:
            return
        self.dir.mkdir(parents=True, exist_ok=True)
        ignore = self.root / ".gitignore"
        if not ignore.exists():
            ignore.write_text(_IGNORE_TEXT, encoding="utf-8")
        tag = self.root / "CACHEDIR.TAG"
        if not tag.exists():
            tag.write_text(_TAG_TEXT, encoding="utf-8")
        self._ready = True


def use_rule_store(options) -> None:
    """Keep parsed rule packs beside the results unless --no-cache.  Runner
    sets this first thing, so any step that loads rules (config checks, the
    progress count) finds the on-disk packs whatever order it runs in."""
    _rule_store[:] = [] if getattr(options, "no_cache", False) else [Cache(cache_dir())]


def open_cache(options) -> Cache | None:
    """The run's result cache, or None with --no-cache, --fix or --diff (those
    must see the engine's fixes, and write new bytes that get new keys anyway)."""
    if not _rule_store and not getattr(options, "no_cache", False):
        use_rule_store(options)
    if getattr(options, "no_cache", False) or options.fix or options.diff:
        return None
    return _rule_store[0]


# Parsed rule packs: validating a pack (YAML with line numbers, every token
# pattern through spaCy's Matcher validator) costs as much as checking a short
# draft, and the scorecard loads the built-in pack a second time.  A pack is
# keyed on the bytes of every file under its folder (word lists included)
# plus the code fingerprint; kept in memory for the process and, when a run
# opened the cache, on disk beside the results.
_packs: dict = {}
_rule_store: list = []


def cached_pack(folder, load) -> list:
    folder = Path(folder)
    h = hashlib.sha256(f"pack\0{code_fingerprint()}\0{folder}\0".encode())
    _tree(folder, h, recursive=True)
    key = h.hexdigest()
    if key in _packs:
        return list(_packs[key])
    store = _rule_store[0] if _rule_store else None
    rules = store.get_blob("rules-" + key) if store is not None else None
    if rules is not None:
        try:
            rules = pickle.loads(rules)
        except Exception:  # noqa: BLE001 - a damaged entry is parsed again
            rules = None
    if not isinstance(rules, tuple):
        rules = tuple(load(folder))
        if store is not None:
            store.put_blob("rules-" + key, pickle.dumps(rules, protocol=pickle.HIGHEST_PROTOCOL))
    _packs[key] = rules
    return list(rules)


def facts_blob(facts) -> bytes:
    """Facts as bytes, without unpickling facts that were never read."""
    if facts is None:
        return b""
    if isinstance(facts, _LazyFacts):
        return facts._blob  # never read: still the bytes it came as
    return pickle.dumps(facts, protocol=pickle.HIGHEST_PROTOCOL)


def lazy_facts(blob: bytes, counted: dict | None = None):
    if not blob:
        return None
    facts = _LazyFacts(blob)
    if counted is not None:
        facts._score_tally = counted
    return facts


class _LazyFacts:
    """A cached draft's Facts (sentences, hits, segments), unpickled only when
    something reads them: the scorecard does, plain findings output does not,
    and the Facts are most of an entry's bytes.  On first use the object
    turns into the Facts it stands for (same attributes, same class), so
    later reads cost nothing extra."""

    def __init__(self, blob: bytes) -> None:
        self._blob = blob
        self._real = None

    def _facts(self):
        if self._real is None:
            self._real = pickle.loads(self._blob)
            self._blob = b""
        return self._real

    def __getattr__(self, name):
        if name.startswith("__") or name in ("_blob", "_real", "_score_tally"):
            raise AttributeError(name)
        real = self._facts()
        state = dict(real.__dict__)
        self.__dict__.clear()
        self.__dict__.update(state)
        self.__class__ = type(real)
        return getattr(self, name)

    def __reduce__(self):  # pickled as the Facts its bytes hold
        return (pickle.loads, (self._blob,))


def settings_for(runner, path: str) -> tuple:
    """What besides the text decides a file's findings: its effective settings
    (config.py: CLI merged over the config that applies to it) and the run
    options that add findings.  Cheap: reads config files, never rules."""
    return (runner.effective(path), bool(runner.options.report_unused_suppressions))
