"""Entry script for the frozen app: the same `run()` as the `diptych` command."""

import multiprocessing

from desktop.cli import run

if __name__ == "__main__":
    # Folder loading runs worker processes; a frozen app must hand them to multiprocessing.
    multiprocessing.freeze_support()
    run()
