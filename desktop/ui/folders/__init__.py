"""Folders of many articles: background loading with progress, related coverage."""
