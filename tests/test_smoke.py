from pathlib import Path

import tonelint


def test_builtin_rules_come_from_the_installed_package():
    from tonelint.ruleset import builtin_dir, load_rules

    rules = load_rules()
    assert {r.family for r in rules} == {"audience", "one-way", "listening", "ask"}
    # The pack must be found inside the package (tonelint/_rules), not in a checkout.
    assert builtin_dir().name in ("_rules", "rules")
    assert (builtin_dir() / "TL101-target-audience.yaml").is_file()


def test_cli_stdin_reports_and_fails(cli):
    res = cli("-", stdin="Buy now and save 30%! Our blender crushes ice.")
    assert res.code == 1
    assert "-:1:1: TL401 warning" in res.out
