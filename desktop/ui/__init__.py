"""The Qt window: article list, split diff view, entity sidebar, reports; wired in main_window."""
