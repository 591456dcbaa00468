"""The `journey` command: it parses what was asked and opens the way in that was chosen."""
