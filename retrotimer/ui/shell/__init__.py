"""The window's shell: the main window, its parts, settings, and the screen kept awake."""
