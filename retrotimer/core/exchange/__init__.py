"""Sessions and workouts to and from other training tools: pure conversions."""
