"""The result cache's on-disk format: JSON that can only ever become data.

A cache folder may come from anywhere (a CI cache restored from another
job, a shared folder, a cloned repository), so an entry must never be able
to run code, which pickle allows.  Entries are JSON; the few value types
tonelint stores (findings, facts, parsed rules) are written as tagged
objects and rebuilt only from the closed list below, each through its own
constructor with exactly its own field names.  Anything else is a
CacheDataError, which the cache treats as a miss.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime
import enum
import json
import math


class CacheDataError(ValueError):
    """An entry that does not decode to the values tonelint writes."""


_TYPES: dict = {}


def _types() -> dict:
    """The classes an entry may hold, by module and name (imported on first
    use: the cache decides hits before the engine is loaded)."""
    if not _TYPES:
        from ..diagnostics import Applicability, Diagnostic, Edit, Fix, Level
        from ..engine.acts import Message
        from ..engine.core import FileResult
        from ..engine.facts import Facts, Hit, Sentence
        from ..engine.suppress import Directive
        from ..markup.segment import Segment
        from ..rules.kinds import KINDS
        from ..rules.rule import Rule
        from ..rules.spec import Block

        for cls in (Applicability, Diagnostic, Edit, Fix, Level, FileResult, Facts, Hit, Sentence, Message, Directive,
                    Segment, Block, Rule, *(kind.Spec for kind in KINDS.values())):
            _TYPES[_name(cls)] = cls
    return _TYPES


def _name(cls) -> str:
    return f"{cls.__module__.removeprefix('tonelint.')}.{cls.__qualname__}"


def encode(value) -> str:
    return json.dumps(_out(value), ensure_ascii=False, separators=(",", ":"), allow_nan=True)


def decode(text: str | bytes):
    try:
        return _in(json.loads(text))
    except CacheDataError:
        raise
    except (ValueError, TypeError, KeyError, RecursionError) as exc:
        raise CacheDataError(str(exc)) from None


def _out(v):
    if isinstance(v, enum.Enum):  # before str and int: Level and Applicability are both
        if _types().get(_name(type(v))) is not type(v):
            raise TypeError(f"cannot cache {type(v).__name__}")
        return {"$enum": _name(type(v)), "v": _out(v.value)}
    if v is None or type(v) in (bool, str, int):
        return v
    if type(v) is float:
        return v if math.isfinite(v) else {"$float": repr(v)}
    if dataclasses.is_dataclass(v) and not isinstance(v, type):
        name = _name(type(v))
        if _types().get(name) is not type(v):
            raise TypeError(f"cannot cache {name}")
        return {"$obj": name, "f": {f.name: _out(getattr(v, f.name)) for f in dataclasses.fields(v)}}
    if isinstance(v, list):
        return [_out(x) for x in v]
    if isinstance(v, tuple):
        return {"$tuple": [_out(x) for x in v]}
    if isinstance(v, frozenset):
        return {"$frozenset": [_out(x) for x in v]}
    if isinstance(v, set):
        return {"$set": [_out(x) for x in v]}
    if isinstance(v, dict):
        if all(isinstance(k, str) and not k.startswith("$") for k in v):
            return {k: _out(x) for k, x in v.items()}
        return {"$map": [[_out(k), _out(x)] for k, x in v.items()]}
    if isinstance(v, bytes):
        return {"$bytes": base64.b64encode(v).decode("ascii")}
    if isinstance(v, datetime.datetime):
        return {"$datetime": v.isoformat()}
    if isinstance(v, datetime.date):
        return {"$date": v.isoformat()}
    raise TypeError(f"cannot cache {type(v).__name__}")


def _in(v):
    if v is None or isinstance(v, (bool, str, int, float)):
        return v
    if isinstance(v, list):
        return [_in(x) for x in v]
    if not isinstance(v, dict):
        raise CacheDataError(f"unexpected {type(v).__name__}")
    tags = [k for k in v if k.startswith("$")]
    if not tags:
        return {k: _in(x) for k, x in v.items()}
    tag = tags[0]
    if len(tags) != 1:
        raise CacheDataError("two tags in one value")
    body = v[tag]
    if tag == "$obj":
        cls = _types().get(body)
        fields = v.get("f")
        if cls is None or not dataclasses.is_dataclass(cls) or not isinstance(fields, dict):
            raise CacheDataError(f"not a cached type: {body!r}")
        declared = {f.name: f for f in dataclasses.fields(cls)}
        if set(fields) != set(declared):
            raise CacheDataError(f"{body}: fields do not match")
        init = {k: _in(x) for k, x in fields.items() if declared[k].init}
        obj = cls(**init)
        for k, x in fields.items():
            if not declared[k].init:
                object.__setattr__(obj, k, _in(x))
        return obj
    if tag == "$enum":
        cls = _types().get(body)
        if cls is None or not issubclass(cls, enum.Enum):
            raise CacheDataError(f"not a cached enum: {body!r}")
        return cls(_in(v.get("v")))
    if not isinstance(body, (list, str)) or len(v) != 1:
        raise CacheDataError(f"bad {tag}")
    if tag == "$tuple":
        return tuple(_in(x) for x in _list(body))
    if tag == "$frozenset":
        return frozenset(_in(x) for x in _list(body))
    if tag == "$set":
        return {_in(x) for x in _list(body)}
    if tag == "$map":
        return {_in(k): _in(x) for k, x in (_pair(p) for p in _list(body))}
    if tag == "$float":
        value = float(body)
        if math.isfinite(value):
            raise CacheDataError("finite $float")
        return value
    if tag == "$bytes":
        return base64.b64decode(body, validate=True)
    if tag == "$datetime":
        return datetime.datetime.fromisoformat(body)
    if tag == "$date":
        return datetime.date.fromisoformat(body)
    raise CacheDataError(f"unknown tag {tag}")


def _list(body) -> list:
    if not isinstance(body, list):
        raise CacheDataError("expected a list")
    return body


def _pair(p) -> tuple:
    if not isinstance(p, list) or len(p) != 2:
        raise CacheDataError("expected a pair")
    return p[0], p[1]
