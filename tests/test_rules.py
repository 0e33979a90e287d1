"""A team adds a rule with YAML only and sees it validated, listed, explained,
tested and used, all through the real CLI; the JSON Schema agrees with the
rule parser."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

import tonelint
from conftest import EXAMPLES, ROOT
from tonelint.rules.kinds.base import render

RULE = """\
id: ACME2
name: crush-it
family: house-style
kind: existence
level: error
description: Flags gym-bro hype such as "crush it". Our voice is calmer.
message: '"{match}" is not how we talk'
rationale: Our readers run bakeries; hype promises a transformation instead of saying what changes.
rewrite: Say what changes for the reader on Monday.
match:
  phrases: [crush it, crushing it, level up]
examples:
  bad:
    - This report helps you crush it this quarter.
    - Level up your bakery.
  good:
    - The report shows which loaves sell out before noon.
"""


@pytest.fixture
def team(write, tmp_path, monkeypatch):
    write("pack/ACME2-crush-it.yaml", RULE)
    write(".tonelint.yaml", "rule-paths: [pack]\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_team_rule_is_listed(cli, team):
    res = cli("rules")
    assert res.code == 0
    row = next(ln for ln in res.out.splitlines() if "ACME2" in ln)
    assert re.search(r"ACME2\s+error\s+existence\s+house-style\s+-\s+Flags gym-bro hype such as \"crush it\"\.$", row)
    items = json.loads(cli("rules", "--format", "json").out)
    mine = next(i for i in items if i["id"] == "ACME2")
    assert mine["kind"] == "existence" and mine["level"] == "error" and mine["family"] == "house-style"
    assert mine["summary"] == 'Flags gym-bro hype such as "crush it".'
    assert {i["id"] for i in items} >= {"TL101", "TL401"}


def test_rules_respects_selection_and_all(cli, team):
    (team / ".tonelint.yaml").write_text("rule-paths: [pack]\nignore: [TL1]\n")
    ids = [i["id"] for i in json.loads(cli("rules", "--format", "json").out)]
    assert "TL101" not in ids and "ACME2" in ids
    everything = json.loads(cli("rules", "--all", "--format", "json").out)
    assert {i["id"]: i["active"] for i in everything}["TL101"] is False


def test_team_rule_is_explained(cli, team):
    res = cli("explain", "acme2")
    assert res.code == 0
    for part in ("ACME2 crush-it", "family: house-style", "What it does", "Why", "Our readers run bakeries",
                 "Flagged", "  - Level up your bakery.", "Not flagged", "Fix safety", "none"):
        assert part in res.out


def test_explain_builtin_shows_fix_safety_and_replacements(cli):
    res = cli("explain", "TL105", "--isolated")
    assert res.code == 0
    assert "safe (applied by --fix)" in res.out
    assert "eyeballs → readers" in res.out
    assert "Counting eyeballs counts attention" in res.out


def test_explain_unknown_rule_is_exit_2_with_a_hint(cli):
    res = cli("explain", "TL1099", "--isolated")
    assert res.code == 2
    assert res.err.strip() == "TL1099: no such rule; did you mean TL109? (`tonelint rules` lists them)"


def test_team_rule_examples_are_tested(cli, team):
    res = cli("test-rules", "pack")
    assert res.code == 0, res.out
    assert res.out.strip().endswith("Tested 3 examples of 1 rule: all passed.")


def test_failing_examples_are_reported_and_fail(cli, team):
    broken = RULE.replace("    - The report shows which loaves sell out before noon.",
                          "    - The report shows which loaves sell out before noon.\n    - Time to level up the shelves.")
    broken = broken.replace("    - Level up your bakery.", "    - Grow your bakery.")
    (team / "pack/ACME2-crush-it.yaml").write_text(broken)
    res = cli("test-rules", "pack")
    assert res.code == 1
    assert 'ACME2: bad example 2 was not flagged: "Grow your bakery."' in res.out
    assert 'ACME2: good example 2 was flagged ("level up"): "Time to level up the shelves."' in res.out
    assert "2 failed" in res.out


def test_builtin_pack_examples_pass(cli):
    res = cli("test-rules")
    assert res.code == 0, res.out
    assert "all passed" in res.out


def test_team_rule_is_used_when_linting(cli, team):
    draft = team / "draft.md"
    draft.write_text("This guide helps you crush it at the market.\n")
    res = cli("--format", "json", "draft.md")
    found = [f for f in json.loads(res.out) if f["rule"] == "ACME2"]
    assert res.code == 1 and len(found) == 1 and found[0]["level"] == "error"
    assert found[0]["matched"] == "crush it" and found[0]["column"] == 22


@pytest.mark.parametrize("change,line,expect", [
    (("match:", "mach:"), 10, "mach: unknown key in rule; did you mean 'match'?"),
    (("  phrases: [crush it", "  phrase: [crush it"), 11, "phrase: unknown key in match; did you mean 'phrases'?"),
    (("kind: existence", "kind: existance"), 4, "kind: unknown kind 'existance'; did you mean 'existence'?"),
    (("level: error", "level: loud"), 5, "level: unknown level 'loud'"),
    (("  phrases: [crush it, crushing it, level up]", "  regex: '(crush'"), 11, "regex:"),
    (("  phrases: [crush it, crushing it, level up]", "  list: missing.txt"), 11, "word list 'missing.txt' not found"),
    (("  phrases: [crush it, crushing it, level up]", "  patterns: [[{LOWR: crush}]]"), 11,
     "unknown token attribute 'LOWR'; did you mean 'LOWER'?"),
    (("examples:\n", "channels:\n  sms: {threshold: 2}\nexamples:\n"), 13, "an existence rule has no threshold to tune"),
    (("message: '\"{match}\" is not how we talk'", "message: '{matched} is not how we talk'"), 7, "unknown placeholder {matched}"),
])
def test_broken_rule_is_one_line_with_file_and_line(cli, team, change, line, expect):
    path = team / "pack/ACME2-crush-it.yaml"
    path.write_text(RULE.replace(*change))
    for args in (("test-rules", "pack"), ("rules",), ("draft.md",)):
        (team / "draft.md").write_text("Hello.\n")
        res = cli(*args)
        assert res.code == 2, (args, res.out, res.err)
        lines = res.err.strip().splitlines()
        assert len(lines) == 1, res.err
        assert lines[0].startswith(f"{path.resolve() if args[0] != 'test-rules' else 'pack/ACME2-crush-it.yaml'}:{line}: "), lines[0]
        assert expect in lines[0]


def test_duplicate_rule_id_is_an_error(cli, team):
    (team / "pack/copy.yaml").write_text(RULE)
    res = cli("rules")
    assert res.code == 2 and "duplicate rule id ACME2" in res.err


# --- the JSON Schema ---------------------------------------------------------------------------

SCHEMA = ROOT / "tonelint" / "rules" / "schema" / "rule.schema.json"


class _Yaml12(yaml.SafeLoader):
    """How editors read YAML (1.2): `off:` is a string key, not false."""


_Yaml12.yaml_implicit_resolvers = {
    k: [(t, r) for t, r in v if t != "tag:yaml.org,2002:bool"] for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Yaml12.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def _validator():
    import jsonschema

    schema = json.loads(SCHEMA.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _rule_files():
    from tonelint.rules.loader import builtin_dir

    return sorted(builtin_dir().glob("*.yaml")) + sorted((EXAMPLES / "team-pack" / "rules").glob("*.yaml"))


def test_schema_ships_in_the_package():
    from importlib.resources import files

    assert json.loads((files("tonelint") / "rules" / "schema" / "rule.schema.json").read_text())["title"] == "tonelint rule file"


@pytest.mark.parametrize("path", _rule_files(), ids=lambda p: p.name)
def test_every_shipped_rule_validates_against_the_schema(path):
    errors = [e.message for e in _validator().iter_errors(yaml.load(path.read_text(), Loader=_Yaml12))]
    assert errors == []


@pytest.mark.parametrize("change", [
    ("match:", "mach:"),
    ("kind: existence", "kind: existance"),
    ("level: error", "level: loud"),
    ("id: ACME2", "id: acme-2"),
    ("match:\n  phrases: [crush it, crushing it, level up]\n", "swap: {a: b}\n"),  # wrong keys for the kind
])
def test_schema_rejects_a_broken_rule(change):
    assert list(_validator().iter_errors(yaml.load(RULE, Loader=_Yaml12))) == []
    broken = yaml.load(RULE.replace(*change), Loader=_Yaml12)
    assert list(_validator().iter_errors(broken)) != []


def test_schema_knows_every_key_the_parser_knows():
    from tonelint.rules import rule as rule_module, spec
    from tonelint.rules.kinds import KINDS

    schema = json.loads(SCHEMA.read_text())
    rule = schema["$defs"]["rule"]
    parser_keys = set(rule_module.COMMON_KEYS) | {k for kind in KINDS.values() for k in kind.KEYS}
    assert set(rule["properties"]) == parser_keys
    assert set(rule["properties"]["kind"]["enum"]) == set(KINDS)
    assert set(schema["$defs"]["block"]["properties"]) == set(spec.BLOCK_KEYS)
    assert set(schema["$defs"]["unless"]["properties"]) == set(spec.UNLESS_KEYS)
    assert set(schema["$defs"]["channelTweak"]["properties"]) == set(rule_module.CHANNEL_TWEAK_KEYS)


def test_schema_has_one_branch_per_kind_with_its_own_keys():
    """Each kind's keys and required keys come from its module in rules/kinds/:
    the schema's branch for it must say the same."""
    from tonelint.rules.kinds import KINDS
    from tonelint.rules.rule import COMMON_KEYS

    branches = {b["if"]["properties"]["kind"]["const"]: b["then"]
                for b in json.loads(SCHEMA.read_text())["$defs"]["rule"]["allOf"]}
    assert set(branches) == set(KINDS)
    for name, kind in KINDS.items():
        assert set(branches[name]["required"]) == set(kind.REQUIRED), name
        assert set(branches[name]["propertyNames"]["enum"]) == set(COMMON_KEYS) | set(kind.KEYS), name


def test_docs_cover_every_key():
    text = (ROOT / "docs" / "rules.md").read_text()
    from tonelint.rules import rule, spec
    from tonelint.rules.kinds import KINDS
    from tonelint.run import config

    keys = (set(rule.COMMON_KEYS) | {k for kind in KINDS.values() for k in kind.KEYS} | set(spec.BLOCK_KEYS)
            | set(spec.UNLESS_KEYS) | set(rule.CHANNEL_TWEAK_KEYS) | set(config.CONFIG_KEYS)
            | set(config.OVERRIDE_KEYS) | set(config.VOCABULARY_KEYS))
    missing = sorted(k for k in keys if f"`{k}`" not in text)
    assert missing == []


# --- the example team pack ---------------------------------------------------------------------


def test_example_team_pack(cli, monkeypatch):
    pack = EXAMPLES / "team-pack"
    monkeypatch.chdir(pack)
    assert cli("test-rules", "rules").code == 0
    listed = {i["id"] for i in json.loads(cli("rules", "--format", "json").out)}
    assert {"ACME1", "ACME2", "TL901", "TL101"} <= listed
    res = cli("--format", "json", "drafts")
    found = {(Path(f["path"]).as_posix(), f["rule"]) for f in json.loads(res.out)}
    assert ("drafts/newsletter.md", "ACME1") in found  # house rule, at error level
    assert ("drafts/social/launch-post.md", "TL402") in found  # social channel: one ask at most
    assert not any(r == "TL108" for _, r in found)  # "Segment users" is the product
    assert not any(p.startswith("drafts/legal/") for p, _ in found)  # TL2 silenced there
    isolated = {(Path(f["path"]).as_posix(), f["rule"]) for f in json.loads(cli("--format", "json", "--isolated", "drafts").out)}
    assert ("drafts/legal/terms-update.md", "TL202") in isolated
    assert ("drafts/newsletter.md", "TL108") in isolated


@pytest.mark.parametrize("where", ["shared/banned.txt", "../banned.txt", "banned.lst"])
def test_word_lists_live_beside_the_rule_or_in_lists(cli, write, tmp_path, where):
    """The result cache fingerprints exactly those places; a list elsewhere
    could go stale, so it is refused up front."""
    rule = write("pack/X.yaml", (
        "id: X101\nfamily: audience\nkind: existence\nmessage: m\nrationale: r\n"
        f"match:\n  list: {where}\n"))
    res = cli("--isolated", "--rule-path", rule.parent, write("d.md", "Hello.\n"))
    assert res.code == 2
    assert f"{rule}:" in res.err and "must be a .txt file beside the rule file or under its lists/" in res.err


def test_a_count_in_a_message_agrees_with_its_noun():
    assert render("{numerator:time/times}, {denominator:time/times}, {ratio}, {count:03d}",
                  {"numerator": 16, "denominator": 1, "ratio": 8.0, "count": 7}) == "16 times, 1 time, 8.0, 007"
    draft = ("# Our big launch\n\nWe are proud of our new platform. We built it over two years and our team loves "
             "it. Our engineers worked nights, and our designers made every screen ours. We think our customers "
             "will notice. We tested it with our partners and we improved it again. Our roadmap is full and we are "
             "growing fast.\n\nTry our platform today and see what you think. Buy now.\n")
    (found,) = [d for d in tonelint.lint_text(draft) if d.rule == "TL201"]
    assert "to the reader 1 time (" in found.message  # was "1 times"
