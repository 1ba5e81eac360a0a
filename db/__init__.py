"""Filiform's data layer: SQLite through sqlite-utils, usable without a display.

Nothing in this package imports Qt.
"""
