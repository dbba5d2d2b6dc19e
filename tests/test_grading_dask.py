"""`thinktwice grade --scheduler ADDRESS` runs submissions on Dask workers, with the same grades."""

import os
import re

import nbformat
import pytest

from thinktwice.instructor import cli, operations

from .submissions import MODULE, cell_scores, copy_course, make_submissions

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]

KINDS = ["correct", "partial", "raising", "loop", "names-its-grader"]


@pytest.fixture
def cluster():
    """A local Dask cluster of one worker process, on 127.0.0.1 only."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=1,
        threads_per_worker=2,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        silence_logs=40,
    ) as local_cluster:
        yield local_cluster


def test_grades_on_a_dask_cluster_equal_local_grades(released_course, tmp_path, cluster, capsys):
    students = make_submissions(released_course, KINDS, tmp_path / "learners")
    local = copy_course(released_course, tmp_path / "local", cell_timeout=3)
    remote = copy_course(released_course, tmp_path / "remote", cell_timeout=3)
    address = cluster.scheduler_address
    assert address.startswith("tcp://127.0.0.1:")

    assert operations.grade(local, [MODULE], progress=False).failed == {}
    code = cli.main(["grade", "--course", str(remote.root), "--scheduler", address, "--quiet"])
    out = capsys.readouterr().out
    assert code == 0 and all(student in out for student in students)

    expected, got = cell_scores(local), cell_scores(remote)
    assert len(got) == len(students) * 6 and got == expected
    scores = {s: sum(v or 0 for (who, _), (v, _) in got.items() if who == s) for s in students}
    assert sorted(scores.values())[-1] == 7.0 and len(set(scores.values())) > 2

    # A worker process ran the learner's code: the submission that prints its parent (the
    # zygote that forked it) was forked by a zygote whose own parent is the Dask worker, not
    # this process; graded locally, another zygote ran it. The gradebook stayed with this process.
    with distributed_client(cluster) as client:
        workers = set(client.run(os.getpid).values())
    remote_zygote = _zygote_of(remote, students)
    local_zygote = _zygote_of(local, students)
    assert os.getpid() not in workers
    assert _parent_of(remote_zygote) in workers, "the submission did not run on a Dask worker"
    assert local_zygote != remote_zygote


def distributed_client(cluster):
    from distributed import Client

    return Client(cluster.scheduler_address, set_as_default=False, timeout=30)


def _zygote_of(course, students) -> int:
    """The pid the ``names-its-grader`` submission printed as its parent when graded."""
    student = next(s for s in students if s.endswith("names-its-grader"))
    notebook = nbformat.read(course.folder("autograded", MODULE, student) / f"{MODULE}.ipynb", 4)
    text = "".join(
        output.get("text", "")
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if output.get("name") == "stdout"
    )
    return int(re.search(r"run by zygote (\d+)", text).group(1))


def _parent_of(pid: int) -> int:
    """The parent of a live process, from /proc (a worker's zygote lives as long as the worker)."""
    stat = open(f"/proc/{pid}/stat").read()
    return int(stat.rsplit(")", 1)[1].split()[1])


def test_an_unreachable_scheduler_is_a_clear_error(released_course, capsys):
    code = cli.main(
        ["grade", "--course", str(released_course.root), "--scheduler", "tcp://127.0.0.1:9"]
    )
    err = capsys.readouterr().err
    assert code == 1 and "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in err
