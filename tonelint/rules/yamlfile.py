"""Safe YAML loading that remembers where every key stood.

Rule and config errors must name the file, line and key; PyYAML's safe loader
drops positions, so this composes the node tree (still no object
construction: only the safe tags are resolved) and builds plain dicts and lists
whose keys keep their line numbers.
"""

from __future__ import annotations

import yaml

from ..errors import TonelintError
from ..source.files import read_regular

# A rule file, word list or config is a few kilobytes; one from an untrusted
# repository may be huge, a FIFO or a link to /dev/zero.  Every read of one
# (parsing, and the result cache's fingerprint of a pack) takes a regular file
# of at most this many bytes.
MAX_FILE_BYTES = 16 * 1024 * 1024


class Mapping(dict):
    """A dict that knows the source line (1-based) of each key and of itself."""

    line: int = 0
    key_lines: dict

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


_PLAIN_TAGS = {yaml.MappingNode: "tag:yaml.org,2002:map", yaml.SequenceNode: "tag:yaml.org,2002:seq"}


def _build(node, path: str, error: type[TonelintError]):
    plain = _PLAIN_TAGS.get(type(node))
    if plain is not None and node.tag != plain:
        # A tagged mapping or list (!!python/object/apply, !!set, ...) would be
        # read as a plain one and pass validation; refuse it instead.
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        raise error(f"{path}:{node.start_mark.line + 1}",
                    f"unsupported YAML tag {tag}; rule and config files hold plain values only")
    if isinstance(node, yaml.MappingNode):
        out = Mapping()
        out.line = node.start_mark.line + 1
        out.key_lines = {}
        for knode, vnode in node.value:
            # A plain key stays text: YAML 1.1 would read `on:`, `off:`, `yes:`
            # and `no:` as booleans ("swap: {no: ...}", "sms: {off: true}").
            if isinstance(knode, yaml.ScalarNode) and knode.tag == "tag:yaml.org,2002:bool":
                key = knode.value
            else:
                key = _build(knode, path, error)
            if isinstance(key, (dict, list)):
                raise error(f"{path}:{knode.start_mark.line + 1}", "a mapping key must be a plain value")
            if key in out:
                raise error(f"{path}:{knode.start_mark.line + 1}", f"key {key!r} appears twice")
            out[key] = _build(vnode, path, error)
            out.key_lines[key] = knode.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(v, path, error) for v in node.value]
    # Scalars: the safe constructor resolves str/int/float/bool/null and
    # refuses any python/* tag, so a rule file can never build an object.
    return _SAFE.construct_object(node, deep=True)


# Values a file may expand to once its aliases are followed.  A rule pack or
# config is a few thousand values; nine levels of nine aliases are 387 million
# (the "billion laughs"), built in memory before any validation could refuse them.
MAX_VALUES = 100_000


def _check_expansion(root, path: str, error: type[TonelintError]) -> None:
    """Count the values the node graph expands to, before building any of
    them: an alias is a second reference to a composed node, so a few lines
    can stand for millions of values, and an anchor used inside itself for
    infinitely many.  Iterative, each node sized once."""
    size: dict[int, int] = {}
    open_: set[int] = set()
    stack = [(root, False)]
    while stack:
        node, done = stack.pop()
        nid = id(node)
        if done:
            open_.discard(nid)
            children = _children(node)
            size[nid] = 1 + sum(size[id(c)] for c in children)
            if size[nid] > MAX_VALUES:
                raise error(f"{path}:{node.start_mark.line + 1}",
                            f"YAML aliases expand to more than {MAX_VALUES} values; refused")
            continue
        if nid in size:
            continue
        if nid in open_:
            raise error(f"{path}:{node.start_mark.line + 1}", "recursive YAML alias (an anchor used inside itself)")
        open_.add(nid)
        stack.append((node, True))
        for child in _children(node):
            if id(child) in open_:
                raise error(f"{path}:{child.start_mark.line + 1}",
                            "recursive YAML alias (an anchor used inside itself)")
            if id(child) not in size:
                stack.append((child, False))


def _children(node) -> list:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


_SAFE = yaml.SafeLoader("")
_FAST = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_text(path, error: type[TonelintError], what: str) -> str:
    """The UTF-8 text of `path`, or `error` naming it in one line."""
    try:
        return read_regular(str(path), MAX_FILE_BYTES).decode("utf-8")
    except OSError as exc:
        raise error(str(path), f"cannot read {what}: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise error(str(path), f"cannot read {what}: {exc}") from None


def load_yaml(text: str, path: str, error: type[TonelintError]):
    """Parse `text`; a syntax error becomes `error` with file:line:column."""
    try:
        try:
            # libyaml composes the same nodes (with line marks) ten times faster;
            # on any error the pure-Python loader reports it, as it always did.
            node = yaml.compose(text, Loader=_FAST)
        except yaml.YAMLError:
            node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else path
        raise error(where, f"invalid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise error(path, f"invalid YAML: {exc}") from None
    except RecursionError:
        raise error(path, "invalid YAML: nested too deeply") from None
    if node is None:
        return None
    _check_expansion(node, path, error)
    try:
        return _build(node, path, error)
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        where = f"{path}:{mark.line + 1}" if mark else path
        problem = str(exc.problem).replace("tag:yaml.org,2002:", "!!")
        raise error(where, f"unsupported YAML value: {problem}; rule and config files hold plain values only") from None
    finally:
        # The shared constructor remembers every node it built; forget them.
        _SAFE.constructed_objects.clear()
