"""`tonelint server`: a Language Server Protocol server over stdio, for
editors (issue 15).  It needs the optional `server` extra (pygls and
lsprotocol); the rest of tonelint never imports this package."""

from __future__ import annotations

import sys

HINT = "tonelint server: needs the server extra: pip install 'tonelint[server]'"


def main() -> int:
    """Serve on stdin/stdout until the client exits; 2 when pygls is missing."""
    try:
        # Imported here, not at the top: without the extra the hint is printed.
        from .app import serve
    except ImportError as exc:
        if exc.name and exc.name.split(".")[0] in ("pygls", "lsprotocol", "cattrs"):
            print(HINT, file=sys.stderr)
            return 2
        raise
    serve()
    return 0
