"""Diptych: compare news articles side by side."""

__version__ = "0.1.0"
APP_ID = "org.diptych.Diptych"
