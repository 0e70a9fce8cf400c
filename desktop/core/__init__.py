"""Plain-Python core: reading, cleaning, comparing, extracting. No Qt below this package."""

from desktop.core import dataclass_methods

# Before any value type is made: their dataclass methods are run from code compiled ahead of time.
dataclass_methods.install()
