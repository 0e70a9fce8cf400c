"""`python -m desktop`: the same entry point as the `diptych` command."""

import sys

from desktop.cli import main

# Guarded: worker processes (desktop.core.library.batch) import this module again under another name.
if __name__ == "__main__":
    sys.exit(main())
