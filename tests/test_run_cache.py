"""The result cache: a hit skips the engine, and every input that can change
a finding (draft bytes, rule files, config, tonelint version) makes a miss.
Hits and misses are observed by counting engine runs, never by timing."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

import tonelint
from tonelint.run import cache as cache_mod
from conftest import HOUSE_RULE as RULE

PUSHY = "# Big news!!!\n\nWe are thrilled to announce our industry-leading app. Our target audience will love it.\n"
CALM = "# Your orders, sooner\n\nYou can now see every order in one place. What would help you most?\n"


def findings(res) -> list:
    assert res.code in (0, 1), res.err
    return json.loads(res.out)


def test_second_run_is_served_from_the_cache(cli, write, engine_runs, cache_dir):
    a = write("a.md", PUSHY)
    b = write("b.md", CALM)
    first = cli("--format", "json", a, b)
    assert sorted(engine_runs) == ["a.md", "b.md"]
    assert {f["rule"] for f in findings(first)} >= {"TL202", "TL205"}
    assert list((cache_dir / f"v{cache_mod.LAYOUT}").rglob("*"))
    engine_runs.clear()
    second = cli("--format", "json", a, b)
    assert engine_runs == []
    assert second.out == first.out and second.code == first.code


def test_text_output_with_scorecard_is_identical_when_cached(cli, write, engine_runs):
    a = write("a.md", PUSHY)
    first = cli("--color", a)
    second = cli("--color", a)
    assert engine_runs == ["a.md"]
    strip = lambda s: s.rsplit("(", 1)[0]  # noqa: E731 - the summary ends with the elapsed time
    assert "conversation score" in first.out
    assert strip(second.out) == strip(first.out)


def test_changed_draft_is_checked_again(cli, write, engine_runs):
    a = write("a.md", CALM)
    b = write("b.md", CALM)
    assert findings(cli("--format", "json", a, b)) == []
    engine_runs.clear()
    a.write_text(PUSHY, encoding="utf-8")
    res = findings(cli("--format", "json", a, b))
    assert engine_runs == ["a.md"]
    assert {f["path"] for f in res} == {str(a)}


def test_edited_rule_file_invalidates(cli, write, tmp_path, engine_runs):
    pack = tmp_path / "pack"
    pack.mkdir()
    rule = pack / "HOUSE1.yaml"
    rule.write_text(RULE.replace("WORD", "gizmo"), encoding="utf-8")
    draft = write("d.md", "The gizmo and the widget are both here for you.\n")
    args = ("--format", "json", "--rule-path", pack, "--select", "HOUSE", draft)
    assert [f["matched"] for f in findings(cli(*args))] == ["gizmo"]
    assert [f["matched"] for f in findings(cli(*args))] == ["gizmo"]
    assert engine_runs == ["d.md"]
    rule.write_text(RULE.replace("WORD", "widget"), encoding="utf-8")
    assert [f["matched"] for f in findings(cli(*args))] == ["widget"]
    assert engine_runs == ["d.md", "d.md"]


def test_edited_word_list_invalidates(cli, write, tmp_path, engine_runs):
    pack = tmp_path / "pack"
    (pack / "lists").mkdir(parents=True)
    words = pack / "lists" / "house.txt"
    words.write_text("gizmo\n", encoding="utf-8")
    (pack / "HOUSE1.yaml").write_text(RULE.replace("phrases: [WORD]", "list: house.txt").replace("WORD", "gizmo"),
                                      encoding="utf-8")
    draft = write("d.md", "The gizmo and the widget are both here for you.\n")
    args = ("--format", "json", "--rule-path", pack, "--select", "HOUSE", draft)
    assert [f["matched"] for f in findings(cli(*args))] == ["gizmo"]
    words.write_text("widget\n", encoding="utf-8")
    assert [f["matched"] for f in findings(cli(*args))] == ["widget"]
    assert engine_runs == ["d.md", "d.md"]


def test_edited_config_invalidates(cli, write, tmp_path, engine_runs, monkeypatch):
    monkeypatch.chdir(tmp_path)
    draft = write("d.md", PUSHY)
    config = write(".tonelint.yaml", "ignore: [TL205]\n")
    rules = {f["rule"] for f in findings(cli("--format", "json", draft))}
    assert "TL205" not in rules and "TL202" in rules
    assert {f["rule"] for f in findings(cli("--format", "json", draft))} == rules
    assert engine_runs == ["d.md"]
    config.write_text("ignore: [TL202]\n", encoding="utf-8")
    rules = {f["rule"] for f in findings(cli("--format", "json", draft))}
    assert "TL202" not in rules and "TL205" in rules
    assert engine_runs == ["d.md", "d.md"]


def test_options_that_change_findings_are_part_of_the_key(cli, write, engine_runs):
    draft = write("d.md", PUSHY)
    full = {f["rule"] for f in findings(cli("--format", "json", draft))}
    narrow = {f["rule"] for f in findings(cli("--format", "json", "--select", "TL2", draft))}
    assert narrow < full and all(r.startswith("TL2") for r in narrow)
    assert engine_runs == ["d.md", "d.md"]


def test_options_that_change_only_the_exit_code_still_hit(cli, write, engine_runs):
    draft = write("d.md", PUSHY)
    assert cli(draft).code == 1
    assert cli("--fail-level", "error", draft).code == 0
    assert engine_runs == ["d.md"]


def test_new_version_invalidates(cli, write, engine_runs, monkeypatch):
    draft = write("d.md", PUSHY)
    cli("--format", "json", draft)
    cli("--format", "json", draft)
    assert engine_runs == ["d.md"]
    monkeypatch.setattr(tonelint.version, "__version__", "99.0.0")
    cli("--format", "json", draft)
    assert engine_runs == ["d.md", "d.md"]


@pytest.mark.parametrize("damage", [b"", b"garbage", "flip", "truncate"])
def test_corrupted_entry_is_ignored_and_rebuilt(cli, write, engine_runs, cache_dir, damage):
    draft = write("d.md", PUSHY)
    first = cli("--format", "json", draft)
    # The draft's entry (parsed rule packs are entries too, named rules-...).
    (entry,) = [p for p in (cache_dir / f"v{cache_mod.LAYOUT}").rglob("*") if p.is_file()
                and not p.name.startswith("rules-")]
    good = entry.read_bytes()
    if damage == "flip":
        bad = good[:-5] + bytes([good[-5] ^ 0xFF]) + good[-4:]
    elif damage == "truncate":
        bad = good[: len(good) // 2]
    else:
        bad = damage
    entry.write_bytes(bad)
    second = cli("--format", "json", draft)
    assert second.out == first.out and second.code == first.code
    assert engine_runs == ["d.md", "d.md"]
    assert entry.read_bytes() == good  # rewritten whole
    cli("--format", "json", draft)
    assert engine_runs == ["d.md", "d.md"]


def test_no_cache_neither_reads_nor_writes(cli, write, engine_runs, cache_dir):
    draft = write("d.md", PUSHY)
    cli("--no-cache", draft)
    cli("--no-cache", draft)
    assert engine_runs == ["d.md", "d.md"]
    assert not any(cache_dir.iterdir())


def test_fix_bypasses_the_cache(cli, write, engine_runs):
    draft = write("d.md", "Big news!!! You can now order from your phone.\n")
    assert "TL205" in {f["rule"] for f in findings(cli("--format", "json", draft))}
    res = cli("--fix", "--format", "json", draft)
    assert "!!!" not in draft.read_text(encoding="utf-8")
    assert "TL205" not in {f["rule"] for f in findings(res)}
    # The fixed bytes are a new key: the next run checks them, and agrees.
    runs = len(engine_runs)
    assert "TL205" not in {f["rule"] for f in findings(cli("--format", "json", draft))}
    assert len(engine_runs) == runs + 1


def test_cache_folder_is_found_in_the_project_root(tmp_path, monkeypatch):
    monkeypatch.delenv("TONELINT_CACHE_DIR")
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    sub = tmp_path / "docs" / "emails"
    sub.mkdir(parents=True)
    assert cache_mod.cache_dir(sub) == tmp_path.resolve() / ".tonelint_cache"
    monkeypatch.setenv("TONELINT_CACHE_DIR", str(tmp_path / "elsewhere"))
    assert cache_mod.cache_dir(sub) == tmp_path / "elsewhere"


def test_cache_folder_ignores_itself_in_git(cli, write, cache_dir):
    cli(write("d.md", CALM))
    assert (cache_dir / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert (cache_dir / "CACHEDIR.TAG").read_text(encoding="utf-8").startswith("Signature: 8a477f597d28d172789f06886806bc55")


WARM_RUN = """
import sys
from tonelint.cli import main
try:
    main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print("SPACY-LOADED" if "spacy" in sys.modules else "SPACY-NOT-LOADED", code, file=sys.stderr)
"""


def test_warm_run_does_not_import_spacy(write, tmp_path):
    """The point of the cache for a pre-commit hook: a run over unchanged
    drafts never pays for loading spaCy or parsing a rule."""
    drafts = [write(f"d{i}.md", PUSHY if i % 2 else CALM) for i in range(4)]
    env = dict(os.environ, TONELINT_CACHE_DIR=str(tmp_path / "cache"))
    cmd = [sys.executable, "-c", WARM_RUN, "--format", "json", *map(str, drafts)]
    cold = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=tmp_path, timeout=300)
    warm = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert "SPACY-LOADED 1" in cold.stderr, cold.stderr
    assert "SPACY-NOT-LOADED 1" in warm.stderr, warm.stderr
    assert warm.stdout == cold.stdout and json.loads(warm.stdout)


def test_parsed_rule_packs_are_cached_by_content(cli, write, tmp_path, monkeypatch, cache_dir):
    from tonelint.rules import loader

    parsed = []
    real = loader._load_pack
    monkeypatch.setattr(loader, "_load_pack", lambda folder: parsed.append(folder.name) or real(folder))
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "HOUSE1.yaml").write_text(RULE.replace("WORD", "gizmo"), encoding="utf-8")
    draft = write("d.md", "The gizmo is here for you.\n")
    args = ("--no-score", "--rule-path", pack, draft)

    def fresh_process():
        pass  # each run has its own RuleStore: what it parsed is gone with it

    fresh_process()
    cli(*args)
    assert "pack" in parsed
    parsed.clear()
    fresh_process()
    draft.write_text("The gizmo is there for you.\n", encoding="utf-8")  # a miss: rules are needed
    assert "HOUSE1" in cli(*args).out
    assert parsed == []  # both packs came from .tonelint_cache
    for entry in (cache_dir / f"v{cache_mod.LAYOUT}" / "ru").iterdir():
        entry.write_bytes(b"damaged")
    fresh_process()
    draft.write_text("The gizmo is everywhere for you.\n", encoding="utf-8")
    assert "HOUSE1" in cli(*args).out
    assert sorted(parsed) == sorted(["pack", loader.builtin_dir().name])  # damaged entries are parsed again


def test_cached_scorecard_needs_no_facts_and_matches_the_checked_one(write, cache_dir):
    """A warm run scores a draft from the tally stored beside its Facts; the
    Facts stay bytes until the HTML report asks for the sentence timeline."""
    from tonelint.run.options import RunOptions
    from tonelint.run.runner import Runner
    from tonelint.score.scorecard import score_result

    a = write("a.md", "# Hi\n\nSign up today. You can now see every order in one place. What would help you most?\n")
    fresh = list(Runner(RunOptions(paths=[str(a)])).run().results)[0]
    cached = list(Runner(RunOptions(paths=[str(a)])).run().results)[0]
    assert isinstance(cached.facts, cache_mod.LazyFacts) and not cached.facts.loaded
    card, cold = score_result(cached), score_result(fresh)
    assert not cached.facts.loaded  # scored without unpickling
    assert card.as_dict() == cold.as_dict() and card.ask_sentences and card.questions
    assert card.timeline == cold.timeline and len(card.timeline) == cold.sentences
    assert cached.facts.loaded  # the timeline read them
