"""The article list pane: model, sort/filter proxy, view with its filter box, and the problems list."""
