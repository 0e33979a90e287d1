"""Configuration through the real CLI on temporary trees: discovery, overrides,
vocabulary, channels, strict validation."""

from __future__ import annotations

import json

import pytest

PUSHY = "Buy now and save 30%! Our blender crushes ice in seconds.\n"
PROUD = "We are proud to announce our new blender. It crushes ice in seconds.\n"


def rules_in(res) -> list[str]:
    return [f["rule"] for f in json.loads(res.out)]


def check(cli, *args):
    return cli("--format", "json", *[str(a) for a in args])


def test_yaml_config_is_found_upward_from_the_draft(cli, write):
    write(".tonelint.yaml", "ignore: [TL4]\n")
    draft = write("campaigns/spring/draft.md", PUSHY)
    assert "TL401" not in rules_in(check(cli, draft))
    assert "TL401" in rules_in(check(cli, "--isolated", draft))


def test_nearest_config_wins_and_pyproject_section_counts(cli, write):
    write("tonelint.yaml", "ignore: [TL4]\n")
    write("sub/pyproject.toml", "[project]\nname = 'x'\n\n[tool.tonelint]\nignore = ['TL2']\n")
    top = write("top.md", PUSHY + PROUD)
    sub = write("sub/draft.md", PUSHY + PROUD)
    top_rules, sub_rules = rules_in(check(cli, top)), rules_in(check(cli, sub))
    assert "TL401" not in top_rules and "TL202" in top_rules
    assert "TL401" in sub_rules and "TL202" not in sub_rules


def test_pyproject_without_a_tonelint_section_is_not_a_config(cli, write):
    write("tonelint.yaml", "ignore: [TL4]\n")
    write("sub/pyproject.toml", "[project]\nname = 'x'\n")
    assert "TL401" not in rules_in(check(cli, write("sub/draft.md", PUSHY)))


def test_config_flag_replaces_discovery(cli, write, tmp_path):
    write(".tonelint.yaml", "ignore: [TL4]\n")
    other = write("elsewhere/strict.yaml", "select: [TL4]\n")
    draft = write("draft.md", PUSHY + PROUD)
    found = rules_in(check(cli, "--config", other, draft))
    assert "TL401" in found and "TL202" not in found


def test_command_line_beats_config(cli, write):
    write(".tonelint.yaml", "select: [TL2]\nfail-level: error\n")
    draft = write("draft.md", PUSHY + PROUD)
    res = check(cli, "--select", "TL4", draft)
    assert "TL401" in rules_in(res) and "TL202" not in rules_in(res)
    assert res.code == 0  # config's fail-level: error, findings are warnings
    assert check(cli, "--select", "TL4", "--fail-level", "warning", draft).code == 1


def test_level_override_and_off(cli, write):
    write(".tonelint.yaml", "level:\n  TL401: error\n  TL202: off\n")
    res = check(cli, write("draft.md", PUSHY + PROUD))
    levels = {f["rule"]: f["level"] for f in json.loads(res.out)}
    assert levels.get("TL401") == "error"
    assert "TL202" not in levels


@pytest.mark.parametrize("name,text,line,expect", [
    (".tonelint.yaml", "ignore: [TL4]\nselct: [TL1]\n", 2, "selct: unknown key in configuration; did you mean 'select'?"),
    (".tonelint.yaml", "vocabulary:\n  acept: [Segment]\n", 2, "acept: unknown key in vocabulary; did you mean 'accept'?"),
    (".tonelint.yaml", "fail-level: loud\n", 1, "fail-level: unknown level 'loud'"),
    (".tonelint.yaml", "select: [TL999]\n", 1, "select: 'TL999' matches no rule"),
    (".tonelint.yaml", "overrides:\n  - files: ['a/**']\n    ignroe: [TL2]\n", 3, "ignroe: unknown key in overrides"),
    (".tonelint.yaml", "brand: {a: 1}\n", 1, "brand: must be text/list"),
    (".tonelint.yaml", "channels:\n  social:\n    TL402: {stak: {max: 1}}\n", 3, "stak: unknown key in channels.social"),
    ("pyproject.toml", "[project]\nname = 'x'\n\n[tool.tonelint]\nselect = ['TL1']\nextend-slect = ['TL2']\n", 6,
     "extend-slect: unknown key in configuration; did you mean 'extend-select'?"),
])
def test_bad_config_is_one_line_with_file_and_line(cli, write, name, text, line, expect):
    cfg = write(name, text)
    res = cli(write("draft.md", PUSHY))
    assert res.code == 2
    lines = res.err.strip().splitlines()
    assert len(lines) == 1, res.err
    assert lines[0].startswith(f"{cfg}:{line}: "), res.err
    assert expect in lines[0]


def test_silence_one_rule_family_for_one_folder(cli, write):
    write(".tonelint.yaml", "overrides:\n  - files: ['docs/legal/**']\n    ignore: [TL2]\n")
    legal = write("docs/legal/terms.md", PROUD)
    news = write("docs/news/launch.md", PROUD)
    res = check(cli, legal.parent.parent)
    by_path = {}
    for f in json.loads(res.out):
        by_path.setdefault(f["path"], []).append(f["rule"])
    assert "TL202" in by_path[str(news)]
    assert not [r for r in by_path.get(str(legal), []) if r.startswith("TL2")]


def test_per_path_ignore_wins_over_an_explicit_select(cli, write):
    write(".tonelint.yaml", "select: [TL202]\noverrides:\n  - files: ['legal']\n    ignore: [TL2]\n")
    assert rules_in(check(cli, write("legal/terms.md", PROUD))) == []


def test_accepted_product_name_is_not_flagged_but_the_verb_still_is(cli, write):
    text = "Segment users can now export orders. We segment our audience by spending.\n"
    draft = write("draft.md", text)
    before = json.loads(check(cli, draft).out)
    assert [f["matched"] for f in before if f["rule"] == "TL108"] == ["Segment users", "segment our audience"]
    write(".tonelint.yaml", "vocabulary:\n  accept: [Segment]\n")
    after = json.loads(check(cli, draft).out)
    assert [f["matched"] for f in after if f["rule"] == "TL108"] == ["segment our audience"]


def test_rejected_terms_become_tl901_with_the_preferred_word(cli, write):
    write(".tonelint.yaml", "vocabulary:\n  reject:\n    synergy: working together\n")
    res = check(cli, write("draft.md", "Our synergy with you matters. Tell us what you think?\n"))
    found = [f for f in json.loads(res.out) if f["rule"] == "TL901"]
    assert len(found) == 1 and found[0]["matched"] == "synergy"
    assert found[0]["family"] == "vocabulary"
    assert "working together" in found[0]["message"]
    assert found[0]["fix_applicability"] == "unsafe"


def test_plain_reject_list_and_ignoring_it(cli, write):
    write(".tonelint.yaml", "vocabulary:\n  reject: [touch base]\n")
    draft = write("draft.md", "Let's touch base next week about your order.\n")
    assert "TL901" in rules_in(check(cli, draft))
    assert "TL901" not in rules_in(check(cli, "--ignore", "TL901", draft))


def test_brand_names_count_as_sender_words(cli, write):
    # "from Acme", never "Acme makes …": the name is not the draft's subject, so only the
    # configuration makes it the sender (engine/genre.py finds subjects on its own).
    text = ("Fresh bread from Acme. " * 6 + "The bakery opens at eight and the ovens run all day long. " * 5 +
            "Loaves from Acme reach every town in the valley, baked by hand at Acme. Shop now.\n")
    draft = write("draft.md", text)
    assert "TL201" not in rules_in(check(cli, draft))
    write(".tonelint.yaml", "brand: [Acme]\n")
    assert "TL201" in rules_in(check(cli, draft))


SOCIAL = "A tip for new bakers: proof the dough overnight. Try it now, and register today for the class.\n"


def test_channel_from_config_front_matter_and_flag(cli, write):
    draft = write("post.md", SOCIAL)
    assert "TL402" not in rules_in(check(cli, draft))  # email: two asks are fine
    write(".tonelint.yaml", "channel: social\n")
    assert "TL402" in rules_in(check(cli, draft))  # social: one ask at most
    fm = write("fm.md", "---\nchannel: email\n---\n" + SOCIAL)
    assert "TL402" not in rules_in(check(cli, fm))  # the draft's front matter beats the config
    assert "TL402" in rules_in(check(cli, "--channel", "social", fm))  # the flag beats the front matter


def test_channel_per_path(cli, write):
    write(".tonelint.yaml", "overrides:\n  - files: ['social/**']\n    channel: sms\n")
    assert "TL402" in rules_in(check(cli, write("social/post.md", SOCIAL)))
    assert "TL402" not in rules_in(check(cli, write("mail/post.md", SOCIAL)))


def test_unknown_channel_is_a_config_error(cli, write):
    cfg = write(".tonelint.yaml", "channel: tweet\n")
    res = cli(write("post.md", SOCIAL))
    assert res.code == 2 and res.err.startswith(str(cfg)) and "unknown channel 'tweet'" in res.err
    res = cli("--isolated", "--channel", "socal", write("p2.md", SOCIAL))
    assert res.code == 2 and res.err.strip() == "--channel: unknown channel 'socal'; did you mean 'social'?"


def test_test_rules_refuses_an_unknown_channel(cli):
    """Unchecked, a typo tested the examples under the default profile and passed."""
    res = cli("test-rules", "--channel", "socal")
    assert res.code == 2 and res.err.strip() == "--channel: unknown channel 'socal'; did you mean 'social'?"
    assert res.out == ""


def test_config_channel_tweak_makes_a_channel_stricter(cli, write):
    write(".tonelint.yaml", "channel: email\nchannels:\n  email:\n    TL402: {stack: {max: 1, window: 5}}\n")
    assert "TL402" in rules_in(check(cli, write("post.md", SOCIAL)))


def test_team_rule_paths_beside_or_instead_of_builtins(cli, write):
    write("pack/ACME1.yaml", TEAM_RULE)
    draft = write("draft.md", "Hey guys, buy now!\n")
    write(".tonelint.yaml", "rule-paths: [pack]\n")
    found = rules_in(check(cli, draft))
    assert "ACME1" in found and "TL401" in found
    write(".tonelint.yaml", "rule-paths: [pack]\nbuiltin: false\n")
    assert rules_in(check(cli, draft)) == ["ACME1"]


def test_missing_rule_path_is_reported_with_its_line(cli, write):
    cfg = write(".tonelint.yaml", "brand: [Acme]\nrule-paths: [nowhere]\n")
    res = cli(write("draft.md", PUSHY))
    assert res.code == 2 and res.err.startswith(f"{cfg}:2: rule-paths: 'nowhere' does not exist")


def test_exclude_and_include_apply_to_folder_walks_not_named_files(cli, write, tmp_path):
    write(".tonelint.yaml", "exclude: ['archive/**']\ninclude: ['*.md', '*.mdx']\n")
    kept = write("drafts/a.md", PUSHY)
    mdx = write("drafts/b.mdx", PUSHY)
    txt = write("drafts/c.txt", PUSHY)
    old = write("archive/old.md", PUSHY)
    paths = {f["path"] for f in json.loads(check(cli, tmp_path).out)}
    assert str(kept) in paths and str(mdx) in paths
    assert str(old) not in paths and str(txt) not in paths
    assert str(old) in {f["path"] for f in json.loads(check(cli, old).out)}


def test_one_engine_per_distinct_setting(write):
    from tonelint.run.options import RunOptions
    from tonelint.run.runner import Runner

    write(".tonelint.yaml", "overrides:\n  - files: ['legal/**']\n    ignore: [TL2]\n")
    a, b, c = write("x/a.md", PUSHY), write("x/b.md", PUSHY), write("legal/c.md", PUSHY)
    runner = Runner(RunOptions(paths=[]))
    assert runner.engine_for(str(a)) is runner.engine_for(str(b))
    assert runner.engine_for(str(a)) is not runner.engine_for(str(c))


TEAM_RULE = """\
id: ACME1
family: house-style
kind: substitution
message: '"{match}" leaves readers out; write "{replacement}"'
rationale: Not every reader is a guy.
match:
  phrases: [hey guys]
swap:
  hey guys: hi everyone
fix: safe
examples:
  bad: [Hey guys, the menu is here.]
  good: [Hi everyone, the menu is here.]
"""


def test_yaml_on_off_yes_no_keys_stay_words():
    """YAML 1.1 reads `no:`/`off:` as booleans; in rule and config files they are words."""
    from tonelint.errors import RuleError
    from tonelint.rules.yamlfile import load_yaml

    data = load_yaml("swap:\n  on: upon\n  yes: sure\n  no: nope\nsms: {off: true}\nflag: yes\n", "f.yaml", RuleError)
    assert data == {"swap": {"on": "upon", "yes": "sure", "no": "nope"}, "sms": {"off": True}, "flag": True}


@pytest.mark.parametrize("config, flags", [
    ("select: [TL1]\nextend-select: [TL2]\n", ()),
    ("select: [TL1]\n", ("--extend-select", "TL2")),
])
def test_extend_select_adds_to_the_selection(cli, write, config, flags):
    write(".tonelint.yaml", config)
    draft = write("d.md", "Our target audience will love it. We are thrilled to announce it. Buy now!\n")
    res = cli("--format", "json", *flags, draft)
    rules = {f["rule"] for f in json.loads(res.out)}
    assert "TL101" in rules and "TL202" in rules
    assert not any(r.startswith("TL4") for r in rules)


PRESS = ("Globex today announced a new planner. It sorts your week for you, so you start Monday with a list. "
         "Sign up today and try it.\n")
PROMO = ("Our spring planner is here, with forty templates for busy weeks and a weekly review page. "
         "It comes in three colours and ships from Monday to every country we serve. "
         "Shop now and get 20% off with the code SPRING. Follow us for more.\n")
TWO_ASKS = "Try our planner. Sign up today. Follow us for tips.\n"


@pytest.mark.parametrize("channel, draft, present, absent", [
    # A press release may say "today announced" (a suggestion only), but it still needs a reader angle.
    ("press-release", PRESS, set(), {"TL204"}),
    (None, PRESS, {"TL204"}, set()),
    # A post still opens a conversation (TL301 judges it), with one ask at most.
    ("social", PROMO, {"TL301"}, set()),
    (None, PROMO, {"TL301"}, set()),
    ("social", TWO_ASKS, {"TL402"}, set()),
    (None, TWO_ASKS, set(), {"TL402"}),
    # A landing page may repeat its call to action.
    ("landing-page", "Sign up. Sign up today. Shop now. Buy now.\n", set(), {"TL402"}),
    (None, "Sign up. Sign up today. Shop now. Buy now.\n", {"TL402"}, set()),
])
def test_channel_presets(cli, write, channel, draft, present, absent):
    path = write("d.md", draft)
    flags = ("--channel", channel) if channel else ()
    res = cli("--isolated", "--format", "json", *flags, path)
    warned = {f["rule"] for f in json.loads(res.out) if f["level"] != "suggestion"}
    assert present <= warned and not (absent & warned), warned


# A README's sponsor section: it promotes and asks, and never asks the reader anything.
_SPONSORS = ("## Sponsors\n\nSupport our work this winter. Donate today and help the two volunteers "
             "behind the parser keep shipping a release every month.\n")


def test_a_readme_reads_as_the_readme_channel_with_no_listening_requirement(cli, write):
    readme = write("project/README.md", _SPONSORS)
    notes = write("project/sponsors.md", _SPONSORS)
    assert "TL301" not in rules_in(check(cli, readme))
    assert "TL301" in rules_in(check(cli, notes))  # the same words elsewhere are a pitch
    # the command line and the front matter name the channel before the file name does
    assert "TL301" in rules_in(check(cli, "--channel", "email", readme))
    fronted = write("project/docs/README.md", "---\nchannel: landing-page\n---\n" + _SPONSORS)
    assert "TL301" in rules_in(check(cli, fronted))


# A README's community section: the project's channels, one per line.
_COMMUNITY = ("## Community\n\n- Join our Slack workspace\n- Follow us on Mastodon\n- Follow us on LinkedIn\n"
              "- Subscribe to our newsletter\n")


def test_a_readme_lists_its_channels_without_a_stack_of_asks(cli, write):
    """Blind editors called TL402 on a README's community links navigation, not stacked asks."""
    assert "TL402" not in rules_in(check(cli, write("project/README.md", _COMMUNITY)))
    assert "TL402" in rules_in(check(cli, write("project/launch.md", _COMMUNITY)))
