"""Pure domain core: model, plan compiler, session state machine (standard library only)."""
