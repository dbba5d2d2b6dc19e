"""Length-prefixed messages on a socket: how the engine's processes talk to each other.

The grader and the zygote's children, and inside a child the judge and the learner's process,
exchange messages of at most :data:`MAX_MESSAGE` bytes, each preceded by its length.
"""

from __future__ import annotations

import socket
import struct

_HEADER = struct.Struct("!I")
#: The largest message a child may send (its outputs are capped per cell well below this).
MAX_MESSAGE = 256 << 20


def send_message(sock: socket.socket, payload: bytes) -> None:
    """Send one length-prefixed message."""
    sock.sendall(_HEADER.pack(len(payload)) + payload)


def _recv_exact(sock: socket.socket, size: int) -> bytes:
    chunks, left = [], size
    while left:
        chunk = sock.recv(min(left, 1 << 20))
        if not chunk:
            raise EOFError("connection closed")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def recv_message(sock: socket.socket) -> bytes:
    """Receive one length-prefixed message (``EOFError`` when the other side is gone)."""
    (size,) = _HEADER.unpack(_recv_exact(sock, _HEADER.size))
    if size > MAX_MESSAGE:
        raise ValueError(f"message of {size} bytes is too large")
    return _recv_exact(sock, size)
