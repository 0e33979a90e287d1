"""tonelint: a linter for outbound messages that talk at people instead of with them.

Public API: lint_text(), lint_paths(), check_text(), and the Diagnostic types.
Imports are lazy so that `import tonelint` (and a cached CLI run) never loads spaCy.
"""

from __future__ import annotations

from .diagnostics import Applicability, Diagnostic, Edit, Fix, Level, LineIndex
from .version import __version__


# The API is imported on first call, not here: `import tonelint` (and a
# cached CLI run, which imports tonelint.cli) must not load the engine.
def lint_text(text, **kwargs):
    from .api import lint_text as _lint_text

    return _lint_text(text, **kwargs)


def check_text(text, **kwargs):
    from .api import check_text as _check_text

    return _check_text(text, **kwargs)


def lint_paths(paths, **kwargs):
    from .api import lint_paths as _lint_paths

    return _lint_paths(paths, **kwargs)


__all__ = ["Applicability", "Diagnostic", "Edit", "Fix", "Level", "LineIndex", "__version__", "check_text",
           "lint_paths", "lint_text"]
