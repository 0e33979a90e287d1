"""Someone else's words: a sentence that quotes a person or a publication
and says who, either with a verb of saying ('"… our industry-leading
modules," says Jane Roe') or the way a testimonial is signed ('"The best
lead generation tool we have used" - Trade Weekly').  Rules read it as the
block key `quoted: true` (one definition, where TL104, TL202, TL203 and TL210
each carried a copy): an editor cannot cut words from a quotation, and a
customer's praise is not the sender's claim.  A quotation nobody is named
for ("the so-called "best" plan") is the sender's own wording and is not
matched."""

from __future__ import annotations

# RE2, read case-insensitively like any rule regex.
ATTRIBUTED_QUOTE = (
    # '"…," says Jane Roe', '"…" according to the Herald'
    r'["“][^"”]{3,300}["”]\s*,?\s*(?:says|said|writes|wrote|adds|added|according to)\s+[A-Z]',
    # '"…" - Jane Roe', '"…" — a trade magazine': a signed testimonial (a name
    # in capitals, or "a/an/the" and a word), not '"the best" - and we mean it'
    r'["“][^"”]{3,300}["”]\s*[-–—]{1,2}\s*(?:(?-i:[A-Z])|(?:a|an|the)\s+\w)',
    # a paragraph that opens a quotation and does not close it: a speech quoted over several
    # paragraphs, its author named above ('In his announcement, Cameron Balahan said: / "I'm
    # pleased to announce that …', a press release, set V); the sender's own lines close theirs
    r'(?m)^[ \t]*["“][^"”\n]{40,}$',
)
# Not a paragraph that is one quotation from end to end, whose author is
# signed on the next line (FastAPI's wall of quotes): 2002 spam puts its own
# headlines in quotation marks ('"The best lead generation tool on the
# net"'), and four true audience findings were lost that way.
