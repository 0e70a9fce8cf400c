"""The coverage pane: three or more articles on one story, fact by fact (CoverageView over core.coverage)."""
