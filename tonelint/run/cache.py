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

Each entry is one file: an HMAC-SHA256 line, then the FileResult (without
its text, which is the draft itself) as JSON that can only become data
(cachedata.py).  The cache folder is untrusted (docs/security.md): a CI cache
restored from elsewhere, a shared folder, a repository someone else prepared.
So the MAC's key lives in the user's own cache folder, outside every project
(mac_key): an entry planted or edited by anyone without that key is a miss,
and no entry can run code.  Folders are opened without following links and
must belong to the user, files are created with O_EXCL and renamed into
place, so a reader never sees half an entry and a link never redirects a write.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import secrets
import shutil
import stat
from dataclasses import replace
from pathlib import Path

from .. import version
from ..engine.core import FileResult
from ..engine.facts import Facts
from ..errors import TonelintError
from ..rules.loader import builtin_dir
from ..rules.rule import Rule
from ..rules.yamlfile import MAX_FILE_BYTES as MAX_RULE_FILE_BYTES
from ..source.project import ROOT_MARKERS
from .cachedata import CacheDataError, decode, encode

CACHE_DIR_ENV = "TONELINT_CACHE_DIR"
CACHE_DIR_NAME = ".tonelint_cache"
# Bumped when the entry layout changes, independently of the package version.
LAYOUT = "4"
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


# Bounds on what fingerprinting a rule pack reads: a pack is a few dozen
# small YAML and word-list files; `rule-paths: ["/"]` is not, and must fail
# fast rather than hash the disk.
MAX_PACK_FILES = 2000
MAX_PACK_DEPTH = 8


class _Budget:
    def __init__(self, top: Path) -> None:
        self.top = top
        self.files = 0
        self.seen: set = set()

    def count(self) -> None:
        self.files += 1
        if self.files > MAX_PACK_FILES:
            from ..errors import RuleError

            raise RuleError(str(self.top), f"holds more than {MAX_PACK_FILES} files: not a rule pack folder")


def _tree(path: Path, h, *, recursive: bool, suffixes: tuple | None = None, budget: _Budget | None = None,
          depth: int = 0) -> None:
    """Feed the names and bytes of the files under `path` into `h`, in a fixed
    order.  Only regular files are read (a FIFO would block, /dev/zero never
    end), each bounded; a folder reached twice (a `ln -s ..` loop) is hashed
    once; the walk is bounded in files and depth (_Budget)."""
    budget = budget or _Budget(path)
    try:
        real = os.path.realpath(path)
        if real in budget.seen or depth > MAX_PACK_DEPTH:
            h.update(b"\0again\0" + path.name.encode("utf-8", "surrogateescape"))
            return
        budget.seen.add(real)
        entries = sorted(os.scandir(path), key=lambda e: e.name)
    except OSError:
        h.update(b"\0unreadable\0" + str(path).encode("utf-8", "surrogateescape"))
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.name == "__pycache__":
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            continue
        if is_dir:
            if recursive:
                budget.count()
                h.update(b"\0dir\0" + entry.name.encode("utf-8", "surrogateescape"))
                _tree(Path(entry.path), h, recursive=True, suffixes=suffixes, budget=budget, depth=depth + 1)
            continue
        if suffixes is not None and Path(entry.name).suffix.lower() not in suffixes:
            continue
        budget.count()
        _file(Path(entry.path), h)


def _file(path: Path, h) -> None:
    from ..source.files import read_regular

    try:
        data = read_regular(str(path), MAX_RULE_FILE_BYTES)
    except OSError as exc:
        data = b"\0unreadable\0" + str(exc.strerror or exc).encode()
    h.update(b"\0file\0" + path.name.encode("utf-8", "surrogateescape") + b"\0" + len(data).to_bytes(8, "little")
             + data)


def rules_fingerprint(rule_paths: tuple, builtin: bool) -> str:
    """Digest of every rule file and word list a run may read.  Team packs are
    folders (hashed whole) or single rule files (hashed with the rule and list
    files beside them and everything under lists/, where word lists live).
    Computed once per run (Cache memoises it), never once per process: a
    long-lived caller must see rule edits."""
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


def code_fingerprint() -> str:
    """The version plus the size and mtime of every module in the package, so
    that an edited checkout (or an upgrade that forgot to bump the version)
    never reads entries written by other code.  Read once per Cache or
    RuleStore, so a long-lived caller sees an edited checkout on its next run."""
    h = hashlib.sha256(f"{LAYOUT}\0{version.__version__}".encode())
    pkg = Path(__file__).resolve().parents[1]  # the whole tonelint package
    for p in sorted(pkg.rglob("*.py")):
        try:
            st = p.stat()
        except OSError:
            continue
        h.update(f"\0{p.relative_to(pkg)}\0{st.st_size}\0{st.st_mtime_ns}".encode())
    return h.hexdigest()


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _NOFOLLOW
MAX_ENTRY_BYTES = 512 * 1024 * 1024
KEY_BYTES = 32


class _Refused(OSError):
    """The cache folder is not one tonelint may use (docs/security.md)."""


def _uid() -> int | None:
    return os.geteuid() if hasattr(os, "geteuid") else None


def _open_dir(name, dir_fd: int | None = None, *, create: bool = False) -> int:
    """A folder's descriptor, never through a symbolic link (O_NOFOLLOW) and
    only when it belongs to the user running tonelint."""
    if create:
        try:
            os.mkdir(name, 0o700, dir_fd=dir_fd)
        except FileExistsError:
            pass
    fd = os.open(name, _DIR_FLAGS, dir_fd=dir_fd)
    info = os.fstat(fd)
    if not stat.S_ISDIR(info.st_mode) or (_uid() is not None and info.st_uid != _uid()):
        os.close(fd)
        raise _Refused(f"{name} is not a folder of this user")
    return fd


def _read_file(name: str, dir_fd: int | None, limit: int) -> bytes:
    """A regular file's bytes, never through a link, never blocking on a FIFO."""
    fd = os.open(name, os.O_RDONLY | _NOFOLLOW | _NONBLOCK, dir_fd=dir_fd)
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            raise _Refused(f"{name} is not a regular file")
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise _Refused(f"{name} is too large")
    return data


def _create_file(name: str, dir_fd: int | None, data: bytes, mode: int = 0o644) -> None:
    """A new file (O_EXCL: never an existing one, never through a link)."""
    fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, mode, dir_fd=dir_fd)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)


def user_cache_home() -> Path:
    """The user's own cache folder ($XDG_CACHE_HOME, else ~/.cache): trusted,
    unlike anything in a project (docs/security.md)."""
    base = os.environ.get("XDG_CACHE_HOME")
    return Path(base) if base and os.path.isabs(base) else Path.home() / ".cache"


def mac_key() -> bytes | None:
    """The secret that signs this user's cache entries, kept outside every
    project in the user's cache folder (created 0600 on first use).  An entry
    someone planted or edited does not carry a valid MAC and is a miss.  None
    when the key cannot be read or made: the run goes on without a cache."""
    folder = user_cache_home() / "tonelint"
    path = str(folder / "key")
    try:
        return _read_key(path)
    except FileNotFoundError:
        pass
    except OSError:
        return None
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        tmp = str(folder / f".key-{secrets.token_hex(8)}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(secrets.token_bytes(KEY_BYTES))
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, path)  # atomic, and never replaces a key another run made first
        except FileExistsError:
            pass
        finally:
            os.unlink(tmp)
        return _read_key(path)
    except OSError:
        return None


def _read_key(path: str) -> bytes:
    fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK)
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if (not stat.S_ISREG(info.st_mode) or info.st_mode & 0o077
                or (_uid() is not None and info.st_uid != _uid())):
            raise _Refused(f"{path}: not a private key file of this user")
        data = fh.read(KEY_BYTES + 1)
    if len(data) != KEY_BYTES:
        raise _Refused(f"{path}: not a tonelint key")
    return data


class Cache:
    """Entries are files `v<LAYOUT>/<key[:2]>/<key>`: a line with the hex
    HMAC-SHA256 of the key name and the body under the user's key
    (mac_key), then the body, JSON (cachedata.py).  Every folder is opened
    without following links and must belong to the user; the root must be
    new, empty, or tagged by tonelint (CACHEDIR.TAG); files are created with
    O_EXCL and renamed into place.  Anything else makes the cache unusable
    for the run, never an error: the run goes on without it.  The layout
    folder stays open for the run, so `tonelint clean` racing a run removes
    the folder and the run's later writes go nowhere."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.dir = root / f"v{LAYOUT}"
        self._fd: int | None = None
        self._refused = False
        self._key: bytes | None = None
        self._rules: dict = {}
        self._code: str | None = None

    def code(self) -> str:
        """code_fingerprint(), read once per Cache (so once per run)."""
        if self._code is None:
            self._code = code_fingerprint()
        return self._code

    def key(self, source, settings) -> str:
        """`settings` is whatever decides the findings besides the text: the
        file's effective config and the run's options that change results."""
        effective = settings[0]
        packs = (tuple(effective.rule_paths), bool(effective.builtin))
        if packs not in self._rules:
            self._rules[packs] = rules_fingerprint(*packs)
        h = hashlib.sha256()
        for part in (
            self.code(),
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

    def _mac(self, name: str, body: bytes) -> bytes | None:
        if self._key is None:
            self._key = mac_key() or b""
        if not self._key:
            return None
        return hmac.new(self._key, name.encode() + b"\0" + body, hashlib.sha256).hexdigest().encode()

    def _layout(self, create: bool) -> int | None:
        """The v<LAYOUT> folder's descriptor, opened once per run; None when
        there is no cache yet (reading) or it may not be used."""
        if self._refused:
            return None
        if self._fd is not None:
            return self._fd
        try:
            root = self._root(create)
            if root is None:
                return None
            try:
                self._fd = _open_dir(self.dir.name, root, create=create)
            finally:
                os.close(root)
        except FileNotFoundError:
            return None
        except OSError:
            self._refused = True
            return None
        return self._fd

    def _root(self, create: bool) -> int | None:
        try:
            info = os.lstat(self.root)
        except FileNotFoundError:
            if not create:
                return None
            self.root.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.mkdir(self.root, 0o700)
            except FileExistsError:
                pass
            info = os.lstat(self.root)
        if stat.S_ISLNK(info.st_mode):
            raise _Refused(f"{self.root} is a symbolic link")
        fd = _open_dir(str(self.root))
        try:
            names = os.listdir(fd)
            if names and not _tagged(fd):
                raise _Refused(f"{self.root} is not a tonelint cache")
            for name, text in (("CACHEDIR.TAG", _TAG_TEXT), (".gitignore", _IGNORE_TEXT)):
                if name not in names:
                    try:  # so the cache is never committed or backed up, as ruff does
                        _create_file(name, fd, text.encode())
                    except FileExistsError:
                        pass
        except BaseException:
            os.close(fd)
            raise
        return fd

    def get_blob(self, key: str) -> bytes | None:
        """An entry's body, or None when missing, damaged or not signed by
        this user's key."""
        layout = self._layout(create=False)
        if layout is None:
            return None
        try:
            sub = _open_dir(key[:2], layout)
            try:
                data = _read_file(key, sub, MAX_ENTRY_BYTES)
            finally:
                os.close(sub)
        except OSError:
            return None
        mac, _, body = data.partition(b"\n")
        expected = self._mac(key, body)
        if expected is None or not hmac.compare_digest(mac, expected):
            return None
        return body

    def get(self, key: str, source):
        """The cached FileResult for `source`, or None (missing or damaged)."""
        body = self.get_blob(key)
        if body is None:
            return None
        try:
            entry = decode(body)
        except CacheDataError:
            return None
        if not isinstance(entry, dict) or set(entry) != {"result", "facts"}:
            return None
        result, facts = entry["result"], entry["facts"]
        if not isinstance(result, FileResult) or result.path != source.path or not isinstance(facts, str):
            return None
        return restore(result, facts.encode("utf-8", "surrogatepass"), source, decode)

    def put(self, key: str, result) -> None:
        """Store a result as it is (its scorecard tally included); a cache
        that cannot be written is skipped, not fatal."""
        try:
            body = encode({"result": replace(result, text="", facts=None), "facts": _facts_json(result.facts)})
        except (TypeError, ValueError):  # e.g. a front-matter value JSON cannot hold: just not cached
            return
        self.put_blob(key, body.encode("utf-8", "surrogatepass"))

    def put_blob(self, key: str, body: bytes) -> None:
        """Write an entry atomically; a cache that cannot be written is skipped."""
        mac = self._mac(key, body)
        layout = self._layout(create=True)
        if mac is None or layout is None:
            return
        tmp = f".{key}.{secrets.token_hex(6)}.tmp"
        try:
            sub = _open_dir(key[:2], layout, create=True)
        except OSError:
            return
        try:
            _create_file(tmp, sub, mac + b"\n" + body, 0o600)
            os.replace(tmp, key, src_dir_fd=sub, dst_dir_fd=sub)
        except OSError:
            try:
                os.unlink(tmp, dir_fd=sub)
            except OSError:
                pass
        finally:
            os.close(sub)


def _tagged(root_fd: int) -> bool:
    """Whether the folder holds the CACHEDIR.TAG tonelint writes (a regular
    file, not a link)."""
    try:
        return _read_file("CACHEDIR.TAG", root_fd, 4096).startswith(_TAG_TEXT.encode())
    except OSError:
        return False


def _facts_json(facts) -> str:
    """Facts as the JSON an entry keeps, reusing JSON that was never decoded."""
    if facts is None:
        return ""
    if isinstance(facts, LazyFacts):
        if not facts.loaded and facts._decode is decode:
            return facts._blob.decode("utf-8", "surrogatepass")
        facts = facts._facts()
    return encode(facts)


class RuleStore:
    """Parsed rule packs for one run, handed to rules.loader.load_pack.

    Validating a pack (YAML with line numbers, every token pattern through
    spaCy's Matcher validator) costs as much as checking a short draft, and a
    run reads the built-in pack several times (config checks, each engine,
    the scorecard's measure blocks).  A pack is keyed on the bytes of every
    file under its folder (word lists included) plus the code fingerprint;
    kept in memory for the store's life and, when the run has a result cache
    (`disk`), on disk beside the results.  The Runner owns one; nothing here
    outlives it."""

    def __init__(self, disk: Cache | None = None) -> None:
        self.disk = disk
        self._packs: dict = {}
        self._code: str | None = None

    def code(self) -> str:
        if self.disk is not None:
            return self.disk.code()
        if self._code is None:
            self._code = code_fingerprint()
        return self._code

    def pack(self, folder: Path, load) -> list:
        """The rules of the pack in `folder`, parsed by `load(folder)` only
        when neither memory nor disk holds this content."""
        h = hashlib.sha256(f"pack\0{self.code()}\0{folder}\0".encode())
        _tree(folder, h, recursive=True)
        key = h.hexdigest()
        if key in self._packs:
            return list(self._packs[key])
        rules = self.disk.get_blob("rules-" + key) if self.disk is not None else None
        if rules is not None:
            try:
                rules = decode(rules)
            except CacheDataError:  # a damaged entry is parsed again
                rules = None
        if not (isinstance(rules, tuple) and all(isinstance(r, Rule) for r in rules)):
            rules = tuple(load(folder))
            if self.disk is not None:
                try:
                    self.disk.put_blob("rules-" + key, encode(rules).encode("utf-8", "surrogatepass"))
                except (TypeError, ValueError):
                    pass
        self._packs[key] = rules
        return list(rules)


def pack_result(result) -> tuple:
    """A result as a cache entry or a worker sends it: without its text (the
    caller has the draft) and with its Facts as bytes, so that facts nobody
    read are never unpickled and pickled again."""
    return replace(result, text="", facts=None), facts_blob(result.facts)


def restore(result, blob: bytes, source, load=pickle.loads):
    """pack_result() undone: the draft's text back, the Facts left as bytes
    until something reads them (`load`: pickle from a worker, one of
    tonelint's own processes; cachedata.decode from the cache, never pickle)."""
    result.text = source.text
    result.facts = LazyFacts(blob, load) if blob else None
    return result


def facts_blob(facts) -> bytes:
    """Facts as bytes, without unpickling facts that were never read."""
    if facts is None:
        return b""
    if isinstance(facts, LazyFacts):
        return facts.blob()
    return pickle.dumps(facts, protocol=pickle.HIGHEST_PROTOCOL)


class LazyFacts:
    """A cached or worker-checked draft's Facts (sentences, hits, segments),
    unpickled only when something reads them: the HTML report's timeline and
    prose do; findings output and the scorecard (which has the result's
    tally) do not, and the Facts are most of an entry's bytes.  Reads are
    passed to the Facts, unpickled once."""

    __slots__ = ("_blob", "_real", "_decode")

    def __init__(self, blob: bytes, load=pickle.loads) -> None:
        self._blob = blob
        self._real = None
        self._decode = load

    @property
    def loaded(self) -> bool:
        return self._real is not None

    def blob(self) -> bytes:
        """Pickled Facts, for a worker's answer to the parent."""
        if self._real is None and self._decode is pickle.loads:
            return self._blob
        return pickle.dumps(self._facts(), protocol=pickle.HIGHEST_PROTOCOL)

    def _facts(self):
        if self._real is None:
            real = self._decode(self._blob)
            if not isinstance(real, Facts):
                raise TypeError("cached facts are not Facts")
            self._real = real
            self._blob = b""
        return self._real

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._facts(), name)

    def __reduce__(self):  # pickled as the Facts it stands for
        return (pickle.loads, (self.blob(),))
