"""Where submissions run: children of a local zygote, or a Dask cluster's workers."""

from __future__ import annotations

import os
import threading

from .submission import ExecutedSubmission, SubmissionJob, WorkerStartError, execute_submission
from .zygote import Zygote

#: Submissions running at once per core, by default.
WORKERS_PER_CORE = 2


class LocalRunner:
    """Runs each submission in a fresh child of one warm zygote on this machine.

    Parameters
    ----------
    python : str, optional
        The Python that runs the zygote (default: this one).
    """

    def __init__(self, python: str | None = None) -> None:
        self.zygote = Zygote(python=python)

    def prepare(self) -> None:
        """Start the zygote in the background, while the grader does its own set-up."""
        threading.Thread(target=self._start_quietly, daemon=True).start()

    def _start_quietly(self) -> None:
        try:
            self.zygote.start()
        except Exception:  # noqa: BLE001 - the first job starts it again and reports why
            pass

    def __call__(self, job: SubmissionJob) -> ExecutedSubmission:
        """Run ``job`` (from any thread; the zygote forks one child per call)."""
        return execute_submission(job, self.zygote)

    @staticmethod
    def default_workers() -> int:
        """Submissions at once: two per core this process may use.

        A submission often waits rather than computes (a ``sleep``, a cell running into its
        time limit); with one per core such waits leave cores idle. BLAS is pinned to one
        thread per child, so two per core do not oversubscribe the machine.
        """
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
        return WORKERS_PER_CORE * (cores or os.cpu_count() or 1)

    def close(self) -> None:
        """Stop the zygote."""
        self.zygote.stop()


class DaskRunner:
    """Runs :func:`execute_submission` on the workers of a Dask scheduler at ``address``.

    Each worker keeps its own warm zygote; the grader's process still writes the gradebook.
    """

    def __init__(self, address: str, connect_timeout: float = 10.0) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise WorkerStartError(
                "--scheduler needs Dask's `distributed` (pip install 'thinktwice[cluster]')"
            ) from None
        try:
            self.client = Client(address, timeout=connect_timeout, set_as_default=False)
        except OSError as error:
            raise WorkerStartError(
                f"cannot reach the Dask scheduler at {address}: {error}"
            ) from None

    def prepare(self) -> None:
        """Nothing to start: the workers' zygotes start with their first job."""

    def __call__(self, job: SubmissionJob) -> ExecutedSubmission:
        """Run ``job`` on some worker; a lost worker counts as a failure to start."""
        from distributed.client import FutureCancelledError

        try:
            from distributed import KilledWorker
        except ImportError:  # pragma: no cover
            from distributed.scheduler import KilledWorker

        future = self.client.submit(execute_submission, job, pure=False)
        try:
            return future.result()
        except (KilledWorker, FutureCancelledError, OSError) as error:
            raise WorkerStartError(f"the Dask worker failed: {error}") from None

    def default_workers(self) -> int:
        """Submissions at once: the cluster's worker threads."""
        return max(1, sum(self.client.nthreads().values()))

    def close(self) -> None:
        """Disconnect from the scheduler (the cluster keeps running)."""
        self.client.close()
