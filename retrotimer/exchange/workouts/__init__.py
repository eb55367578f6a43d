"""Workout files of other tools: FIT, Zwift, intervals.icu text."""
