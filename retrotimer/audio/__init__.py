"""Cue sounds: synthesised beeps, voice clips and playback backends."""
