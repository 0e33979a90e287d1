"""The project a path belongs to: the nearest folder at or above it holding
.git, pyproject.toml or a tonelint config (ruff and black find theirs the
same way).  The result cache lives there, and --fix never writes through a
symbolic link to a file outside it (docs/security.md)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT_MARKERS = (".git", "pyproject.toml", ".tonelint.yaml", "tonelint.yaml")


def project_root(folder: Path) -> Path | None:
    """The nearest folder at or above `folder` with a root marker, or None.
    `folder` is taken as written (made absolute, symlinks kept), so a link
    named inside a project belongs to that project wherever it points."""
    here = Path(os.path.abspath(folder))
    for candidate in (here, *here.parents):
        if any(os.path.lexists(candidate / m) for m in ROOT_MARKERS):
            return candidate
    return None


def inside(path: Path | str, folder: Path | str) -> bool:
    """Whether `path` is `folder` or lies under it (both already resolved)."""
    path, folder = str(path), str(folder)
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def escapes_project(path: str) -> Path | None:
    """Where `path` really leads when a symbolic link takes it out of its
    project (the link's folder when no project marker is found); else None."""
    folder = Path(os.path.abspath(path)).parent
    root = project_root(folder) or folder
    real = Path(os.path.realpath(path))
    return None if inside(real, os.path.realpath(root)) else real
