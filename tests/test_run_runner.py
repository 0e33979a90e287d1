"""A Runner owns everything its run keeps (rule store, result cache, engines,
settings per file): two Runners in one process, with different options, see
nothing of each other whichever is made or run first."""

from __future__ import annotations

import pickle

import pytest

from tonelint.run import cache as cache_mod
from tonelint.run.runner import RunOptions, Runner
from tonelint.score.scorecard import score_result

HOUSE_RULE = """id: HOUSE1
name: house-word
family: house-style
kind: existence
level: warning
description: Flags a house word.
message: '"{match}" is not our word'
rationale: We say it differently.
rewrite: Say it plainly.
match:
  phrases: [gizmo]
examples:
  bad: [The gizmo is here.]
  good: [The thing is here.]
"""
DRAFT = "# Big news\n\nWe are thrilled to announce the gizmo. Our target audience will love it.\n"


def entries(cache_dir) -> tuple[list, list]:
    """(result entries, parsed-pack entries) in the cache folder."""
    files = [p for p in (cache_dir / f"v{cache_mod.LAYOUT}").rglob("*") if p.is_file()]
    return ([p for p in files if not p.name.startswith("rules-")], [p for p in files if p.name.startswith("rules-")])


@pytest.mark.parametrize("first", ["no-cache", "cached"])
def test_two_runners_in_one_process_do_not_affect_each_other(write, tmp_path, cache_dir, engine_runs, first):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "HOUSE1.yaml").write_text(HOUSE_RULE, encoding="utf-8")
    draft = write("d.md", DRAFT)

    def make(kind: str) -> Runner:
        if kind == "no-cache":  # as api.lint_paths makes them, plus a team pack
            return Runner(RunOptions(paths=[str(draft)], isolated=True, no_cache=True, rule_paths=[str(pack)], jobs=1))
        return Runner(RunOptions(paths=[str(draft)], isolated=True, select=["TL1"], jobs=1))

    order = [first, "cached" if first == "no-cache" else "no-cache"]
    runners = {kind: make(kind) for kind in order}  # both made before either runs
    runs = {kind: runners[kind].run() for kind in order}

    plain = {d.rule for d in runs["no-cache"].diagnostics}
    chosen = {d.rule for d in runs["cached"].diagnostics}
    assert plain >= {"HOUSE1", "TL101", "TL202"}
    assert chosen == {"TL101"}
    # Only the cached run wrote: its one draft, and the one pack it read (the
    # built-in); the --no-cache run's team pack never reached the folder.
    results, packs = entries(cache_dir)
    assert len(results) == 1 and len(packs) == 1
    parsed = {rule.id for rule in pickle.loads(packs[0].read_bytes()[cache_mod._DIGEST:])}
    assert "TL101" in parsed and "HOUSE1" not in parsed
    assert sorted(engine_runs) == ["d.md", "d.md"]

    # Each again, in the other order, from new Runners: the cached one is a
    # hit with the same findings and scorecard, the --no-cache one checks again.
    again = {kind: make(kind).run() for kind in reversed(order)}
    assert sorted(engine_runs) == ["d.md", "d.md", "d.md"]
    for kind in order:
        assert again[kind].diagnostics == runs[kind].diagnostics
        assert score_result(again[kind].results[0]).as_dict() == score_result(runs[kind].results[0]).as_dict()
    assert entries(cache_dir)[0] == results
