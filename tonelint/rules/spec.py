"""The rule language: what a YAML rule may say, checked strictly before anything
runs (an unknown key is an error with a "did you mean", as in Vale), and turned
into frozen specs the checks compile.

A *matcher block* is the one shape every kind uses to say what text it looks
for (phrases, token patterns, regexes, word lists, inflection, sense tests), so
one compiler serves substitution, existence, ratio, required and order rules.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Applicability, Level
from ..errors import RuleError
from ..markup.segment import SCOPES

KINDS = ("substitution", "existence", "ratio", "required", "order")
_ID = re.compile(r"^[A-Z][A-Z0-9]*[0-9]+$")
_FAMILY = re.compile(r"^[a-z][a-z0-9-]*$")

COMMON_KEYS = {
    "id": str, "name": str, "family": str, "kind": str, "level": str, "message": str,
    "description": str, "rationale": str, "rewrite": str, "scope": list, "examples": dict,
    "status": str, "since": str, "source": (str, dict), "channels": dict,
}
KIND_KEYS = {
    "substitution": {"match": dict, "swap": dict, "fix": str, "unless": dict, "when": dict},
    "existence": {"match": dict, "unless": dict, "when": dict, "whole": (bool, str)},
    "ratio": {"numerator": dict, "denominator": dict, "smoothing": (int, float),
              "threshold": (int, float), "min_count": int, "min_words": int, "only_if": dict},
    "required": {"signals": list, "min": int, "min_words": int, "only_if": dict},
    "order": {"target": dict, "before": dict, "opening": bool, "report": str, "stack": dict, "unless": dict,
              "when": dict},
}
REQUIRED_KEYS = {
    "substitution": ("match", "swap"), "existence": ("match",), "ratio": ("numerator", "denominator", "threshold"),
    "required": ("signals",), "order": ("target",),
}
BLOCK_KEYS = {
    "phrases": list, "list": (str, list), "patterns": list, "regex": (str, list), "case": str,
    "inflect": str, "measure": str, "brand": bool, "in_question": bool, "sentence_start": bool,
    "line_edge": bool, "unless": dict, "when": dict,
}
WHEN_KEYS = {"sentence": dict}
UNLESS_KEYS = {"before": list, "after": list, "window": int, "sentence": dict}
STACK_KEYS = {"max": int, "window": int}
INFLECTIONS = ("none", "noun", "verb", "all")
# What a block's hits count towards in the scorecard (docs/scorecard.md).
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


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    family: str
    kind: str
    level: Level
    message: str
    description: str
    rationale: str
    rewrite: str
    scope: frozenset
    path: str
    examples: dict = field(default_factory=dict, compare=False, hash=False)
    match: Block | None = None
    swap: tuple = ()  # ((lower phrase, replacement), ...)
    fix: Applicability | None = None
    whole: bool | str = False  # True: the whole link/paragraph; "sentence": the whole sentence
    numerator: Block | None = None
    denominator: Block | None = None
    smoothing: float = 1.0
    threshold: float = 0.0
    min_count: int = 1
    min_words: int = 0
    signals: tuple = ()
    min: int = 1
    only_if: Block | None = None
    target: Block | None = None
    before: Block | None = None
    opening: bool = False
    report: str = "first"
    stack: tuple[int, int] | None = None
    channels: dict = field(default_factory=dict, compare=False, hash=False)
    status: str = "stable"

    def blocks(self) -> list[Block]:
        out = [b for b in (self.match, self.numerator, self.denominator, self.only_if, self.target, self.before) if b]
        out.extend(self.signals)
        out.extend(dep for b in list(out) for dep in sub_blocks(b))
        return out



class _Ctx:
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


def _check_keys(ctx: _Ctx, mapping, allowed: dict, what: str) -> None:
    if not isinstance(mapping, dict):
        ctx.fail(ctx.data, what, "must be a mapping")
    for key, value in mapping.items():
        if key not in allowed:
            close = difflib.get_close_matches(str(key), list(allowed), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f" (allowed: {', '.join(sorted(allowed))})"
            ctx.fail(mapping, key, f"unknown key in {what}{hint}")
        want = allowed[key]
        if isinstance(want, tuple):
            ok = isinstance(value, want) and not (isinstance(value, bool) and bool not in want)
        else:
            ok = isinstance(value, want) and not (isinstance(value, bool) and want is not bool)
        if not ok:
            names = "/".join(t.__name__ for t in (want if isinstance(want, tuple) else (want,)))
            ctx.fail(mapping, key, f"must be {names.replace('str', 'text').replace('dict', 'mapping')}")


LIST_SUFFIX = ".txt"


def read_list(ctx: _Ctx, mapping, name: str) -> list[str]:
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
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        ctx.fail(mapping, "list", f"word list {name!r} not found next to the rule file or in lists/")
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


def _validate_pattern(ctx: _Ctx, mapping, pattern) -> None:
    if not isinstance(pattern, list) or not pattern:
        ctx.fail(mapping, "patterns", "each pattern must be a non-empty list of token mappings")
    for tok in pattern:
        if not isinstance(tok, dict):
            ctx.fail(mapping, "patterns", "each token in a pattern must be a mapping such as {LOWER: our}")
        for attr in tok:
            if str(attr).upper() not in TOKEN_ATTRS and attr != "_":
                close = difflib.get_close_matches(str(attr).upper(), sorted(TOKEN_ATTRS), n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                ctx.fail(mapping, "patterns", f"unknown token attribute {attr!r}{hint}")
            if _has_regex_predicate(tok[attr]):
                # spaCy runs REGEX predicates on Python's backtracking engine: one
                # long token could hang a commit hook.  Block-level `regex:` is RE2.
                ctx.fail(mapping, "patterns", f"{attr}: REGEX is not allowed in token patterns (it can hang on "
                         "long words); use the block's `regex:` key, which runs on RE2 in linear time")
    try:
        from spacy.matcher import Matcher
        from spacy.vocab import Vocab

        Matcher(Vocab(), validate=True).add("check", [pattern])
    except Exception as exc:  # spaCy's own validation message, first line
        ctx.fail(mapping, "patterns", f"invalid token pattern: {str(exc).strip().splitlines()[-1][:200]}")


def _has_regex_predicate(value) -> bool:
    if isinstance(value, dict):
        return any(str(k).upper() == "REGEX" or _has_regex_predicate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_regex_predicate(v) for v in value)
    return False


def _compile_regex(ctx: _Ctx, mapping, pattern: str, ignore_case: bool) -> None:
    from .regex import RegexError, compile_regex

    try:
        compile_regex(pattern, ignore_case)  # as the matcher bank will: one compile, cached
    except RegexError as exc:
        ctx.fail(mapping, "regex", str(exc))


def parse_block(ctx: _Ctx, mapping, key: str, what: str) -> Block:
    _check_keys(ctx, mapping, BLOCK_KEYS, what)
    how = mapping.get("inflect", "none")
    if how not in INFLECTIONS:
        ctx.fail(mapping, "inflect", f"must be one of {', '.join(INFLECTIONS)}")
    if "measure" in mapping and mapping["measure"] not in MEASURES:
        close = difflib.get_close_matches(str(mapping["measure"]), MEASURES, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else f" (one of {', '.join(MEASURES)})"
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
    if not (phrases or patterns or regexes or mapping.get("brand")):
        ctx.fail(mapping, None, f"{what} needs at least one of phrases, list, patterns or regex")
    block = Block(
        key=key, phrases=tuple(sorted(phrases)), patterns=tuple(freeze(p) for p in patterns),
        regex=tuple(str(r) for r in regexes), case=case, measure=mapping.get("measure"),
        brand=bool(mapping.get("brand", False)), in_question=bool(mapping.get("in_question", False)),
        sentence_start=bool(mapping.get("sentence_start", False)), line_edge=bool(mapping.get("line_edge", False)),
    )
    # Sense tests belong to the block, so only_if, before, signals, numerator …
    # take them exactly as match and target do.
    return _with_when(ctx, _with_unless(ctx, block, mapping.get("unless")), mapping.get("when"))


def _block_with_tests(ctx: _Ctx, data, name: str, rid: str) -> Block:
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


def trained_attrs(rule: Rule) -> set[str]:
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


def _with_unless(ctx: _Ctx, block: Block, unless) -> Block:
    if unless is None:
        return block
    _check_keys(ctx, unless, UNLESS_KEYS, "unless")
    sentence = None
    if "sentence" in unless:
        sentence = parse_block(ctx, unless["sentence"], f"{block.key}:unless", "unless.sentence")
    from dataclasses import replace

    return replace(
        block,
        unless_before=frozenset(str(w).lower() for w in unless.get("before", [])),
        unless_after=frozenset(str(w).lower() for w in unless.get("after", [])),
        window=int(unless.get("window", 1)),
        unless_sentence=sentence,
    )


def _with_when(ctx: _Ctx, block: Block, when) -> Block:
    """`when: {sentence: block}`: the converse of `unless.sentence`, for a
    word that is only the flagged sense next to another signal (hype is
    self-praise in a sentence about the sender, not in a news report)."""
    if when is None:
        return block
    _check_keys(ctx, when, WHEN_KEYS, "when")
    if "sentence" not in when:
        ctx.fail(when, None, "when needs sentence")
    from dataclasses import replace

    return replace(block, when_sentence=parse_block(ctx, when["sentence"], f"{block.key}:when", "when.sentence"))


def parse_rule(data, path: str) -> Rule:
    ctx = _Ctx(path, data)
    if not isinstance(data, dict):
        raise RuleError(path, "a rule file must be a YAML mapping")
    kind = data.get("kind")
    if kind not in KINDS:
        close = difflib.get_close_matches(str(kind), KINDS, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else f" (one of {', '.join(KINDS)})"
        ctx.fail(data, "kind", f"unknown kind {kind!r}{hint}" if kind else "missing (one of " + ", ".join(KINDS) + ")")
    allowed = dict(COMMON_KEYS, **KIND_KEYS[kind])
    _check_keys(ctx, data, allowed, "rule")
    for key in ("id", "family", "message", "rationale", *REQUIRED_KEYS[kind]):
        if key not in data:
            ctx.fail(data, None, f"missing required key {key!r}")
    rid = data["id"]
    if not _ID.match(rid):
        ctx.fail(data, "id", f"{rid!r} is not a rule code such as TL101 or ACME1")
    if not _FAMILY.match(data["family"]):
        ctx.fail(data, "family", "must be a lower-case name such as audience")
    try:
        level = Level.parse(data.get("level", "warning"))
    except ValueError as exc:
        ctx.fail(data, "level", str(exc))
    scope = data.get("scope", [s for s in SCOPES if s != "document"])
    for s in scope:
        if s not in SCOPES:
            close = difflib.get_close_matches(str(s), SCOPES, n=1)
            ctx.fail(data, "scope", f"unknown scope {s!r}" + (f"; did you mean {close[0]!r}?" if close else ""))
    if data.get("status", "stable") not in ("stable", "preview", "deprecated"):
        ctx.fail(data, "status", "must be stable, preview or deprecated")
    examples = data.get("examples", {})
    _check_keys(ctx, examples, {"bad": list, "good": list}, "examples")
    check_channels(ctx, data.get("channels", {}), kind)
    fields = dict(
        id=rid, name=data.get("name", rid.lower()), family=data["family"], kind=kind, level=level,
        message=data["message"], description=data.get("description", ""), rationale=data["rationale"],
        rewrite=data.get("rewrite", ""), scope=frozenset(scope), path=path, examples=examples,
        channels=data.get("channels", {}), status=data.get("status", "stable"),
    )
    _check_templates(ctx, data)
    if kind in ("substitution", "existence"):
        fields["match"] = _block_with_tests(ctx, data, "match", rid)
        whole = data.get("whole", False)
        if isinstance(whole, str) and whole != "sentence":
            ctx.fail(data, "whole", "must be true, false or sentence")
        fields["whole"] = whole
    if kind == "substitution":
        swap = data["swap"]
        if not swap:
            ctx.fail(data, "swap", "must map at least one phrase to its replacement")
        fields["swap"] = tuple((" ".join(str(k).lower().split()), str(v)) for k, v in swap.items())
        for phrase, replacement in swap.items():
            if len(f"{replacement}.".splitlines()) > 1:
                # A fix changes words within a line; a line break in a team
                # pack's replacement could add a line to any file --fix writes.
                ctx.fail(swap, phrase, "the replacement contains a line break; a replacement changes words, "
                                       "never lines")
        try:
            fields["fix"] = Applicability(data.get("fix", "unsafe"))
        except ValueError:
            if data.get("fix") == "none":
                fields["fix"] = None
            else:
                ctx.fail(data, "fix", "must be safe, unsafe or none")
    elif kind == "ratio":
        fields["numerator"] = parse_block(ctx, data["numerator"], f"{rid}:numerator", "numerator")
        fields["denominator"] = parse_block(ctx, data["denominator"], f"{rid}:denominator", "denominator")
        fields["smoothing"] = float(data.get("smoothing", 1))
        fields["threshold"] = float(data["threshold"])
        fields["min_count"] = int(data.get("min_count", 1))
        fields["min_words"] = int(data.get("min_words", 0))
        if "only_if" in data:
            fields["only_if"] = parse_block(ctx, data["only_if"], f"{rid}:only_if", "only_if")
    elif kind == "required":
        signals = data["signals"]
        if not signals:
            ctx.fail(data, "signals", "must list at least one matcher block")
        fields["signals"] = tuple(parse_block(ctx, b, f"{rid}:signals:{i}", "signals") for i, b in enumerate(signals))
        fields["min"] = int(data.get("min", 1))
        fields["min_words"] = int(data.get("min_words", 0))
        if "only_if" in data:
            fields["only_if"] = parse_block(ctx, data["only_if"], f"{rid}:only_if", "only_if")
    elif kind == "order":
        fields["target"] = _block_with_tests(ctx, data, "target", rid)
        if "before" in data:
            fields["before"] = parse_block(ctx, data["before"], f"{rid}:before", "before")
        fields["opening"] = bool(data.get("opening", False))
        report = data.get("report", "first")
        if report not in ("first", "all"):
            ctx.fail(data, "report", "must be first or all")
        fields["report"] = report
        if "stack" in data:
            _check_keys(ctx, data["stack"], STACK_KEYS, "stack")
            fields["stack"] = (int(data["stack"].get("max", 2)), int(data["stack"].get("window", 3)))
        if not (fields.get("before") or fields["opening"] or fields.get("stack")):
            ctx.fail(data, None, "an order rule needs before, opening: true, or stack")
    return Rule(**fields)


CHANNEL_TWEAK_KEYS = {"off": bool, "level": str, "threshold": (int, float), "min_words": int, "min_count": int,
                      "min": int, "stack": dict}
_TWEAKS_BY_KIND = {"ratio": {"threshold", "min_words", "min_count"}, "required": {"min", "min_words"},
                   "order": {"stack"}}


def check_channels(ctx: _Ctx, channels, kind: str | None) -> None:
    """`channels: {sms: {off: true}, social: {stack: {max: 1}}}`: each tweak
    must be one the rule's kind can use (config.py checks its own the same way)."""
    if not isinstance(channels, dict):
        ctx.fail(ctx.data, "channels", "must be a mapping of channel name to tweaks")
    for name, tweak in channels.items():
        if tweak is None:
            continue
        _check_keys(ctx, tweak, CHANNEL_TWEAK_KEYS, f"channels.{name}")
        for key in tweak:
            if kind and key not in ("off", "level") and key not in _TWEAKS_BY_KIND.get(kind, ()):
                article = "an" if kind[0] in "aeiou" else "a"
                ctx.fail(tweak, key, f"{article} {kind} rule has no {key} to tune")
        if "level" in tweak:
            try:
                Level.parse(tweak["level"])
            except ValueError as exc:
                ctx.fail(tweak, "level", str(exc))
        if "stack" in tweak:
            _check_keys(ctx, tweak["stack"], STACK_KEYS, f"channels.{name}.stack")


_FIELD = re.compile(r"\{([a-z_]+)")
TEMPLATE_FIELDS = {"match", "replacement", "count", "numerator", "denominator", "ratio", "threshold", "min", "words",
                   "max", "window", "where"}


def _check_templates(ctx: _Ctx, data) -> None:
    for key in ("message", "rewrite"):
        for name in _FIELD.findall(str(data.get(key, ""))):
            if name not in TEMPLATE_FIELDS:
                ctx.fail(data, key, f"unknown placeholder {{{name}}} (allowed: {', '.join(sorted(TEMPLATE_FIELDS))})")
