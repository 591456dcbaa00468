"""Where journeys are kept: SQLite on disk, one writer per journey, private files, journey
files to move a journey, and settings. An edge: it uses the core, and the core never uses it."""
