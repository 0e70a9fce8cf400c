"""`python -m desktop`: the same entry point as the `diptych` command."""

from desktop.cli import run

# Guarded: worker processes (desktop.core.library.batch) import this module again under another name.
if __name__ == "__main__":
    run()
