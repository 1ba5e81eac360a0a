"""The main window's style sheet: the few looks Qt's default style does not give.

Kept out of the window's code so a colour change is a one-line diff here.
Object names (`searchBox`, `kindChip`, ...) are set where the widgets are made.
"""

STYLE_SHEET = """
QLineEdit#searchBox { font-size: 13pt; padding: 6px 8px; }
QFrame#noticeBanner { background: #e8f1f8; border: 1px solid #a9c7de; border-radius: 3px; }
QLabel#readOnlyBanner { background: #fff3c4; color: #4a3b00; padding: 6px 10px;
    border: 1px solid #e0c45c; border-radius: 3px; }
QToolButton#kindChip { padding: 3px 10px; border: 1px solid #b8c4cc; border-radius: 11px;
    background: palette(base); }
QToolButton#kindChip:checked { background: #1f6f8b; color: white; border-color: #1f6f8b; }
QLabel#searchMessage { padding: 4px 2px; }
QLabel#countLabel { color: palette(mid); }
"""
