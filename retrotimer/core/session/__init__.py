"""The timeline and its clockless state machine: plan, speech plan, session, events, records."""
