"""Every built-in rule proves itself with its own `examples:` — each bad one
must be reported by that rule and each good one must not, both with only that
rule selected and with the full pack (other rules must not change a rule's
verdict).  The catalogue tests keep the pack uniform: what users read in
`tonelint explain` and what the ids promise."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tonelint.report.families import FAMILIES
from tonelint.rules.loader import builtin_dir, load_rules

RULES = load_rules()
FAMILY_BLOCKS = {f.name: f.block for f in FAMILIES.values()}


def _examples():
    for rule in RULES:
        for verdict in ("bad", "good"):
            for i, text in enumerate(rule.examples.get(verdict) or []):
                yield pytest.param(rule.id, verdict, text, id=f"{rule.id}-{verdict}{i}")


def _hits(lint, rule_id: str, text: str, only: bool):
    diagnostics = lint(text, "markdown", select=[rule_id] if only else None)
    if only:
        assert {d.rule for d in diagnostics} <= {rule_id}
    return [d for d in diagnostics if d.rule == rule_id]


@pytest.mark.parametrize("only", [True, False], ids=["alone", "full-pack"])
@pytest.mark.parametrize("rule_id,verdict,text", list(_examples()))
def test_rule_example(lint, rule_id, verdict, text, only):
    hits = _hits(lint, rule_id, text, only)
    if verdict == "bad":
        assert hits, f"{rule_id} did not flag its bad example: {text!r}"
        for d in hits:  # the lint fixture has checked each span
            assert d.family == next(r.family for r in RULES if r.id == rule_id)
    else:
        assert not hits, f"{rule_id} flagged its good example: {[(d.matched, d.message) for d in hits]}"


def test_pack_is_not_empty_and_covers_every_family():
    assert len(RULES) >= 15
    assert {r.family for r in RULES} == set(FAMILY_BLOCKS)


def test_rule_ids_are_unique():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_file_is_named_for_its_id(rule):
    path = Path(rule.path)
    assert path.parent.resolve() == builtin_dir().resolve()
    assert re.fullmatch(rf"{rule.id}-[a-z0-9-]+\.ya?ml", path.name), path.name


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_is_documented_with_examples(rule):
    for field in ("description", "rationale", "rewrite", "message", "name"):
        assert getattr(rule, field).strip(), f"{rule.id} has no {field}"
    assert len(rule.examples.get("bad") or []) >= 2, f"{rule.id} needs at least 2 bad examples"
    assert len(rule.examples.get("good") or []) >= 2, f"{rule.id} needs at least 2 good examples"
    # A rationale is one thought, not an essay; a rewrite is something to do.
    assert len(rule.rationale) < 500


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_family_and_id_block_agree(rule):
    assert rule.family in FAMILY_BLOCKS
    assert re.fullmatch(r"TL\d{3}", rule.id)
    assert rule.id[2] == FAMILY_BLOCKS[rule.family], f"{rule.id} is in family {rule.family}"


def test_every_rule_file_in_the_pack_is_loaded():
    files = {p.name.split("-", 1)[0] for p in builtin_dir().glob("TL*.y*ml")}
    assert files == {r.id for r in RULES}
