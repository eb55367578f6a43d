"""What the history holds and derives: session values, the recorder, statistics, calendar days."""
