"""One exception root, caught once in the CLI, so every user-facing failure is a
single line `place: what is wrong` with a known exit code."""

from __future__ import annotations

import difflib


class TonelintError(Exception):
    """Base for errors that are the user's input, not a bug in tonelint."""

    exit_code = 2

    def __init__(self, where: str, what: str) -> None:
        super().__init__(f"{where}: {what}")
        self.where = where
        self.what = what


class InputError(TonelintError):
    """A draft could not be read or decoded; the run goes on with other files."""


class Skipped(InputError):
    """A file met while walking a folder that is not a draft (binary data):
    printed as a note, like ripgrep and ruff do, and not an error of the run.
    Named on the command line, the same file is an InputError (exit 2)."""


class RuleError(TonelintError):
    """A rule file is malformed; nothing is checked with a half-loaded rule set."""


class ConfigError(TonelintError):
    """A configuration file or option is malformed."""


def did_you_mean(word: str, choices, otherwise: str | None = None) -> str:
    """The tail of an "unknown X" message: the closest choice, so a typo is
    one edit from fixed; else, given `otherwise` ("one of "), every choice."""
    choices = list(choices)
    close = difflib.get_close_matches(str(word), choices, n=1)
    if close:
        return f"; did you mean {close[0]!r}?"
    return f" ({otherwise}{', '.join(choices)})" if otherwise is not None else ""
