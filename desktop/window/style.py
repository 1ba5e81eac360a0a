"""The main window's style sheet: the few looks Qt's default style does not give.

Kept out of the window's code so a colour change is a one-line diff here.
One sheet for the whole window, the home page's looks included: a second
sheet on a widget inside the window made Qt restyle that widget's every
child twice (~20 ms of each start-up).
Object names (`searchBox`, `kindChip`, ...) are set where the widgets are made.
"""

TITLE_SCALE, HEADING_SCALE = 1.7, 1.2

# Font sizes are in the style sheet, not set with setFont(): a style sheet on the
# window stops setFont() from reaching its children, so the one zoom lives here.
STYLE_SHEET = """
QWidget { font-size: %(base)spt; }
QTabBar::tab { padding: 3px 6px; }
QLineEdit#searchBox { font-size: %(search)spt; padding: 6px 8px; }
QFrame#noticeBanner { background: #e8f1f8; border: 1px solid #a9c7de; border-radius: 3px; }
QLabel#readOnlyBanner { background: #fff3c4; color: #4a3b00; padding: 6px 10px;
    border: 1px solid #e0c45c; border-radius: 3px; }
QToolButton#kindChip { padding: 2px 7px; border: 1px solid #b8c4cc; border-radius: 11px;
    background: palette(base); }
QToolButton#kindChip:checked { background: #1f6f8b; color: white; border-color: #1f6f8b; }
QLabel#searchMessage { padding: 4px 2px; }
QLabel#countLabel { color: palette(mid); }
QLabel#homeTitle { font-size: %(title)spt; font-weight: bold; color: #123a4a; }
QLabel#homeHeading { font-size: %(heading)spt; font-weight: bold; color: #123a4a; }
QLabel#homeHint { color: #5b6670; }
QLabel#homeKey, QLabel#homeGlanceHead { font-weight: bold; }
QPushButton#homeQuestion, QPushButton#homeRecent { text-align: left; border: none;
    padding: 3px 4px; color: #0b62a4; background: transparent; }
QPushButton#homeQuestion:hover, QPushButton#homeRecent:hover { text-decoration: underline;
    background: #eef3f6; }
QPushButton#homeQuestion:focus, QPushButton#homeRecent:focus { background: #dbe8f1; }
QFrame#homeCard { background: palette(base); border: 1px solid #d5dde3; border-radius: 4px; }
"""


def window_style(points: int) -> str:
    """The window's style sheet at a text size: every font in the window follows it."""
    return STYLE_SHEET % {
        "base": points,
        "title": round(points * TITLE_SCALE, 1),
        "heading": round(points * HEADING_SCALE, 1),
        "search": points + 2,
    }
