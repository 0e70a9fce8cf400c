"""Two short outlets' takes on one ferry story, written for the project: the window tests' pair."""

WIRE = """Ferry service resumes after storm

HALIFAX — The harbour ferry resumed service on Monday after a storm closed the crossing for two days.

Crews inspected both terminals overnight and found no damage."""

HERALD = """Ferries back on the water after two-day storm

HALIFAX — The harbour ferry resumed service on Monday after a storm shut the crossing for two days.

A second ferry will join the route next month, the operator added."""
