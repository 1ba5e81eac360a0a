"""The main window's style sheet: the few looks Qt's default style does not give.

Kept out of the window's code so a colour change is a one-line diff here.
Object names (`searchBox`, `kindChip`, ...) are set where the widgets are made.
"""

TITLE_SCALE, HEADING_SCALE = 1.7, 1.2

# Font sizes are in the style sheet, not set with setFont(): a style sheet on the
# window stops setFont() from reaching its children, so the one zoom lives here.
STYLE_SHEET = """
QWidget { font-size: %(base)spt; }
QTabBar::tab { padding: 3px 6px; }
QLabel#homeTitle { font-size: %(title)spt; font-weight: bold; }
QLabel#homeHeading { font-size: %(heading)spt; font-weight: bold; }
QLineEdit#searchBox { font-size: %(search)spt; padding: 6px 8px; }
QFrame#noticeBanner { background: #e8f1f8; border: 1px solid #a9c7de; border-radius: 3px; }
QLabel#readOnlyBanner { background: #fff3c4; color: #4a3b00; padding: 6px 10px;
    border: 1px solid #e0c45c; border-radius: 3px; }
QToolButton#kindChip { padding: 2px 7px; border: 1px solid #b8c4cc; border-radius: 11px;
    background: palette(base); }
QToolButton#kindChip:checked { background: #1f6f8b; color: white; border-color: #1f6f8b; }
QLabel#searchMessage { padding: 4px 2px; }
QLabel#countLabel { color: palette(mid); }
"""


def window_style(points: int) -> str:
    """The window's style sheet at a text size: every font in the window follows it."""
    return STYLE_SHEET % {
        "base": points,
        "title": round(points * TITLE_SCALE, 1),
        "heading": round(points * HEADING_SCALE, 1),
        "search": points + 2,
    }
