"""The one base class of every error a user should see as one line (what and where), never a traceback."""


class MinutesError(Exception):
    """A user-facing problem: bad input, a refused operation, a database that cannot be used."""
