"""Every rule's matcher blocks compiled into one PhraseMatcher pair, one Matcher
and a few RE2 regexes, run once per segment: the cost of a run grows with the
text, not with the number of rules (spaCy's SpanRuler does the same dispatch
of phrase strings to PhraseMatcher and token lists to Matcher)."""

from __future__ import annotations

from .facts import Facts, Hit, Sentence
from ..rules.regex import compile_regex
from ..rules.spec import Block, thaw
from ..rules.vocabulary import AcceptList
from .tokenfacts import DocArrays, MatcherGate

_CLOSERS = "\"')]}’”»"
# What may stand beside a hit on its line for `line_edge` (marks, bullets, quotes, arrows, rules).
_LINE_FRAME = " \t\r\"'“”‘’*_()[]{}<>-–—=~.,!?:;|«»→•·#+"


class MatcherBank:
    def __init__(self, nlp, blocks: list[Block], *, brand: tuple[str, ...] = (), accept: tuple[str, ...] = ()) -> None:
        from spacy.matcher import Matcher, PhraseMatcher

        self.nlp = nlp
        self.blocks = {b.key: b for b in blocks}
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.matcher = Matcher(nlp.vocab)
        self.regexes = []
        self._sets = None  # built on first use (_regex_sets)
        self.accept = AcceptList(accept)
        make = nlp.make_doc
        for b in blocks:
            phrases = list(b.phrases) + (list(brand) if b.brand else [])
            if phrases:
                target = self.lower if b.case == "insensitive" else self.orth
                target.add(b.key, [make(p) for p in phrases])
            if b.patterns:
                self.matcher.add(b.key, [thaw(p) for p in b.patterns], greedy="LONGEST")
            if b.regex:
                for rx in b.regex:
                    compiled = compile_regex(rx, b.case == "insensitive")
                    # `(?P<hit>…)` reports only that part (RE2 has no lookbehind); looked up once here.
                    self.regexes.append((b.key, compiled, compiled.groupindex.get("hit", 0)))
        self.has_patterns = len(self.matcher) > 0
        self.has_orth = len(self.orth) > 0
        self.gate = MatcherGate(nlp.vocab.strings, [thaw(p) for b in blocks for p in b.patterns])

    def scan(self, segments, docs) -> Facts:
        facts = Facts(segments=list(segments))
        strings = self.nlp.vocab.strings
        hits = facts.hits
        for seg_i, doc in enumerate(docs):
            sent_base = len(facts.sentences)
            arrays = DocArrays(doc)
            segment = facts.segments[seg_i]
            doc_text = segment.text  # == doc.text, which rebuilds it token by token
            for _, _, start_char, end_char in arrays.starts:
                text = doc_text[start_char:end_char].rstrip().rstrip(_CLOSERS)
                facts.sentences.append(Sentence(seg_i, start_char, end_char, text.endswith("?")))
            sent_of_token = arrays.sent_of_token(sent_base)
            facts.words += arrays.words
            found = list(self.lower(doc))
            if self.has_orth:
                found += self.orth(doc)
            if self.has_patterns and self.gate.may_match(arrays, doc_text):
                found += self.matcher(doc)
            for match_id, start, end in found:
                key = strings[match_id]
                block = self.blocks[key]
                if not self._keep(block, doc, doc_text, start, end, facts, sent_of_token):
                    continue
                span = doc[start:end]
                self._add(hits, key, segment, seg_i, span.start_char, span.end_char, sent_of_token[start], span.text)
            for key, rx, group in self._regexes_in(doc_text):
                for m in rx.finditer(doc_text):
                    a, b = m.span(group)
                    tok = doc.char_span(a, b, alignment_mode="expand") if b > a else None
                    if tok is None or not len(tok):
                        continue  # only white space: no word to flag, no sentence to place it in
                    if not self._keep(self.blocks[key], doc, doc_text, tok.start, tok.end, facts, sent_of_token):
                        continue
                    self._add(hits, key, segment, seg_i, a, b, sent_of_token[tok.start], m.group(group))
        for key, lst in hits.items():
            lst.sort(key=lambda h: (h.seg, h.start, -h.end))
            hits[key] = _longest(lst)
        done: set = set()
        for block in self.blocks.values():
            self._sentence_tests(block, hits, done)
        return facts

    def _regexes_in(self, text: str) -> list:
        """The regexes that match somewhere in `text`: one RE2 set search per
        segment decides, so a paragraph pays for one pass, not one call per
        regex (most paragraphs match none of them)."""
        if self._sets is None:
            self._sets = _regex_sets(self.regexes)
        found: list[int] = []
        for rset in self._sets:
            found.extend(rset.Match(text))
        if len(found) > 1:
            found.sort()
        return [self.regexes[i] for i in found]

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
            hits[block.key] = [h for h in hits[block.key] if h.sent in need]

    def _add(self, hits, key, segment, seg, start, end, sent, text) -> None:
        if self.accept and self.accept.covers(text):
            return
        if segment.removed and segment.crosses_removed(start, end):
            return  # "EYEBALLS <url> !" is not one phrase: the URL was never prose
        hits.setdefault(key, []).append(Hit(key, seg, start, end, sent, text))

    def _keep(self, block: Block, doc, text: str, start: int, end: int, facts: Facts, sent_of_token) -> bool:
        if block.in_question and not facts.sentences[sent_of_token[start]].question:
            return False
        if block.sentence_start:
            i = start - 1
            while i >= 0 and (doc[i].is_punct or doc[i].is_space) and sent_of_token[i] == sent_of_token[start]:
                i -= 1
            if i >= 0 and sent_of_token[i] == sent_of_token[start]:
                return False
        if block.line_edge and not _at_line_edge(doc, text, start, end):
            return False
        if block.unless_before:
            lo = max(start - block.window, 0)
            if any(t.lower_ in block.unless_before for t in doc[lo:start]):
                return False
        if block.unless_after:
            if any(t.lower_ in block.unless_after for t in doc[end : end + block.window]):
                return False
        return True


def _at_line_edge(doc, text: str, start: int, end: int) -> bool:
    """The hit opens or closes its line (only punctuation beside it there): a
    shouted line, not an aside with prose on both sides ("right? OF COURSE
    NOT! (Good answer.)")."""
    head = doc[start].idx
    tail = doc[end - 1].idx + len(doc[end - 1].text)
    line_start = text.rfind("\n", 0, head) + 1
    line_stop = text.find("\n", tail)
    return not text[line_start:head].strip(_LINE_FRAME) or not text[tail : line_stop if line_stop >= 0 else len(text)].strip(_LINE_FRAME)


def _longest(hits: list[Hit]) -> list[Hit]:
    """Within one block, overlapping hits collapse to the earliest-longest."""
    out: list[Hit] = []
    for h in hits:
        if out and out[-1].seg == h.seg and h.start < out[-1].end:
            continue
        out.append(h)
    return out


def _regex_sets(regexes) -> list:
    """Two RE2 sets (case-insensitive and case-sensitive patterns) whose
    Match returns indices into `regexes`."""
    import re2

    out = []
    for sensitive in (False, True):
        options = re2.Options()
        options.case_sensitive = sensitive
        options.max_mem = 64 << 20
        rset = re2.Set.SearchSet(options)
        index = []
        for i, (_, rx, _) in enumerate(regexes):
            if rx.options.case_sensitive == sensitive:
                rset.Add(rx.pattern)
                index.append(i)
        if index:
            rset.Compile()
            out.append(_IndexedSet(rset, index))
    return out


class _IndexedSet:
    """An RE2 set whose matches are reported as indices into the bank's regex list."""

    __slots__ = ("rset", "index")

    def __init__(self, rset, index: list[int]) -> None:
        self.rset = rset
        self.index = index

    def Match(self, text: str) -> list[int]:  # noqa: N802 (the RE2 set's own name)
        return [self.index[k] for k in self.rset.Match(text) or ()]  # None: no pattern matched
