"""Menu actions (file, edit, print), each installed on the window through a narrow interface."""
