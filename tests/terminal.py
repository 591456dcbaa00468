"""journey run in a terminal of its own (a pseudo-terminal) of a given size, as a person's
terminal runs it: what it writes is read back, and keys are typed into it. POSIX only."""

from __future__ import annotations

import os
import select
import struct
import subprocess
import sys
import time


class Terminal:
    def __init__(self, args: list[str], env: dict[str, str], columns: int = 80,
                 rows: int = 24) -> None:
        import fcntl
        import pty
        import termios

        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "journey", *args], stdin=slave, stdout=slave, stderr=slave,
            env={**env, "TERM": "xterm-256color"}, close_fds=True, start_new_session=True)
        os.close(slave)
        self.seen = b""

    def wait_for(self, text: str, timeout: float = 60) -> str:
        """Everything written so far, once `text` is among it."""
        wanted = text.encode()
        deadline = time.monotonic() + timeout
        while wanted not in self.seen:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"{text!r} never came; last written: {self.text[-2000:]!r}")
            ready, _, _ = select.select([self.master], [], [], min(left, 0.2))
            if ready:
                try:
                    data = os.read(self.master, 65536)
                except OSError:  # the program has ended and closed the terminal
                    data = b""
                if not data:
                    raise AssertionError(f"{text!r} never came; it ended: {self.text[-2000:]!r}")
                self.seen += data
        return self.text

    @property
    def text(self) -> str:
        return self.seen.decode("utf-8", "replace")

    def type(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def close(self) -> int:
        try:
            return self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait(10)
        finally:
            os.close(self.master)
