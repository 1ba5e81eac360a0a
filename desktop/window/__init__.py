"""The main window and what it is assembled from (search, zoom, saved state, menus)."""
