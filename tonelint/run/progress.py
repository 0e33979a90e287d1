"""A progress bar on stderr for long runs in a terminal.

Shown only when stderr is a terminal, the run is not --quiet, and there are
at least THRESHOLD drafts: a handful of files finishes before a bar would be
read, and a bar in a CI log or a pipe is noise.  No ETA: results arrive in
bursts (cache hits, worker batches), which makes one wrong.  The bar is wiped
when the run ends, so the findings print on a clean screen."""

from __future__ import annotations

import sys

import click

THRESHOLD = 20


class Bar:
    def __init__(self, total: int, stream) -> None:
        self.stream = stream
        self._bar = click.progressbar(length=total, label="Checking", file=stream, show_pos=True, show_eta=False,
                                      item_show_func=lambda path: path and _tail(path), width=24)
        self._bar.__enter__()

    def __call__(self, item) -> None:
        self._bar.update(1, getattr(item, "path", None) or getattr(item, "where", None))

    def close(self) -> None:
        self._bar.finished = True
        self.stream.write("\r\x1b[2K\x1b[?25h")
        self.stream.flush()


def _tail(path: str, width: int = 40) -> str:
    return path if len(path) <= width else "…" + path[-(width - 1):]


def bar_for(runner, quiet: bool, stream=None, threshold: int = THRESHOLD):
    """A bar for `runner`'s inputs when this run deserves one, else None: the
    caller hands it to runner.run(progress=...) and closes it."""
    stream = stream or sys.stderr
    if quiet or not (hasattr(stream, "isatty") and stream.isatty()):
        return None
    total = len(runner.inputs())
    if total < threshold:
        return None
    return Bar(total, stream)
