"""Configuration the way ruff and Vale users expect it: found by walking up
from each checked file (`.tonelint.yaml`, `tonelint.yaml`, or `[tool.tonelint]`
in `pyproject.toml`), replaced by `--config PATH`, ignored with `--isolated`.
Command-line flags beat the file.

Keys are checked as strictly as rule files, by the same key checker
(rules.spec.check_keys), so a typo is one line `file:line: key: what` and exit 2
rather than a setting that silently does nothing.

The result for one file is an `Effective` value: hashable, so runner.py keeps one
Engine per distinct effective setting and a folder of 500 drafts under one
config compiles the rules once.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from ..diagnostics import Level
from ..engine.core import Engine, Settings
from ..errors import ConfigError, RuleError, did_you_mean
from ..rules.loader import _matches, load_rules, select
from ..rules.rule import check_channels, parse_rule
from ..rules.spec import GENRES, Ctx, check_keys, freeze, thaw
from ..rules.vocabulary import REJECT_ID, reject_rule_data
from ..rules.yamlfile import Mapping, load_yaml, read_text
from ..score.scorecard import measure_blocks
from .options import RunOptions

CONFIG_FILES = (".tonelint.yaml", "tonelint.yaml", "pyproject.toml")

# Built-in channel profiles.  The tuning itself is data in the rules' own
# `channels:` blocks (Rule.for_channel applies it), so a team pack's rules
# tune themselves the same way; this table names the presets and says what
# they change, for `--channel` validation and the docs.
CHANNELS = {
    "email": "the default thresholds: newsletters, announcements, one-to-many mail",
    "social": "a post: at most one ask (TL402); it needs a question or an invitation however short (TL301)",
    "landing-page": "repeated calls to action are expected (TL402 relaxed); asks still come after value",
    "press-release": "'announced' and newswire formulas are suggestions (TL204); still needs a reader angle (TL201 at 4:1)",
    "sms": "one short ask (TL402), no listening requirement (TL301)",
    "readme": "a project's README (the default for README files): no listening requirement (TL301); hype, audience "
              "words and asks are judged as anywhere",
}

_LIST = (str, list)
CONFIG_KEYS = {
    "select": _LIST, "ignore": _LIST, "extend-select": _LIST, "level": dict, "fail-level": str,
    "rule-paths": _LIST, "builtin": bool, "brand": _LIST, "vocabulary": dict, "include": _LIST,
    "exclude": _LIST, "overrides": list, "channel": str, "channels": dict, "model": str, "genre": str,
}
OVERRIDE_KEYS = {"files": _LIST, "select": _LIST, "ignore": _LIST, "extend-select": _LIST, "level": dict,
                 "channel": str, "genre": str}
VOCABULARY_KEYS = {"accept": list, "reject": (list, dict)}


@dataclass(frozen=True)
class Override:
    """Settings for files matching `files` globs (relative to the config's folder)."""

    files: tuple[str, ...]
    select: tuple | None = None
    ignore: tuple = ()
    extend_select: tuple = ()
    levels: tuple = ()
    channel: str | None = None
    genre: str | None = None


@dataclass(frozen=True)
class Config:
    path: str | None = None
    root: Path = Path(".")
    select: tuple | None = None
    ignore: tuple = ()
    extend_select: tuple = ()
    levels: tuple = ()  # ((selector, "warning"|"off"...), ...)
    fail_level: Level | None = None
    rule_paths: tuple = ()
    builtin: bool = True
    brand: tuple = ()
    accept: tuple = ()
    reject: tuple = ()  # ((term, replacement or None), ...)
    include: tuple = ()
    exclude: tuple = ()
    overrides: tuple = ()
    channel: str | None = None
    channels: tuple = ()  # ((channel, rule id, frozen tweak), ...)
    model: str | None = None
    genre: str | None = None


@dataclass(frozen=True)
class Effective:
    """Everything that decides which rules run on one file and how."""

    select: tuple | None = None
    ignore: tuple = ()
    extend_select: tuple = ()
    path_ignore: tuple = ()  # per-path ignores: applied after selection, always win (ruff's per-file-ignores)
    levels: tuple = ()
    rule_paths: tuple = ()
    builtin: bool = True
    brand: tuple = ()
    accept: tuple = ()
    reject: tuple = ()
    channel: str | None = None  # --channel: beats front matter
    default_channel: str | None = None  # from config: front matter beats it
    channels: tuple = ()
    model: str | None = None
    genre: str | None = None  # the drafts' genre, instead of the one read from each draft (engine/genre.py)
    # Neither changes a finding, so neither is part of equality or repr: the
    # engine cache and the result cache key on the rest.
    fail_level: Level = field(default=Level.WARNING, compare=False, repr=False)
    source: str = field(default="--config", compare=False, repr=False)  # where errors about these settings point
    # The run's RuleStore (cache.py), which parses each pack once per run;
    # None parses them every time.  Not a setting: outside equality and repr.
    store: object = field(default=None, compare=False, repr=False)

    def rules(self, pack=None):
        """The active rules, with levels and channel tweaks applied; `pack`
        is _pack()'s answer when the caller has it already."""
        rules = list(pack if pack is not None else _pack(self.rule_paths, self.builtin, self.store))
        synthesized = _reject_rule(self.reject, self.source)
        if synthesized is not None:
            if any(r.id == synthesized.id for r in rules):
                raise ConfigError(self.source, f"vocabulary.reject: rule id {synthesized.id} is already used by a rule pack")
            rules.append(synthesized)
        rules = [_with_channels(r, self.channels) for r in rules]
        levels = {k: v for k, v in self.levels if v != "off"}
        off = tuple(k for k, v in self.levels if v == "off")
        chosen = select(rules, select=self.select, ignore=self.ignore + off, extend_select=self.extend_select,
                        levels=levels)
        if self.path_ignore:
            chosen = [r for r in chosen if not _matches(r.id, self.path_ignore)]
        return chosen

    def engine(self):
        pack = _pack(self.rule_paths, self.builtin, self.store)
        rules = self.rules(pack)
        known = known_channels(pack, tweaked=(c for c, _, _ in self.channels))
        check_channel(self.channel, "--channel", known)
        check_channel(self.default_channel, f"{self.source}: channel", known)
        settings = Settings(brand=self.brand, accept=self.accept, model=self.model, channel=self.channel,
                            default_channel=self.default_channel, genre=self.genre)
        return Engine(rules, settings, measure_blocks(self.store))


def known_channels(rules, tweaked=()) -> set[str]:
    """The built-in profiles, the channels the rules tune themselves for, and
    those a config's `channels:` tunes."""
    names = set(CHANNELS)
    for r in rules:
        names.update(str(k) for k in r.channels)
    names.update(tweaked)
    return names


def check_channel(name: str | None, where: str, known) -> None:
    """`where` names the flag or the config file and key that gave `name`."""
    if name is not None and name not in known:
        raise ConfigError(where, f"unknown channel {name!r}{did_you_mean(name, sorted(known), 'known: ')}")


def _pack(rule_paths: tuple, builtin: bool, store=None):
    """The packs' rules; `store` (the run's RuleStore) keeps them by content,
    so an edited rule file is seen by the next run."""
    return tuple(load_rules([Path(p) for p in rule_paths], builtin=builtin, store=store))


@lru_cache(maxsize=32)
def _reject_rule(reject: tuple, where: str):
    if not reject:
        return None
    if any(rep is not None for _, rep in reject):
        data = reject_rule_data({t: (rep if rep is not None else t) for t, rep in reject}, where)
    else:
        data = reject_rule_data([t for t, _ in reject], where)
    try:
        return parse_rule(data, where)
    except RuleError as exc:
        raise ConfigError(where, f"vocabulary.reject: {exc.what}") from None


def _with_channels(rule, channels: tuple):
    mine = [(c, dict(thaw(t))) for c, rid, t in channels if rid == rule.id]
    if not mine:
        return rule
    merged = {k: dict(v or {}) for k, v in rule.channels.items()}
    for channel, tweak in mine:
        merged.setdefault(channel, {}).update(tweak)
    return replace(rule, channels=merged)


# --- reading files -------------------------------------------------------------------------


def find_config(folder: Path, seen: dict | None = None) -> Path | None:
    """The nearest config file at or above `folder` (`seen` caches per folder
    for one run, so a tree of drafts costs one look per folder)."""
    folder = folder.resolve()
    seen = {} if seen is None else seen
    for d in (folder, *folder.parents):
        if d not in seen:
            seen[d] = _config_in(d)
        if seen[d] is not None:
            return seen[d]
    return None


def _config_in(folder: Path) -> Path | None:
    for name in CONFIG_FILES:
        p = folder / name
        try:
            if not p.is_file():
                continue
        except OSError:  # a folder this user may not search: no config of ours can be read there
            return None
        if name != "pyproject.toml":
            return p
        try:
            if re.search(r"^\s*\[\s*tool\.tonelint\s*[\].]", p.read_text(encoding="utf-8", errors="replace"), re.M):
                return p
        except OSError:
            continue
    return None


def load_config(path: Path, store=None) -> Config:
    """`store`: the run's RuleStore, for the selector checks."""
    path = Path(path)
    text = read_text(path, ConfigError, "configuration")
    if path.name == "pyproject.toml":
        data = _from_pyproject(text, str(path))
    else:
        data = load_yaml(text, str(path), ConfigError)
    if data is None:
        data = {}
    return parse_config(data, str(path), path.resolve().parent, store)


def _from_pyproject(text: str, where: str):
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        try:
            import tomli as tomllib
        except ModuleNotFoundError:
            raise ConfigError(where, "reading [tool.tonelint] needs Python 3.11+ (or the tomli package)") from None
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(where, f"invalid TOML: {exc}") from None
    data = doc.get("tool", {}).get("tonelint", {})
    return _with_lines(data, text.splitlines())


def _with_lines(value, lines: list[str], start: int = 0):
    """TOML keeps no positions; find each key's line by looking for `key =` or a
    `[...key]` header after the section start, so errors can still say file:line."""
    if isinstance(value, list):
        return [_with_lines(v, lines, start) for v in value]
    if not isinstance(value, dict):
        return value
    section = start
    for i, ln in enumerate(lines[start:], start):
        if re.match(r"^\s*\[\[?\s*tool\.tonelint\b", ln):
            section = i
            break
    out = Mapping()
    out.line = section + 1
    out.key_lines = {}
    for key, v in value.items():
        rx = re.compile(r"^\s*(?:\[\[?[^\]]*\b|[\"']?)" + re.escape(str(key)) + r"(?:[\"']?\s*=|\s*\]\]?)")
        line = next((i for i in range(section, len(lines)) if rx.search(lines[i])), section)
        out[key] = _with_lines(v, lines, line)
        out.key_lines[key] = line + 1
    return out


def _words(ctx, vocab, key) -> list:
    """A vocabulary list holds words and phrases, not mappings or lists."""
    items = vocab.get(key, [])
    for item in items:
        if isinstance(item, (dict, list)) or item is None:
            ctx.fail(vocab, key, f"expected words or phrases, found {item!r}")
    return items


def _strings(ctx, mapping, key) -> tuple:
    value = mapping.get(key, [])
    value = [value] if isinstance(value, str) else value
    for v in value:
        if not isinstance(v, (str, int)) or isinstance(v, bool):
            ctx.fail(mapping, key, "must be text or a list of text")
    return tuple(s.strip() for v in value for s in str(v).split(",") if s.strip())


def _levels(ctx, mapping) -> tuple:
    raw = mapping.get("level", {})
    out = []
    for rid, lvl in raw.items():
        if lvl is False:  # YAML 1.1 reads `off` as false
            lvl = "off"
        if not isinstance(lvl, str):
            ctx.fail(raw, rid, "level must be error, warning, suggestion or off")
        if lvl.lower() != "off":
            try:
                lvl = str(Level.parse(lvl))
            except ValueError:
                ctx.fail(raw, rid, f"unknown level {lvl!r} (expected error, warning, suggestion or off)")
        out.append((str(rid).upper(), lvl.lower()))
    return tuple(out)


def parse_config(data, where: str, root: Path, store=None) -> Config:
    ctx = Ctx(where, data, ConfigError)
    if not isinstance(data, dict):
        raise ConfigError(where, "a configuration file must be a mapping of settings")
    check_keys(ctx, data, CONFIG_KEYS, "configuration")
    fields: dict = {"path": where, "root": root}
    if "select" in data:
        fields["select"] = _strings(ctx, data, "select")
    fields["ignore"] = _strings(ctx, data, "ignore")
    fields["extend_select"] = _strings(ctx, data, "extend-select")
    fields["levels"] = _levels(ctx, data)
    if "fail-level" in data:
        try:
            fields["fail_level"] = Level.parse(data["fail-level"])
        except ValueError as exc:
            ctx.fail(data, "fail-level", str(exc))
    rule_paths = []
    for p in _strings(ctx, data, "rule-paths"):
        full = (root / p).resolve()
        if not full.exists():
            ctx.fail(data, "rule-paths", f"{p!r} does not exist (paths are relative to {root})")
        rule_paths.append(str(full))
    fields["rule_paths"] = tuple(rule_paths)
    fields["builtin"] = bool(data.get("builtin", True))
    fields["brand"] = _strings(ctx, data, "brand")
    vocab = data.get("vocabulary", {})
    check_keys(ctx, vocab, VOCABULARY_KEYS, "vocabulary")
    fields["accept"] = tuple(str(t) for t in _words(ctx, vocab, "accept"))
    reject = vocab.get("reject", [])
    if isinstance(reject, dict):
        for k, v in reject.items():
            if isinstance(v, (dict, list)):
                ctx.fail(reject, k, "the preferred wording must be text")
        fields["reject"] = tuple((str(k), None if v is None else str(v)) for k, v in reject.items())
    else:
        fields["reject"] = tuple((str(t), None) for t in _words(ctx, vocab, "reject"))
    fields["include"] = _strings(ctx, data, "include")
    fields["exclude"] = _strings(ctx, data, "exclude")
    overrides = []
    for item in data.get("overrides", []):
        check_keys(ctx, item, OVERRIDE_KEYS, "overrides")
        files = _strings(ctx, item, "files")
        if not files:
            ctx.fail(item, None, "overrides: each entry needs files: [glob, ...]")
        overrides.append(Override(
            files=files, select=_strings(ctx, item, "select") if "select" in item else None,
            ignore=_strings(ctx, item, "ignore"), extend_select=_strings(ctx, item, "extend-select"),
            levels=_levels(ctx, item), channel=_channel_name(item), genre=_genre_name(ctx, item),
        ))
    fields["overrides"] = tuple(overrides)
    fields["channel"] = _channel_name(data)
    fields["genre"] = _genre_name(ctx, data)
    fields["model"] = data.get("model")
    fields["channels"] = _channel_tweaks(ctx, data)
    config = Config(**fields)
    _check_selectors(ctx, data, config, store)
    return config


def _genre_name(ctx, mapping) -> str | None:
    """`genre: transactional`: one of the genres the message model knows."""
    value = mapping.get("genre")
    if value is None:
        return None
    name = str(value).strip().lower()
    if name not in GENRES:
        ctx.fail(mapping, "genre", f"unknown genre {value!r}{did_you_mean(name, GENRES, 'one of ')}")
    return name


def _channel_name(mapping) -> str | None:
    value = mapping.get("channel")
    return str(value).lower() if value else None


def _channel_tweaks(ctx, data) -> tuple:
    """`channels: {social: {TL402: {stack: {max: 0}}}}` tunes rules for a channel
    from config, so a team can make a channel stricter without forking a rule."""
    out = []
    for channel, per_rule in data.get("channels", {}).items():
        if not isinstance(per_rule, dict):
            ctx.fail(data["channels"], channel, "must map rule ids to tweaks")
        for rid, tweak in per_rule.items():
            check_channels(ctx, {channel: tweak}, None)
            out.append((str(channel).lower(), str(rid).upper(), freeze(tweak or {})))
    return tuple(out)


def _check_selectors(ctx, data, config: Config, store=None) -> None:
    """A selector that matches no rule is a typo (ruff refuses them too)."""
    try:
        rules = _pack(config.rule_paths, config.builtin, store)
    except RuleError:
        return  # the rule pack's own error is reported when it is used
    ids = _known_ids(rules, bool(config.reject))
    for mapping in [data, *data.get("overrides", [])]:
        for key in ("select", "ignore", "extend-select"):
            for sel in _strings(ctx, mapping, key) if key in mapping else ():
                _check_selector(ctx, mapping, key, sel, ids)
        for sel in mapping.get("level", {}):
            _check_selector(ctx, mapping["level"], sel, str(sel), ids)
    known = set(CHANNELS) | {str(k) for r in rules for k in r.channels} | {str(c) for c in data.get("channels", {})}
    for mapping in [data, *data.get("overrides", [])]:
        name = mapping.get("channel")
        if isinstance(name, str) and name.lower() not in known:
            ctx.fail(mapping, "channel", f"unknown channel {name!r}{did_you_mean(name, sorted(known), 'known: ')}")
    for channel, per_rule in data.get("channels", {}).items():
        for rid in per_rule:
            if str(rid).upper() not in ids:
                ctx.fail(per_rule, rid, f"no rule with id {rid}{did_you_mean(str(rid).upper(), sorted(ids), 'known: ')}")
            rule = next(r for r in rules if r.id == str(rid).upper()) if str(rid).upper() in ids and rules else None
            if rule is not None:
                check_channels(ctx, {channel: per_rule[rid]}, rule.kind)


def _known_ids(rules, reject: bool) -> set:
    ids = {r.id for r in rules}
    if reject:
        ids.add(REJECT_ID)
    return ids


def selector_problem(sel: str, ids) -> str | None:
    """What is wrong with a rule selector (an id or prefix), or None: the one
    check behind both the config's select/ignore keys and the same flags."""
    s = str(sel).strip().upper()
    if s == "ALL" or any(i.startswith(s) for i in ids):
        return None
    return f"{sel!r} matches no rule{did_you_mean(s, sorted(ids), 'known: ')}"


def _check_selector(ctx, mapping, key, sel: str, ids) -> None:
    what = selector_problem(sel, ids)
    if what is not None:
        ctx.fail(mapping, key, what)


# --- globs ---------------------------------------------------------------------------------


@lru_cache(maxsize=512)
def _glob(pattern: str) -> re.Pattern:
    """gitignore-like: `*` stays within a folder, `**` crosses folders, a pattern
    without a slash matches a name at any depth, and a folder matches what is in it."""
    p = pattern.strip().strip("/") if pattern.strip() not in ("/", "") else "**"
    anywhere = "/" not in p
    out, i = [], 0
    while i < len(p):
        c = p[i]
        if p.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if p.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        out.append({"*": "[^/]*", "?": "[^/]"}.get(c, re.escape(c)))
        i += 1
    body = "".join(out)
    return re.compile(("(?:.*/)?" if anywhere else "") + body + "(?:/.*)?")


def matches(globs, rel: str) -> bool:
    return any(_glob(g).fullmatch(rel) for g in globs)


# --- resolution ----------------------------------------------------------------------------


class Resolver:
    """Turns RunOptions (the command line) plus the config that applies to a
    file into that file's Effective settings."""

    def __init__(self, options: RunOptions, store=None) -> None:
        """`store`: the run's RuleStore (cache.py), handed to every Effective."""
        self.options = options
        self.store = store
        self._configs: dict = {}
        self._folders: dict = {}
        self._by_folder: dict = {}
        self._real_dirs: dict = {}
        self._fixed: Config | None = None
        self._flags_checked: set = set()
        if options.config and not options.isolated:
            p = Path(options.config)
            if not p.is_file():
                raise ConfigError(str(options.config), "--config: no such file")
            self._fixed = self._load(p)

    def _load(self, path: Path) -> Config:
        key = str(path.resolve())
        if key not in self._configs:
            self._configs[key] = load_config(path, self.store)
        return self._configs[key]

    def config_for(self, path: str) -> Config:
        if self.options.isolated:
            return Config(root=Path.cwd())
        if self._fixed is not None:
            return self._fixed
        if path in ("-", ""):
            folder = ""
        else:
            folder = path if os.path.isdir(path) else os.path.dirname(path)
        # One discovery per folder as written: a folder of 200 drafts is one
        # walk up the tree, not 200 (find_config's own memo still resolves).
        if folder not in self._by_folder:
            found = find_config(Path(folder) if folder else Path.cwd(), self._folders)
            self._by_folder[folder] = self._load(found) if found else Config(root=Path.cwd())
        return self._by_folder[folder]

    def _real(self, path: str) -> str:
        """os.path.realpath(path), resolving each folder once per run."""
        folder, name = os.path.split(path)
        if name in ("", ".", ".."):
            return os.path.realpath(path)
        if folder not in self._real_dirs:
            self._real_dirs[folder] = os.path.realpath(folder or ".")
        full = os.path.join(self._real_dirs[folder], name)
        return os.path.realpath(full) if os.path.islink(full) else full

    def _relative(self, config: Config, path: str) -> str | None:
        try:
            return Path(self._real(path)).relative_to(config.root).as_posix()
        except ValueError:
            return None

    def effective(self, path: str) -> Effective:
        o = self.options
        c = self.config_for(path if path != "-" else (o.stdin_filename or "-"))
        rel = self._relative(c, path if path != "-" else (o.stdin_filename or ""))
        select, ignore, extend, levels = c.select, c.ignore, c.extend_select, dict(c.levels)
        path_ignore: tuple = ()
        channel = c.channel
        genre = c.genre
        for ov in c.overrides:
            if rel is None or not matches(ov.files, rel):
                continue
            if ov.select is not None:
                select = ov.select
            path_ignore += ov.ignore
            extend += ov.extend_select
            levels.update(ov.levels)
            channel = ov.channel or channel
            genre = ov.genre or genre
        if o.select:
            select = tuple(o.select)
        ignore += tuple(o.ignore)
        extend += tuple(o.extend_select)
        fail = o.fail_level if o.fail_level is not None else (c.fail_level or Level.WARNING)
        effective = Effective(
            select=select, ignore=ignore, extend_select=extend, path_ignore=path_ignore,
            levels=tuple(sorted(levels.items())),
            rule_paths=c.rule_paths + tuple(str(Path(p).resolve()) for p in o.rule_paths),
            builtin=c.builtin, brand=c.brand + tuple(o.brand), accept=c.accept,
            reject=c.reject, channel=o.channel.lower() if o.channel else None, default_channel=channel,
            channels=c.channels, model=c.model, genre=genre, fail_level=fail, source=c.path or "--config",
            store=self.store,
        )
        self._check_flags(effective)
        return effective

    def _check_flags(self, effective: Effective) -> None:
        """--select/--ignore/--extend-select name rules that exist in the packs
        this file uses: a typo in a CI gate's flag must not pass as "no
        findings".  Checked once per distinct set of packs."""
        o = self.options
        flags = (("--select", o.select or ()), ("--ignore", o.ignore or ()), ("--extend-select", o.extend_select or ()))
        if not any(values for _, values in flags):
            return
        key = (effective.rule_paths, effective.builtin, bool(effective.reject))
        if key in self._flags_checked:
            return
        self._flags_checked.add(key)
        ids = _known_ids(_pack(effective.rule_paths, effective.builtin, self.store), bool(effective.reject))
        for flag, values in flags:
            for sel in values:
                what = selector_problem(sel, ids)
                if what is not None:
                    raise ConfigError(flag, what)

    def suffixes(self, raw: str, default) -> tuple:
        """File suffixes to collect under a folder: the defaults, plus any the
        config's `include` globs name (e.g. "*.mdx")."""
        c = self.config_for(raw)
        extra = {"." + g.rsplit(".", 1)[1].lower() for g in c.include if "." in g.rsplit("/", 1)[-1]}
        return tuple(dict.fromkeys((*default, *sorted(extra))))

    def wanted(self, path: str, explicit: bool) -> bool:
        """Files named on the command line are always checked (as in ruff);
        files found in a folder must match `include` (if set) and not `exclude`."""
        if explicit:
            return True
        c = self.config_for(path)
        rel = self._relative(c, path)
        if rel is None:
            return True
        if c.include and not matches(c.include, rel):
            return False
        return not matches(c.exclude, rel)
