import os
from pathlib import Path

import pytest

import tonelint

ROOT = Path(__file__).resolve().parent.parent


def test_builtin_rules_and_lists_are_found():
    from tonelint.rules.loader import builtin_dir, load_rules

    rules = load_rules()
    assert {r.family for r in rules} == {"audience", "one-way", "listening", "ask"}
    shipped = {p.name for p in builtin_dir().glob("*.yaml")} | {p.name for p in (builtin_dir() / "lists").glob("*.txt")}
    in_repo = {p.name for p in (ROOT / "rules").glob("*.yaml")} | {p.name for p in (ROOT / "rules/lists").glob("*.txt")}
    assert shipped == in_repo


@pytest.mark.skipif(not os.environ.get("TONELINT_EXPECT_INSTALLED"),
                    reason="set by .ci/run, which tests a non-editable install")
def test_ci_tests_the_installed_wheel_not_the_checkout():
    """A packaging mistake (the rule pack or a schema left out of the wheel)
    must fail CI, so CI must import tonelint from site-packages."""
    from tonelint.rules.loader import builtin_dir

    package = Path(tonelint.__file__).resolve().parent
    assert "site-packages" in package.parts
    assert builtin_dir().resolve() == package / "_rules"
    assert (package / "rules" / "schema" / "rule.schema.json").is_file()


def test_cli_stdin_reports_and_fails(cli):
    res = cli("-", stdin="Buy now and save 30%! Our blender crushes ice.")
    assert res.code == 1
    assert "-:1:1: TL401 warning" in res.out


def test_every_package_folder_ships_in_the_wheel():
    """pyproject lists packages by name: a new folder left off the list works
    from the checkout and is missing from the wheel."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    folders = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "tonelint").rglob("__init__.py")}
    assert folders and folders <= listed, sorted(folders - listed)
