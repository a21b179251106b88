"""The clock is injected everywhere time is read, so tests and snapshots are deterministic."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    """Local wall-clock time, to the second (minutes never need more)."""

    def now(self) -> datetime:
        return datetime.now().replace(microsecond=0)


class FrozenClock:
    """A clock that only moves when told to: for tests, snapshots and benchmarks."""

    def __init__(self, start: datetime) -> None:
        self._now = start

    def now(self) -> datetime:
        return self._now

    def set(self, moment: datetime) -> None:
        self._now = moment

    def advance(self, seconds: float = 0, minutes: float = 0) -> datetime:
        self._now += timedelta(seconds=seconds, minutes=minutes)
        return self._now
