"""Contain one submission's code: limits, no network, hidden course files, an unprivileged user.

The grading engine forks one child per submission; the child calls :func:`enter_sandbox` before it
runs any of the learner's code. As root the child then

- lives in its own session, so the parent can kill its whole process group;
- has resource limits: address space, processes, CPU time (a backstop behind the parent's cell
  time limit), size of files written, no core dumps;
- has a network namespace of its own with only a loopback that is down: no network at all, not
  even the grader's own servers on 127.0.0.1;
- sees, through a private mount namespace, an empty read-only folder in place of each hidden path
  (the course root with the gradebook, ``source/``, ``submitted/``, ``autograded/`` and the
  exchange), of the course package's module sources (they hold the hidden tests), of the folder
  that holds the other working copies, and of the world-writable folders (``/tmp``, ``/dev/shm``
  ...), so it can write nowhere but its working copy;
- runs as a user id of its own (one per live sandbox, with the ``thinktwice-grader`` group), so a
  sandbox cannot signal, trace or read another learner's sandbox, and ``RLIMIT_NPROC`` bounds its
  own process tree; ``no_new_privs`` keeps set-user-id programs from giving root back.

The Python environment stays readable: folders on the way to the virtual environment or the
package that the grader user could not traverse (a checkout under a ``0700`` folder) are replaced,
in the child's view only, by a traversable folder holding just those paths.

Not root, the child gets what an ordinary user can apply (limits; a user and network namespace if
the kernel allows it) and a :class:`SandboxWarning` naming what it could not.

The parent's side is :func:`kill_sandbox`: it kills the child's process group and every process
left running under the child's user id, escaped or not.
"""

from __future__ import annotations

import ctypes
import grp
import os
import pathlib
import resource
import select
import signal
import stat
import sys
import time
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

#: The group sandboxed code runs with (``.ci/system-deps`` creates it with its user).
GRADER_USER = "thinktwice-grader"
#: First user id of the range sandboxes run as, one id per live sandbox.
#: This is systemd's range for dynamic users, which ``useradd`` never hands out.
UID_BASE = 61184
UID_SLOTS = 4336
#: Largest file a sandboxed process may write.
FILE_SIZE_LIMIT = 256 << 20
#: Open files per process.
OPEN_FILES_LIMIT = 1024
#: Folders anyone may write to; each is replaced by an empty read-only folder.
WORLD_WRITABLE = ("/tmp", "/var/tmp", "/dev/shm", "/run/lock", "/dev/mqueue")

_CLONE_NEWNS = 0x00020000
_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000
_MS_RDONLY = 0x1
_MS_NOSUID = 0x2
_MS_NODEV = 0x4
_MS_NOEXEC = 0x8
_MS_REMOUNT = 0x20
_MS_BIND = 0x1000
_MS_REC = 0x4000
_MS_PRIVATE = 0x40000
_PR_SET_DUMPABLE = 4
_PR_SET_NO_NEW_PRIVS = 38
_O_PATH = getattr(os, "O_PATH", 0o10000000)


class SandboxError(RuntimeError):
    """The sandbox could not be entered; the submission's code must not run."""


class SandboxWarning(UserWarning):
    """Part of the sandbox could not be applied (not running as root)."""


@dataclass(frozen=True)
class Limits:
    """What one submission may use.

    Parameters
    ----------
    cell_timeout : float
        Seconds per cell (nbgrader's default); the parent enforces it. The sandbox sets a CPU-time
        backstop of ``20 * cell_timeout + 60`` seconds for the whole submission.
    memory_bytes : int
        Memory each process of the submission may map beyond what the grading process had
        already mapped when it entered the sandbox (its interpreter and preloaded libraries are
        not the learner's to pay for).
    max_processes : int
        Processes and threads the submission may have at once.
    max_output_bytes : int
        Output kept per cell (the parent cuts the rest with a marker).
    """

    cell_timeout: float = 30.0
    memory_bytes: int = 1 << 30
    max_processes: int = 64
    max_output_bytes: int = 1 << 20

    def __post_init__(self) -> None:
        for name in ("cell_timeout", "memory_bytes", "max_processes", "max_output_bytes"):
            if not getattr(self, name) > 0:
                raise ValueError(f"Limits.{name} must be positive, not {getattr(self, name)!r}")

    @property
    def cpu_seconds(self) -> int:
        """CPU seconds of the whole submission before the kernel stops it."""
        return int(20 * self.cell_timeout) + 60


def _libc() -> ctypes.CDLL:
    libc = ctypes.CDLL(None, use_errno=True)
    libc.mount.argtypes = [ctypes.c_char_p] * 3 + [ctypes.c_ulong, ctypes.c_char_p]
    libc.unshare.argtypes = [ctypes.c_int]
    return libc


def _check(result: int, what: str) -> None:
    if result != 0:
        code = ctypes.get_errno()
        raise SandboxError(f"{what}: {os.strerror(code)} (errno {code})")


def _mount(libc, source, target, fstype, flags, data=None, what="mount") -> None:
    def enc(value):
        return None if value is None else os.fsencode(str(value))

    _check(libc.mount(enc(source), enc(target), enc(fstype), flags, enc(data)), what)


def _under(path: str, folder: str) -> bool:
    """Whether ``path`` is ``folder`` or lies inside it."""
    return path == folder or path.startswith(folder.rstrip("/") + "/")


def _depth(path: str) -> int:
    return 0 if path == "/" else path.count("/")


def _real(path: os.PathLike[str] | str) -> str:
    return os.path.realpath(os.fspath(path))


# --- who the child becomes ---


def grader_group() -> int:
    """The group id of :data:`GRADER_USER`, or :class:`SandboxError` saying how to make it."""
    try:
        return grp.getgrnam(GRADER_USER).gr_gid
    except KeyError:
        raise SandboxError(
            f"no {GRADER_USER!r} group on this machine, so submissions cannot run unprivileged; "
            f"run `.ci/system-deps` as root, or: useradd --system --no-create-home "
            f"--shell /usr/sbin/nologin {GRADER_USER}"
        ) from None


def _uids_in_use() -> set[int]:
    used = set()
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                used.add(os.stat(f"/proc/{name}").st_uid)
            except OSError:
                pass
    return used


def _pick_uid() -> int:
    """A sandbox user id that no live process has, starting from one derived from our pid."""
    used = _uids_in_use()
    start = os.getpid() % UID_SLOTS
    for step in range(UID_SLOTS):
        uid = UID_BASE + (start + step) % UID_SLOTS
        if uid not in used:
            return uid
    raise SandboxError(f"all {UID_SLOTS} sandbox user ids from {UID_BASE} are in use")


def is_sandbox_uid(uid: int) -> bool:
    """Whether ``uid`` is one of the user ids sandboxes run as."""
    return UID_BASE <= uid < UID_BASE + UID_SLOTS


# --- what the child sees ---


def _traversable(path: str, uid: int, gid: int) -> bool:
    try:
        st = os.stat(path)
    except OSError:
        return False
    if st.st_uid == uid:
        return bool(st.st_mode & 0o100)
    if st.st_gid == gid:
        return bool(st.st_mode & 0o010)
    return bool(st.st_mode & 0o001)


def _runtime_paths() -> set[str]:
    """Folders the child reads Python code and data from after it has changed user."""
    found = {sys.prefix, sys.exec_prefix, sys.base_prefix, os.path.dirname(sys.executable)}
    found.update(p for p in sys.path if p)
    for name, module in list(sys.modules.items()):
        mapping = getattr(module, "MAPPING", None)
        if name.startswith("__editable__") and isinstance(mapping, dict):
            found.update(str(p) for p in mapping.values())  # setuptools' editable install
        if name.split(".")[0] == "thinktwice":
            found.update(str(p) for p in getattr(module, "__path__", ()) or ())
    return {_real(p) for p in found if os.path.isdir(p)}


def course_sources() -> list[pathlib.Path]:
    """The course package's module sources, which hold the hidden tests: always hidden."""
    import importlib.util

    try:
        spec = importlib.util.find_spec("thinktwice.course")
    except (ImportError, ValueError):
        return []
    roots = list(spec.submodule_search_locations or []) if spec else []
    return [pathlib.Path(root) / "modules" for root in roots]


def _plan(workdir: str, hidden: Iterable[str], uid: int, gid: int) -> list[tuple[str, str]]:
    """The mount rules, shallowest first, each ``(kind, path)`` with kind mask, file or keep.

    A rule decides what the child sees at its path and below, until a deeper rule; so a working
    copy or the Python environment inside a hidden folder is shown again, and a hidden folder
    inside the shown environment is hidden again.
    """
    secret = sorted({_real(p) for p in hidden if os.path.lexists(p)})
    masks = {p for p in secret if os.path.isdir(p)}
    files = {p for p in secret if not os.path.isdir(p)}
    masks.update(p for p in WORLD_WRITABLE if os.path.isdir(p) and not os.path.islink(p))
    masks.add(os.path.dirname(workdir))  # the other learners' working copies
    needed = _needed_paths()
    keeps = {workdir}
    for path in _runtime_paths() | needed:
        if _under(workdir, path) or _under(path, workdir):
            continue  # never show a folder around the working copy, nor lend it a read-only view
        if any(_under(path, s) for s in secret):
            continue  # a path inside the course itself stays hidden
        if not _readable(path, uid, gid):
            if path in needed:
                raise SandboxError(
                    f"{path}: the sandboxed grader cannot read this folder, which submissions "
                    f"import from; make it readable (chmod -R o+rX {path}) or install the "
                    "environment in a world-readable place"
                )
            continue
        keeps.add(path)
    for path in sorted(keeps):
        parts = pathlib.PurePosixPath(path).parts
        for end in range(2, len(parts)):
            ancestor = str(pathlib.PurePosixPath(*parts[:end]))
            if not _traversable(ancestor, uid, gid):
                masks.add(ancestor)  # shown again with only the paths the child needs
                break
    if "/" in masks:
        raise SandboxError(f"{workdir}: the working copy needs a folder of its own, not in /")
    every = {m: "mask" for m in masks} | {f: "file" for f in files}
    every |= {k: "keep" for k in keeps if k not in every}
    rules = []
    for path, kind in sorted(every.items(), key=lambda item: (_depth(item[0]), item[0])):
        above = [p for p in every if p != path and _under(path, p)]
        nearest = every[max(above, key=_depth)] if above else None
        if kind == "keep" and nearest in (None, "keep"):
            continue  # visible as it is
        if kind != "keep" and nearest in ("mask", "file"):
            continue  # already hidden
        rules.append((kind, path))
    return rules


def _readable(path: str, uid: int, gid: int) -> bool:
    try:
        st = os.stat(path)
    except OSError:
        return False
    shift = 6 if st.st_uid == uid else 3 if st.st_gid == gid else 0
    want = 0o5 if os.path.isdir(path) else 0o4
    return (st.st_mode >> shift) & want == want


def _needed_paths() -> set[str]:
    """The environment and the package folders: the child cannot work without reading them."""
    found = {_real(sys.prefix)}
    for name in ("thinktwice.autograder", "thinktwice.widgets"):
        module = sys.modules.get(name)
        found.update(_real(p) for p in getattr(module, "__path__", ()) or ())
    return {p for p in found if os.path.isdir(p)}


def _apply(libc, rules: list[tuple[str, str]], workdir: str) -> None:
    """Carry out :func:`_plan`'s rules in a fresh private mount namespace."""
    handles = {}
    try:
        for kind, path in rules:
            if kind == "keep":
                handles[path] = os.open(path, _O_PATH | os.O_DIRECTORY | os.O_CLOEXEC)
        empty = None
        if any(kind == "file" for kind, _ in rules):
            scratch = os.path.dirname(workdir)
            _mount(
                libc,
                "thinktwice",
                scratch,
                "tmpfs",
                _MS_NOSUID | _MS_NODEV | _MS_NOEXEC,
                "size=16k,nr_inodes=16,mode=0755",
                what=f"a scratch folder on {scratch}",
            )
            open(os.path.join(scratch, ".hidden"), "x").close()
            os.chmod(os.path.join(scratch, ".hidden"), 0)
            empty = os.open(os.path.join(scratch, ".hidden"), _O_PATH | os.O_CLOEXEC)
        tmpfs_roots = []
        for kind, path in rules:
            if not os.path.lexists(path):
                os.makedirs(path, mode=0o755)  # a way through an emptied folder
            if kind == "mask":
                _mount(
                    libc,
                    "thinktwice",
                    path,
                    "tmpfs",
                    _MS_NOSUID | _MS_NODEV | _MS_NOEXEC,
                    "size=64k,nr_inodes=1024,mode=0755",
                    what=f"hiding {path}",
                )
                tmpfs_roots.append(os.open(path, _O_PATH | os.O_DIRECTORY | os.O_CLOEXEC))
            elif kind == "file":
                _mount(libc, f"/proc/self/fd/{empty}", path, None, _MS_BIND, what=f"hiding {path}")
            else:
                _mount(
                    libc,
                    f"/proc/self/fd/{handles[path]}",
                    path,
                    None,
                    _MS_BIND | _MS_REC,
                    what=f"showing {path}",
                )
                if path != workdir:
                    _mount(
                        libc,
                        None,
                        path,
                        None,
                        _MS_REMOUNT | _MS_BIND | _MS_RDONLY | _MS_NOSUID | _MS_NODEV,
                        what=f"making {path} read-only",
                    )
        for fd in tmpfs_roots:
            _mount(
                libc,
                None,
                f"/proc/self/fd/{fd}",
                None,
                _MS_REMOUNT | _MS_RDONLY | _MS_NOSUID | _MS_NODEV | _MS_NOEXEC,
                "size=64k,nr_inodes=1024,mode=0755",
                what="making a hidden folder read-only",
            )
            os.close(fd)
        if empty is not None:
            os.close(empty)
    finally:
        for fd in handles.values():
            os.close(fd)


def _close_secret_fds(secret: Sequence[str], workdir: str) -> None:
    """Point inherited descriptors of hidden files at /dev/null (reading them would bypass all)."""
    try:
        names = os.listdir("/proc/self/fd")
    except OSError:
        return
    for name in names:
        try:
            target = os.readlink(f"/proc/self/fd/{name}")
        except OSError:
            continue
        if target.startswith("/") and not _under(target, workdir):
            if any(_under(target, s) for s in secret):
                null = os.open(os.devnull, os.O_RDWR)
                os.dup2(null, int(name), inheritable=os.get_inheritable(int(name)))
                os.close(null)


def _own_workdir(workdir: str, uid: int, gid: int) -> None:
    """Give the working copy to the sandbox user, never following links out of it."""
    os.chown(workdir, uid, gid, follow_symlinks=False)
    os.chmod(workdir, 0o700)
    for folder, dirs, files in os.walk(workdir):
        for name in dirs + files:
            path = os.path.join(folder, name)
            st = os.lstat(path)
            if st.st_nlink > 1 and not stat.S_ISDIR(st.st_mode):
                continue  # a hard link is shared with a file outside: leave it the grader's
            os.chown(path, uid, gid, follow_symlinks=False)


# --- limits ---


def _vm_size() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def _set_limits(limits: Limits, processes: bool) -> None:
    chosen = [
        (resource.RLIMIT_AS, _vm_size() + limits.memory_bytes),
        (resource.RLIMIT_CPU, limits.cpu_seconds),
        (resource.RLIMIT_FSIZE, FILE_SIZE_LIMIT),
        (resource.RLIMIT_CORE, 0),
        (resource.RLIMIT_NOFILE, OPEN_FILES_LIMIT),
    ]
    if processes:
        chosen.append((resource.RLIMIT_NPROC, limits.max_processes))
    for kind, value in chosen:
        _soft, hard = resource.getrlimit(kind)
        if hard != resource.RLIM_INFINITY:
            value = min(value, hard)
        resource.setrlimit(kind, (value, value))
    # Past the file size limit a write fails with EFBIG instead of killing the process.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def _set_environment(workdir: str) -> None:
    import tempfile

    for name in ("HOME", "TMPDIR"):
        os.environ[name] = workdir
    os.environ["USER"] = os.environ["LOGNAME"] = GRADER_USER
    tempfile.tempdir = None


# --- entering ---


def enter_sandbox(
    workdir: pathlib.Path, limits: Limits, hidden: Sequence[pathlib.Path] = ()
) -> None:
    """Contain the calling process before it runs one submission's code.

    Call it in the forked child, after fork and before any of the learner's code. It puts the
    child in a session of its own, applies ``limits``, cuts the network, hides the ``hidden``
    paths (and the course package's module sources), changes into ``workdir``, and, as root,
    changes to an unprivileged user id that owns ``workdir`` and may write nowhere else.

    Parameters
    ----------
    workdir : pathlib.Path
        The submission's own working copy: a fresh folder, in a folder of its own (its siblings,
        such as other learners' working copies, are hidden too).
    limits : Limits
        What the submission may use.
    hidden : sequence of pathlib.Path
        Files and folders the submission must not read: the course root, the gradebook, the
        exchange, other submissions.

    Raises
    ------
    SandboxError
        If any part of the sandbox could not be applied (as root), or the working copy is not a
        folder. The caller must not run the submission then.
    """
    workdir_s = _real(workdir)
    if not os.path.isdir(workdir_s):
        raise SandboxError(f"{workdir}: the working copy is not a folder")
    if os.path.dirname(workdir_s) == "/":
        raise SandboxError(f"{workdir}: the working copy needs a folder of its own, not in /")
    try:
        os.setsid()
    except PermissionError:
        pass  # already a session leader
    hidden_s = [_real(p) for p in [*hidden, *course_sources()]]
    if os.geteuid() == 0:
        _enter_as_root(workdir_s, limits, hidden_s)
    else:
        _enter_unprivileged(workdir_s, limits)
    os.chdir(workdir_s)
    _set_environment(workdir_s)


def _enter_as_root(workdir: str, limits: Limits, hidden: list[str]) -> None:
    libc = _libc()
    gid = grader_group()
    uid = _pick_uid()
    os.umask(0o022)
    rules = _plan(workdir, hidden, uid, gid)
    _start_watcher(uid)
    _check(libc.unshare(_CLONE_NEWNS | _CLONE_NEWNET), "a private mount and network namespace")
    _mount(libc, None, "/", None, _MS_REC | _MS_PRIVATE, what="making mounts private")
    _apply(libc, rules, workdir)
    _close_secret_fds([*hidden, os.path.dirname(workdir)], workdir)
    _own_workdir(workdir, uid, gid)
    _set_limits(limits, processes=True)
    try:
        os.setgroups([])
        os.setresgid(gid, gid, gid)
        os.setresuid(uid, uid, uid)
    except OSError as error:
        raise SandboxError(f"changing to user id {uid}: {error}") from None
    _check(libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "no_new_privs")
    if os.geteuid() == 0 or os.getegid() == 0:
        raise SandboxError("still root after changing user")
    for path in hidden:
        if os.path.isdir(path) and _readable_entries(path):
            raise SandboxError(f"{path}: still visible inside the sandbox")


def _start_watcher(uid: int) -> None:
    """Fork a watcher that ends every process of ``uid`` once this child has ended.

    Learner code can leave the child's process group (``setsid``) and outlive it; the watcher
    makes sure nothing of this sandbox keeps running, whoever reaps the child. It runs with
    effective user id ``uid`` (its real id stays root, so the sandbox cannot signal or trace it),
    which also keeps ``uid`` taken, so no new sandbox is given it while the watcher works.
    """
    child = os.getpid()
    try:
        handle = os.pidfd_open(child)
    except OSError as error:
        raise SandboxError(f"watching the sandbox: {error}") from None
    if os.fork() != 0:
        os.close(handle)
        return
    try:  # the watcher: never returns
        os.setsid()
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(sig, signal.SIG_IGN)
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        os.closerange(3, handle)
        os.closerange(handle + 1, 1 << 16)  # nothing of the child's (its socket) stays open
        os.setresuid(0, uid, 0)
        _libc().prctl(_PR_SET_DUMPABLE, 1, 0, 0, 0)  # so /proc shows the uid as taken
        select.select([handle], [], [])  # readable once the child has ended
        me = os.getpid()
        for _attempt in range(200):
            left = [pid for pid in _pids_of(uid) if pid != me]
            for pid in left:
                try:
                    os.kill(pid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass
            if not left:
                break
            time.sleep(0.05)
    finally:
        os._exit(0)


def _readable_entries(path: str) -> list[str]:
    try:
        return os.listdir(path)
    except OSError:
        return []


def _enter_unprivileged(workdir: str, limits: Limits) -> None:
    missing = [
        "hidden paths (needs root for a mount namespace)",
        "unprivileged user (needs root)",
        "process limit (RLIMIT_NPROC counts all of this user's processes)",
    ]
    _set_limits(limits, processes=False)
    libc = _libc()
    uid, gid = os.getuid(), os.getgid()
    if libc.unshare(_CLONE_NEWUSER | _CLONE_NEWNET) == 0:
        try:
            with open("/proc/self/setgroups", "w") as stream:
                stream.write("deny")
            with open("/proc/self/uid_map", "w") as stream:
                stream.write(f"{uid} {uid} 1")
            with open("/proc/self/gid_map", "w") as stream:
                stream.write(f"{gid} {gid} 1")
        except OSError:
            pass  # ids show as the overflow id; access is still checked on the real ones
    else:
        missing.append(
            f"no network (unshare of a user namespace: {os.strerror(ctypes.get_errno())})"
        )
    warnings.warn(
        "the grader is not root, so the sandbox is partial; not applied: " + "; ".join(missing),
        SandboxWarning,
        stacklevel=3,
    )


# --- the parent's side ---


def sandbox_uid(pid: int) -> int | None:
    """The sandbox user id process ``pid`` runs as (also while it is a zombie), else ``None``."""
    try:
        uid = os.stat(f"/proc/{pid}").st_uid
    except OSError:
        return None
    return uid if is_sandbox_uid(uid) else None


def _pids_of(uid: int) -> list[int]:
    """Live (not zombie) processes running as ``uid``."""
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            if os.stat(f"/proc/{name}").st_uid != uid:
                continue
            with open(f"/proc/{name}/stat") as stream:
                state = stream.read().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state not in ("Z", "X"):
            found.append(int(name))
    return found


def kill_sandbox(
    pid: int, grace: float = 1.0, uid: int | None = None, workdir: os.PathLike | None = None
) -> None:
    """End a sandboxed child and everything it started (in the parent).

    Sends SIGTERM to the child's process group, waits up to ``grace`` seconds, then SIGKILL to
    the group and to every process still running under the child's sandbox user id, so that
    processes that left the group with ``setsid`` or ignore signals end too. The user id is
    ``uid``, else the owner of ``workdir`` (the working copy the sandbox was given), else read
    from ``/proc`` while the child has not been reaped.
    """
    if uid is None and workdir is not None:
        try:
            uid = os.stat(workdir).st_uid
        except OSError:
            uid = None
    if uid is None or not is_sandbox_uid(uid):
        uid = sandbox_uid(pid)
    try:
        os.killpg(pid, signal.SIGTERM)
    except (ProcessLookupError, PermissionError):
        pass
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline and _group_alive(pid):
        time.sleep(0.02)
    for _attempt in range(50):
        try:
            os.killpg(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        left = _pids_of(uid) if uid is not None else []
        for other in left:
            try:
                os.kill(other, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if not left:
            return
        time.sleep(0.02)


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return _has_live_member(pgid)


def _has_live_member(pgid: int) -> bool:
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as stream:
                fields = stream.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            return True
    return False


__all__ = [
    "GRADER_USER",
    "Limits",
    "SandboxError",
    "SandboxWarning",
    "course_sources",
    "enter_sandbox",
    "grader_group",
    "is_sandbox_uid",
    "kill_sandbox",
    "sandbox_uid",
]
