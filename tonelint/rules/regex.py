"""Regular expressions for rules, on RE2 so that no rule can hang a commit hook:
RE2 matches in linear time and refuses the constructs (backreferences,
lookaround) that make backtracking engines blow up."""

from __future__ import annotations

from functools import lru_cache


class RegexError(ValueError):
    pass


@lru_cache(maxsize=None)
def compile_regex(pattern: str, ignore_case: bool = False):
    import re2

    options = re2.Options()
    options.case_sensitive = not ignore_case
    options.max_mem = 64 << 20
    options.log_errors = False
    try:
        return re2.compile(pattern, options)
    except re2.error as exc:
        raise RegexError(f"invalid or unsupported regex {pattern!r}: {exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else exc} (rules use RE2 syntax: no backreferences or lookaround)") from None
    except Exception as exc:  # the binding raises plain errors for some inputs
        raise RegexError(f"invalid regex {pattern!r}: {exc}") from None
