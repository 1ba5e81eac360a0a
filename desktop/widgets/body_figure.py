"""The body chart: front and back views side by side, drawn as vectors.

A clinic chart, not a picture: a light body on white with a dark outline,
regions invisible until pointed at, colour only for what is highlighted
(a trigger point's referral zone in red, the chosen region in blue). The same
painter draws on screen and into the image a handout prints, so paper and
screen agree. Shapes are SVG path data in a 540 x 960 box per view
(resources/body/, cut by scripts/build_body_regions.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from db.body import Region
from db.paths import RESOURCES_DIR
from desktop.widgets.body_geometry import parse_svg_path

VIEWS = ("front", "back")
CAPTIONS = {"front": "Front", "back": "Back"}
BOX_W, BOX_H = 540.0, 960.0
GAP = 40.0  # between the two views, in box units
BODY_FILL = QColor("#f6f2ec")
OUTLINE = QColor("#4a4a4a")
HOVER_FILL = QColor(120, 120, 120, 45)
REFERRAL_FILL = QColor(214, 39, 40, 120)
SELECTED_FILL = QColor(31, 100, 200, 70)
SELECTED_EDGE = QColor("#1f64c8")
FOCUS_EDGE = QColor("#111111")
DOT = QColor("#222222")
DOTS_NOTE = "Dots are approximate: see the location text."
RED_NOTE = "Red: where the pain is felt (referral zone)."
BLUE_NOTE = "Blue: the region chosen."
TEXT_COLOUR = QColor("#222222")

# A point on the chart: (point key, region key, approximate?)
PointMark = tuple[str, str, bool]


@lru_cache(maxsize=2)
def outline_path(view: str) -> QPainterPath:
    """The silhouette's lines of one view, with its interior detail lines."""
    return parse_svg_path((RESOURCES_DIR / "body" / f"outline-{view}.txt").read_text())


@lru_cache(maxsize=2)
def body_area(view: str) -> QPainterPath:
    """The area inside the silhouette: its outermost contours, filled.

    The front outline is drawn as a thin ring (outer and inner contour), the
    back as one contour; either way the outermost contours are the body.
    """
    polygons = outline_path(view).toSubpathPolygons()
    boxes = [q.boundingRect() for q in polygons]
    area = QPainterPath()
    area.setFillRule(Qt.FillRule.WindingFill)
    for i, polygon in enumerate(polygons):
        inside_other = any(j != i and boxes[j].contains(boxes[i]) for j in range(len(boxes)))
        if not inside_other:
            piece = QPainterPath()
            piece.addPolygon(polygon)
            area = area.united(piece)
    return area


@dataclass
class _Shape:
    key: str
    name: str
    paths: dict[str, QPainterPath]  # view -> path, only views where it shows


def _shapes(regions: Iterable[Region]) -> list[_Shape]:
    shapes = []
    for r in regions:
        paths = {v: parse_svg_path(getattr(r, v)) for v in VIEWS if getattr(r, v)}
        shapes.append(_Shape(r.key, r.name, paths))
    return shapes


def _dot_positions(shape: _Shape, count: int) -> list[tuple[str, QPointF]]:
    """`count` places inside a region, spread across its bounding box; the same
    every time (so a chart printed twice is the same chart)."""
    view = "front" if "front" in shape.paths else next(iter(shape.paths), "")
    if not view:
        return []
    path = shape.paths[view]
    piece = _largest_piece(path)  # one leg of two, say: the dots sit on one limb
    box = piece.boundingRect()
    if count == 1:
        return [(view, _inner_points(piece)[0])]
    found: list[tuple[str, QPointF]] = []
    for i in range(count):
        x = box.left() + box.width() * (i + 1) / (count + 1)
        y = box.top() + box.height() * (0.35 + 0.3 * ((i % 3) / 2 if count > 1 else 0.5))
        spot = QPointF(x, y)
        if not piece.contains(spot):
            spot = next(
                (
                    QPointF(box.left() + box.width() * k / 40, y2)
                    for y2 in (y, box.center().y(), box.top() + box.height() * 0.25)
                    for k in range(1, 40)
                    if piece.contains(QPointF(box.left() + box.width() * k / 40, y2))
                ),
                box.center(),
            )
        found.append((view, spot))
    return found


def _inner_points(piece: QPainterPath) -> list[QPointF]:
    """Grid points inside a shape, deepest first (the most of their neighbourhood
    inside, then nearest the middle), so a label or a click lands well inside."""
    box = piece.boundingRect()
    step = min(box.width(), box.height()) / 6 or 1.0
    scored = []
    for i in range(1, 16):
        for j in range(1, 16):
            spot = QPointF(box.left() + box.width() * i / 16, box.top() + box.height() * j / 16)
            if not piece.contains(spot):
                continue
            around = sum(
                piece.contains(QPointF(spot.x() + dx * step, spot.y() + dy * step))
                for dx in (-1, 0, 1)
                for dy in (-1, 0, 1)
            )
            distance = (spot.x() - box.center().x()) ** 2 + (spot.y() - box.center().y()) ** 2
            scored.append((-around, distance, i, j, spot))
    return [entry[-1] for entry in sorted(scored, key=lambda e: e[:4])] or [box.center()]


def _largest_piece(path: QPainterPath) -> QPainterPath:
    pieces = []
    for polygon in path.toSubpathPolygons():
        piece = QPainterPath()
        piece.addPolygon(polygon)
        pieces.append(piece)
    return max(pieces, key=lambda q: q.boundingRect().width() * q.boundingRect().height())


class FigurePainter:
    """Draws the two views, the highlights, the dots and the words under them."""

    def __init__(self, regions: Iterable[Region]) -> None:
        self.shapes = _shapes(regions)
        self.by_key = {s.key: s for s in self.shapes}

    # geometry ---------------------------------------------------------------

    @staticmethod
    def text_height(font: QFont) -> float:
        return QFontMetricsF(font).height()

    def layout(self, width: float, height: float, font: QFont) -> tuple[float, QPointF]:
        """Scale and top-left of the drawing so both views fit, aspect kept."""
        line = self.text_height(font)
        top, bottom = line * 1.4, line * 3.3
        usable_h = max(1.0, height - top - bottom)
        scale = min(width / (2 * BOX_W + GAP), usable_h / BOX_H)
        drawn_w = scale * (2 * BOX_W + GAP)
        return scale, QPointF((width - drawn_w) / 2, top)

    def view_origin(self, view: str, scale: float, origin: QPointF) -> QPointF:
        shift = 0.0 if view == "front" else (BOX_W + GAP) * scale
        return QPointF(origin.x() + shift, origin.y())

    def region_at(self, pos: QPointF, scale: float, origin: QPointF) -> str | None:
        """The region under a widget position; where shapes overlap at their
        edges, the smaller (more particular) region wins."""
        hits: list[tuple[float, str]] = []
        for view in VIEWS:
            o = self.view_origin(view, scale, origin)
            local = QPointF((pos.x() - o.x()) / scale, (pos.y() - o.y()) / scale)
            for shape in self.shapes:
                path = shape.paths.get(view)
                if path is not None and path.contains(local):
                    box = path.boundingRect()
                    hits.append((box.width() * box.height(), shape.key))
        return min(hits)[1] if hits else None

    def region_centre(self, key: str, scale: float, origin: QPointF) -> QPointF | None:
        """A point well inside a region on screen where a click picks that region."""
        shape = self.by_key.get(key)
        if shape is None or not shape.paths:
            return None
        for view, path in shape.paths.items():
            o = self.view_origin(view, scale, origin)
            for c in _inner_points(_largest_piece(path)):
                spot = QPointF(round(o.x() + c.x() * scale), round(o.y() + c.y() * scale))
                if self.region_at(spot, scale, origin) == key:
                    return spot
        return None

    # painting ---------------------------------------------------------------

    def paint(
        self,
        p: QPainter,
        width: float,
        height: float,
        font: QFont,
        *,
        highlight: Iterable[str] = (),
        selected: str | None = None,
        hovered: str | None = None,
        focused: str | None = None,
        points: Sequence[PointMark] = (),
        status: str = "",
    ) -> None:
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(QRectF(0, 0, width, height), QColor("white"))
        p.setFont(font)
        scale, origin = self.layout(width, height, font)
        line = self.text_height(font)
        highlight = set(highlight)
        dots = self._dots(points)
        for view in VIEWS:
            o = self.view_origin(view, scale, origin)
            p.setPen(TEXT_COLOUR)
            p.drawText(
                QRectF(o.x(), 0, BOX_W * scale, line * 1.3),
                Qt.AlignmentFlag.AlignCenter,
                CAPTIONS[view],
            )
            p.save()
            p.translate(o)
            p.scale(scale, scale)
            outline = outline_path(view)
            area = body_area(view)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(BODY_FILL)
            p.drawPath(area)
            p.save()
            p.setClipPath(area)  # zones never spill outside the body
            for shape in self.shapes:
                path = shape.paths.get(view)
                if path is None:
                    continue
                if shape.key in highlight:
                    p.setBrush(REFERRAL_FILL)
                    p.drawPath(path)
                if shape.key == selected:
                    p.setBrush(SELECTED_FILL)
                    p.drawPath(path)
                elif shape.key == hovered and shape.key not in highlight:
                    p.setBrush(HOVER_FILL)
                    p.drawPath(path)
            p.restore()
            outline_pen = QPen(OUTLINE, 1.4)
            outline_pen.setCosmetic(True)  # the same line width at any size
            p.setPen(outline_pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(outline)
            for shape in self.shapes:
                path = shape.paths.get(view)
                if path is None:
                    continue
                if shape.key == selected:
                    pen = QPen(SELECTED_EDGE, 2.2)
                    pen.setCosmetic(True)
                    p.setPen(pen)
                    p.drawPath(path)
                if shape.key == focused:
                    pen = QPen(FOCUS_EDGE, 1.6, Qt.PenStyle.DashLine)
                    pen.setCosmetic(True)
                    p.setPen(pen)
                    p.drawPath(path)
            p.setPen(QPen(QColor("white"), 1.0 / scale))
            p.setBrush(DOT)
            radius = max(6.0, 4.0 / scale)  # about 2 mm on paper, 4 px on screen
            for dot_view, spot in dots:
                if dot_view == view:
                    p.drawEllipse(spot, radius, radius)
            p.restore()
        p.setPen(TEXT_COLOUR)
        bottom = origin.y() + BOX_H * scale + line * 0.3
        legend = " ".join(
            note
            for note, shown in ((RED_NOTE, highlight), (BLUE_NOTE, selected), (DOTS_NOTE, dots))
            if shown
        )
        lines = [text for text in (status, legend) if text]
        p.drawText(
            QRectF(4, bottom, width - 8, height - bottom),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
            "\n".join(lines),
        )
        p.restore()

    def _dots(self, points: Sequence[PointMark]) -> list[tuple[str, QPointF]]:
        by_region: dict[str, list[str]] = {}
        for key, region_key, _approx in points:
            if region_key in self.by_key:
                by_region.setdefault(region_key, []).append(key)
        found: list[tuple[str, QPointF]] = []
        for region_key, keys in by_region.items():
            found.extend(_dot_positions(self.by_key[region_key], len(keys)))
        return found

    def image(
        self,
        width: int,
        *,
        highlight: Iterable[str] = (),
        selected: str | None = None,
        points: Sequence[PointMark] = (),
        font: QFont | None = None,
    ) -> QImage:
        if font is None:
            font = QFont("DejaVu Sans")
            font.setPixelSize(max(10, round(width / 48)))  # readable when printed small
        line = self.text_height(font)
        drawing_h = BOX_H * width / (2 * BOX_W + GAP)
        height = int(drawing_h + line * 1.4 + line * 3.3)
        # The drawing is scaled to fit the width, so the height fits exactly.
        img = QImage(width, height, QImage.Format.Format_ARGB32)
        img.fill(QColor("white"))
        p = QPainter(img)
        self.paint(p, width, height, font, highlight=highlight, selected=selected, points=points)
        p.end()
        return img


def render_figure_image(
    regions: Iterable[Region],
    width: int,
    *,
    highlight: Iterable[str] = (),
    selected: str | None = None,
    points: Sequence[PointMark] = (),
) -> QImage:
    """The chart as an image `width` pixels wide, for a handout."""
    return FigurePainter(regions).image(
        width, highlight=highlight, selected=selected, points=points
    )


class BodyFigure(QWidget):
    """The interactive chart: click or keyboard to choose a region."""

    regionClicked = Signal(str)  # region key
    focusedRegionChanged = Signal(str)

    def __init__(self, regions: Iterable[Region], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.painter = FigurePainter(regions)
        self._order = [s.key for s in self.painter.shapes if s.paths]
        self._highlight: set[str] = set()
        self._selected: str | None = None
        self._hovered: str | None = None
        self._focused: str | None = None
        self._points: list[PointMark] = []
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(260, 260)
        self.setAccessibleName("Body chart, front and back: choose where it hurts")
        self.setAccessibleDescription(
            "Use the arrow keys or Tab to move between body regions, Enter to choose one."
        )
        self.setToolTip("Click where it hurts, or use the arrow keys and Enter")

    # what tests and the tab read ------------------------------------------

    def region_names(self) -> list[tuple[str, str]]:
        """(key, name) of every region, in keyboard order."""
        return [(k, self.painter.by_key[k].name) for k in self._order]

    def highlighted(self) -> set[str]:
        return set(self._highlight)

    def selected(self) -> str | None:
        return self._selected

    def focused_region(self) -> str | None:
        return self._focused

    def focused_name(self) -> str:
        return self.painter.by_key[self._focused].name if self._focused else ""

    def region_centre(self, key: str) -> QPointF | None:
        """Where the region is drawn in the widget (for clicks and checks)."""
        scale, origin = self.painter.layout(self.width(), self.height(), self.font())
        return self.painter.region_centre(key, scale, origin)

    def region_at(self, pos: QPointF) -> str | None:
        scale, origin = self.painter.layout(self.width(), self.height(), self.font())
        return self.painter.region_at(pos, scale, origin)

    # what the tab sets -------------------------------------------------------

    def highlight(self, keys: Iterable[str]) -> None:
        """Shade these regions (a trigger point's referral zone)."""
        self._highlight = {k for k in keys if k in self.painter.by_key}
        self.update()

    def select(self, key: str | None) -> None:
        self._selected = key if key in self.painter.by_key else None
        if self._selected:
            self._set_focused(self._selected)
        self.update()

    def mark_points(self, points: Iterable[PointMark]) -> None:
        """Small dots for points, placed inside their region (approximate)."""
        self._points = list(points)
        self.update()

    # events -------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        status = f"Region: {self.focused_name()}" if self._focused else "Click where it hurts."
        self.painter.paint(
            p,
            self.width(),
            self.height(),
            self.font(),
            highlight=self._highlight,
            selected=self._selected,
            hovered=self._hovered,
            focused=self._focused if self.hasFocus() else None,
            points=self._points,
            status=status,
        )
        p.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        key = self.region_at(event.position())
        if key != self._hovered:
            self._hovered = key
            name = self.painter.by_key[key].name if key else ""
            self.setToolTip(name or "Click where it hurts, or use the arrow keys and Enter")
            self.setCursor(Qt.CursorShape.PointingHandCursor if key else Qt.CursorShape.ArrowCursor)
            self.update()

    def leaveEvent(self, event) -> None:  # noqa: ANN001 - Qt's QEvent
        self._hovered = None
        self.update()
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        key = self.region_at(event.position())
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        if key:
            self.select(key)
            self.regionClicked.emit(key)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 - Qt's name
        """Tab walks the regions; at either end it leaves the chart."""
        if self.hasFocus() and self._order:
            i = self._order.index(self._focused) if self._focused in self._order else -1
            j = i + (1 if next else -1)
            if 0 <= j < len(self._order) or (i == -1):
                self._set_focused(self._order[j % len(self._order)])
                return True
        return super().focusNextPrevChild(next)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self.move_focus(1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self.move_focus(-1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            if self._focused:
                self.select(self._focused)
                self.regionClicked.emit(self._focused)
        else:
            super().keyPressEvent(event)

    def move_focus(self, step: int) -> None:
        """Move the focus ring to the next (+1) or previous (-1) region, wrapping."""
        if not self._order:
            return
        if self._focused not in self._order:
            target = self._order[0 if step > 0 else -1]
        else:
            target = self._order[(self._order.index(self._focused) + step) % len(self._order)]
        self._set_focused(target)

    def _set_focused(self, key: str) -> None:
        if key == self._focused:
            return
        self._focused = key
        name = self.focused_name()
        self.setAccessibleDescription(f"Region: {name}. Press Enter to choose it.")
        self.focusedRegionChanged.emit(key)
        self.update()
