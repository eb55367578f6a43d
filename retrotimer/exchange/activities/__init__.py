"""Finished sessions as activity files for training logs: FIT and TCX."""
