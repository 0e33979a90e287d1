"""Coverage-guided fuzzing of the markup front ends (not run in CI).

Each input is split into a format byte and a draft; the draft is parsed and
every segment's offset map is checked against the source: a crash, or a
verbatim piece that does not equal the source text it claims to come from, is a
finding.  Usage: see fuzz/README.md.
"""

import sys

import atheris

with atheris.instrument_imports():
    from tonelint.markup import email, front_matter, html, markdown, plain, segment, transfer  # noqa: F401 - instrumented
    from tonelint.markup import parse
    from tonelint.markup.segment import _NO_BREAK_SPACES as NO_BREAK

FORMATS = ("markdown", "text", "html", "email")


def check(data: bytes) -> None:
    if not data:
        return
    fmt = FORMATS[data[0] % len(FORMATS)]
    text = data[1:].decode("utf-8", "replace")
    parsed = parse(text, fmt)
    # Markdown and HTML see CRLF as " \n" and CR as "\n", and segments read
    # no-break spaces as spaces and NUL as U+FFFD: same length, same offsets.
    lf = text.replace("\r\n", " \n").replace("\r", "\n").translate(NO_BREAK)
    views = (text, text.translate(NO_BREAK), lf, lf.replace("\x00", "\ufffd"), html._BAD_MARKED_SECTION.sub(" ", lf))
    for seg in parsed.segments:
        for piece, src, verbatim, length in zip(seg.parts, seg.src_starts, seg.verbatim, seg.lengths):
            assert 0 <= src <= src + length <= len(text), (fmt, piece, src, length)
            if verbatim:
                assert any(v[src : src + len(piece)] == piece for v in views), (fmt, piece, text[src:][:40])
        for i in range(0, seg.length + 1, max(seg.length // 8, 1)):
            assert 0 <= seg.to_source(i) <= len(text)
    for offset, _ in parsed.directives:
        assert 0 <= offset <= len(text)


def main() -> None:
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
