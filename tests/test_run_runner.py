"""The run as a library call: RunOptions in, Runner.execute() does every step
(check, baseline, --diff-from, report, exit code) and hands back what the CLI
prints; `tonelint report` is the same run (cache, suppressions) with the HTML
format.  A Runner owns everything its run keeps (rule store, result cache,
engines, settings per file): two Runners in one process, with different
options, see nothing of each other whichever is made or run first."""

from __future__ import annotations

import json

import pytest

from tonelint.run import cache as cache_mod
from tonelint.run import cachedata
from tonelint.run.baseline import BaselineError
from tonelint.run.options import OutputOptions, RunOptions
from tonelint.run.runner import Runner
from tonelint.score.scorecard import score_result
from conftest import HOUSE_RULE

PUSHY = "# Big news!!!\n\nWe are thrilled to announce our industry-leading app. Our target audience will love it.\n"
CALM = "# Your orders, sooner\n\nYou can now see every order in one place. What would help you most?\n"


def _options(*paths, **kw) -> RunOptions:
    output = kw.pop("output", OutputOptions(format="json"))
    return RunOptions(paths=[str(p) for p in paths], isolated=True, jobs=1, output=output, **kw)


def test_execute_renders_the_chosen_format_sorted_by_path_and_sets_the_exit_code(write):
    b, a = write("b.md", PUSHY), write("a.md", CALM)
    outcome = Runner(_options(b, a)).execute()
    found = json.loads(outcome.report)
    assert [r.path for r in outcome.run.results] == [str(a), str(b)]  # sorted, whatever the argument order
    assert {f["path"] for f in found} == {str(b)} and {"TL101", "TL205"} <= {f["rule"] for f in found}
    assert outcome.exit_code == 1 and outcome.fatal is None and not outcome.report_to_stderr
    assert Runner(_options(b, a, exit_zero=True)).execute().exit_code == 0


def test_write_baseline_then_baseline_leaves_nothing_to_report(write, tmp_path):
    draft = write("draft.md", PUSHY)
    recorded = Runner(_options(draft, write_baseline=str(tmp_path / "b.json"))).execute()
    assert recorded.baseline_written == len(recorded.run.diagnostics) > 0
    assert recorded.exit_code == 0 and recorded.report == ""
    again = Runner(_options(draft, baseline=str(tmp_path / "b.json"))).execute()
    assert json.loads(again.report) == [] and again.exit_code == 0


def test_a_step_after_the_check_that_fails_is_handed_back_with_the_check(write, tmp_path):
    draft = write("draft.md", PUSHY)
    outcome = Runner(_options(draft, baseline=str(tmp_path / "missing.json"))).execute()
    assert isinstance(outcome.fatal, BaselineError) and outcome.exit_code == 2
    assert outcome.run.results and outcome.run.diagnostics  # the check ran; the CLI prints its errors first


def test_colour_follows_the_stream_the_report_goes_to(write):
    draft = write("draft.md", PUSHY)
    text = OutputOptions(format="text", color_streams=frozenset({"stdout"}))
    shown = Runner(_options(draft, output=text)).execute()
    assert shown.color and "\x1b[" in shown.report
    to_file = OutputOptions(format="text", color_streams=frozenset({"stdout"}), output_file="out.txt")
    assert not Runner(_options(draft, output=to_file)).execute().color
    forced = OutputOptions(format="text", color=True, output_file="out.txt")
    assert "\x1b[" in Runner(_options(draft, output=forced)).execute().report


def test_only_formats_that_show_fixes_preview_them(write):
    draft = write("draft.md", PUSHY)
    assert Runner(_options(draft)).execute().run.previews == {}
    page = Runner(_options(draft, output=OutputOptions(format="html", title="T"))).execute()
    preview = page.run.previews[str(draft)]
    assert preview.before == PUSHY and preview.after != PUSHY and preview.applied
    assert "<title>T</title>" in page.report and "before and after" in page.report


def test_report_keeps_the_order_given_and_uses_the_cache(cli, write, engine_runs, tmp_path):
    b, a = write("b.md", CALM), write("a.md", CALM.replace("orders", "parcels"))
    first = cli("report", "--isolated", b, a, "-o", tmp_path / "one.html")
    assert first.code == 0 and engine_runs == ["b.md", "a.md"]
    engine_runs.clear()
    second = cli("report", "--isolated", b, a, "-o", "-")
    assert second.code == 0 and engine_runs == []  # nothing fixable, so nothing to check again
    assert second.out == (tmp_path / "one.html").read_text(encoding="utf-8")
    assert second.out.index("b.md") < second.out.index("a.md")


def test_report_counts_a_suppression_the_way_check_does(cli, write):
    draft = write("d.md", "<!-- tonelint-disable-next-line TL101 -->\nOur target audience will love it.\n\n"
                          "Our target audience is here too.\n")
    page = cli("report", "--isolated", draft, "-o", "-").out
    checked = json.loads(cli("--isolated", "--format", "json", draft).out)
    assert [f["line"] for f in checked if f["rule"] == "TL101"] == [4]
    assert page.count("data-rule='TL101'") == 1


DRAFT = "# Big news\n\nWe are thrilled to announce the gizmo. Our target audience will love it.\n"


def entries(cache_dir) -> tuple[list, list]:
    """(result entries, parsed-pack entries) in the cache folder."""
    files = [p for p in (cache_dir / f"v{cache_mod.LAYOUT}").rglob("*") if p.is_file()]
    return ([p for p in files if not p.name.startswith("rules-")], [p for p in files if p.name.startswith("rules-")])


@pytest.mark.parametrize("first", ["no-cache", "cached"])
def test_two_runners_in_one_process_do_not_affect_each_other(write, tmp_path, cache_dir, engine_runs, first):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "HOUSE1.yaml").write_text(HOUSE_RULE.replace("WORD", "gizmo"), encoding="utf-8")
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
    parsed = {rule.id for rule in cachedata.decode(packs[0].read_bytes().split(b"\n", 1)[1])}  # MAC line, JSON
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
