"""Someone else's words (engine/quotes.py): one definition of a quotation
attributed to another person, which rules read as `quoted: true`."""

from __future__ import annotations

import pytest

from tonelint.api import check_text
from tonelint.engine.core import Engine
from tonelint.errors import RuleError
from tonelint.rules.loader import load_file
from tonelint.source.files import SourceFile

_RULE = ("id: ACME7\nfamily: house\nkind: existence\nmessage: m\nrationale: r\n"
         "match: {phrases: [synergy]}\nunless: {sentence: {quoted: true}}\n")


def _team_rule(tmp_path, text: str = _RULE) -> Engine:
    rule = tmp_path / "ACME7.yaml"
    rule.write_text(text, encoding="utf-8")
    return Engine(load_file(rule))


def _found(engine: Engine, text: str) -> list[str]:
    result = engine.check(SourceFile(path="a.md", text=text, format="markdown"))
    return [text[d.start:d.end] for d in result.diagnostics]


@pytest.mark.parametrize("text", [
    '"The synergy between the two teams is real," says Dana Lee of Globex.\n',
    '"The synergy between the two teams is real," said Dana Lee.\n',
    '"Real synergy, finally" - Dana Lee, Globex\n',
    '“Real synergy, finally” — a reader in Leeds\n',
])
def test_a_team_rule_leaves_an_attributed_quote_alone(tmp_path, text):
    assert _found(_team_rule(tmp_path), text) == []


@pytest.mark.parametrize("text", [
    "Our synergy is the best.\n",
    # quotation marks around the sender's own word, nobody named for them
    'We call it "synergy" - and we mean it.\n',
])
def test_the_senders_own_words_are_still_found(tmp_path, text):
    assert _found(_team_rule(tmp_path), text) == ["synergy"]


def test_quoted_is_a_boolean(tmp_path):
    with pytest.raises(RuleError, match="quoted"):
        _team_rule(tmp_path, _RULE.replace("quoted: true", "quoted: often"))


@pytest.mark.parametrize("rule, text", [
    ("TL202", '"We are thrilled to announce our partnership with the league" - Dana Lee, Globex\n'),
    ("TL203", '"Our team calls it the most revolutionary scheduler we have tried" - Dana Lee, Globex\n'),
    ("TL210", '"Ours is the leading copilot platform for finance teams," says Dana Lee of Globex.\n'),
])
def test_built_in_rules_leave_a_partners_words_alone(rule, text):
    # TL202 and TL203 took the "says" form only; a signed testimonial was the sender's claim.
    assert rule not in {d.rule for d in check_text(text, fmt="markdown").diagnostics}
    unquoted = text.split('"')[1] + ".\n"
    assert rule in {d.rule for d in check_text(unquoted, fmt="markdown").diagnostics}
