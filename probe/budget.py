"""The probe's bounds: at most ``max_requests`` requests, no faster than ``rate`` per second."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

DEFAULT_MAX_REQUESTS = 100
DEFAULT_RATE = 2.0
"""Requests per second."""


class BudgetSpent(Exception):
    """The request budget is used up."""


@dataclass
class Budget:
    """Counts requests and spaces them ``1 / rate`` seconds apart (clock and sleep injectable for tests)."""

    max_requests: int = DEFAULT_MAX_REQUESTS
    rate: float = DEFAULT_RATE
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    sent: int = 0
    _next: float | None = field(default=None, repr=False)

    def take(self) -> None:
        """Wait for the next slot and count a request; ``BudgetSpent`` when none is left."""
        if self.sent >= self.max_requests:
            raise BudgetSpent(f"request budget of {self.max_requests} reached")
        now = self.clock()
        if self._next is not None and self._next > now:
            self.sleep(self._next - now)
            now = self._next
        self._next = now + 1 / self.rate
        self.sent += 1
