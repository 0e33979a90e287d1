"""Output formats, chosen by name.  Each reporter module is imported only when
its format is asked for, keeping start-up light."""

from __future__ import annotations

from importlib import import_module

REPORTERS = {
    "text": "tonelint.report.text",
    "json": "tonelint.report.json",
    "github": "tonelint.report.github",
    "sarif": "tonelint.report.sarif",
    "junit": "tonelint.report.junit",
}


def get_reporter(name: str):
    """The module for `name`; it exposes render(run, options) -> str."""
    return import_module(REPORTERS[name])
