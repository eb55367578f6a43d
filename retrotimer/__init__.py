"""RetroTimer: an interval timer for backward (retro) running."""

__version__ = "0.1.0"
