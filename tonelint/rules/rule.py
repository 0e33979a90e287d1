"""A rule: the keys every kind shares (id, family, level, message, rationale,
rewrite, scope, examples, channels), parsed here, and the kind's own keys,
parsed by its module in kinds/ into `spec`.  Checked strictly before anything
runs, with one-line `file:line: key: what` errors."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..diagnostics import Level
from ..errors import RuleError, did_you_mean
from ..markup.segment import SCOPES
from .kinds import KINDS, tune
from .spec import GENRES, Block, Ctx, check_keys, parse_block, sub_blocks

_ID = re.compile(r"^[A-Z][A-Z0-9]*[0-9]+$")
_FAMILY = re.compile(r"^[a-z][a-z0-9-]*$")

COMMON_KEYS = {
    "id": str, "name": str, "family": str, "kind": str, "level": str, "message": str,
    "description": str, "rationale": str, "rewrite": str, "scope": list, "examples": dict,
    "status": str, "since": str, "source": (str, dict), "channels": dict, "genres": dict,
}
GENRES_KEYS = {"skip": list, "only": list, "level": dict, "when": dict}
GENRES_WHEN_KEYS = {"skip": list, "sentence": dict}
# What a `channels:` block may say: off and level for any rule, plus each kind's TWEAKS.
CHANNEL_TWEAK_KEYS = {"off": bool, "level": str}
for _kind in KINDS.values():
    CHANNEL_TWEAK_KEYS.update(_kind.TWEAKS)


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    family: str
    kind: str
    level: Level
    message: str
    description: str
    rationale: str
    rewrite: str
    scope: frozenset
    path: str
    spec: object  # the kind's own frozen Spec (kinds/<kind>.py)
    examples: dict = field(default_factory=dict, compare=False, hash=False)
    channels: dict = field(default_factory=dict, compare=False, hash=False)
    status: str = "stable"
    genres: frozenset | None = None  # the genres the rule judges (engine/genre.py); None: every genre
    # `genres: {level: {reference: suggestion}}`: the level the rule reports at in those genres
    genre_levels: dict = field(default_factory=dict, compare=False, hash=False)
    # `genres: {when: {skip: [internal], sentence: BLOCK}}`: in the other genres a hit counts only in a
    # sentence where BLOCK matches too (the pipeline words are the sender's only in a sentence about
    # the sender, outside a team's own notes); (genres it applies in, BLOCK) or None
    genre_when: tuple | None = None

    @property
    def fix(self):
        """How a finding's fix may be applied; None for kinds that never fix."""
        return getattr(self.spec, "fix", None)

    def for_channel(self, channel: str | None) -> "Rule | None":
        """The rule as its `channels:` block tunes it for `channel`; None when `off: true`."""
        if not channel or channel not in self.channels:
            return self
        tweak = self.channels[channel] or {}
        if tweak.get("off"):
            return None
        changes = {"spec": tune(self.kind, self.spec, tweak)}
        if "level" in tweak:
            changes["level"] = Level.parse(tweak["level"])
        return replace(self, **changes)

    def for_genre(self, genre: str) -> "Rule":
        """The rule at the level its `genres: {level: ...}` gives `genre`: a
        changelog's "excited to announce" is worth a suggestion, not a warning.
        Applied after the channel's tweak, so the genre has the last word."""
        level = self.genre_levels.get(genre)
        return self if level is None or level == self.level else replace(self, level=level)

    def blocks(self) -> list[Block]:
        out = list(self.spec.blocks())
        if self.genre_when is not None:
            out.append(self.genre_when[1])
        out.extend(dep for b in list(out) for dep in sub_blocks(b))
        return out


def parse_rule(data, path: str) -> Rule:
    ctx = Ctx(path, data)
    if not isinstance(data, dict):
        raise RuleError(path, "a rule file must be a YAML mapping")
    kind = data.get("kind")
    if not isinstance(kind, str) or kind not in KINDS:
        hint = did_you_mean(kind, KINDS, "one of ")
        ctx.fail(data, "kind", f"unknown kind {kind!r}{hint}" if kind else "missing (one of " + ", ".join(KINDS) + ")")
    module = KINDS[kind]
    allowed = dict(COMMON_KEYS, **module.KEYS)
    check_keys(ctx, data, allowed, "rule")
    for key in ("id", "family", "message", "rationale", *module.REQUIRED):
        if key not in data:
            ctx.fail(data, None, f"missing required key {key!r}")
    rid = data["id"]
    if not _ID.match(rid):
        ctx.fail(data, "id", f"{rid!r} is not a rule code such as TL101 or ACME1")
    if not _FAMILY.match(data["family"]):
        ctx.fail(data, "family", "must be a lower-case name such as audience")
    try:
        level = Level.parse(data.get("level", "warning"))
    except ValueError as exc:
        ctx.fail(data, "level", str(exc))
    scope = data.get("scope", [s for s in SCOPES if s != "document"])
    for s in scope:
        if s not in SCOPES:
            ctx.fail(data, "scope", f"unknown scope {s!r}{did_you_mean(s, SCOPES)}")
    if data.get("status", "stable") not in ("stable", "preview", "deprecated"):
        ctx.fail(data, "status", "must be stable, preview or deprecated")
    examples = data.get("examples", {})
    check_keys(ctx, examples, {"bad": list, "good": list}, "examples")
    check_channels(ctx, data.get("channels", {}), kind)
    _check_templates(ctx, data)
    return Rule(
        id=rid, name=data.get("name", rid.lower()), family=data["family"], kind=kind, level=level,
        message=data["message"], description=data.get("description", ""), rationale=data["rationale"],
        rewrite=data.get("rewrite", ""), scope=frozenset(scope), path=path, spec=module.parse(ctx, data, rid),
        examples=examples, channels=data.get("channels", {}), status=data.get("status", "stable"),
        genres=_genres_of(ctx, data), genre_levels=_genre_levels_of(ctx, data),
        genre_when=_genre_when_of(ctx, data, rid),
    )


def _genres_of(ctx: Ctx, data) -> frozenset | None:
    """`genres: {skip: [transactional]}` or `genres: {only: [promotional, appeal]}`."""
    raw = data.get("genres")
    if raw is None:
        return None
    check_keys(ctx, raw, GENRES_KEYS, "genres")
    scoping = [k for k in ("skip", "only") if k in raw]
    if len(scoping) > 1 or not raw:
        ctx.fail(data, "genres", "give one of skip or only (and level, if any)")
    if not scoping:
        return None  # only `level:`: the rule judges every genre
    key, names = scoping[0], raw[scoping[0]]
    for name in names:
        if name not in GENRES:
            ctx.fail(raw, key, f"unknown genre {name!r}{did_you_mean(name, GENRES, 'one of ')}")
    return frozenset(names) if key == "only" else frozenset(GENRES) - frozenset(names)


def _genre_when_of(ctx: Ctx, data, rid: str) -> tuple | None:
    """`genres: {when: {skip: [internal], sentence: {act: sender}}}`."""
    raw = (data.get("genres") or {}).get("when")
    if raw is None:
        return None
    if not isinstance(raw, dict) or "sentence" not in raw:
        ctx.fail(data["genres"], "when", "must give sentence: (a block) and, if any, skip: (genres)")
    check_keys(ctx, raw, GENRES_WHEN_KEYS, "genres.when")
    for name in raw.get("skip", []):
        if name not in GENRES:
            ctx.fail(raw, "skip", f"unknown genre {name!r}{did_you_mean(name, GENRES, 'one of ')}")
    block = parse_block(ctx, raw["sentence"], f"{rid}:genres-when", "genres.when.sentence")
    return frozenset(GENRES) - frozenset(raw.get("skip", [])), block


def _genre_levels_of(ctx: Ctx, data) -> dict:
    """`genres: {level: {reference: suggestion}}`, checked like a channel's `level:`."""
    raw = (data.get("genres") or {}).get("level")
    if raw is None:
        return {}
    if not isinstance(raw, dict) or not raw:
        ctx.fail(data["genres"], "level", "must map genres to levels, e.g. {reference: suggestion}")
    out = {}
    for name, level in raw.items():
        if name not in GENRES:
            ctx.fail(raw, name, f"unknown genre {name!r}{did_you_mean(name, GENRES, 'one of ')}")
        try:
            out[name] = Level.parse(str(level))
        except ValueError as exc:
            ctx.fail(raw, name, str(exc))
    judged = _genres_of(ctx, data)
    for name in out:
        if judged is not None and name not in judged:
            ctx.fail(raw, name, f"the rule does not judge {name!r} (genres: skip/only), so it has no level there")
    return out


def check_channels(ctx: Ctx, channels, kind: str | None) -> None:
    """`channels: {sms: {off: true}, social: {stack: {max: 1}}}`: each tweak
    must be one the rule's kind can use (config.py checks its own the same way)."""
    if not isinstance(channels, dict):
        ctx.fail(ctx.data, "channels", "must be a mapping of channel name to tweaks")
    for name, tweak in channels.items():
        if tweak is None:
            continue
        check_keys(ctx, tweak, CHANNEL_TWEAK_KEYS, f"channels.{name}")
        for key in tweak:
            if kind and key not in ("off", "level") and key not in KINDS[kind].TWEAKS:
                article = "an" if kind[0] in "aeiou" else "a"
                ctx.fail(tweak, key, f"{article} {kind} rule has no {key} to tune")
        if "level" in tweak:
            try:
                Level.parse(tweak["level"])
            except ValueError as exc:
                ctx.fail(tweak, "level", str(exc))
        for module in ([KINDS[kind]] if kind else KINDS.values()):
            if hasattr(module, "check_tweak"):
                module.check_tweak(ctx, tweak, f"channels.{name}")


_FIELD = re.compile(r"\{([a-z_]+)")
TEMPLATE_FIELDS = {"match", "replacement", "count", "numerator", "denominator", "ratio", "threshold", "min", "words",
                   "max", "window", "where", "sentence", "sentences", "at", "value_at"}


def _check_templates(ctx: Ctx, data) -> None:
    for key in ("message", "rewrite"):
        for name in _FIELD.findall(str(data.get(key, ""))):
            if name not in TEMPLATE_FIELDS:
                ctx.fail(data, key, f"unknown placeholder {{{name}}} (allowed: {', '.join(sorted(TEMPLATE_FIELDS))})")
