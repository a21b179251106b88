"""minutes_tui: take the minutes of a formal committee live, in the terminal."""

__version__ = "0.1.0"
