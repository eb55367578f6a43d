"""The followed program in the window: Today, the program path and the program settings."""
