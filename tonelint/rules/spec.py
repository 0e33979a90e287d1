"""The matcher-block language: what a rule's blocks may say (phrases, token
patterns, regexes, word lists, inflection, sense tests), checked strictly
before anything runs (an unknown key is an error with a "did you mean", as in
Vale), and turned into frozen Blocks the matcher bank compiles.  rule.py
parses a whole rule; each kind in kinds/ parses its own keys with these.

A *matcher block* is the one shape every kind uses to say what text it looks
for (phrases, token patterns, regexes, word lists, inflection, sense tests), so
one compiler serves substitution, existence, ratio, required and order rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import RuleError, did_you_mean
from ..source.files import read_regular
from .regex import RegexError, compile_regex
from .yamlfile import MAX_FILE_BYTES
from ..spacyload import import_spacy

BLOCK_KEYS = {
    "phrases": list, "list": (str, list), "patterns": list, "regex": (str, list), "case": str,
    "inflect": str, "measure": str, "brand": bool, "in_question": bool, "sentence_start": bool,
    "line_edge": bool, "unless": dict, "when": dict, "act": (str, list), "quoted": bool,
}
WHEN_KEYS = {"sentence": dict}
UNLESS_KEYS = {"before": list, "after": list, "window": int, "sentence": dict}
INFLECTIONS = ("none", "noun", "verb", "all")
# What a block's hits count towards in the scorecard (docs/scorecard.md).
# The sentence acts a block can read with `act:` (engine/acts.py settles them,
# docs/rules.md "Sentence acts"), and the genres a rule can scope itself to
# with `genres:` (engine/genre.py decides them).
ACTS = ("ask", "offer", "value", "question", "invitation", "acknowledgement", "sender", "reader", "claim",
        "promotion", "profile", "prompt", "pitch", "information")
GENRES = ("promotional", "transactional", "appeal", "reply", "internal", "reference", "unknown")
# What each means, for `tonelint explain acts|genres` (docs/rules.md has the long form).
ACT_DOCS = {
    "ask": "asks the reader to act for the sender: a call to action, a button (Donate, Get started, Book a call), "
           "an ask put as a question (\"Do you have 15 minutes for a quick demo?\")",
    "offer": "an ask on the reader's terms: put as a condition (\"If you need a custom setup, book a call\") or "
             "for something free (\"Join our livestream\", \"Download Ubuntu\", \"Start a free trial\")",
    "value": "gives the reader something: a tip, an answer, a how-to step (numbered steps too), a number the "
             "reader can use, something free",
    "question": "a real question to the reader: not an ask, not rhetoric (\"Did you know…?\"), not a heading",
    "invitation": "invites a reply or feedback (\"Just reply to this email\", \"Reach out whenever you need\"); "
                  "not \"thank you for your order\", not the bare word \"feedback\"",
    "acknowledgement": "acknowledges what readers said or did (\"Many of you asked for…\")",
    "sender": "talks about the sender: we, our, us, the brand's names (configured or found in the draft)",
    "reader": "talks to the reader: you, your",
    "claim": "hype, brags and announcements about the sender (\"the leading\", \"#1 rated\", \"proud to\")",
    "promotion": "promotes the sender's content, event or offer (\"Blog: …\", \"Learn more\", \"20% off\")",
    "profile": "presents the sender to outsiders: an About page's heading (\"About us\", \"Who we are\", "
               "\"Our story\")",
    "prompt": "the way out of an in-product prompt or a pop-up, a line of its own under the button it declines "
              "(\"Not now\", \"Remind me later\", \"No thanks\")",
    "pitch": "a sales pitch: money amounts, shouted everyday words, sales claims, exclamation marks",
    "information": "a plain statement for the reader, neither a pitch nor about the sender, from the second such "
                   "line on",
}
GENRE_DOCS = {
    "promotional": "an announcement, launch, offer, newsletter, post or landing page: it asks, claims or promotes",
    "transactional": "something the reader did or asked for: a login or magic link, a password reset, a receipt, "
                     "an invoice, a notification",
    "appeal": "a donation, sponsorship or petition",
    "reply": "an answer to one person: a support reply, a thread (reply headers, quoted lines)",
    "internal": "a handbook, playbook or strategy",
    "reference": "documentation, a changelog, a release note or a product-update entry",
    "unknown": "no cue either way (a short line that neither pitches nor explains): word rules judge it at "
               "their own level, the document checks leave it alone",
}
MEASURES = ("sender", "reader", "ask", "value", "invitation", "question", "acknowledgement", "audience", "hype")
TOKEN_ATTRS = {
    "ORTH", "TEXT", "LOWER", "LENGTH", "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE",
    "IS_PUNCT", "IS_SPACE", "IS_STOP", "IS_SENT_START", "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL", "SHAPE",
    "PREFIX", "SUFFIX", "LEMMA", "POS", "TAG", "DEP", "MORPH", "ENT_TYPE", "OP", "NORM",
}
TRAINED_ATTRS = {"LEMMA", "POS", "TAG", "DEP", "MORPH", "ENT_TYPE"}


@dataclass(frozen=True)
class Block:
    """What to look for.  `key` is unique per run and names the block's hits."""

    key: str
    phrases: tuple[str, ...] = ()
    patterns: tuple = ()
    regex: tuple[str, ...] = ()
    case: str = "insensitive"
    measure: str | None = None
    brand: bool = False
    in_question: bool = False
    sentence_start: bool = False
    line_edge: bool = False
    unless_before: frozenset = frozenset()
    unless_after: frozenset = frozenset()
    window: int = 1
    unless_sentence: "Block | None" = None
    when_sentence: "Block | None" = None  # keep only hits in sentences where this block also matches
    acts: tuple[str, ...] = ()  # `act: ask`: the sentences the message model gave these acts (engine/acts.py)
    quoted: bool = False  # `quoted: true`: someone else's words, quoted and attributed (engine/quotes.py)


class Ctx:
    """Where we are in a rule (or config) file, for one-line errors
    `file:line: key: what`; config.py reuses it with ConfigError."""

    def __init__(self, path: str, data, error: type = RuleError) -> None:
        self.path = path
        self.data = data
        self.error = error

    def fail(self, mapping, key, what: str):
        line = mapping.line_of(key) if hasattr(mapping, "line_of") else getattr(mapping, "line", 0)
        where = f"{self.path}:{line}" if line else self.path
        raise self.error(where, f"{key}: {what}" if key else what)


def check_keys(ctx: Ctx, mapping, allowed: dict, what: str) -> None:
    if not isinstance(mapping, dict):
        ctx.fail(ctx.data, what, "must be a mapping")
    for key, value in mapping.items():
        if key not in allowed:
            ctx.fail(mapping, key, f"unknown key in {what}{did_you_mean(key, sorted(allowed), 'allowed: ')}")
        want = allowed[key]
        if isinstance(want, tuple):
            ok = isinstance(value, want) and not (isinstance(value, bool) and bool not in want)
        else:
            ok = isinstance(value, want) and not (isinstance(value, bool) and want is not bool)
        if not ok:
            names = "/".join(t.__name__ for t in (want if isinstance(want, tuple) else (want,)))
            ctx.fail(mapping, key, f"must be {names.replace('str', 'text').replace('dict', 'mapping')}")


LIST_SUFFIX = ".txt"


def read_list(ctx: Ctx, mapping, name: str) -> list[str]:
    """A shared word list: one phrase a line, '#' starts a comment.  It lives
    beside the rule file or under its lists/ folder, and ends in .txt: the
    result cache fingerprints exactly those places, so an edited list can
    never leave a stale result behind."""
    parts = Path(name).parts
    if not name.endswith(LIST_SUFFIX) or ".." in parts or Path(name).is_absolute() or (
            len(parts) > 1 and parts[0] != "lists"):
        ctx.fail(mapping, "list", f"word list {name!r} must be a .txt file beside the rule file or under its lists/")
    base = Path(ctx.path).parent
    path = base / name
    if not path.is_file():
        path = base / "lists" / name
    try:
        lines = read_regular(str(path), MAX_FILE_BYTES).decode("utf-8").splitlines()
    except FileNotFoundError:
        ctx.fail(mapping, "list", f"word list {name!r} not found next to the rule file or in lists/")
    except OSError as exc:
        ctx.fail(mapping, "list", f"cannot read word list {name!r}: {exc.strerror or exc}")
    except UnicodeDecodeError as exc:
        ctx.fail(mapping, "list", f"cannot read word list {name!r}: {exc}")
    return [ln.split("#", 1)[0].strip() for ln in lines if ln.split("#", 1)[0].strip()]


def inflections(word: str, how: str) -> set[str]:
    """Regular English inflections of a word, so rules need not list them; an
    over-generated non-word is harmless because it never occurs in text."""
    forms = {word}
    if how == "none" or not word.isalpha():
        return forms
    w = word.lower()
    if how in ("noun", "all", "verb"):
        if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
            forms.add(word[:-1] + "ies")
        elif w.endswith(("s", "x", "z", "ch", "sh")):
            forms.add(word + "es")
        else:
            forms.add(word + "s")
    if how in ("verb", "all"):
        stem = word[:-1] if w.endswith("e") else word
        forms.add(stem + "ing")
        forms.add(stem + "ed" if not w.endswith("e") else word + "d")
        if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
            forms.add(word[:-1] + "ied")
        if len(w) >= 3 and w[-1] not in "aeiouwxy" and w[-2] in "aeiou" and w[-3] not in "aeiou" and len(w) <= 4:
            forms.add(word + word[-1] + "ing")
            forms.add(word + word[-1] + "ed")
    return forms


def _expand(phrase: str, how: str) -> set[str]:
    head, _, last = phrase.rpartition(" ")
    return {(head + " " + f) if head else f for f in inflections(last, how)}


def _validate_pattern(ctx: Ctx, mapping, pattern) -> None:
    if not isinstance(pattern, list) or not pattern:
        ctx.fail(mapping, "patterns", "each pattern must be a non-empty list of token mappings")
    for tok in pattern:
        if not isinstance(tok, dict):
            ctx.fail(mapping, "patterns", "each token in a pattern must be a mapping such as {LOWER: our}")
        if not tok:
            ctx.fail(mapping, "patterns", "an empty token {} in a pattern; say what the token is, "
                                          "e.g. {IS_ALPHA: true}")
        for attr in tok:
            if str(attr).upper() not in TOKEN_ATTRS and attr != "_":
                hint = did_you_mean(str(attr).upper(), sorted(TOKEN_ATTRS))
                ctx.fail(mapping, "patterns", f"unknown token attribute {attr!r}{hint}")
            if _has_regex_predicate(tok[attr]):
                # spaCy runs REGEX predicates on Python's backtracking engine: one
                # long token could hang a commit hook.  Block-level `regex:` is RE2.
                ctx.fail(mapping, "patterns", f"{attr}: REGEX is not allowed in token patterns (it can hang on "
                         "long words); use the block's `regex:` key, which runs on RE2 in linear time")
    _check_quantifiers(ctx, mapping, pattern)
    try:
        # Lazy: only a cold pack load validates patterns; a warm (cached) run never imports spaCy.
        import_spacy()
        from spacy.matcher import Matcher
        from spacy.vocab import Vocab

        Matcher(Vocab(), validate=True).add("check", [pattern])
    except Exception as exc:  # spaCy's own validation message, first line
        ctx.fail(mapping, "patterns", f"invalid token pattern: {str(exc).strip().splitlines()[-1][:200]}")


# spaCy's matcher expands `OP: "{n,m}"` into m copies of the token, and its
# work grows with the product of the optional copies: {0,80} took 4 s on one
# paragraph, {0,200} hung.  A pattern may spend this many tokens on ranges.
MAX_RANGE_TOKENS = 8
_RANGE = re.compile(r"^\{\s*(\d*)\s*(,?)\s*(\d*)\s*\}$")


def _check_quantifiers(ctx, mapping, pattern) -> None:
    spent = 0
    for tok in pattern:
        op = next((v for k, v in tok.items() if str(k).upper() == "OP"), None)
        m = _RANGE.match(str(op).strip()) if isinstance(op, str) else None
        if m is None:
            continue
        low, comma, high = m.groups()
        if not low and not high:
            ctx.fail(mapping, "patterns", f"OP {op!r}: a range quantifier needs a number, e.g. {{1,3}}")
        low_n = int(low or 0)
        spent += (int(high) if high else low_n + 1) if comma else low_n
        if spent > MAX_RANGE_TOKENS:
            ctx.fail(mapping, "patterns", f"OP {op!r}: range quantifiers may add at most {MAX_RANGE_TOKENS} tokens "
                                          "to a pattern (wider ranges make matching explode); use ?, * or +")


def _has_regex_predicate(value) -> bool:
    if isinstance(value, dict):
        return any(str(k).upper() == "REGEX" or _has_regex_predicate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_regex_predicate(v) for v in value)
    return False


def _compile_regex(ctx: Ctx, mapping, pattern: str, ignore_case: bool) -> None:
    try:
        compile_regex(pattern, ignore_case)  # as the matcher bank will: one compile, cached
    except RegexError as exc:
        ctx.fail(mapping, "regex", str(exc))


def parse_block(ctx: Ctx, mapping, key: str, what: str) -> Block:
    check_keys(ctx, mapping, BLOCK_KEYS, what)
    how = mapping.get("inflect", "none")
    if how not in INFLECTIONS:
        ctx.fail(mapping, "inflect", f"must be one of {', '.join(INFLECTIONS)}")
    if "measure" in mapping and mapping["measure"] not in MEASURES:
        hint = did_you_mean(mapping["measure"], MEASURES, "one of ")
        ctx.fail(mapping, "measure", f"unknown measure {mapping['measure']!r}{hint}")
    case = mapping.get("case", "insensitive")
    if case not in ("insensitive", "sensitive"):
        ctx.fail(mapping, "case", "must be insensitive or sensitive")
    raw = [str(p) for p in mapping.get("phrases", [])]
    lists = mapping.get("list", [])
    for name in [lists] if isinstance(lists, str) else lists:
        raw.extend(read_list(ctx, mapping, str(name)))
    phrases: set[str] = set()
    for p in raw:
        p = " ".join(p.split())
        if not p:
            ctx.fail(mapping, "phrases", "a phrase must not be empty")
        phrases |= _expand(p, how)
    patterns = mapping.get("patterns", [])
    for pat in patterns:
        _validate_pattern(ctx, mapping, pat)
    regexes = mapping.get("regex", [])
    regexes = [regexes] if isinstance(regexes, str) else regexes
    for rx in regexes:
        _compile_regex(ctx, mapping, str(rx), case == "insensitive")
    acts = _acts_of(ctx, mapping, what)
    if acts and (phrases or patterns or regexes or mapping.get("brand") or mapping.get("quoted") or any(
            k in mapping for k in ("in_question", "sentence_start", "line_edge", "unless", "when"))):
        ctx.fail(mapping, "act", "a block that reads sentence acts takes no phrases, lists, patterns, regex "
                 "or sense tests of its own (the acts are defined in rules/lists/acts.yaml)")
    if not (phrases or patterns or regexes or mapping.get("brand") or mapping.get("quoted") or acts):
        ctx.fail(mapping, None, f"{what} needs at least one of phrases, list, patterns, regex, quoted or act")
    block = Block(
        key=key, phrases=tuple(sorted(phrases)), patterns=tuple(freeze(p) for p in patterns),
        regex=tuple(str(r) for r in regexes), case=case, measure=mapping.get("measure"),
        brand=bool(mapping.get("brand", False)), in_question=bool(mapping.get("in_question", False)),
        sentence_start=bool(mapping.get("sentence_start", False)), line_edge=bool(mapping.get("line_edge", False)),
        acts=acts, quoted=bool(mapping.get("quoted", False)),
    )
    # Sense tests belong to the block, so only_if, before, signals, numerator …
    # take them exactly as match and target do.
    return _with_when(ctx, _with_unless(ctx, block, mapping.get("unless")), mapping.get("when"))


def _acts_of(ctx: Ctx, mapping, what: str) -> tuple[str, ...]:
    """`act: ask` or `act: [question, invitation]`: sentence acts (engine/acts.py)."""
    raw = mapping.get("act")
    if raw is None:
        return ()
    if what.startswith(("unless", "when")):
        ctx.fail(mapping, "act", "sentence acts cannot be read inside unless/when; use them in match, target, "
                 "before, signals, numerator, denominator or only_if")
    names = [raw] if isinstance(raw, str) else list(raw)
    for name in names:
        if name not in ACTS:
            ctx.fail(mapping, "act", f"unknown sentence act {name!r}{did_you_mean(name, ACTS, 'one of ')}")
    return tuple(str(n) for n in names)


def block_with_tests(ctx: Ctx, data, name: str, rid: str) -> Block:
    """match/target: `unless`/`when` may also stand at the rule's top level
    (the older spelling), but not in both places at once."""
    mapping = data[name]
    for test in ("unless", "when"):
        if test in data and isinstance(mapping, dict) and test in mapping:
            ctx.fail(data, test, f"given both at the rule's top level and inside {name}; keep one")
    block = parse_block(ctx, mapping, f"{rid}:{name}", name)
    return _with_when(ctx, _with_unless(ctx, block, data.get("unless")), data.get("when"))


def sub_blocks(block: Block) -> list[Block]:
    """The blocks a block's sense tests run, at any depth, which the bank
    must compile alongside it."""
    out = []
    for dep in (block.unless_sentence, block.when_sentence):
        if dep is not None:
            out.append(dep)
            out.extend(sub_blocks(dep))
    return out


def trained_attrs(rule) -> set[str]:
    """The token attributes a rule's patterns test that only a trained
    pipeline fills (nlp.py decides whether the loaded one does)."""
    found: set[str] = set()

    def walk(value) -> None:
        if isinstance(value, dict):
            found.update(str(k).upper() for k in value if str(k).upper() in TRAINED_ATTRS)  # spaCy takes "lemma" too
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for block in rule.blocks():
        for pattern in block.patterns:
            walk(thaw(pattern))
    return found


def freeze(value):
    """Nested YAML dicts and lists as hashable tuples (token patterns, the
    config's channel tweaks); `thaw` turns them back."""
    if isinstance(value, dict):
        return tuple(sorted((str(k), freeze(v)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(freeze(v) for v in value)
    return value


def thaw(value):
    """Token patterns back to the lists of dicts spaCy expects."""
    if isinstance(value, tuple) and value and all(isinstance(x, tuple) and len(x) == 2 and isinstance(x[0], str) for x in value):
        return {k: thaw(v) for k, v in value}
    if isinstance(value, tuple):
        return [thaw(v) for v in value]
    return value


def _with_unless(ctx: Ctx, block: Block, unless) -> Block:
    if unless is None:
        return block
    check_keys(ctx, unless, UNLESS_KEYS, "unless")
    sentence = None
    if "sentence" in unless:
        sentence = parse_block(ctx, unless["sentence"], f"{block.key}:unless", "unless.sentence")
    return replace(
        block,
        unless_before=frozenset(str(w).lower() for w in unless.get("before", [])),
        unless_after=frozenset(str(w).lower() for w in unless.get("after", [])),
        window=int(unless.get("window", 1)),
        unless_sentence=sentence,
    )


def _with_when(ctx: Ctx, block: Block, when) -> Block:
    """`when: {sentence: block}`: the converse of `unless.sentence`, for a
    word that is only the flagged sense next to another signal (hype is
    self-praise in a sentence about the sender, not in a news report)."""
    if when is None:
        return block
    check_keys(ctx, when, WHEN_KEYS, "when")
    if "sentence" not in when:
        ctx.fail(when, None, "when needs sentence")
    return replace(block, when_sentence=parse_block(ctx, when["sentence"], f"{block.key}:when", "when.sentence"))
