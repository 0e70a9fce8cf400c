"""Entry script for the frozen app: the same `main()` as the `diptych` command."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
