"""The first-run welcome and cadence tapping."""
