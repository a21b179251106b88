"""The Textual user interface: the live screen, its widgets, modals and the command palette."""
