"""Run an app on a pseudo-terminal, as a user's terminal would, and measure what keys cost it.

`spawn` starts a program on a new pseudo-terminal of a given size (its controlling terminal, so
Textual uses its real Linux driver). `Terminal` drives an app started through interact.py: it types
key bytes and reads the app's CPU time before and after, over a socket (see interact.py).
"""

from __future__ import annotations

import fcntl
import os
import pty
import socket
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

INTERACT_SCRIPT = Path(__file__).resolve().parent / "interact.py"
QUIET = 0.04  # no output for this long: the app has finished drawing what the key caused


def spawn(argv: list[str], env: dict[str, str], size: tuple[int, int],
          pass_fds: tuple[int, ...] = ()) -> tuple[subprocess.Popen, int]:
    """Start `argv` on a new pseudo-terminal of `size` (columns, rows): the child and the master fd."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))

    def controlling_tty() -> None:
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    child = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=dict(env, TERM="xterm-256color"),
                             preexec_fn=controlling_tty, close_fds=True, pass_fds=pass_fds)
    os.close(slave)
    return child, master


class Terminal:
    """One app (interact.py's `mode`, `args`) on a terminal, until `close()`."""

    def __init__(self, mode: str, args: list[str], env: dict[str, str], size: tuple[int, int]) -> None:
        self._channel, theirs = socket.socketpair()
        env = dict(env, BENCH_CPU_FD=str(theirs.fileno()))
        self.child, self._master = spawn([sys.executable, str(INTERACT_SCRIPT), mode, *args], env, size,
                                         (theirs.fileno(),))
        theirs.close()
        self._written = 0  # bytes the app wrote to the terminal so far
        self._last_write = time.monotonic()
        self._tail = b""
        threading.Thread(target=self._drain, daemon=True).start()
        self._channel.settimeout(60)
        try:
            ready = self._channel.recv(16)
        except TimeoutError:
            ready = b""
        if ready != b"ready\n":
            self.close()
            lines = [ln for ln in self._tail.decode(errors="replace").splitlines() if ln.strip()]
            raise RuntimeError(f"{mode} did not start: " + (lines[-1].strip()[-80:] if lines else "no output"))
        self._answers = self._channel.makefile("rb")

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self._master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self._written += len(chunk)
            self._last_write = time.monotonic()
            self._tail = (self._tail + chunk)[-4096:]

    def cpu(self) -> float:
        """The app's CPU time so far (process_time, all its threads)."""
        self._channel.sendall(b"?")
        return float(self._answers.readline())

    def settle(self, limit: float = 3.0) -> None:
        """Wait until the app has written nothing for QUIET seconds."""
        deadline = time.monotonic() + limit
        while time.monotonic() - self._last_write < QUIET and time.monotonic() < deadline:
            time.sleep(QUIET / 4)

    def type(self, keys: str | bytes) -> None:
        """Type without measuring (to set up a step) and wait until the screen is quiet."""
        os.write(self._master, keys.encode() if isinstance(keys, str) else keys)
        time.sleep(QUIET)
        self.settle()

    def step(self, keys: bytes) -> float:
        """Type `keys` and return the CPU time the app spent until the screen was quiet again."""
        self.settle()
        written, start = self._written, self.cpu()
        os.write(self._master, keys)
        deadline = time.monotonic() + 3
        while self._written == written and time.monotonic() < deadline:
            time.sleep(0.001)
        if self._written == written:
            raise RuntimeError(f"the app drew nothing after {keys!r}")
        self.settle()
        return self.cpu() - start

    def close(self) -> None:
        self.child.kill()
        self.child.wait()
        self._channel.close()
        os.close(self._master)
