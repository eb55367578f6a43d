"""The run screen: the big display, its keys, the safety checklist and the after-session summary."""
