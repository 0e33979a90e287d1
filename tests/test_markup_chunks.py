"""Large Markdown drafts are parsed in pieces (markup/chunks.py) to bound
memory; the pieces must give exactly the segments of a whole-document parse.
Tiny piece sizes put a cut at every place the splitter allows."""

from __future__ import annotations

import json

import pytest

from tonelint.markup import chunks
from tonelint.markup.markdown import parse_markdown

TRICKY = """---
title: Spring news

channel: email
---

We are thrilled to announce [the app] and [Later Ref].

```
code block

Our target audience is not prose here
```

<!-- tonelint-disable TL101

still a comment -->

Text with <pre> inline

Inside a paragraph, not a block
</pre>

- a list item

  continued after a blank line

Back at the top level [x][ref2] and [www.example.com] and [`code label`].

~~~ python
~~~

After the fence.

```  not`a fence
Paragraph text.

Sign up now!!!

[later ref]: /url "title"

[ref2]:
  /two

[www.example.com]: https://www.example.com
[`code label`]: /code

[the app]: /app

<script>

var target = "audience";
</script>

Our users will love it.
"""


def snapshot(parsed):
    return (
        parsed.meta, parsed.directives,
        [(s.scope, s.text, s.seg_starts, s.src_starts, s.verbatim, s.lengths, s.links, s.length) for s in parsed.segments],
    )


@pytest.mark.parametrize("size", [1, 40, 300, 10**6])
def test_pieces_give_the_whole_documents_segments(size):
    if size == 1:
        assert len(chunks.cut_points(TRICKY, size)) >= 6
    if size == 10**6:
        assert chunks.cut_points(TRICKY, size) == []
    assert snapshot(chunks.parse_markdown_chunked(TRICKY, size)) == snapshot(parse_markdown(TRICKY))


def test_no_cut_inside_fences_html_blocks_or_front_matter():
    cuts = chunks.cut_points(TRICKY, 1)
    lines = {TRICKY[c : TRICKY.find("\n", c)] for c in cuts}
    inside = ("Our target audience is not prose here", "still a comment", "var ", "channel:", "code block")
    assert not any(line.startswith(inside) for line in lines)
    assert {"Back at the top level [x][ref2] and [www.example.com] and [`code label`].", "After the fence."} <= lines


def test_unclosed_front_matter_or_fence_means_no_cuts():
    assert chunks.cut_points("---\ntitle: x\n\nbody\n\nmore\n", 1) == []
    assert chunks.cut_points("Intro\n\n```\ncode\n\nText\n\nMore\n", 1) == []


def test_examples_survive_any_cut(tmp_path):
    from pathlib import Path

    for path in sorted((Path(__file__).resolve().parent.parent / "examples").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        assert snapshot(chunks.parse_markdown_chunked(text, 1)) == snapshot(parse_markdown(text)), path


def test_cli_findings_on_a_large_draft_do_not_depend_on_pieces(cli, write, monkeypatch):
    draft = write("big.md", TRICKY * 40)
    whole = cli("--no-cache", "--format", "json", "--score", draft)
    monkeypatch.setattr("tonelint.markup._CHUNK_THRESHOLD", 0)
    monkeypatch.setattr(chunks, "CHUNK_SIZE", 500)
    cuts = []
    real = chunks.cut_points
    monkeypatch.setattr(chunks, "cut_points", lambda text, size=None: cuts.append(real(text, size)) or cuts[-1])
    pieces = cli("--no-cache", "--format", "json", "--score", draft)
    assert whole.code == pieces.code == 1
    assert len(cuts[0]) >= 30
    assert json.loads(pieces.out) == json.loads(whole.out)


def test_cuts_avoid_splitting_a_section_from_its_link_definitions(monkeypatch):
    """Concatenated READMEs, each with its links at the bottom: a cut between
    a `[label]` and its definition would parse the piece twice, so the cut
    goes between sections while one is near; the segments stay exact."""
    section = ("Read [the guide][g{i}] before you start.\n\nSecond paragraph of section {i} here.\n\n"
               "Third paragraph, still section {i}.\n\n[g{i}]: https://example.com/{i}\n\n")
    text = "".join(section.format(i=i) for i in range(40))
    size = len(section.format(i=0)) * 2 + 10
    defs = [text.index(f"[g{i}]: ") for i in range(40)]
    mentions = [text.index(f"[g{i}]") for i in range(40)]
    cuts = chunks.cut_points(text, size)
    assert cuts and not any(m < c <= d for c in cuts for m, d in zip(mentions, defs))
    parses = []
    from tonelint.markup import markdown as md

    orig = md.parse_markdown
    monkeypatch.setattr(md, "parse_markdown", lambda t, env=None: parses.append(1) or orig(t, env))
    got = chunks.parse_markdown_chunked(text, size)
    assert len(parses) == len(cuts) + 1  # no piece parsed twice
    assert [s.text for s in got.segments] == [s.text for s in orig(text).segments]


def test_settling_from_what_the_workers_found_is_settling_from_the_text():
    """run/parallel.py has each worker find a piece's bracketed text
    (inner_brackets) so the parent does not normalise every piece again:
    settle() must make the same plan from those as from the pieces' text,
    for plain labels, labels with markup characters and labels with escaped
    brackets, used before, after and in the piece that defines them."""
    pieces = []
    for i in range(30):
        pieces.append(f"Part {i}: see [the guide][g{i}], [docs.example.org], [a_b *c*] and [x\\]y] "
                      f"and [the end][end], or [it][g{(i + 11) % 30}].\n\n[g{i}]: /g{i}\n\n")
        if i == 5:
            pieces.append("[docs.example.org]: /docs\n[a_b *c*]: /ab\n\n")
        if i == 20:
            pieces.append("[x\\]y]: /xy\n\n")
    for i in range(8):  # pieces that use plain labels only, defined before them or not at all
        pieces.append(f"Afterword {i}: [the guide][g{i}] again" + (", and [nowhere]" if i % 2 else "")
                      + ", once more, for the readers who skipped ahead to the end of this long page.\n\n")
    text = TRICKY + "\n" + "".join(pieces) + "Last.\n\n[end]: /end\n"
    bounds = chunks.piece_bounds(text, 300)
    assert len(bounds) > 10
    alone = [(a, b, *chunks.parse_alone(text[a:b])) for a, b in bounds]
    found = [chunks.inner_brackets(parsed, text[a:b]) for a, b, parsed, _ in alone]
    plan = chunks.settle(text, alone)
    assert chunks.settle(text, alone, found) == plan
    assert 0 < sum(how is not None for how in plan) < len(plan)
    settled = [parsed if how is None else chunks.parse_settled(text[a:b], how)
               for (a, b, parsed, _), how in zip(alone, plan)]
    whole = parse_markdown(text)
    assert [s.text for p in settled for s in p.segments] == [s.text for s in whole.segments]
