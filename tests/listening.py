"""A speech program that only listens: journey's own Speaker, whole, except that where it
would start the system's speech program it writes down what it would have run."""

from __future__ import annotations

from journey.conversation.speech import Speaker


class Reading:
    """Stands for the speech program's process: reading until stopped."""

    def __init__(self) -> None:
        self.stopped = False

    def poll(self) -> int | None:
        return -15 if self.stopped else None

    def terminate(self) -> None:
        self.stopped = True


class Listening(Speaker):
    """Speaks as espeak-ng would be asked to; `heard` keeps each text, `runs` each command."""

    def __init__(self, command: list[str] | None = None, speed: int = 175) -> None:
        # None: espeak-ng, as on most Linux systems; [] none at all.
        super().__init__(command if command is not None else ["/usr/bin/espeak-ng"], speed)
        self.runs: list[list[str]] = []
        self.readings: list[Reading] = []

    def start(self, argv: list[str], env: dict[str, str] | None) -> Reading:  # type: ignore[override]
        self.runs.append(argv)
        self.readings.append(Reading())
        return self.readings[-1]

    @property
    def heard(self) -> list[str]:
        return [run[-1] for run in self.runs]
