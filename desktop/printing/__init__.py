"""Handouts: the catalogue, composing a handout, and page layout, printer and PDF."""
