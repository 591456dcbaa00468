"""The conversation as plain lines, for screen readers and simple terminals. No Textual."""
