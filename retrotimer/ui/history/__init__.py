"""The History screen: past sessions, their details, reviews and the weekly chart."""
