"""SVG path data <-> QPainterPath, for the body figure and the script that
cuts its regions (see docs/ARCHITECTURE.md, "Body map").

The outline and region shapes are stored as SVG path data using only absolute
M, L, C and Z commands, which is all this reader understands.
"""

from __future__ import annotations

from PySide6.QtGui import QPainterPath

from db.shapes import path_commands


def parse_svg_path(data: str) -> QPainterPath:
    """A QPainterPath from absolute M/L/C/Z path data (db.shapes reads it)."""
    path = QPainterPath()
    for command, numbers in path_commands(data):
        if command == "M":
            path.moveTo(*numbers)
        elif command == "L":
            path.lineTo(*numbers)
        elif command == "C":
            path.cubicTo(*numbers)
        else:
            path.closeSubpath()
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
