"""The one error content can raise."""


class ContentError(Exception):
    """A content file is missing or wrong. The message names the file and the question."""
