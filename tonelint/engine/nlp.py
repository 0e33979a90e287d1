"""The spaCy pipeline, loaded once per process.

The default is `spacy.blank("en")` plus a sentencizer: rules use only what a
blank pipeline provides (tokens, lower-case forms, sentence starts).  A team
that has a trained English pipeline installed can name it (config `model:` or
TONELINT_MODEL); rules may then use LEMMA/POS/DEP in token patterns.  A rule
that tests an attribute the loaded pipeline never fills is refused rather than
left to match nothing in silence.
"""

from __future__ import annotations

import os
from functools import lru_cache

from ..errors import ConfigError
from ..rules.spec import trained_attrs
from ..spacyload import import_spacy, paused_gc


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None):
    with paused_gc():
        return _load(model)


def _load(model: str | None):
    spacy = import_spacy()
    model = model or os.environ.get("TONELINT_MODEL") or None
    if model:
        try:
            nlp = spacy.load(model, exclude=["ner", "textcat", "textcat_multilabel"])
        except OSError:
            raise ConfigError("model", f"spaCy pipeline {model!r} is not installed") from None
        if not nlp.has_pipe("sentencizer") and not nlp.has_pipe("parser") and not nlp.has_pipe("senter"):
            nlp.add_pipe("sentencizer")
    else:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
    # A paragraph is far below this; a 1 MB line with no spaces is not, and it
    # must still be checked rather than raise.
    nlp.max_length = 10**9
    return nlp


# The components that fill each attribute a blank pipeline leaves empty.
# ENT_TYPE has none here: the entity recogniser is never loaded (it is the
# slowest component and no check needs it).
_FILLED_BY = {
    "POS": ("tagger", "morphologizer"),
    "TAG": ("tagger",),
    "MORPH": ("morphologizer", "tagger"),
    "DEP": ("parser",),
    "LEMMA": ("lemmatizer", "trainable_lemmatizer"),
    "ENT_TYPE": (),
}


def require_annotations(nlp, rules) -> None:
    """Refuse a rule whose token patterns test what this pipeline never sets."""
    pipes = set(nlp.pipe_names)
    for rule in rules:
        missing = sorted(a for a in trained_attrs(rule) if not pipes.intersection(_FILLED_BY[a]))
        if not missing:
            continue
        if missing == ["ENT_TYPE"]:
            need = "tonelint never runs entity recognition; match the words instead"
        else:
            need = ("name a trained spaCy pipeline that sets it with `model:` in the config "
                    f"(loaded: {', '.join(nlp.pipe_names) or 'none'})")
        raise ConfigError(rule.path, f"{rule.id}: token patterns test {', '.join(missing)}, "
                                     f"which the pipeline leaves empty; {need}")
