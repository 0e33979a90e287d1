"""Finding, loading and selecting rule packs.

The built-in pack is the repository's top-level rules/ folder, installed as the
package `tonelint._rules`; a team's packs are folders of the same YAML.  A
whole pack is validated before any rule runs, so a run never uses a
half-loaded rule set.
"""

from __future__ import annotations

from dataclasses import replace
from importlib.resources import files
from pathlib import Path

from ..diagnostics import Level
from ..errors import RuleError
from .rule import Rule, parse_rule
from .yamlfile import load_yaml, read_text

RULE_SUFFIXES = (".yaml", ".yml")


def builtin_dir() -> Path:
    try:
        path = Path(str(files("tonelint._rules")))
        if path.is_dir():
            return path
    except (ModuleNotFoundError, TypeError):
        pass
    # Running from a source checkout that was never installed.
    return Path(__file__).resolve().parents[2] / "rules"


def rule_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise RuleError(str(folder), "rule pack folder does not exist")
    return sorted(p for p in folder.iterdir() if p.suffix in RULE_SUFFIXES and p.is_file())


def load_file(path: Path) -> list[Rule]:
    text = read_text(path, RuleError, "rule file")
    data = load_yaml(text, str(path), RuleError)
    if data is None:
        raise RuleError(str(path), "empty rule file")
    items = data if isinstance(data, list) else [data]
    return [parse_rule(item, str(path)) for item in items]


def load_pack(folder: Path, store=None) -> list[Rule]:
    """The rules of one pack folder.  `store` (a run's RuleStore, see
    run/cache.py) keeps parsed packs by content; without one it is parsed."""
    folder = Path(folder)
    if store is None:
        return _load_pack(folder)
    return store.pack(folder, _load_pack)


def _load_pack(folder: Path) -> list[Rule]:
    rules: list[Rule] = []
    for path in rule_files(folder):
        rules.extend(load_file(path))
    return rules


def load_rules(paths: list[Path] | None = None, *, builtin: bool = True, store=None) -> list[Rule]:
    rules: list[Rule] = []
    if builtin:
        rules.extend(load_pack(builtin_dir(), store))
    for p in paths or []:
        p = Path(p)
        rules.extend(load_file(p) if p.is_file() else load_pack(p, store))
    seen: dict[str, Rule] = {}
    for rule in rules:
        if rule.id in seen:
            raise RuleError(rule.path, f"id: duplicate rule id {rule.id} (also in {seen[rule.id].path})")
        seen[rule.id] = rule
    return sorted(rules, key=lambda r: r.id)


def _matches(rule_id: str, prefixes) -> int:
    """Length of the longest selector that matches the id (0: none); 'ALL' matches everything."""
    best = 0
    for p in prefixes:
        p = p.strip().upper()
        if p == "ALL":
            best = max(best, 1)
        elif rule_id.upper().startswith(p):
            best = max(best, len(p) + 1)
    return best


def select(rules: list[Rule], *, select=None, ignore=(), extend_select=(), levels: dict | None = None) -> list[Rule]:
    """ruff's semantics: the longest matching selector wins; on a tie, ignore
    wins; with no select, every rule is selected."""
    chosen = []
    sel = list(select) if select else ["ALL"]
    sel += list(extend_select or ())
    for rule in rules:
        s, i = _matches(rule.id, sel), _matches(rule.id, ignore or ())
        if s and s > i:
            chosen.append(rule)
    if levels:
        out = []
        for rule in chosen:
            lvl = _longest_level(rule.id, levels)
            out.append(replace(rule, level=lvl) if lvl is not None else rule)
        chosen = out
    return chosen


def _longest_level(rule_id: str, levels: dict) -> Level | None:
    best, found = 0, None
    for prefix, lvl in levels.items():
        n = _matches(rule_id, [prefix])
        if n > best:
            best, found = n, (lvl if isinstance(lvl, Level) else Level.parse(str(lvl)))
    return found
