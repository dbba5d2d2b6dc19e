"""The sandbox one submission runs in: fork a child, enter the sandbox, try the hostile thing.

Each test forks a child that calls ``enter_sandbox`` and then does what a hostile submission
would; the child reports back through a pipe what it got, and the parent checks from outside that
nothing escaped. These run as root (as CI does): the sandbox's user switch and namespaces need it.
"""

import errno
import json
import os
import pwd
import select
import signal
import socket
import sys
import threading
import time
import warnings
from pathlib import Path

import pytest

from thinktwice.autograder.engine import sandbox
from thinktwice.autograder.engine.sandbox import Limits, SandboxError, enter_sandbox

DEFAULT = Limits()
root_only = pytest.mark.skipif(os.geteuid() != 0, reason="the full sandbox needs root, as in CI")


@pytest.fixture
def layout(tmp_path):
    """A course with a gradebook and a hidden test, and two learners' working copies."""
    course = tmp_path / "course"
    (course / "source" / "m00").mkdir(parents=True)
    (course / "gradebook.db").write_text("GRADEBOOK-SECRET")
    (course / "source" / "m00" / "m00.ipynb").write_text("### BEGIN HIDDEN TESTS secret")
    copies = tmp_path / "copies"
    mine, theirs = copies / "aiko", copies / "ben"
    for folder in (mine, theirs):
        folder.mkdir(parents=True)
        (folder / "m00.ipynb").write_text(f"notebook of {folder.name}")
    return {"course": course, "mine": mine, "theirs": theirs, "tmp": tmp_path}


def run_sandboxed(body, workdir, limits=DEFAULT, hidden=(), before=None, timeout=60):
    """Fork, enter the sandbox, run ``body()``; return (what it returned, the child's uid).

    ``before()`` runs in the child before the sandbox. A ``SandboxError`` comes back as
    ``{"sandbox_error": message}``, a child that died silently as ``{"died": signal}``. The child
    and all it started are killed afterwards.
    """
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never return into pytest
        os.close(read_end)
        status = 0
        try:
            if before:
                before()
            try:
                enter_sandbox(Path(workdir), limits, [Path(p) for p in hidden])
                result = {"value": body(), "uid": os.getuid()}
            except SandboxError as error:
                result = {"sandbox_error": str(error)}
            os.write(write_end, json.dumps(result).encode() + b"\n")
        except BaseException as error:  # noqa: BLE001
            os.write(write_end, json.dumps({"crash": repr(error)}).encode() + b"\n")
            status = 1
        finally:
            os._exit(status)
    os.close(write_end)
    data = b""
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([read_end], [], [], 0.5)
            if ready:
                chunk = os.read(read_end, 65536)
                data += chunk
                if not chunk or data.endswith(b"\n"):
                    break  # escaped processes may hold the pipe open: stop at the message
    finally:
        os.close(read_end)
        sandbox.kill_sandbox(pid, grace=0.5)
        _, status = os.waitpid(pid, 0)
    if not data:
        return {"died": os.WTERMSIG(status) if os.WIFSIGNALED(status) else -1}
    result = json.loads(data)
    assert "crash" not in result, result["crash"]
    return result


def try_read(path):
    try:
        with open(path, "rb") as stream:
            return "READ:" + stream.read(200).decode("utf-8", "replace")
    except OSError as error:
        return errno.errorcode[error.errno]


def try_write(path):
    try:
        with open(path, "w") as stream:
            stream.write("escaped")
        return "WROTE"
    except OSError as error:
        return errno.errorcode[error.errno]


def try_list(path):
    try:
        return sorted(os.listdir(path))
    except OSError as error:
        return errno.errorcode[error.errno]


@root_only
def test_runs_unprivileged_in_its_own_copy_and_owns_only_it(layout):
    mine = layout["mine"]

    def body():
        Path("answer.txt").write_text("mine")
        return {"cwd": os.getcwd(), "euid": os.geteuid(), "groups": os.getgroups()}

    result = run_sandboxed(body, mine, hidden=[layout["course"]])
    assert result["value"]["cwd"] == str(mine.resolve())
    assert result["value"]["euid"] != 0 and result["value"]["groups"] == []
    assert sandbox.is_sandbox_uid(result["uid"])
    assert (mine / "answer.txt").read_text() == "mine"
    assert (mine / "answer.txt").stat().st_uid == result["uid"]
    assert (mine / "m00.ipynb").stat().st_uid == result["uid"]


@root_only
def test_cannot_read_gradebook_hidden_tests_or_another_learner(layout):
    course, theirs = layout["course"], layout["theirs"]
    modules = sandbox.course_sources()[0]
    assert any("BEGIN HIDDEN TESTS" in p.read_text() for p in modules.glob("*.py"))

    def body():
        return {
            "gradebook": try_read(course / "gradebook.db"),
            "source": try_read(course / "source" / "m00" / "m00.ipynb"),
            "course": try_list(course),
            "theirs": try_read(theirs / "m00.ipynb"),
            "copies": try_list(theirs.parent),
            "modules": [try_read(p) for p in modules.glob("*.py")],
        }

    got = run_sandboxed(body, layout["mine"], hidden=[course])["value"]
    for what in ("gradebook", "source", "theirs"):
        assert got[what] in ("ENOENT", "EACCES"), (what, got[what])
    assert got["course"] in ([], "ENOENT") and got["modules"] == []
    assert got["copies"] in (["aiko"], "EACCES")


@root_only
def test_hidden_single_file_reads_as_denied(layout):
    gradebook = layout["course"] / "gradebook.db"
    got = run_sandboxed(lambda: try_read(gradebook), layout["mine"], hidden=[gradebook])
    assert got["value"] in ("ENOENT", "EACCES")
    assert gradebook.read_text() == "GRADEBOOK-SECRET"


@root_only
def test_writes_nowhere_but_its_copy(layout):
    targets = [
        layout["course"] / "grades.txt",
        layout["theirs"] / "m00.ipynb",
        Path("/tmp/thinktwice-escape.txt"),
        Path("/var/tmp/thinktwice-escape.txt"),
        Path("/dev/shm/thinktwice-escape.txt"),
        Path(sys.prefix) / "thinktwice-escape.txt",
        Path(sandbox.course_sources()[0]) / "thinktwice-escape.txt",
        layout["tmp"] / "escape.txt",
    ]

    def body():
        return {str(t): try_write(t) for t in targets}

    got = run_sandboxed(body, layout["mine"], hidden=[layout["course"]])["value"]
    assert set(got.values()) <= {"EACCES", "EROFS", "ENOENT"}, got
    for target in targets[2:]:
        assert not target.exists(), target
    assert not (layout["course"] / "grades.txt").exists()
    assert (layout["theirs"] / "m00.ipynb").read_text() == "notebook of ben"


@root_only
def test_no_network_even_to_the_graders_own_server(layout):
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.settimeout(0.5)
    port = server.getsockname()[1]

    def body():
        try:
            socket.create_connection(("127.0.0.1", port), timeout=3).close()
            return "CONNECTED"
        except OSError as error:
            return errno.errorcode.get(error.errno, str(error))

    try:
        got = run_sandboxed(body, layout["mine"])["value"]
        with pytest.raises(TimeoutError):
            server.accept()
    finally:
        server.close()
    assert got in ("ENETUNREACH", "ECONNREFUSED", "EADDRNOTAVAIL")


@root_only
def test_memory_hog_gets_memory_error_and_survives(layout):
    limits = Limits(memory_bytes=1 << 30)

    def body():
        try:
            hog = bytearray(2 << 30)
            return f"ALLOCATED {len(hog)}"
        except MemoryError:
            return "MemoryError"

    assert run_sandboxed(body, layout["mine"], limits)["value"] == "MemoryError"


@root_only
def test_fork_bomb_is_bounded_and_every_process_ends(layout):
    limits = Limits(max_processes=16)

    def body():
        started = 0
        for _ in range(200):
            try:
                child = os.fork()
            except OSError:
                break
            if child == 0:  # leave the group, ignore signals, and live on
                os.setsid()
                signal.signal(signal.SIGTERM, signal.SIG_IGN)
                while True:
                    time.sleep(1)
            started += 1
        return started

    result = run_sandboxed(body, layout["mine"], limits)
    assert 0 < result["value"] < 16
    assert sandbox._pids_of(result["uid"]) == []  # kill_sandbox ended the escaped ones too


@root_only
def test_ignored_signals_do_not_stop_the_kill(layout):
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read_end)
            enter_sandbox(layout["mine"], Limits())
            for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
                signal.signal(sig, signal.SIG_IGN)
            os.write(write_end, b"ignoring")
            while True:
                pass
        finally:
            os._exit(1)
    os.close(write_end)
    assert select.select([read_end], [], [], 60)[0] and os.read(read_end, 16) == b"ignoring"
    os.close(read_end)
    uid = sandbox.sandbox_uid(pid)
    assert uid is not None
    sandbox.kill_sandbox(pid, grace=0.3)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    assert sandbox._pids_of(uid) == []


@root_only
def test_one_sandbox_cannot_kill_another(layout):
    """``os.kill(-1, SIGKILL)`` in one learner's code must not end another learner's grading."""
    ready = threading.Event()
    honest = {}

    def honest_body():
        time.sleep(3)  # long enough for the hostile one to try
        return "finished"

    def run_honest():
        ready.set()
        honest.update(run_sandboxed(honest_body, layout["theirs"]))

    thread = threading.Thread(target=run_honest)
    thread.start()
    ready.wait()
    time.sleep(0.5)

    def hostile_body():
        try:
            os.kill(-1, signal.SIGKILL)
        except OSError as error:
            return errno.errorcode[error.errno]
        return "sent"

    hostile = run_sandboxed(hostile_body, layout["mine"])
    thread.join(60)
    assert hostile["value"] == "sent"  # the kernel spares the sender itself
    assert honest["value"] == "finished"


@root_only
def test_inherited_descriptor_of_the_gradebook_reads_nothing(layout):
    gradebook = layout["course"] / "gradebook.db"
    holder = {}

    def before():
        holder["fd"] = os.open(gradebook, os.O_RDONLY)

    def body():
        return os.read(holder["fd"], 100).decode()

    got = run_sandboxed(body, layout["mine"], hidden=[layout["course"]], before=before)
    assert got["value"] == ""


@root_only
def test_file_size_is_capped(layout, monkeypatch):
    monkeypatch.setattr(sandbox, "FILE_SIZE_LIMIT", 1 << 20)

    def body():
        try:
            with open("big.bin", "wb") as stream:
                for _ in range(4):
                    stream.write(b"x" * (1 << 20))
        except OSError as error:
            return errno.errorcode[error.errno]
        return "WROTE"

    assert run_sandboxed(body, layout["mine"])["value"] == "EFBIG"
    assert (layout["mine"] / "big.bin").stat().st_size <= 1 << 20


@root_only
def test_limits_are_set_and_cannot_be_raised(layout):
    import resource

    limits = Limits(cell_timeout=5, memory_bytes=900 << 20, max_processes=20)

    def body():
        got = {
            "as": resource.getrlimit(resource.RLIMIT_AS),
            "nproc": resource.getrlimit(resource.RLIMIT_NPROC),
            "cpu": resource.getrlimit(resource.RLIMIT_CPU),
            "core": resource.getrlimit(resource.RLIMIT_CORE),
        }
        try:
            more = 2 * resource.getrlimit(resource.RLIMIT_AS)[1]
            resource.setrlimit(resource.RLIMIT_AS, (more, more))
            got["raised"] = True
        except (ValueError, OSError):
            got["raised"] = False
        return got

    got = run_sandboxed(body, layout["mine"], limits)["value"]
    # The address-space budget comes on top of what the grading process had already mapped.
    assert got["as"][0] == got["as"][1] > 900 << 20 and got["nproc"] == [20, 20]
    assert got["cpu"] == [limits.cpu_seconds] * 2 and got["core"] == [0, 0]
    assert got["raised"] is False


@root_only
def test_environment_under_a_closed_folder_stays_importable(layout, tmp_path):
    """A checkout under a 0700 folder (a CI `mktemp -d`): the child still imports from it."""
    closed = tmp_path / "closed"
    package = closed / "checkout" / "tt_probe_pkg"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("VALUE = 42\n")
    (closed / "private.txt").write_text("not for learners")
    os.chmod(closed, 0o700)

    def before():
        sys.path.insert(0, str(closed / "checkout"))

    def body():
        import tt_probe_pkg

        return {"value": tt_probe_pkg.VALUE, "private": try_read(closed / "private.txt")}

    got = run_sandboxed(body, layout["mine"], before=before)["value"]
    assert got["value"] == 42
    assert got["private"] in ("ENOENT", "EACCES")
    assert oct(closed.stat().st_mode & 0o777) == "0o700"  # only the child's view changed


@root_only
def test_unreadable_environment_is_a_clear_error(layout, tmp_path):
    closed = tmp_path / "venv"
    closed.mkdir(mode=0o700)

    def before():
        sandbox._needed_paths = lambda: {str(closed)}

    got = run_sandboxed(lambda: "ran", layout["mine"], before=before)
    assert "sandbox_error" in got
    assert str(closed) in got["sandbox_error"] and "chmod" in got["sandbox_error"]


@root_only
def test_missing_grader_user_is_a_clear_error(layout):
    def before():
        sandbox.GRADER_USER = "thinktwice-no-such-user"

    got = run_sandboxed(lambda: "ran", layout["mine"], before=before)
    assert "thinktwice-no-such-user" in got["sandbox_error"]
    assert "useradd" in got["sandbox_error"]


def test_working_copy_must_be_a_folder(tmp_path):
    got = run_sandboxed(lambda: "ran", tmp_path / "missing")
    assert "missing" in got["sandbox_error"] and "not a folder" in got["sandbox_error"]


@root_only
def test_not_root_applies_limits_and_warns_what_it_could_not():
    import resource
    import shutil
    import tempfile

    nobody = pwd.getpwnam("nobody")
    base = Path(tempfile.mkdtemp(prefix="thinktwice-sandbox-test-"))
    base.chmod(0o755)
    mine = base / "mine"
    mine.mkdir()
    mine.chmod(0o777)

    def body():
        os.setgroups([])
        os.setresgid(nobody.pw_gid, nobody.pw_gid, nobody.pw_gid)
        os.setresuid(nobody.pw_uid, nobody.pw_uid, nobody.pw_uid)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            enter_sandbox(mine, Limits(memory_bytes=900 << 20))
        try:
            socket.create_connection(("127.0.0.1", 9), timeout=2).close()
            network = "CONNECTED"
        except OSError as error:
            network = errno.errorcode.get(error.errno, str(error))
        return {
            "warnings": [str(w.message) for w in caught],
            "as": resource.getrlimit(resource.RLIMIT_AS)[0],
            "network": network,
        }

    try:
        got = in_child(body)
    finally:
        shutil.rmtree(base)
    assert got["as"] > 900 << 20  # the budget, on top of what the process had mapped
    assert len(got["warnings"]) == 1 and "not root" in got["warnings"][0]
    assert "hidden paths" in got["warnings"][0] and "unprivileged user" in got["warnings"][0]
    if "no network" not in got["warnings"][0]:
        assert got["network"] in ("ENETUNREACH", "ECONNREFUSED", "EADDRNOTAVAIL")


def in_child(body, timeout=60):
    """Run ``body()`` in a forked child (no sandbox entered for it) and return its result."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read_end)
            os.write(write_end, json.dumps(body()).encode())
        finally:
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as stream:
        data = stream.read()
    os.waitpid(pid, 0)
    return json.loads(data)


def test_limits_must_be_positive():
    with pytest.raises(ValueError, match="cell_timeout"):
        Limits(cell_timeout=0)


@root_only
def test_escaped_processes_end_when_the_child_ends(layout):
    """Processes that left the group die with the child, though the parent only reaps it."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read_end)
            enter_sandbox(layout["mine"], Limits())
            ready_read, ready_write = os.pipe()
            if os.fork() == 0:
                os.setsid()
                signal.signal(signal.SIGTERM, signal.SIG_IGN)
                os.write(write_end, f"{os.getpid()}\n".encode())
                os.write(ready_write, b"x")
                time.sleep(300)
            os.read(ready_read, 1)  # end only once the escaped one runs
        finally:
            os._exit(0)
    os.close(write_end)
    assert select.select([read_end], [], [], 60)[0]
    escaped = int(os.read(read_end, 32).decode())
    os.close(read_end)
    os.waitpid(pid, 0)
    uid = layout["mine"].stat().st_uid
    deadline = time.monotonic() + 30
    while sandbox._pids_of(uid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert sandbox._pids_of(uid) == []
    assert not Path(f"/proc/{escaped}").exists() or "Z" in _state(escaped)


def _state(pid):
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "gone"


@root_only
def test_parent_can_end_escaped_processes_by_the_working_copy(layout):
    """``kill_sandbox`` finds the sandbox's user id from the working copy's owner."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read_end)
            enter_sandbox(layout["mine"], Limits())
            if os.fork() == 0:
                os.setsid()
                os.write(write_end, b"escaped\n")
                time.sleep(300)
            time.sleep(300)
        finally:
            os._exit(0)
    os.close(write_end)
    assert select.select([read_end], [], [], 60)[0] and os.read(read_end, 16) == b"escaped\n"
    os.close(read_end)
    uid = layout["mine"].stat().st_uid
    assert len(sandbox._pids_of(uid)) >= 2
    sandbox.kill_sandbox(pid, grace=0, workdir=layout["mine"])
    os.waitpid(pid, 0)
    assert sandbox._pids_of(uid) == []
