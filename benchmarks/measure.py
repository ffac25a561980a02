"""Wall time, CPU time and peak memory of one stage.

CPU time is printed beside wall time because the machines we share are busy: when other
work competes for the cores, wall time grows and CPU time mostly does not.

Peak memory is the process's resident set size (RSS), sampled every 2 ms by a thread
while the stage runs, so it counts what Python's tracemalloc cannot see (pyoxigraph's and
libyaml's native allocations). Reported: the peak during the stage and the growth over the
RSS the stage started from. Each benchmark target runs in a fresh process (see pipeline.py),
so one target's garbage does not inflate the next one's figures.
"""

from __future__ import annotations

import os
import resource
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def rss_bytes() -> int:
    """Current resident set size (Linux /proc; elsewhere the peak so far, from getrusage)."""
    try:
        with open("/proc/self/statm", "rb") as handle:
            return int(handle.read().split()[1]) * _PAGE
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


@dataclass
class Measurement:
    stage: str
    seconds: float
    cpu_seconds: float
    peak_mb: float
    growth_mb: float
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"stage": self.stage, "seconds": self.seconds, "cpu_seconds": self.cpu_seconds, "peak_mb": self.peak_mb,
                "growth_mb": self.growth_mb, "note": self.note}


class _Sampler(threading.Thread):
    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak = rss_bytes()
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.002):
            self.peak = max(self.peak, rss_bytes())


def measure(stage: str, work: Callable[[], T], note: str = "") -> tuple[T, Measurement]:
    """Run ``work`` once; return its result and the stage's time and memory."""
    start_rss = rss_bytes()
    sampler = _Sampler()
    sampler.start()
    started, cpu_started = time.perf_counter(), time.process_time()
    try:
        result = work()
    finally:
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        sampler.done.set()
        sampler.join()
    peak = max(sampler.peak, rss_bytes())
    return result, Measurement(stage, seconds, cpu, peak / 2**20, (peak - start_rss) / 2**20, note)


def median_seconds(call: Callable[[Any], object], arguments: list[Any], repeat: int = 1) -> float:
    """Median wall time of ``call(argument)`` over the arguments (each run ``repeat`` times)."""
    times = []
    for argument in arguments:
        for _ in range(repeat):
            started = time.perf_counter()
            call(argument)
            times.append(time.perf_counter() - started)
    times.sort()
    return times[len(times) // 2]
