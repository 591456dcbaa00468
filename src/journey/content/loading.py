"""Find the content files, and load them: from the cache when they have not changed, else
parsed and checked (which names the file and the question when something is wrong)."""

from __future__ import annotations

import os
from functools import cache as once
from pathlib import Path

from journey.content import cache
from journey.content.data import Journey
from journey.content.errors import ContentError
from journey.content.repeats import expand

Files = dict[str, bytes]  # relative path -> bytes, in the order they are read


REVIEW_FILE = "review.toml"


def content_dir() -> Path:
    """Where the content lives: JOURNEY_CONTENT, else inside the installed package, else the
    source tree (an editable install)."""
    override = os.environ.get("JOURNEY_CONTENT")
    if override:
        return Path(override)
    packaged = Path(__file__).with_name("files")
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "content"


def _read(root: Path) -> Files:
    files: Files = {}

    def add(name: str) -> None:
        try:
            files[name] = (root / name).read_bytes()
        except FileNotFoundError:
            raise ContentError(f"{root / name}: file is missing") from None

    add("journey.toml")
    steps = sorted((root / "steps").glob("*.toml"))
    if not steps:
        raise ContentError(f"{root / 'steps'}: no step files found")
    for name in ("glossary.toml", "sources.toml", "welcome.toml"):
        add(name)
    for path in steps:
        add(f"steps/{path.name}")
    if (root / REVIEW_FILE).is_file():  # content without reviews still loads
        add(REVIEW_FILE)
    return files


def _parse(path: Path, content: bytes) -> dict:
    import tomllib  # only for content that has changed

    try:
        return tomllib.loads(content.decode())
    except tomllib.TOMLDecodeError as e:
        raise ContentError(f"{path}: not valid TOML: {e}") from None


def _check(root: Path, files: Files) -> Journey:
    from journey.content import checking  # pydantic: only for content that has changed

    data = _parse(root / "journey.toml", files["journey.toml"])
    glossary = _parse(root / "glossary.toml", files["glossary.toml"])
    sources = _parse(root / "sources.toml", files["sources.toml"])

    def step(name: str) -> object:
        return checking.step(root / name, expand(_parse(root / name, files[name])))

    welcome = step("welcome.toml")
    steps = [step(name) for name in files if name.startswith("steps/")]
    review = (checking.review(root / REVIEW_FILE, _parse(root / REVIEW_FILE, files[REVIEW_FILE]))
              if REVIEW_FILE in files else None)
    checking.part(root / "glossary.toml", "glossary", glossary)
    checking.part(root / "sources.toml", "sources", sources)
    return checking.journey(root, data, welcome, steps, glossary, sources, review)


def load(root: Path | None = None) -> Journey:
    """Read and validate every content file under root."""
    root = root or content_dir()
    files = _read(root)
    wanted = cache.key(files.items())
    kept = cache.read(wanted)
    if kept is not None:
        return kept
    journey = _check(root, files)
    cache.write(wanted, journey)
    return journey


@once
def default() -> Journey:
    return load()
