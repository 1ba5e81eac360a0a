"""Filiform's Qt (PySide6) application: windows, tabs, dialogs and printing."""
