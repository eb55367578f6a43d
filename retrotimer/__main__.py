"""`python -m retrotimer` runs the command line."""

import sys

from retrotimer.cli import main

sys.exit(main())
