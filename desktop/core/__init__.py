"""Plain-Python core: reading, cleaning, comparing, extracting. No Qt below this package."""
