"""Subcommands of the `retrotimer` command line, one module each, wired to real parts."""
