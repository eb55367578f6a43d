"""What every screen shares: theme, kind styles, the timeline bar, numbers and clocks."""
