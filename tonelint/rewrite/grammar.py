"""Small, word-list grammar for rewrites built without a parser (tonelint runs
a blank spaCy pipeline): articles, agreement after a singular-to-plural swap,
sentence-start capitals, shouted words, and the checks that refuse a rewrite
which would read as broken English (a doubled phrase, a dangling "of", a
wrong article).  Every check errs towards refusing: a finding without a fix
is better than a fix an editor would have to undo."""

from __future__ import annotations

import re
from functools import lru_cache

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")

# Acronyms and short words kept in capitals when a shouted line is put back
# into sentence case; a word of four letters or fewer without a vowel is
# taken for an acronym too (PDF, HTML, SMTP, CRM).
_KEEP_CAPS = {"I", "USA", "UK", "US", "EU", "CEO", "CFO", "CTO", "FAQ", "API", "AI", "OK", "TV", "PC",
              "NASA", "ASAP", "HR", "IRS", "ISP", "IP", "URL", "USB", "DVD", "CD", "GPS", "VIP", "UN",
              "AOL", "IBM", "MS", "NBC", "CNN", "ABC", "CBS", "B2B", "SaaS", "ROI", "SEO", "AM", "PM", "FBI"}
_VOWELS = set("AEIOUY")
_KEEP_CAPS |= {"CEST", "CET", "GMT", "UTC", "EST", "EDT", "PST", "PDT", "BST", "IST", "JST", "AEST", "NYC", "LA",
               "SF", "DC", "CA", "NY", "TX", "HQ", "PS", "PPS", "RSVP", "FYI", "DIY", "AKA", "ETA", "OCR", "SMS",
               "HTML", "PDF", "CSV", "JSON", "SQL", "AWS", "GDPR", "SOC", "ISO", "MLM", "CNET", "ZDNet", "FAQS"}
# Everyday short words that a shouting line writes in capitals; a short word
# in capitals that is neither these nor a spaCy stop word is kept (an
# abbreviation, a name).
_SHORT_WORDS = {"free", "new", "save", "sale", "best", "fast", "easy", "huge", "deal", "cash", "time", "love",
                "hot", "big", "win", "buy", "act", "low", "top", "must", "pay", "fee", "gift", "now", "only",
                "wow", "yes", "all", "off", "one", "two", "day", "days", "year", "week", "more", "less", "here",
                "this", "that", "with", "your", "you", "our", "get", "try", "join", "call", "sign", "shop",
                "book", "stop", "wait", "miss", "last", "hurry", "work", "home", "life", "help", "sell", "need",
                "want", "like", "just", "ever", "also", "look", "read", "done", "sure", "real", "true", "good",
                "rich", "safe", "cure", "loan", "debt", "bill", "card", "rate", "rates", "pill", "diet", "lose",
                "fat", "sex", "hair", "skin", "age", "club", "plan", "plus", "bonus", "note", "tips", "tip", "info",
                "news", "link", "site", "web", "page", "list", "hits", "mail", "send", "make", "made", "earn",
                "wins", "won", "lot", "lots", "each", "full", "half", "high", "open", "last", "next", "soon", "see",
                "why", "how", "what", "who", "when", "where", "will", "can", "may", "not", "no", "and", "or", "the",
                "for", "to", "of", "in", "on", "at", "by", "is", "are", "be", "it", "as", "an", "a", "do", "if",
                "so", "up", "out", "my", "me", "we", "us", "he", "she", "they", "them", "his", "her"}

# "an" before these although they start with a consonant letter, "a" before
# these although they start with a vowel letter.
_AN_EXCEPT = ("hour", "honest", "honour", "honor", "heir", "herb")
_A_EXCEPT = re.compile(r"^(?:u[bcdfgklmnprstvz][aeiou]|uni|use|usu|uti|eu|ewe|one|once|ouija)", re.I)

_SINGULAR_VERB = {"is": "are", "was": "were", "has": "have", "does": "do", "isn't": "aren't", "wasn't": "weren't",
                  "hasn't": "haven't", "doesn't": "don't", "is’nt": "aren't"}

STOP = {"a", "an", "the", "of", "to", "and", "or", "in", "on", "for", "with", "at", "by", "is", "are", "be", "it",
        "this", "that", "as", "from", "we", "you", "i", "our", "your", "my", "its", "their"}


def article_for(word: str) -> str:
    """"a" or "an" for the sound `word` starts with (letters, not phonetics;
    acronyms read letter by letter)."""
    w = word.strip("\"'“”‘’(")
    if not w:
        return "a"
    if w.isupper() and len(w) > 1 and not any(c in "AEIOU" for c in w[1:2]):
        return "an" if w[0] in "AEFHILMNORSX" else "a"
    lower = w.lower()
    if lower.startswith(_AN_EXCEPT):
        return "an"
    if lower[0] in "aeiou" and not _A_EXCEPT.match(lower):
        return "an"
    if lower[0].isdigit():
        return "an" if lower.startswith(("8", "11", "18")) else "a"
    return "a"


_ARTICLE = re.compile(r"\b(a|an|A|An|AN)(\s+)([\w\"“'‘(][\w'’-]*)")


def fix_articles(text: str) -> str:
    def repl(m):
        want = article_for(m.group(3))
        got = m.group(1)
        if got.lower() == want:
            return m.group(0)
        new = want if got.islower() else want.capitalize() if not got.isupper() else want.upper()
        return new + m.group(2) + m.group(3)

    return _ARTICLE.sub(repl, text)


def broken_article(text: str) -> str | None:
    """The first "a/an WORD" whose article does not fit the word, or None."""
    for m in _ARTICLE.finditer(text):
        word = m.group(3)
        if word[:1].isdigit() or not word[:1].isalpha():
            continue
        if m.group(1).lower() != article_for(word):
            return m.group(0)
    return None


def plural_verb(word: str) -> str | None:
    """The plural form of a singular verb that follows a subject ("is" ->
    "are"), or None when `word` is not one this module can agree."""
    low = word.lower()
    if low in _SINGULAR_VERB:
        out = _SINGULAR_VERB[low]
        return out.capitalize() if word[:1].isupper() else out
    return None


def capitalise(text: str) -> str:
    """Upper-case the first letter (after opening quotes and brackets)."""
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1:]
        if ch.isdigit():
            return text
    return text


_FUNCTION_WORDS = {"our", "the", "a", "an", "you", "your", "it", "its", "this", "that", "these", "those", "my",
                   "we", "there", "here", "every", "each", "all", "some", "any", "no", "if", "when", "to", "for",
                   "with", "in", "on", "at", "from", "by", "more", "most", "many", "new", "today", "now", "please"}


def decapitalise(text: str) -> str:
    """Lower-case the first word when it is a plain function word ("Our",
    "The", "You"); any other capitalised word may be a name and stays."""
    m = WORD.search(text)
    if not m:
        return text
    w = m.group(0)
    if w.lower() not in _FUNCTION_WORDS or not w[:1].isupper() or (len(w) > 1 and w[1:].lower() != w[1:]):
        return text
    return text[: m.start()] + w[0].lower() + text[m.start() + 1:]


@lru_cache(maxsize=1)
def _stop_words() -> frozenset:
    from spacy.lang.en.stop_words import STOP_WORDS  # spaCy is loaded by the engine already

    return frozenset(STOP_WORDS)


def is_common(word: str) -> bool:
    """An everyday English word (a stop word or one a shouting line uses)."""
    low = word.lower().strip("'’")
    return low in _SHORT_WORDS or low in _stop_words()


def is_acronym(word: str) -> bool:
    """A word in capitals that is an abbreviation or a name rather than a
    shouted everyday word (CEST, PDF, NASA — but not FREE or NOW)."""
    core = word.strip("'’")
    if core in _KEEP_CAPS:
        return True
    letters = [c.upper() for c in core if c.isalpha()]
    if not letters:
        return False
    if not any(c in _VOWELS for c in letters) and len(letters) <= 5:
        return True
    if len(letters) == 2:
        return not is_common(core)
    if len(letters) == 3 and not is_common(core):
        # consonant-vowel-consonant reads as a word (HOT, WIN, BOX, WAY); a
        # vowel at either edge as letters (USA, CEO, API, URL)
        return letters[0] in "AEIOU" or letters[-1] in "AEIOU"
    return False


_SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from"})
_US_PRONOUN = re.compile(r"\b(?:give|call|contact|email|e-mail|join|tell|help|let|send|write|visit|ask|text|"
                         r"phone|fax|to|with|for|from|about|of|by|reach)\s+$", re.I)


def unshout(text: str, names: dict | None = None, *, start: bool = True) -> str:
    """Words in capitals back to normal case: acronyms stay, words the draft
    writes elsewhere with capitals (its names) get that spelling, and the
    first word of a sentence gets a capital."""
    names = names or {}

    def word(m):
        w = m.group(0)
        letters = [c for c in w if c.isalpha()]
        if w == "A" and m.start() > 0:
            return "a"
        if len(letters) < 2 or not all(c.isupper() for c in letters):
            return w
        if w == "US" and _US_PRONOUN.search(text[: m.start()]):
            return "us"  # "GIVE US A CALL", "CONTACT US": the pronoun, not the country
        if re.fullmatch(r"IT['’]S", w):
            return "it" + w[2:].lower()  # "IT'S FREE": the pronoun, not IT
        if is_acronym(w):
            return w
        return names.get(w.lower(), w.lower())

    out = WORD.sub(word, text)
    # a shouted title in quotation marks keeps its capitals as Title Case
    # ("THE SECRET LIFE OF ZOEY" -> "The Secret Life of Zoey")
    for q in re.finditer(r"[\"“]([^\"”]{3,80})[\"”]", text if len(out) == len(text) else ""):
        inner = q.group(1)
        if inner.upper() == inner and any(c.isalpha() for c in inner):
            titled = " ".join(x.lower() if i and x.lower() in _SMALL_WORDS else x[:1].upper() + x[1:].lower()
                              for i, x in enumerate(inner.split(" ")))
            out = out[: q.start(1)] + titled + out[q.end(1):]
    # "NORTON SYSTEMWORKS" -> "norton SystemWorks": a word lowered right before a
    # name with inner capitals is the name's first word
    out = re.sub(r"\b([a-z])([a-z]+)(?= [A-Z][a-z]+[A-Z])",
                 lambda m: m.group(1).upper() + m.group(2) if text[m.start():m.end()].isupper() else m.group(0), out)
    out = re.sub(r"\s+([.,;:!?])", r"\1", out)
    return capitalise(out) if start else out


def untitle(text: str, names: dict, *, plain: frozenset | None = None, runs: bool = True) -> str:
    """Title Case words back to lower case ("a Broadcast Email Advertisement"
    -> "a broadcast email advertisement"), but not a word the draft writes as
    a name, nor the first word after a sentence's end or a bullet; with
    `plain`, only everyday words and words the draft also writes in lower
    case ("Sandy", "Johnson" stay); with `runs`, a capital after a capital
    also stays ("the NBC BGA Locator" is a name)."""
    words = text.split(" ")
    for i in range(1, len(words)):
        low = words[i].lower().rstrip(",;.!?")
        if re.fullmatch(r"[A-Z][a-z]+\W*", words[i]) and not re.search(r"[.!?:]$|^\W+$", words[i - 1]) \
                and (words[i - 1][:1].islower() or not runs) and low not in names \
                and (plain is None or low in plain or is_common(low)):
            words[i] = words[i].lower()
    return " ".join(words)


def headline_cased(text: str) -> bool:
    """Every word but the small ones starts with a capital, as a title is
    written ("Reproducible Workflows in the Arts and Humanities")."""
    return all(w[:1].isupper() or not w[:1].isalpha() for w in text.split() if w.lower() not in _SMALL_WORDS)


def first_line(text: str) -> str:
    """The draft's first line of words: a post's title, a mail's subject as the prose keeps it."""
    return text.lstrip().split("\n", 1)[0]


def title_cased(text: str) -> bool:
    """Most of the line's longer words start with a capital (a spam banner's
    "Just 1 of 5,000 People Respond, You Can Generate …")."""
    long = [w for w in WORD.findall(text) if len(w) > 2 and w[:1].isalpha()]
    return len(long) >= 5 and sum(w[:1].isupper() for w in long) >= 0.6 * len(long)


def tidy(text: str) -> str:
    """Spacing and punctuation left behind when words are taken out."""
    t = re.sub(r"[ \t]{2,}", " ", text)
    t = re.sub(r"\s+([,.;:!?])", r"\1", t)
    t = re.sub(r"([,;:])\s*([,.;:!?])", r"\2", t)
    t = re.sub(r"^\s*[,;:—–-]+\s*", "", t)
    t = re.sub(r"\(\s*\)", "", t)
    t = re.sub(r"\s+([)\]])", r"\1", t)
    t = re.sub(r"([!?])\1+|(?<!\.)\.\.(?!\.)", lambda m: m.group(1) or ".", t)  # "!!" -> "!", but an ellipsis stays
    return t.strip()


def shown(finding) -> str:
    """The flagged words as the reader sees them.  Every built-in message
    quotes them first ("{match}", filled from the decoded text), which matters
    where the source holds them encoded (base64, quoted-printable, entities);
    a message without quotes falls back to the source text."""
    m = re.search(r'"([^"]+)"', finding.message)
    if m:
        return " ".join(m.group(1).split())
    return " ".join(finding.matched.split())


def words(text: str) -> list[str]:
    return [w.lower().strip("'’") for w in WORD.findall(text)]


def doubled_phrase(text: str) -> str | None:
    """A phrase said twice in a row or across a copula ("our customers are
    our customers", "the the"), which no editor would let through."""
    ws = words(text)
    for i in range(1, len(ws)):
        if ws[i] == ws[i - 1] and ws[i] not in ("that", "had", "very", "really", "bye", "ha", "no", "so"):
            return ws[i] + " " + ws[i]
    for n in (3, 2):
        seen: dict = {}
        for i in range(len(ws) - n + 1):
            gram = tuple(ws[i:i + n])
            if all(w in STOP for w in gram):
                continue
            if gram in seen and i - seen[gram] <= n + 3:
                return " ".join(gram)
            seen.setdefault(gram, i)
    return None


_DANGLING_OF = re.compile(r"\bof\s*(?:[.,;:!?)]|$)|\bof\s+(?:is|are|was|were|will|and|of|the\s*[.,;:!?])\b", re.I)


def dangling_of(text: str) -> str | None:
    m = _DANGLING_OF.search(text)
    return m.group(0) if m else None


def problems(text: str) -> set:
    return {p for p in (doubled_phrase(text), dangling_of(text), broken_article(text)) if p}


def reads(before: str, after: str) -> bool:
    """True when `after` (a rewritten or fixed sentence) has no doubled
    phrase, dangling "of" or wrong article that `before` did not have."""
    return not (problems(after) - problems(before))


HARD_BREAK = re.compile(r"(?<=[^\s.!?,;…–—-])[ \t]*\n\s*(?=[A-Z0-9\"“‘'(\[*•-])")


def hard_lines(text: str) -> list[str]:
    """The lines of a "sentence" that the splitter ran together from lines
    with no full stop between them (navigation, buttons, a list under a
    "…to:" line): a break after a line with no closing punctuation, before a
    capital.  A wrapped sentence (the next line goes on in lower case) stays
    whole."""
    return [p.strip() for p in HARD_BREAK.split(text.strip()) if p.strip()]


def excerpt(text: str, limit: int = 90) -> str:
    """A sentence short enough to quote inside an instruction.  Lines run
    together are not quoted as one sentence: a list under a "…to:" line is
    quoted as a list, otherwise only the first line."""
    lines = hard_lines(text)
    if len(lines) > 1:
        if lines[0].endswith(":"):
            text = lines[0] + " " + ", ".join(lines[1:])
        elif len(WORD.findall(lines[0])) >= 3 or len(lines[0]) >= 12:
            head = " ".join(lines[0].split())
            if len(head) <= limit:
                return head + " …"
            text = head
    text = re.sub(r"(?:\s+[#@]\w*)+$", "", " ".join(text.split()))
    text = re.sub(r"^[\W_]{3,}\s*", "", text)
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def headline(text: str) -> bool:
    """A line set as a heading: no closing stop and most words capitalised
    ("Our First Grant: The Ford Foundation")."""
    words = [w for w in WORD.findall(text) if w[:1].isalpha()]
    if not words or text.rstrip()[-1:] in ".!?":
        return False
    return sum(w[:1].isupper() for w in words) * 2 > len(words)


# Function words of the languages outbound copy is most often written in besides English, none
# of them an English word (not "die", "den", "van", "as", "per", nor a URL's "com").
_FOREIGN = frozenset("""der das und ist nicht mit für sie ihre ihr wir unsere auf eine einen zu dem von uns werden sind
oder auch les et est pour vous votre nous avec une des du sur pas dans qui el los las es para con usted nuestro
nuestra una del por que não você seu sua uma het een voor jouw wij onze niet met zijn di che della sono le""".split())
_ENGLISH = frozenset("the and of to is you your for with that this we our are it be on in can will have".split())


def english(text: str) -> bool:
    """False for a draft written in another language (many foreign function
    words, few English ones): a rewrite built from English words would mix
    two languages there.  A quoted German line in an English post stays
    English."""
    found = [w.lower() for w in WORD.findall(text[:20000])]
    foreign = sum(w in _FOREIGN for w in found)
    return not (foreign >= 8 and foreign > 2 * sum(w in _ENGLISH for w in found))

