"""Settings that stay between runs: the colours (theme), reading aloud and its speed,
animations, and plain lines as the way journey opens.

Kept in `settings.toml` in the user's config folder (or the folder named by
JOURNEY_CONFIG), readable by the user alone. A file that cannot be read, or holds something
unexpected, is set aside with one plain message: it never stops journey starting. No Textual.
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import asdict, dataclass, fields
from pathlib import Path

FILE = "settings.toml"


@dataclass
class Settings:
    theme: str = ""  # "" is journey's default colours (Dark)
    speak: bool = False  # read each question aloud as it appears
    animations: bool = True
    plain: bool = False  # open as plain lines (for a screen reader) rather than the app
    speed: int = 175  # reading aloud, in words a minute


# Reading aloud slower than this is hard to follow, and faster than this hard to catch;
# a speed outside them (a file edited by hand) is brought inside.
SLOWEST, FASTEST, STEP = 80, 400, 25


def config_home() -> Path:
    override = os.environ.get("JOURNEY_CONFIG")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_config_path

    return user_config_path("journey", appauthor=False)


def path() -> Path:
    return config_home() / FILE


def load() -> tuple[Settings, str | None]:
    """The saved settings, and why they could not be read (None when all is well)."""
    where = path()
    try:
        data = tomllib.loads(where.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings(), None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        return Settings(), _problem(where, e)
    settings = Settings()
    for field in fields(Settings):
        if field.name not in data:
            continue
        value = data[field.name]
        if type(value) is not type(getattr(settings, field.name)):
            return Settings(), _problem(where, f"{field.name} = {value!r}")
        setattr(settings, field.name, value)
    settings.speed = min(FASTEST, max(SLOWEST, settings.speed))
    return settings, None


def save(settings: Settings) -> str | None:
    """Write the settings; a plain reason if they could not be written, else None."""
    from journey.store.private import make_private_folder, write_whole

    where = path()
    # JSON strings are valid TOML strings, so every value is written safely quoted.
    text = "".join(f"{k} = {json.dumps(v)}\n" for k, v in asdict(settings).items())
    try:
        make_private_folder(where.parent)
        write_whole(where, text, text=True)
    except OSError as e:
        return _message("settings_not_saved", path=where, reason=e.strerror or e)
    return None


def _problem(where: Path, reason: object) -> str:
    return _message("settings_unreadable", path=where, reason=reason)


def _message(key: str, **values: object) -> str:
    from journey import content

    return content.default().message(key, **values)
