"""The matcher bank's fast paths give exactly what the slow, obvious code
gives: phrases keyed from one Doc of all of them, as a Doc per phrase would."""

from __future__ import annotations

import json
from pathlib import Path

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from tonelint.engine import phrasecache
from tonelint.engine.matching import phrase_tokens
from tonelint.engine.nlp import load_pipeline
from tonelint.engine.tokenfacts import DocArrays, SentenceRule
from tonelint.rules.loader import load_rules
from conftest import SHARED, house_rule, run_cli

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



SENTENCE_CASES = [
    "", " ", "Hello", "Hello world. How are you? Fine!", "Wait... what?! Really?!?", "e.g. this. U.S. policy. Dr. Who.",
    "“Quoted.” Then (aside.) next.", "No stop at all", "?!", "... . ? !", "One.Two three.", "Ends with a period.",
    "So — who knows？ 我们。然后", "Version 3.5.1 is out. Get it!", "Hi!!!\n\nNew line. ", "A.\n\nB", "Ok ‼ next ⁉ last",
]


def _component_sentences(nlp, text):
    """What Doc.sents gives after the whole pipeline (tokenizer + Sentencizer)."""
    return [(s.start, s.end, s.start_char, s.end_char) for s in nlp(text).sents] if text else []


def test_the_sentencizers_rule_on_token_columns_gives_the_components_sentences():
    """tokenfacts.SentenceRule on a Doc fresh from the tokenizer gives the
    Sentencizer component's sentences: awkward cases, every paragraph of the
    bundled examples, every example of the built-in rules and every
    paragraph of ../shared/eval-modern when it is there."""
    nlp = load_pipeline(None)
    rule = SentenceRule.for_pipeline(nlp)
    assert rule is not None
    texts = list(SENTENCE_CASES) + AWKWARD
    for path in sorted((Path(__file__).parent.parent / "examples").rglob("*.md")):
        texts += path.read_text(encoding="utf-8").split("\n\n")
    for r in load_rules():
        texts += [str(x) for x in r.examples.get("bad", []) + r.examples.get("good", [])]
    assert len(texts) > 200
    modern = SHARED / "eval-modern" / "corpus.jsonl"
    if modern.is_file():  # real copy nobody on the team wrote, when ../shared is there
        texts += [p for line in modern.read_text(encoding="utf-8").splitlines()
                  for p in json.loads(line)["text"].split("\n\n")]
    for text in texts:
        assert rule.spans(nlp.make_doc(text)) == _component_sentences(nlp, text), text
        fast, slow = DocArrays(nlp.make_doc(text), rule), DocArrays(nlp(text))
        assert (fast.starts, fast.words) == (slow.starts, slow.words), text


_PIECES = ["word", "Hello", "e.g.", "U.S.", ".", "!", "?", "...", "?!", "‼", "。", "(", ")", "\"", "“", "”", "-", "—",
           "3.5", "don't", "\n", "\n\n", "；", "．", "www.x.com", ":)", "’", "？", "!word", "end.", "x?y"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(["", " ", "  ", "\t"])), max_size=30))
def test_the_sentencizers_rule_on_generated_text(parts):
    nlp = load_pipeline(None)
    text = "".join(p + gap for p, gap in parts)
    assert SentenceRule.for_pipeline(nlp).spans(nlp.make_doc(text)) == _component_sentences(nlp, text)


def test_only_the_tokenizer_plus_spacys_sentencizer_gets_the_rule():
    """Any other pipeline runs as it is (a trained one sets its own sentences)."""
    nlp = spacy.blank("en")
    assert SentenceRule.for_pipeline(nlp) is None
    nlp.add_pipe("sentencizer")
    assert SentenceRule.for_pipeline(nlp) is not None
    nlp.add_pipe("merge_noun_chunks")
    assert SentenceRule.for_pipeline(nlp) is None


def test_a_token_pattern_on_sentence_starts_still_matches(tmp_path):
    """The Matcher reads IS_SENT_START: a Doc it reads gets the component's annotation."""
    pack = tmp_path / "pack"
    pack.mkdir()
    rule = house_rule("patterns: [[{IS_SENT_START: true, LOWER: gizmo}]]").replace("The WORD is here.", "Gizmo is here.")
    (pack / "HOUSE1.yaml").write_text(rule, encoding="utf-8")
    draft = tmp_path / "d.md"
    draft.write_text("Gizmo first. Then a gizmo inside. A gizmo again! Gizmo last?\n", encoding="utf-8")
    res = run_cli("--isolated", "--no-cache", "--jobs", "1", "--select", "HOUSE1", "--rule-path", str(pack),
                  "--format", "json", str(draft))
    assert res.code == 1, res.err
    assert [(d["column"], d["matched"]) for d in json.loads(res.out)] == [(1, "Gizmo"), (50, "Gizmo")]


def test_the_token_pattern_gate_never_skips_a_paragraph_the_matcher_matches():
    """MatcherGate is a necessary condition: wherever spaCy's Matcher finds a
    built-in token pattern, the gate lets the paragraph through, with the
    bank's RE2 set answering its quick test and with the Python fallback."""
    from tonelint.api import default_engine

    bank = default_engine().bank
    assert bank.has_patterns and bank.gate_set is not None
    nlp = bank.nlp
    texts = [x for r in load_rules() for x in r.examples.get("bad", []) + r.examples.get("good", [])]
    for path in sorted((Path(__file__).parent.parent / "examples").rglob("*.md")):
        texts += path.read_text(encoding="utf-8").split("\n\n")
    modern = SHARED / "eval-modern" / "corpus.jsonl"
    if modern.is_file():
        texts += [json.loads(line)["text"] for line in modern.read_text(encoding="utf-8").splitlines()]
    matched = passed = 0
    for text in map(str, texts):
        doc = nlp(text)
        arrays = DocArrays(doc)
        found = set(bank.gate_set.Match(text) or ())
        through = bank.gate.may_match(arrays, text, found)
        assert through == bank.gate.may_match(arrays, text), text
        if bank.matcher(doc):
            matched += 1
            assert through, text
        passed += through
    assert matched >= 20  # the bad examples of the pattern rules at least
    assert passed < len(texts) / 2


def test_the_regex_sets_find_what_running_every_regex_finds():
    """The built-in regexes dealt out over several RE2 sets: a paragraph's
    matching regexes are exactly those whose own search finds something."""
    from tonelint.api import default_engine

    bank = default_engine().bank
    assert len(bank.regex_sets) >= 2
    texts = [str(x) for r in load_rules() for x in r.examples.get("bad", []) + r.examples.get("good", [])]
    modern = SHARED / "eval-modern" / "corpus.jsonl"
    if modern.is_file():
        texts += [json.loads(line)["text"] for line in modern.read_text(encoding="utf-8").splitlines()]
    hits = 0
    for text in texts:
        via_sets = sorted(idx[j] for found, idx in bank.regex_sets for j in found.Match(text) or ())
        alone = [i for i, (_, rx, _) in enumerate(bank.regexes) if rx.search(text)]
        assert via_sets == alone, text
        hits += bool(alone)
    assert hits > 50


def test_a_phrase_is_found_across_a_wrapped_line_but_not_across_a_heading_break():
    """Plain-text mail and .txt templates wrap at 72 columns: "proud\\nto announce" is the phrase a
    one-line draft gets flagged for (set L's "I am proud\\nto say"); a break before a capital may
    end a heading or a button, and stays a break."""
    from tonelint.api import lint_text
    from tonelint.markup.wrap import unwrap

    wrapped = "We are proud\nto announce our new planner, built for\nour target\naudience of busy teams."
    assert {d.rule for d in lint_text(wrapped, fmt="text")} >= {"TL202", "TL101"}
    found = next(d for d in lint_text(wrapped, fmt="text") if d.rule == "TL202")
    assert wrapped[found.start:found.end] == "We are proud\nto announce"  # offsets into the source, line kept
    assert unwrap("Try our target\nAudience Insights panel") == "Try our target\nAudience Insights panel"
    assert unwrap("Sign up\r\nnow") == "Sign up  now" and len(unwrap(wrapped)) == len(wrapped)
