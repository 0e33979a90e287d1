"""spaCy loaded for a run: without its command line's imports, with the
collector back on afterwards, and with nothing of spaCy's API lost."""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import gc, json, sys
from tonelint.spacyload import import_spacy
spacy = import_spacy()
out = {"cli_deps": sorted(m for m in ("typer", "weasel", "httpx", "requests", "jinja2") if m in sys.modules),
       "stand_in_left": "spacy.cli" in sys.modules or hasattr(spacy, "cli"),
       "gc": gc.isenabled(), "frozen": gc.get_freeze_count() > 0,
       "tokens": len(spacy.blank("en")("Hello there, world.")),
       "info": spacy.info(silent=True)["spacy_version"] == spacy.__version__}
import spacy.cli
out["real_cli"] = hasattr(spacy.cli, "setup_cli")
print(json.dumps(out))
"""


def test_spacy_imports_without_its_cli_and_keeps_its_api():
    proc = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    assert got == {"cli_deps": [], "stand_in_left": False, "gc": True, "frozen": True, "tokens": 5,
                   "info": True, "real_cli": True}
