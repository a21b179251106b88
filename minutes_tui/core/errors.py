"""The one base class of every error a user should see as one line (what and where), never a traceback."""


class MinutesError(Exception):
    """A user-facing problem: bad input, a refused operation, a database that cannot be used.

    The message is always one line, whatever the user typed into it (it goes to a status bar or stderr).
    """

    def __init__(self, message: object = "") -> None:
        super().__init__(" ".join(str(message).split()))
