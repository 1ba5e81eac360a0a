"""Dialogs: the record form, record history, clinic settings, About."""
