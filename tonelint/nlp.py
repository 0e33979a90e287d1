"""The spaCy pipeline, loaded once per process.

The default is `spacy.blank("en")` plus a sentencizer: rules use only what a
blank pipeline provides (tokens, lower-case forms, sentence starts).  A team
that has a trained English pipeline installed can name it (config `model:` or
TONELINT_MODEL); rules may then use LEMMA/POS/DEP in token patterns.
"""

from __future__ import annotations

import os
from functools import lru_cache

from .errors import ConfigError


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None):
    import spacy

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

