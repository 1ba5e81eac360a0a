"""SVG path data <-> QPainterPath, for the body figure and the script that
cuts its regions (see docs/ARCHITECTURE.md, "Body map").

The outline and region shapes are stored as SVG path data using only absolute
M, L, C and Z commands, which is all this reader understands.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QPainterPath

_TOKEN = re.compile(r"[MLCZmlcz]|-?\d+(?:\.\d+)?")


def parse_svg_path(data: str) -> QPainterPath:
    """A QPainterPath from absolute M/L/C/Z path data (other commands are an error)."""
    path = QPainterPath()
    tokens = _TOKEN.findall(data or "")
    i = 0
    command = ""

    def numbers(n: int) -> list[float]:
        nonlocal i
        values = [float(t) for t in tokens[i : i + n]]
        if len(values) != n:
            raise ValueError("path data ends in the middle of a command")
        i += n
        return values

    while i < len(tokens):
        token = tokens[i]
        if token.isalpha():
            command = token
            i += 1
            if command in "Zz":
                path.closeSubpath()
                continue
        if command == "M":
            path.moveTo(*numbers(2))
            command = "L"  # further pairs after M are line-tos
        elif command == "L":
            path.lineTo(*numbers(2))
        elif command == "C":
            path.cubicTo(*numbers(6))
        else:
            raise ValueError(f"unsupported path command {command!r}")
    return path


def svg_path_data(path: QPainterPath, decimals: int = 1) -> str:
    """Polygon path data (M/L/Z) of a path's filled area."""
    parts: list[str] = []
    for polygon in path.simplified().toFillPolygons():
        points = [f"{p.x():.{decimals}f} {p.y():.{decimals}f}" for p in polygon]
        if len(points) < 3:
            continue
        parts.append("M " + " L ".join(points) + " Z")
    return " ".join(parts)
