"""The package version, in a module of its own: the cache's code fingerprint
and `--version` read it without importing the package's API, which imports
the run (and the run imports the cache)."""

__version__ = "0.1.0"
