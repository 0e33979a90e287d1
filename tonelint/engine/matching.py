"""Every rule's matcher blocks compiled into one PhraseMatcher pair, one Matcher
and a few RE2 regexes, run once per segment: the cost of a run grows with the
text, not with the number of rules (spaCy's SpanRuler does the same dispatch
of phrase strings to PhraseMatcher and token lists to Matcher)."""

from __future__ import annotations

import re

from . import phrasecache
from .facts import BRAND_WAIT, Facts, Hit, Sentence, longest
from .quotes import ATTRIBUTED_QUOTE
from ..rules.regex import compile_regex
from ..rules.spec import Block, thaw
from ..rules.vocabulary import AcceptList
from ..markup.guards import break_long_runs
from ..markup.wrap import unwrap
from .tokenfacts import DocArrays, MatcherGate, SentenceRule

_CLOSERS = "\"')]}’”»"
# A post's trailing hashtags, mentions and links ("What would you add? #python
# https://…") do not stop its question from being one.
_TRAILING_TAGS = re.compile(r"(?:\s+(?:[#@$]\w*|https?://\S+))+$")
# What may stand beside a hit on its line for `line_edge` (marks, bullets, quotes, arrows, rules).
_LINE_FRAME = " \t\r\"'“”‘’*_()[]{}<>-–—=~.,!?:;|«»→•·#+"


def phrase_tokens(nlp, phrases: list[str], *, cached: bool = True) -> list[tuple[list[int], list[int]]]:
    """(LOWER ids, ORTH ids) of each phrase's tokens, as the PhraseMatcher
    keys on them: read from the user's cache when this set of phrases was
    keyed before with this tokenizer (phrasecache.py), else computed and
    kept there."""
    if not phrases:
        return []
    name = phrasecache.key(nlp, phrases) if cached else None
    table = phrasecache.load(name) if name else None
    if table is None or any(p not in table for p in phrases):
        table = _tokenise_phrases(nlp, phrases)
        if name:
            phrasecache.store(name, table)
    return [table[p] for p in phrases]


def _tokenise_phrases(nlp, phrases: list[str]) -> dict[str, tuple[list[int], list[int]]]:
    """From one Doc of all the phrases: a Doc per phrase (the PhraseMatcher's
    usual input) cost ~0.1 s for the built-in pack's ~1,900 phrases, more
    than checking a short draft; the tokenizer splits at white space before
    anything else, so each phrase between line breaks comes out exactly as it
    would alone."""
    from spacy.attrs import IS_SPACE, LOWER, ORTH

    # Rule loading normalises white space; a phrase with white space at an
    # end or a line break (a brand name from a config, say) is tokenised
    # on its own, so that it keys on exactly what make_doc would give.
    plain = [p for p in dict.fromkeys(phrases) if p == p.strip() and "\n" not in p and p]
    out: dict[str, tuple[list[int], list[int]]] = {}
    if plain:
        doc = nlp.make_doc("\n".join(plain))
        lowers: list[int] = []
        orths: list[int] = []
        k = 0
        newline = nlp.vocab.strings["\n"]
        for lower, orth, space in doc.to_array([LOWER, ORTH, IS_SPACE]).tolist():
            if space and orth == newline:
                out[plain[k]] = (lowers, orths)
                lowers, orths, k = [], [], k + 1
            else:
                lowers.append(lower)
                orths.append(orth)
        out[plain[k]] = (lowers, orths)
    for p in phrases:
        if p not in out:
            d = nlp.make_doc(p)
            out[p] = ([t.lower for t in d], [t.orth for t in d])
    return out


def _apostrophes(phrases: list[str]) -> list[str]:
    """Each phrase as written with a straight and with a curly apostrophe:
    the tokenizer keeps "world's" and "world’s" apart, and a list writes one
    ("the world's leading" missed "CKAN is the world’s leading …")."""
    return list(dict.fromkeys(v for p in phrases for v in (p, p.replace("'", "’"), p.replace("’", "'"))))


def regex_set(regexes: list[tuple[str, bool]]):
    """An RE2 set of the blocks' regexes, in order, each with its own case
    flag: Match(text) gives the indices of those that match somewhere in it.
    None when there are none, or when RE2 refuses to build the set (then
    every regex is simply run)."""
    if not regexes:
        return None
    import re2

    options = re2.Options()
    options.max_mem = 64 << 20
    options.log_errors = False
    try:
        found = re2.Set.SearchSet(options)
        for rx, insensitive in regexes:
            found.Add(f"(?i:{rx})" if insensitive else f"(?:{rx})")
        found.Compile()
    except Exception:  # noqa: BLE001 - a faster path only; the regexes themselves compiled
        return None
    return found


SET_MEMBERS = 24  # regexes per RE2 set (measured on the bench corpus: 3-6 sets of the ~80 beat one)


def regex_sets(regexes: list[tuple[str, bool]]):
    """The regexes in RE2 sets of about SET_MEMBERS each (members dealt out
    in turn), as [(set, index of each member in `regexes`)]; [] when there
    are none, None when RE2 refuses a set (then every regex is simply run)."""
    parts = -(-len(regexes) // SET_MEMBERS)
    out = []
    for k in range(parts):
        found = regex_set(regexes[k::parts])
        if found is None:
            return None
        out.append((found, list(range(k, len(regexes), parts))))
    return out


def regexes_of(block: Block) -> tuple[str, ...]:
    """The block's own regexes, then the engine's for `quoted: true`
    (quotes.py); the bank and its RE2 sets list them in this order."""
    return block.regex + (ATTRIBUTED_QUOTE if block.quoted else ())


class MatcherBank:
    def __init__(self, nlp, blocks: list[Block], *, brand: tuple[str, ...] = (), accept: tuple[str, ...] = ()) -> None:
        from spacy.matcher import Matcher, PhraseMatcher

        self.nlp = nlp
        self.blocks = {b.key: b for b in blocks}
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.matcher = Matcher(nlp.vocab)
        self.regexes = []
        self._ids: dict = {}  # unless_before/after word sets -> their lower-form ids
        self.accept = AcceptList(accept)
        listed = [(b, _apostrophes(list(b.phrases) + (list(brand) if b.brand else []))) for b in blocks]
        tokens = phrase_tokens(nlp, [p for _, phrases in listed for p in phrases])
        for b, phrases in listed:
            if phrases:
                insensitive = b.case == "insensitive"
                target = self.lower if insensitive else self.orth
                found, tokens = tokens[: len(phrases)], tokens[len(phrases):]
                target.add(b.key, [lower if insensitive else orth for lower, orth in found])
            if b.patterns:
                self.matcher.add(b.key, [thaw(p) for p in b.patterns], greedy="LONGEST")
            if b.regex or b.quoted:
                for rx in regexes_of(b):
                    compiled = compile_regex(rx, b.case == "insensitive")
                    # `(?P<hit>…)` reports only that part (RE2 has no lookbehind).
                    self.regexes.append((b.key, compiled, compiled.groupindex.get("hit", 0)))
        self.has_patterns = len(self.matcher) > 0
        self.has_orth = len(self.orth) > 0
        self.gate = MatcherGate(nlp.vocab.strings, [thaw(p) for b in blocks for p in b.patterns])
        # RE2 sets answer which regexes can match in a paragraph, and the
        # token-pattern gate's quick test, in a few passes: RE2 runs a set as
        # one automaton, and past a few dozen members (or with the gate's
        # members, which occur almost everywhere, in the same set) that
        # automaton costs several times what a few smaller sets cost.
        self.regex_sets = regex_sets([(rx, b.case == "insensitive") for b in blocks for rx in regexes_of(b)])
        self.gate_set = None
        if self.has_patterns and not self.gate.always:
            self.gate_set = regex_set([(m, True) for m in self.gate.members])
        self.sentences = SentenceRule.for_pipeline(nlp)

    def scan_segments(self, segments) -> Facts:
        """Tokenise the segments and scan them (scan)."""
        # same offsets: linear tokenizing, and a sentence's phrases matched across its wrapped lines
        texts = [break_long_runs(unwrap(s.text)) for s in segments]
        if self.sentences is None:
            docs = self.nlp.pipe(texts, batch_size=256)
        else:
            # The tokenizer alone: scan() applies the sentencizer's rule (tokenfacts.SentenceRule).
            docs = map(self.nlp.make_doc, texts)
        return self.scan(segments, docs)

    def scan(self, segments, docs) -> Facts:
        """`docs`: the segments' Docs, from the tokenizer alone when the bank
        has a SentenceRule, else from the whole pipeline."""
        facts = Facts(segments=list(segments))
        strings = self.nlp.vocab.strings
        hits = facts.hits
        # each segment as the regexes read it, across its wrapped lines (the tokens read it so too)
        unwrapped_texts = [unwrap(seg.text) for seg in facts.segments]
        matched, gated = self._set_matches(unwrapped_texts)
        for seg_i, doc in enumerate(docs):
            sent_base = len(facts.sentences)
            arrays = DocArrays(doc, self.sentences)
            segment = facts.segments[seg_i]
            doc_text = segment.text  # == doc.text, which rebuilds it token by token
            for _, _, start_char, end_char in arrays.starts:
                text = doc_text[start_char:end_char].rstrip()
                if text[-1:] != "?" and ("#" in text or "@" in text or "http" in text or "$" in text):
                    text = _TRAILING_TAGS.sub("", text)
                text = text.rstrip(_CLOSERS)
                facts.sentences.append(Sentence(seg_i, start_char, end_char, text.endswith("?")))
            facts.words += arrays.words
            found = list(self.lower(doc))
            if self.has_orth:
                found += self.orth(doc)
            regexes = self.regexes
            if matched is not None:
                # Most paragraphs match none of the regexes, nor the gate.
                regexes = [regexes[i] for i in matched[seg_i]]
            gate_found = gated[seg_i] if gated is not None else None
            if self.has_patterns and self.gate.may_match(arrays, doc_text, gate_found):
                if self.sentences is not None:
                    self.sentences.annotate(doc)
                found += self.matcher(doc)
            if not found and not regexes:
                continue
            sent_of_token = arrays.sent_of_token(sent_base)
            tokens = arrays.tokens
            for match_id, start, end in found:
                key = strings[match_id]
                block = self.blocks[key]
                if not self._keep(block, tokens, doc_text, start, end, facts, sent_of_token):
                    continue
                a, b = tokens[start][0], tokens[end - 1][1]
                self._add(hits, key, segment, seg_i, a, b, sent_of_token[start], doc_text[a:b])
            unwrapped = unwrapped_texts[seg_i]
            for key, rx, group in regexes:
                for m in rx.finditer(unwrapped):
                    a, b = m.span(group)
                    tok = doc.char_span(a, b, alignment_mode="expand") if b > a else None
                    if tok is None or not len(tok):
                        continue  # only white space: no word to flag, no sentence to place it in
                    if not self._keep(self.blocks[key], tokens, doc_text, tok.start, tok.end, facts, sent_of_token):
                        continue
                    self._add(hits, key, segment, seg_i, a, b, sent_of_token[tok.start], doc_text[a:b])
        for key, lst in hits.items():
            hits[key] = longest(lst)
        done: set = set()
        for block in self.blocks.values():
            self._sentence_tests(block, hits, done)
        return facts

    def _set_matches(self, texts: list[str]) -> tuple[list | None, list | None]:
        """For each segment, the indices of the regexes whose RE2 set says
        they match in it (sorted), and the token-pattern gate's members found
        in it; None for either when the bank has no such sets.  Every
        paragraph goes through one set after another before any is
        tokenised, each text encoded once: between the tokenizer's calls a
        set's automaton had left the CPU's caches, and the sets took ~2x as
        long (and the wrapper encoded the text once per set)."""
        if self.regex_sets is None and self.gate_set is None:
            return None, None
        encoded = [text.encode("utf-8") for text in texts]
        matched = None
        if self.regex_sets is not None:
            matched = [[] for _ in encoded]
            for found_set, idx in self.regex_sets:
                for k, text in enumerate(encoded):
                    found = found_set.Match(text)
                    if found:
                        matched[k].extend(idx[j] for j in found)
            for found in matched:
                if len(found) > 1:
                    found.sort()
        gated = None
        if self.gate_set is not None:
            gated = [set(self.gate_set.Match(text) or ()) for text in encoded]
        return matched, gated

    def _sentence_tests(self, block: Block, hits, done: set) -> None:
        """unless.sentence / when.sentence, a block's own tests settled before
        any block that tests against its hits (they nest to any depth)."""
        if block.key in done:
            return
        done.add(block.key)
        for dep in (block.unless_sentence, block.when_sentence):
            if dep is not None:
                self._sentence_tests(self.blocks.get(dep.key, dep), hits, done)
        if block.unless_sentence is not None and block.key in hits:
            veto = {h.sent for h in hits.get(block.unless_sentence.key, [])}
            hits[block.key] = [h for h in hits[block.key] if h.sent not in veto]
        if block.when_sentence is not None and block.key in hits:
            need = {h.sent for h in hits.get(block.when_sentence.key, [])}
            if block.when_sentence.brand:
                waiting = [h for h in hits[block.key] if h.sent not in need]
                if waiting:
                    hits[block.key + BRAND_WAIT] = waiting
            hits[block.key] = [h for h in hits[block.key] if h.sent in need]

    def _add(self, hits, key, segment, seg, start, end, sent, text) -> None:
        if self.accept and self.accept.covers(text):
            return
        if segment.removed and segment.crosses_removed(start, end):
            return  # "EYEBALLS <url> !" is not one phrase: the URL was never prose
        hits.setdefault(key, []).append(Hit(key, seg, start, end, sent, text))

    def _keep(self, block: Block, tokens, text: str, start: int, end: int, facts: Facts, sent_of_token) -> bool:
        """`tokens`: DocArrays.tokens of the hit's paragraph."""
        if block.in_question and not facts.sentences[sent_of_token[start]].question:
            return False
        if block.sentence_start:
            i = start - 1
            while i >= 0 and tokens[i][3] and sent_of_token[i] == sent_of_token[start]:
                i -= 1
            if i >= 0 and sent_of_token[i] == sent_of_token[start]:
                return False
        if block.line_edge and not _at_line_edge(tokens, text, start, end):
            return False
        if block.unless_before:
            lo = max(start - block.window, 0)
            words = self._lower_ids(block.unless_before)
            if any(t[2] in words for t in tokens[lo:start]):
                return False
        if block.unless_after:
            words = self._lower_ids(block.unless_after)
            if any(t[2] in words for t in tokens[end : end + block.window]):
                return False
        return True

    def _lower_ids(self, words) -> frozenset:
        """The ids of lower-case forms, as tokens carry them."""
        found = self._ids.get(words)
        if found is None:
            from spacy.strings import hash_string

            found = self._ids[words] = frozenset(hash_string(w) for w in words)
        return found


def _at_line_edge(tokens, text: str, start: int, end: int) -> bool:
    """The hit opens or closes its line (only punctuation beside it there): a
    shouted line, not an aside with prose on both sides ("right? OF COURSE
    NOT! (Good answer.)")."""
    head = tokens[start][0]
    tail = tokens[end - 1][1]
    line_start = text.rfind("\n", 0, head) + 1
    line_stop = text.find("\n", tail)
    return not text[line_start:head].strip(_LINE_FRAME) or not text[tail : line_stop if line_stop >= 0 else len(text)].strip(_LINE_FRAME)
