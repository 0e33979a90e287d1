"""The matcher bank's fast paths give exactly what the slow, obvious code
gives: phrases keyed from one Doc of all of them, as a Doc per phrase would."""

from __future__ import annotations

import json

from tonelint.engine import phrasecache
from tonelint.engine.matching import phrase_tokens
from tonelint.engine.nlp import load_pipeline
from tonelint.rules.loader import load_rules

AWKWARD = ["sign-up", "e-mail", "don't", "U.S.", "can't wait", "world-class", "#1", "100%", "a  b", "“quoted”",
           "(really)", "Dr. Who", "etc.", "LOL!!!", " leading space", "trailing space ", "two\nlines", "ACME Inc.",
           "Café", "naïve", "👍 great", "...", "sign-up", "LOL!!!"]


def test_phrases_key_on_what_a_doc_per_phrase_gives():
    nlp = load_pipeline(None)
    phrases = [p for r in load_rules() for b in r.blocks() for p in b.phrases] + AWKWARD
    assert len(phrases) > 500
    want = []
    for p in phrases:
        doc = nlp.make_doc(p)
        want.append(([t.lower for t in doc], [t.orth for t in doc]))
    assert phrase_tokens(nlp, phrases, cached=False) == want
    assert phrase_tokens(nlp, []) == []


def test_phrase_ids_are_kept_in_the_users_cache_and_a_bad_file_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("TONELINT_NO_USER_CACHE", raising=False)
    nlp = load_pipeline(None)
    phrases = ["target audience", "sign-up", "our users", "Café"]
    want = phrase_tokens(nlp, phrases, cached=False)
    assert phrase_tokens(nlp, phrases) == want  # computed and stored
    [stored] = (tmp_path / "tonelint").glob("phrases-*.json")
    assert phrasecache.load(stored.name[len("phrases-"):-len(".json")]) is not None
    assert phrase_tokens(nlp, phrases) == want  # read back

    # Tampered or damaged: ignored, computed again, never trusted.
    data = json.loads(stored.read_text(encoding="utf-8"))
    data["target audience"] = [[1], "x"]
    stored.write_text(json.dumps(data), encoding="utf-8")
    assert phrase_tokens(nlp, phrases) == want
    stored.write_text("{not json", encoding="utf-8")
    assert phrase_tokens(nlp, phrases) == want
    stored.unlink()
    stored.symlink_to(tmp_path / "elsewhere.json")
    (tmp_path / "elsewhere.json").write_text(json.dumps({p: [[0], [0]] for p in phrases}), encoding="utf-8")
    assert phrase_tokens(nlp, phrases) == want  # a symlink is not followed
    # Other phrases are another file.
    assert phrase_tokens(nlp, phrases + ["eyeballs"])[:4] == want
