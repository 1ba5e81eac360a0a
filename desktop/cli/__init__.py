"""The command-line verbs (search, export, import, check, handout), apart from the window."""
