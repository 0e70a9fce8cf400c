"""Workspaces: save, open and autosave the session; notes; watching loaded files for changes."""
