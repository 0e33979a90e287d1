"""Inline suppressions written in drafts, through the real CLI."""

from __future__ import annotations

import json

import pytest


def found(cli, *args):
    res = cli("--format", "json", "--isolated", *[str(a) for a in args])
    return res, [(f["rule"], f["line"]) for f in json.loads(res.out)]


def test_markdown_region_silences_one_rule_until_enabled(cli, write):
    draft = write("d.md", (
        "<!-- tonelint-disable TL101 -->\n\n"
        "Our target audience is busy parents. Our target market is bakers.\n\n"
        "<!-- tonelint-enable -->\n\n"
        "The target audience loves bread.\n"
    ))
    _, hits = found(cli, draft)
    assert [h for h in hits if h[0] == "TL101"] == [("TL101", 7)]


def test_region_for_one_rule_leaves_others_alone(cli, write):
    draft = write("d.md", "<!-- tonelint-disable TL101 -->\n\nOur target audience loves our industry-leading bread.\n")
    _, hits = found(cli, draft)
    assert ("TL101", 3) not in hits and ("TL203", 3) in hits


def test_disable_without_ids_silences_everything(cli, write):
    draft = write("d.md", "<!-- tonelint-disable -->\n\nOur target audience loves our industry-leading bread.\n")
    res, hits = found(cli, draft)
    assert hits == [] and res.code == 0


# Each draft: where TL203 still fires once its suppressions have applied.
TL203_SUPPRESSED = {
    "next-line-only": ("d.md", "Some intro text for the page.\n<!-- tonelint-disable-next-line TL203 -->\n"
                               "Our industry-leading bread.\nOur industry-leading cakes.\n", [4]),
    "plain-ignore-forms": ("d.txt", "tonelint: ignore TL203\nOur industry-leading bread.\n"
                                    "Our world-class cakes. # tonelint: ignore TL203\nOur revolutionary pies.\n", [4]),
    "plain-region": ("d.txt", "tonelint: disable TL203\n\nOur industry-leading bread.\n\n"
                              "tonelint: enable TL203\n\nOur revolutionary pies.\n", [7]),
}


@pytest.mark.parametrize("name", TL203_SUPPRESSED)
def test_suppression_forms_leave_only_the_expected_lines(cli, write, name):
    filename, text, lines = TL203_SUPPRESSED[name]
    _, hits = found(cli, write(filename, text))
    assert [line for rule, line in hits if rule == "TL203"] == lines


def test_prefix_ids_work(cli, write):
    draft = write("d.md", "<!-- tonelint-disable-next-line TL2 -->\nOur industry-leading bread!!!\n")
    _, hits = found(cli, draft)
    assert not [h for h in hits if h[0].startswith("TL2")]


def test_unused_suppressions_are_reported_only_when_asked(cli, write):
    draft = write("d.md", (
        "<!-- tonelint-disable-next-line TL203 -->\n"
        "Our industry-leading bread.\n\n"
        "<!-- tonelint-disable-next-line TL101 -->\n"
        "Fresh bread every morning, baked by hand. What would you like us to bake next?\n"
    ))
    res, hits = found(cli, draft)
    assert res.code == 0 and hits == []
    res = cli("--format", "json", "--isolated", "--report-unused-suppressions", draft)
    items = json.loads(res.out)
    assert res.code == 1
    assert [(i["rule"], i["line"], i["column"]) for i in items] == [("TL001", 4, 1)]
    assert items[0]["message"] == "unused suppression for TL101"
    assert items[0]["matched"] == "<!-- tonelint-disable-next-line TL101 -->"


def test_unused_suppression_names_a_rule_that_is_not_active(cli, write):
    draft = write("d.md", "<!-- tonelint-disable-next-line TL999 -->\nFresh bread every morning.\n")
    res = cli("--isolated", "--no-score", "--report-unused-suppressions", draft)
    assert res.code == 1
    assert "d.md:1:1: TL001 warning  unused suppression for TL999 (TL999 is not active here)" in res.out
