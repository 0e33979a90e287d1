"""Fuzzing the whole command with what a hostile repository controls: drafts,
config files and rule files (issue 17).  Whatever the input, tonelint answers
with findings (0/1) or a one-line error (2), never an internal error (exit 3).
Bounded budgets keep this a normal test; raise TONELINT_FUZZ_EXAMPLES to dig."""

from __future__ import annotations

import os

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("TONELINT_FUZZ_EXAMPLES", "25"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# Characters that mean something to one of the front ends or to YAML.
_MARKUP = list("<>&;#*_`[]()!-+=|\\/:\"'{}%@~^$\n\r\t ") + ["&amp;", "<!--", "-->", "---\n", "```", "> ", "\x00",
                                                            "\u2028", "\ufeff", "é", "😀"]
_WORDS = ["eyeballs", "target audience", "Buy now", "we", "our", "you", "Don't miss out", "ONLY!!!", "click here",
          "tonelint: ignore", "<!-- tonelint-disable -->", "Subject:", "Content-Type:", "charset=", "=?utf-8?q?",
          "base64", "quoted-printable", "=3D", "boundary="]
_TEXT = st.lists(st.one_of(st.sampled_from(_MARKUP), st.sampled_from(_WORDS), st.text(max_size=8)),
                 max_size=60).map("".join)


def no_internal_error(res) -> None:
    assert res.code in (0, 1, 2), (res.code, res.err)
    assert "internal error" not in res.err, res.err
    if res.code == 2:
        assert res.err.strip(), "exit 2 says why"


@FUZZ
@given(text=_TEXT, suffix=st.sampled_from([".md", ".txt", ".html", ".eml"]), raw=st.binary(max_size=64),
       binary=st.booleans())
def test_drafts_never_crash(cli, tmp_path, text, suffix, raw, binary):
    draft = tmp_path / f"fuzz{suffix}"
    draft.write_bytes(raw if binary else text.encode("utf-8", "surrogatepass"))
    no_internal_error(cli("--no-cache", "--no-score", "--format", "json", draft))


_SCALAR = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.floats(allow_nan=True, allow_infinity=True),
                    st.sampled_from(["TL1", "TL4O3", "ALL", "email", "off", "warning", "*.md", "", "rules", "/"]),
                    st.text(max_size=6))
_VALUE = st.recursive(_SCALAR, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                       st.dictionaries(st.text(max_size=6) | _SCALAR.filter(
                                                           lambda v: isinstance(v, str)), inner, max_size=3)),
                      max_leaves=8)
_CONFIG_KEYS = ["select", "ignore", "extend-select", "level", "fail-level", "rule-paths", "builtin", "brand",
                "vocabulary", "include", "exclude", "overrides", "channel", "channels", "model", "typo-key"]


def _dump(data) -> str:
    try:
        return yaml.safe_dump(data, allow_unicode=True)
    except (yaml.YAMLError, ValueError):
        return "{}\n"


@FUZZ
@given(data=st.dictionaries(st.sampled_from(_CONFIG_KEYS), _VALUE, max_size=5), junk=_TEXT, raw=st.booleans())
def test_config_files_never_crash(cli, tmp_path, data, junk, raw):
    cfg = tmp_path / ".tonelint.yaml"
    cfg.write_text(junk if raw else _dump(data), encoding="utf-8", errors="surrogatepass")
    draft = tmp_path / "d.md"
    draft.write_text("Our target audience will love our app. Buy now!\n", encoding="utf-8")
    no_internal_error(cli("--no-cache", "--no-score", "--config", cfg, draft))


_RULE = {
    "id": "HOUSE1", "name": "house-word", "family": "house-style", "kind": "existence", "level": "warning",
    "description": "Flags a house word.", "message": '"{match}" is not our word', "rationale": "Why.",
    "rewrite": "Say it plainly.", "match": {"phrases": ["WORD"]},
    "examples": {"bad": ["The WORD is here."], "good": ["The thing is here."]},
}
_RULE_KEYS = [*_RULE, "swap", "fix", "numerator", "denominator", "threshold", "smoothing", "signals", "min",
              "target", "before", "stack", "scope", "channels", "whole", "unless", "when"]
_BLOCK = st.fixed_dictionaries({}, optional={
    "phrases": st.lists(st.sampled_from(["WORD", "we", "", "a b"]) | st.text(max_size=5), max_size=3),
    "patterns": st.lists(st.lists(st.dictionaries(
        st.sampled_from(["LOWER", "IS_ALPHA", "OP", "TEXT", "REGEX", "POS", "lower", "_"]),
        st.sampled_from(["word", True, "?", "*", "+", "!", "{0,3}", "{0,200}", "{}", "{,}", "{2,}", 3, None])
        | _VALUE, max_size=2), max_size=3), max_size=2),
    "regex": st.sampled_from(["WORD", "(a+)+$", "[", "\\b"]) | st.text(max_size=5),
    "case": st.sampled_from(["sensitive", "insensitive", "odd"]),
    "measure": st.sampled_from(["sender", "nope"]),
})
_KIND = st.sampled_from(["existence", "substitution", "ratio", "required", "order", "nope"])


@FUZZ
@given(kind=_KIND, block=_BLOCK, changes=st.dictionaries(st.sampled_from(_RULE_KEYS), _VALUE, max_size=3),
       drop=st.lists(st.sampled_from(list(_RULE)), max_size=2), junk=_TEXT, raw=st.booleans())
def test_rule_files_never_crash(cli, tmp_path, kind, block, changes, drop, junk, raw):
    rule = {**_RULE, "kind": kind, "match": block or _RULE["match"]}
    if kind == "substitution":
        rule["swap"] = {"WORD": "thing"}
    if kind == "ratio":
        rule.update(numerator=block or _RULE["match"], denominator={"phrases": ["thing"]}, threshold=1)
    rule.update(changes)
    for key in drop:
        rule.pop(key, None)
    pack = tmp_path / "pack"
    pack.mkdir(exist_ok=True)
    (pack / "house.yaml").write_text(junk if raw else _dump(rule), encoding="utf-8", errors="surrogatepass")
    draft = tmp_path / "d.md"
    draft.write_text("The WORD is here, and the thing too. We like our WORD.\n", encoding="utf-8")
    no_internal_error(cli("--no-cache", "--no-score", "--rule-path", pack, draft))
    no_internal_error(cli("test-rules", pack))


@pytest.mark.parametrize("text", [
    "a: &a [*a]\n", "[" * 5000 + "]" * 5000, "- " * 3000 + "x\n", "a: !!python/object/apply:os.system [true]\n",
    "{" * 2000, "? [a]\n: b\n", "a: 1\na: 2\n", "\x00", "%YAML 9.9\n---\na: 1\n",
])
def test_yaml_edge_cases_in_config_and_rules(cli, tmp_path, text):
    """Seeds the fuzzers found worth keeping: recursion, depth, tags, duplicate keys."""
    cfg = tmp_path / ".tonelint.yaml"
    cfg.write_text(text, encoding="utf-8")
    draft = tmp_path / "d.md"
    draft.write_text("Hello there.\n", encoding="utf-8")
    no_internal_error(cli("--no-cache", "--config", cfg, draft))
    (tmp_path / "pack").mkdir(exist_ok=True)
    (tmp_path / "pack" / "r.yaml").write_text(text, encoding="utf-8")
    no_internal_error(cli("--no-cache", "--rule-path", tmp_path / "pack", draft))
