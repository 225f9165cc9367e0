"""Errors meant for the user: printed as one plain line, never as a traceback."""


class UserError(Exception):
    """Something the user can fix (a missing dataset, a bad option); the message says what."""
