"""The matcher bank's fast paths give exactly what the slow, obvious code
gives: phrases keyed from one Doc of all of them, as a Doc per phrase would."""

from __future__ import annotations

from tonelint.engine.matching import phrase_tokens
from tonelint.engine.nlp import load_pipeline
from tonelint.rules.loader import load_rules

AWKWARD = ["sign-up", "e-mail", "don't", "U.S.", "can't wait", "world-class", "#1", "100%", "a  b", "“quoted”",
           "(really)", "Dr. Who", "etc.", "LOL!!!", " leading space", "trailing space ", "two\nlines", "ACME Inc.",
           "Café", "naïve", "👍 great", "...", "sign-up", "LOL!!!"]


def test_phrases_key_on_what_a_doc_per_phrase_gives():
    nlp = load_pipeline(None)
    phrases = [p for r in load_rules() for b in r.blocks() for p in b.phrases] + AWKWARD
    assert len(phrases) > 1000
    want = []
    for p in phrases:
        doc = nlp.make_doc(p)
        want.append(([t.lower for t in doc], [t.orth for t in doc]))
    assert phrase_tokens(nlp, phrases) == want
    assert phrase_tokens(nlp, []) == []
