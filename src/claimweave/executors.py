"""Where the per-document stage runs: this process, local worker processes, or a Dask cluster.

Every executor maps a picklable function over a stream of batches and yields the results in
input order, with a bounded number of batches in flight, so memory does not grow with the corpus.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from claimweave.errors import ClaimweaveError

EXECUTORS = ("local", "dask")


class ExecutorError(ClaimweaveError):
    """The distributed engine could not be started or reached."""


def ordered(submit: Callable[[Any], Any], items: Iterable, window: int) -> Iterator:
    """``submit`` each item (returning a future), at most ``window`` ahead; yield results in order."""
    pending: deque = deque()
    for item in items:
        pending.append(submit(item))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


class InlineExecutor:
    """Runs batches in this process, one after the other."""

    workers = 1

    def map(self, fn: Callable, items: Iterable) -> Iterator:
        return map(fn, items)

    def close(self) -> None:
        pass


def _warm(warmup: Callable[[], Any] | None) -> None:
    if warmup is not None:
        warmup()


class ProcessExecutor:
    """Runs batches on ``jobs`` local worker processes, each loading the pipeline once."""

    def __init__(self, jobs: int, warmup: Callable[[], Any] | None = None) -> None:
        self.workers = jobs
        # fork: workers start at once and share the parent's imported modules copy-on-write
        self.pool = ProcessPoolExecutor(
            jobs, mp_context=multiprocessing.get_context("fork"), initializer=_warm, initargs=(warmup,)
        )

    def map(self, fn: Callable, items: Iterable) -> Iterator:
        return ordered(lambda item: self.pool.submit(fn, item), items, window=2 * self.workers)

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


class DaskExecutor:
    """Runs batches on a Dask cluster: the one at ``address``, or a new local one of ``jobs`` processes.

    Batches are shipped as they are read (a few per worker in flight); each worker process loads
    the pipeline once (``load_pipeline`` is cached per process) and returns the results' JSON text.
    """

    def __init__(
        self, jobs: int, address: str | None = None, warmup: Callable[[], Any] | None = None, expect: Any = None
    ) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as err:
            raise ExecutorError("--executor dask", "Dask is not installed (pip install 'claimweave[distributed]')") from err
        self.cluster = None
        try:
            if address:
                self.client = Client(address, timeout="10s")
            else:
                self.cluster = LocalCluster(
                    n_workers=jobs, threads_per_worker=1, processes=True, host="127.0.0.1",
                    dashboard_address=None, silence_logs=40,
                )
                self.client = Client(self.cluster)
        except (OSError, TimeoutError) as err:
            raise ExecutorError(address or "LocalCluster", f"cannot start or reach the Dask cluster ({err})") from err
        self.workers = max(1, sum(self.client.nthreads().values()))
        if warmup is not None:
            self._check(self.client.run(warmup), expect)

    def _check(self, found: dict[str, Any], expect: Any) -> None:
        """Refuse workers that run something else than this machine (their results would differ)."""
        wrong = {worker: value for worker, value in found.items() if expect is not None and value != expect}
        if wrong:
            self.close()
            worker, value = sorted(wrong.items())[0]
            raise ExecutorError(worker, f"Dask worker runs {value}, not {expect}")

    def map(self, fn: Callable, items: Iterable) -> Iterator:
        return ordered(lambda item: self.client.submit(fn, item, pure=False), items, window=2 * self.workers)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_executor(
    kind: str, jobs: int, *, address: str | None = None, warmup: Callable[[], Any] | None = None, expect: Any = None
):
    """The executor for ``--executor kind --jobs N`` (``address``: an existing Dask scheduler).

    ``warmup`` runs once in each worker; on Dask, a worker whose ``warmup`` result is not ``expect``
    is refused.
    """
    if kind == "dask":
        return DaskExecutor(jobs, address, warmup, expect)
    if kind != "local":
        raise ExecutorError("--executor", f"unknown executor {kind!r} (choose from {', '.join(EXECUTORS)})")
    return ProcessExecutor(jobs, warmup) if jobs > 1 else InlineExecutor()
