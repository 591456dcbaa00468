"""journey in a web browser (`journey serve`): each tab runs the app as its own process."""
