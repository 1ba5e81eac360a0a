"""Body-map shapes: the SVG path data the chart draws, read in one place.

Region shapes and outlines are absolute M, L, C and Z commands (see
docs/ARCHITECTURE.md, "Body map"). Content validation and the Qt painter both
read them through `path_commands`, so data that passes validation is data
the chart can draw.
"""

from __future__ import annotations

import re

from db.errors import FiliformError

_TOKEN = re.compile(r"[MLCZ]|-?\d+(?:\.\d+)?|[^\s,]")
_ARITY = {"M": 2, "L": 2, "C": 6, "Z": 0}


class ShapeError(FiliformError, ValueError):
    """Path data the chart cannot draw; the message says why in a sentence."""


def path_commands(data: str) -> list[tuple[str, tuple[float, ...]]]:
    """The drawing commands of path data: ("M", (x, y)), ("L", ...), ("C", ...), ("Z", ()).

    Numbers after a command repeat it (after M they are line-tos), as in SVG.
    """
    tokens = _TOKEN.findall(data or "")
    commands: list[tuple[str, tuple[float, ...]]] = []
    command = ""
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token in _ARITY:
            command = token
            i += 1
            if command == "Z":
                commands.append(("Z", ()))
                continue
        elif not command or command == "Z":
            raise ShapeError(f"path data must start each part with M, L or C, not {token!r}")
        arity = _ARITY[command]
        numbers = tokens[i : i + arity]
        if len(numbers) != arity or not all(_is_number(n) for n in numbers):
            raise ShapeError(f"{command} needs {arity} numbers")
        commands.append((command, tuple(float(n) for n in numbers)))
        i += arity
        if command == "M":
            command = "L"
    return commands


def _is_number(token: str) -> bool:
    return token not in _ARITY and token[0] in "-0123456789"
