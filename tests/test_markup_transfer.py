"""The quoted-printable decoder's map back to the raw part (markup/transfer.py):
every decoded character must come from exactly the raw span it names, so that
a finding in a newsletter's QP body points at its words in the .eml file."""

from __future__ import annotations

import base64
import quopri

from hypothesis import given, settings
from hypothesis import strategies as st

from tonelint.markup.transfer import decode_base64, decode_quoted_printable


def _check(raw: str, expected: str, charset: str = "utf-8") -> None:
    cmap = decode_quoted_printable(raw, charset)
    assert cmap.text == expected
    assert len(cmap.starts) == len(cmap.ends) == len(cmap.literal) == len(expected)
    for ch, start, end, literal in zip(cmap.text, cmap.starts, cmap.ends, cmap.literal):
        piece = raw[start:end]
        assert literal == (piece == ch)
        if not literal:  # escapes only; a soft line break never sits inside a span
            assert quopri.decodestring(piece.encode("ascii")).decode(charset) == ch
    assert cmap.starts == sorted(cmap.starts)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"), max_size=300))
def test_encoded_text_decodes_back_with_an_exact_map(text):
    raw = quopri.encodestring(text.encode("utf-8")).decode("ascii")
    _check(raw, text)


def test_soft_breaks_escapes_and_a_latin1_part():
    _check("Caf=E9 and lo=\nng lines =3D fine", "Café and long lines = fine", charset="latin-1")
    _check("a=\r\nb", "ab")
    _check("stray = sign", "stray = sign")  # not an escape: kept as it stands


def test_unknown_charset_and_raw_8bit_text_do_not_crash():
    assert decode_quoted_printable("caf=C3=A9", "DEFAULT_CHARSET").text == "café"
    cmap = decode_quoted_printable("naïve =E2=80=94 ok", "utf-8")
    assert cmap.text == "naïve — ok"
    assert cmap.literal[2] is True and cmap.starts[2] == 2


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_base64_text_decodes_back_and_each_character_lies_in_its_groups(text):
    data = text.encode("utf-8")
    raw = base64.encodebytes(data).decode("ascii")  # 76-character lines, as mail has them
    cmap = decode_base64(raw, "utf-8")
    assert cmap.text == text
    for ch, start, end in zip(cmap.text, cmap.starts, cmap.ends):
        chunk = "".join(raw[start:end].split())
        assert len(chunk) % 4 == 0 and start % 77 != 76  # whole groups, never starting at a line break
        assert ch.encode("utf-8") in base64.b64decode(chunk)


def test_damaged_base64_keeps_what_decoded():
    assert decode_base64("T3VyIHRh cmdldA== !!!!", "utf-8").text == "Our target"
