"""Entry script for the frozen app: the same `main()` as the `diptych` command."""

import multiprocessing
import sys

from desktop.cli import main

if __name__ == "__main__":
    # Folder loading runs worker processes; a frozen app must hand them to multiprocessing.
    multiprocessing.freeze_support()
    sys.exit(main())
