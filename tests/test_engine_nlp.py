"""Token patterns that test what only a trained pipeline sets (POS, TAG, DEP,
LEMMA …): refused with one line under the blank pipeline, where they would
silently match nothing, and run when the config names a pipeline that sets
them.  The "trained" pipeline here is a blank one with an initialised tagger
whose only label is NN, so it tags every token NN: enough to prove that the
attribute reaches the matcher, with no download."""

from __future__ import annotations

import pytest

RULE = """\
id: TL950
name: our-nouns
family: audience
kind: existence
level: warning
description: A team rule that needs part-of-speech tags.
message: '"{match}"'
rationale: Test rule.
rewrite: Test rewrite.
match:
  patterns:
    - [{LOWER: our}, {ATTR: NN}]
"""


@pytest.fixture(scope="module")
def tagger_pipeline(tmp_path_factory):
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    nlp.add_pipe("tagger").add_label("NN")
    nlp.initialize()
    path = tmp_path_factory.mktemp("pipeline") / "tagger-nn"
    nlp.to_disk(path)
    return path


@pytest.mark.parametrize("attr,value", [("TAG", "NN"), ("POS", "NOUN"), ("DEP", "nsubj"), ("LEMMA", "user"),
                                        ("lemma", "user")])  # spaCy takes lower-case names too
def test_blank_pipeline_refuses_a_rule_that_needs_annotations(cli, write, tmp_path, attr, value):
    rule = write("pack/TL950-our-nouns.yaml", RULE.replace("{ATTR: NN}", f"{{{attr}: {value}}}"))
    draft = write("draft.md", "Our users love it.\n")
    result = cli("check", "--isolated", "--rule-path", str(rule.parent), str(draft))
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"{rule}: TL950: token patterns test {attr.upper()}, which the pipeline leaves empty")
    assert "model:" in lines[0]


def test_entity_types_are_refused_with_any_pipeline(cli, write):
    rule = write("pack/TL950-our-nouns.yaml", RULE.replace("{ATTR: NN}", "{ENT_TYPE: ORG}"))
    draft = write("draft.md", "Our Acme loves it.\n")
    result = cli("check", "--isolated", "--rule-path", str(rule.parent), str(draft))
    assert result.code == 2
    assert "never runs entity recognition" in result.err


def test_a_configured_pipeline_with_a_tagger_runs_the_rule(cli, write, tagger_pipeline):
    write("pack/TL950-our-nouns.yaml", RULE.replace("{ATTR: NN}", "{TAG: NN}"))
    config = write(".tonelint.yaml", f"model: {tagger_pipeline}\nrule-paths: [pack]\nselect: [TL950]\n")
    draft = write("draft.md", "Our users love it.\n")
    result = cli("check", "--config", str(config), "--no-score", "--format", "json", str(draft))
    assert result.code == 1, result.err
    assert '"rule": "TL950"' in result.out and '"matched": "Our users"' in result.out
    # The same rule without the pipeline is refused, so the tagger made the difference.
    config.write_text("rule-paths: [pack]\nselect: [TL950]\n", encoding="utf-8")
    assert cli("check", "--config", str(config), str(draft)).code == 2
