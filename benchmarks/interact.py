"""Child process: run an app on a terminal, keep it running, and tell the parent its CPU time.

    python benchmarks/interact.py minutes ID DB | bare | bare-text | input     (the apps of frame.py)

The parent (terminal.py) types real key bytes into the pseudo-terminal, so the keys go through
Textual's Linux driver, the app's handlers, the compositor and the write to the terminal, as for a
user. On the socket whose descriptor is in BENCH_CPU_FD this process sends "ready" once its first
frame is on the screen, and answers each byte it receives with `time.process_time()`: the CPU time
of the whole process (every thread), in nanoseconds' resolution. Benchmark code only: nothing in
minutes_tui knows about it.
"""

import os
import socket
import sys
import threading
import time

import frame

channel = socket.socket(fileno=int(os.environ["BENCH_CPU_FD"]))


def answer_cpu_questions() -> None:
    while channel.recv(1):
        channel.sendall(f"{time.process_time()!r}\n".encode())


def ready(app) -> None:
    channel.sendall(b"ready\n")
    threading.Thread(target=answer_cpu_questions, daemon=True).start()


frame.on_first_frame = ready

if __name__ == "__main__":
    frame.run(*sys.argv[1:])
