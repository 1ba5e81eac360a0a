"""The body map: the chart, the Body tab ("where does it hurt?") and its data."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from db import body
from db.records import list_records
from desktop.cli.verbs import run
from desktop.widgets.body_figure import BodyFigure


@pytest.fixture
def body_tab(qtbot, window):
    view = window.view("body")
    window.show_tab(window.tabs.indexOf(view))
    qtbot.waitUntil(lambda: view.figure is not None and view.figure.isVisible())
    qtbot.waitUntil(lambda: view.figure.width() > 200)
    return view


def _rows(widget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


def _keys(widget) -> list[str]:
    return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())]


def _click_region(qtbot, figure: BodyFigure, key: str) -> None:
    centre = figure.region_centre(key)
    assert centre is not None, key
    spot = centre.toPoint()
    assert figure.region_at(centre) == key, f"the middle of {key} is not inside it"
    qtbot.mouseClick(figure, Qt.MouseButton.LeftButton, pos=spot)


def test_clicking_the_back_of_the_knee_lists_what_refers_there_and_bl40(qtbot, store, body_tab):
    _click_region(qtbot, body_tab.figure, "knee-back")
    assert body_tab.current_region() == "knee-back"
    assert "Back of the knee" in body_tab.heading.text()
    referring = {p.key for p in body.trigger_points_referring_to(store.db, "knee-back")}
    assert referring, "some trigger point must refer pain behind the knee"
    assert set(_keys(body_tab.trigger_list)) == referring
    assert any(row.startswith("BL40") for row in _rows(body_tab.local_list))
    # The chart shows the choice: selected in blue, with dots for the local points.
    assert body_tab.figure.selected() == "knee-back"


def test_clicking_a_listed_trigger_point_shades_its_referral_zone(qtbot, store, body_tab):
    _click_region(qtbot, body_tab.figure, "knee-back")
    row = _keys(body_tab.trigger_list).index("TrP-gastrocnemius")
    body_tab.trigger_list.setCurrentRow(row)
    point = next(p for p in list_records(store.db, "points") if p.key == "TrP-gastrocnemius")
    zone = set(point["referral_regions"])
    assert body_tab.figure.highlighted() == zone
    assert "refers pain" in body_tab.referral.text()
    # The calf, a zone that is not the selected region, is painted red on screen.
    assert "calf" in zone
    image = body_tab.figure.grab().toImage()
    centre = body_tab.figure.region_centre("calf").toPoint()
    colour = QColor(image.pixel(centre))
    assert colour.red() > colour.green() + 40 and colour.red() > colour.blue() + 40, colour.name()
    # Another trigger point changes the shading to its own zone.
    other = next(k for k in _keys(body_tab.trigger_list) if k != "TrP-gastrocnemius")
    body_tab.trigger_list.setCurrentRow(_keys(body_tab.trigger_list).index(other))
    other_zone = set(
        next(p for p in list_records(store.db, "points") if p.key == other)["referral_regions"]
    )
    assert body_tab.figure.highlighted() == other_zone


def test_typing_where_it_hurts_shows_the_region(qtbot, body_tab):
    body_tab.where.setText("behind the knee")
    qtbot.keyClick(body_tab.where, Qt.Key.Key_Return)
    assert body_tab.current_region() == "knee-back"
    body_tab.where.setText("my elbow")
    qtbot.keyClick(body_tab.where, Qt.Key.Key_Return)
    assert body_tab.current_region() == "elbow"
    body_tab.where.setText("spleen meridian")
    qtbot.keyClick(body_tab.where, Qt.Key.Key_Return)
    assert body_tab.current_region() == "elbow"  # nothing lost
    assert "not a body region" in body_tab.heading.text()


def test_double_clicking_a_local_point_opens_it_in_the_points_tab(qtbot, window, body_tab):
    body_tab.show_region("knee-back")
    row = next(i for i, k in enumerate(_keys(body_tab.local_list)) if k == "BL40")
    item = body_tab.local_list.item(row)
    body_tab.local_list.itemActivated.emit(item)
    assert window.current_view() is window.view("points")
    assert window.current_record() == ("points", "BL40")


def test_the_patient_question_about_local_and_distal_points_opens(qtbot, window, body_tab):
    body_tab.show_region("heel")
    assert body_tab.question_button.isEnabled()
    qtbot.mouseClick(body_tab.question_button, Qt.MouseButton.LeftButton)
    assert window.current_record() == ("faqs", body.LOCAL_DISTAL_FAQ)


def test_distal_points_for_heel_pain_come_from_the_notes(store, body_tab):
    body_tab.show_region("heel")
    keys = set(_keys(body_tab.distal_list))
    assert {"TrP-soleus", "TrP-gastrocnemius"} <= keys
    assert all(
        "heel" not in p["regions"] for p in list_records(store.db, "points") if p.key in keys
    )


def test_the_figure_renders_at_100_and_200_percent(qtbot, store):
    sizes = []
    for factor in (1, 2):
        figure = BodyFigure(body.regions(store.db))
        qtbot.addWidget(figure)
        figure.resize(400 * factor, 400 * factor)
        figure.show()
        qtbot.waitExposed(figure)
        image = figure.grab().toImage()
        sizes.append((image.width(), image.height()))
        # Non-blank: body colour and outline are both painted.
        colours = {
            QColor(image.pixel(x, y)).name()
            for x in range(0, image.width(), 7)
            for y in range(0, image.height(), 7)
        }
        assert "#ffffff" in colours and "#f6f2ec" in colours and len(colours) > 5
        centre = figure.region_centre("chest").toPoint()
        assert QColor(image.pixel(centre)).name() == "#f6f2ec"
    assert sizes[1][0] == 2 * sizes[0][0] and sizes[1][1] == 2 * sizes[0][1]


def test_every_region_has_a_name_and_the_keyboard_reaches_each(qtbot, store, body_tab):
    figure = body_tab.figure
    names = figure.region_names()
    assert figure.accessibleName()
    assert all(name.strip() for _key, name in names)
    figure.setFocus()
    reached = []
    for _ in names:
        qtbot.keyClick(figure, Qt.Key.Key_Right)
        reached.append(figure.focused_region())
        assert figure.focused_name() in figure.accessibleDescription()
    assert reached == [k for k, _ in names]
    qtbot.keyClick(figure, Qt.Key.Key_Left)
    assert figure.focused_region() == names[-2][0]
    qtbot.keyClick(figure, Qt.Key.Key_Return)
    assert body_tab.current_region() == names[-2][0]


def test_tab_walks_the_regions_inside_the_chart(qtbot, body_tab):
    figure = body_tab.figure
    figure.setFocus()
    qtbot.keyClick(figure, Qt.Key.Key_Tab)
    first = figure.focused_region()
    qtbot.keyClick(figure, Qt.Key.Key_Tab)
    assert figure.hasFocus() and figure.focused_region() != first
    qtbot.keyClick(figure, Qt.Key.Key_Space)
    assert body_tab.current_region() == figure.focused_region()


def test_the_chart_is_built_only_when_the_tab_is_first_shown(window):
    assert window.view("body").figure is None


def test_points_marked_on_the_chart_fall_inside_their_region(qtbot, store):
    figure = BodyFigure(body.regions(store.db))
    qtbot.addWidget(figure)
    figure.resize(600, 500)
    marks = [(p.key, "shin", True) for p in body.acupoints_in(store.db, "shin")[:5]]
    dots = figure.painter._dots(marks)
    assert len(dots) == 5
    shin = figure.painter.by_key["shin"]
    assert all(shin.paths[view].contains(spot) for view, spot in dots)
    assert dots == figure.painter._dots(marks)  # the same every time


def test_clicking_outside_the_body_changes_nothing(qtbot, body_tab):
    body_tab.show_region("heel")
    qtbot.mouseClick(body_tab.figure, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    assert body_tab.current_region() == "heel"


# ---------------------------------------------------------------- content


def test_the_figure_and_the_database_have_the_same_regions(store):
    figure = BodyFigure(body.regions(store.db))
    drawn = {key for key, _ in figure.region_names()}
    stored = {r.key for r in list_records(store.db, "regions")}
    assert drawn == stored
    assert len(stored) == 39


def test_every_trigger_point_has_a_location_and_a_referral_region(store):
    trigger_points = [p for p in list_records(store.db, "points") if p["kind"] == "trigger point"]
    assert len(trigger_points) >= 40
    regions = {r.key for r in body.regions(store.db)}
    for point in trigger_points:
        assert (point["location"] or "").strip(), point.key
        assert point["referral_regions"], point.key
        assert set(point["referral_regions"]) <= regions, point.key


def test_every_region_has_at_least_one_point(store):
    for place in body.regions(store.db):
        found = body.points_in(store.db, place.key) + body.trigger_points_referring_to(
            store.db, place.key
        )
        assert found, f"no point lies in or refers to {place.key}"


@pytest.mark.parametrize(
    ("typed", "key"),
    [("Back of the knee", "knee-back"), ("popliteal", "knee-back"), ("the heel", "heel")],
)
def test_a_typed_place_finds_its_region(store, typed, key):
    assert body.find_region(store.db, typed).key == key


def test_an_unknown_place_finds_nothing(store):
    assert body.find_region(store.db, "spleen meridian") is None
    assert body.where_it_hurts(store.db, "nowhere") is None


def test_every_region_can_be_clicked(qtbot, body_tab):
    figure = body_tab.figure
    for key, name in figure.region_names():
        _click_region(qtbot, figure, key)
        assert body_tab.current_region() == key
        assert name in body_tab.heading.text()


# ---------------------------------------------------------------- on paper


def _cli_pdf(db_path, tmp_path, name: str) -> PdfReader:
    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / "handout.pdf"
    code = run(["--db", str(db_path), "handout", name, "--pdf", str(target)], out, err)
    assert code == 0, err.getvalue()
    return PdfReader(str(target))


def _pages_with_chart(reader: PdfReader) -> list[str]:
    """Text of each page that carries an image and the chart's caption."""
    found = []
    for page in reader.pages:
        text = " ".join(page.extract_text().split())
        objects = page["/Resources"].get("/XObject") or {}
        images = [o for o in objects.values() if o.get_object().get("/Subtype") == "/Image"]
        if images and "Body chart:" in text:
            found.append(text)
    return found


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("record/points/TrP-upper-trapezius", ["Upper trapezius", "the temple"]),
        ("record/points/ST36", ["Stomach 36 (ST36)", "the shin", "approximate"]),
        ("body/heel", ["the heel is outlined in blue"]),
    ],
)
def test_handouts_carry_the_body_chart(qapp, db_path, tmp_path, name, words):
    reader = _cli_pdf(db_path, tmp_path, name)
    pages = _pages_with_chart(reader)
    assert pages, f"{name} has no page with the chart and its caption"
    for word in words:
        assert word in pages[0], word


def test_the_where_it_hurts_handout_lists_both_traditions_and_when_to_call(
    qapp, db_path, tmp_path, store
):
    text = " ".join(
        " ".join(p.extract_text().split()) for p in _cli_pdf(db_path, tmp_path, "body/heel").pages
    )
    assert "Where it hurts: Heel" in text
    for point in body.trigger_points_referring_to(store.db, "heel"):
        assert point["name"] in text
    for point in body.acupoints_in(store.db, "heel"):
        assert point.key in text
    assert "Points further away (distal points)" in text
    assert body.local_distal_question(store.db)["question"] in text
    assert "When to call" in text


def test_a_region_that_does_not_exist_gets_one_sentence(db_path, tmp_path):
    out, err = io.StringIO(), io.StringIO()
    code = run(
        ["--db", str(db_path), "handout", "body/elbowz", "--pdf", str(tmp_path / "x.pdf")], out, err
    )
    assert code == 1
    assert "no body region 'elbowz'" in err.getvalue()
    assert not (tmp_path / "x.pdf").exists()


def test_ctrl_b_opens_the_body_tab_and_ctrl_digits_stay_where_they_were(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view() is window.view("body")
    assert "Ctrl+B" in window.tabs.tabToolTip(window.tabs.indexOf(window.view("body")))
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view() is window.view("points")


def _detail_chart_colours(qtbot, window, key: str) -> tuple[str, set[str]]:
    """Open a point in the Points tab; its detail text and the colours of its chart."""
    view = window.view("points")
    window.show_tab(window.tabs.indexOf(view))
    assert view.show_record("points", key)
    qtbot.waitUntil(lambda: "Body chart" in view.detail.toPlainText())
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    from desktop.printing.body_chart import CHART_URL

    image = view.detail.loadResource(QTextDocument.ResourceType.ImageResource, QUrl(CHART_URL))
    return view.detail.toPlainText(), _colours(image)


def _colours(image) -> set[str]:
    step = max(1, image.width() // 120)
    return {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    }


def test_a_trigger_points_detail_shows_its_chart_with_the_referral_zone(qtbot, window):
    text, colours = _detail_chart_colours(qtbot, window, "TrP-upper-trapezius")
    assert "Body chart: Upper trapezius" in text
    assert "red shows where it can send pain" in text
    assert any(QColor(c).red() > 200 and QColor(c).green() < 170 for c in colours)


def test_an_acupoints_detail_shows_its_chart_and_moving_on_replaces_it(qtbot, window):
    text, _ = _detail_chart_colours(qtbot, window, "ST36")
    assert "Body chart: Stomach 36 (ST36) lies on the shin" in text
    text, _ = _detail_chart_colours(qtbot, window, "BL40")
    assert "Body chart: Bladder 40 (BL40) lies on the back of the knee" in text
    assert text.count("Body chart:") == 1
    assert "ST36" not in text.split("Body chart:")[1].split("\n")[0]
