"""The entity sidebar pane: entity tree, discrepancy list and quotes, linked to the text."""

from desktop.ui.sidebar.widget import EntitySidebar

__all__ = ["EntitySidebar"]
