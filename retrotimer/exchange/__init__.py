"""Workout and activity files for watches and training logs (FIT, TCX, Zwift, intervals.icu)."""
