"""Commands for saved journeys that show no screen: where they live, list, JSON export and
import, backup and restore, rename, duplicate, delete and recover.

Each returns the exit code. Messages come from content; anything a journey holds is
printed with terminal codes taken out.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journey.content import Journey as Content
    from journey.core.model import Journey
    from journey.store.database import Saved, Store


def add_commands(commands: argparse._SubParsersAction, command: str | None = None) -> None:
    """All these commands, or only the one given (see main._parser)."""
    def add(name: str, text: str) -> argparse.ArgumentParser | None:
        return commands.add_parser(name, help=text) if command in (None, name) else None

    add("where", "show where journeys are kept")
    add("schema", "print the JSON Schema of journey files")
    if imported := add("import", "add the journeys in a journey file"):
        imported.add_argument("file", type=Path)
    if backup := add("backup", "save every journey in one file"):
        backup.add_argument("file", type=Path)
    if restore := add("restore", "bring back journeys from a backup file"):
        restore.add_argument("file", type=Path)
    if rename := add("rename", "give a journey a new name"):
        rename.add_argument("id")
        rename.add_argument("name")
    if duplicate := add("duplicate",
                        "start a new journey from an old one's answers, for a review"):
        duplicate.add_argument("id")
    if delete := add("delete", "delete a journey (it can be recovered for 30 days)"):
        delete.add_argument("id")
        delete.add_argument("--purge", action="store_true",
                            help="remove it for good, at once, with no way back")
    if recover := add("recover", "bring back a deleted journey"):
        recover.add_argument("id")


COMMANDS = frozenset({"where", "schema", "import", "backup", "restore", "rename",
                      "duplicate", "delete", "recover"})


def run(args: argparse.Namespace, store: Store | None) -> int:
    """store is None only for the commands that need none (schema)."""
    if args.command == "schema":
        from journey.store.interchange import schema

        sys.stdout.write(schema())
        return 0
    assert store is not None
    handlers = {
        "where": lambda: where(store),
        "import": lambda: import_file(store, args.file),
        "backup": lambda: backup(store, args.file),
        "restore": lambda: restore(store, args.file),
        "rename": lambda: rename(store, args.id, args.name),
        "duplicate": lambda: duplicate(store, args.id),
        "delete": lambda: delete(store, args.id, args.purge),
        "recover": lambda: recover(store, args.id),
    }
    return handlers[args.command]()


def _words() -> Content:
    # Loaded only when needed, so `journey --version` and `--help` stay quick.
    from journey import content

    return content.default()


def _say(key: str, **values: object) -> None:
    print(_words().message(key, **values))


def _fail(key: str, **values: object) -> int:
    print(_words().message(key, **values), file=sys.stderr)
    return 1


def safe(text: str | None) -> str:
    from journey.core.answers import clean

    return clean(text or "…")


def where(store: Store) -> int:
    from journey.store.lock import LOCKS

    words = _words()
    print(words.message("where"))
    print(f"  {store.home}")
    print(words.message("where_database"))
    print(f"  {store.path}")
    print(words.message("where_locks"))
    print(f"  {store.home / LOCKS}")
    from journey.cli import log
    from journey.content import kept
    from journey.store import settings

    for key, folder in (("where_settings", settings.path()), ("where_cache", kept.cache_home()),
                        ("where_log", log.path())):
        print(words.message(key))
        print(f"  {folder}")
    return 0


def write_file(path: Path, text: str, saved: str, **values: object) -> bool:
    """Write a private file whole or not at all; say plainly if it cannot be done, and
    otherwise say it is saved (the message `saved`), and made private if it was not."""
    from journey.store.private import reason, write_whole

    try:
        was_open = write_whole(path, text)
    except OSError as e:
        _fail("error_write_file", path=path, reason=reason(e))
        return False
    _say(saved, path=path, **values)
    if was_open:
        _say("made_private", path=path)
    return True


def export_json(store: Store, journey_id: str, output: Path | None, notes: bool = True) -> int:
    """The whole journey as a journey file; `notes=False` leaves the facilitator's notes out."""
    from dataclasses import replace

    from journey.store import interchange

    saved = list(store.saved([journey_id]))
    if not saved or saved[0].deleted:
        return _fail("error_no_journey", id=safe(journey_id))
    if not notes:
        saved = [replace(s, journey=s.journey.without_notes()) for s in saved]
    text = interchange.dump(saved)
    if output is None:
        sys.stdout.write(text)
        return 0
    if not write_file(output, text, "exported_json"):
        return 1
    return 0


def _read(path: Path) -> list[Saved] | None:
    """The journeys in a journey file, or None after saying plainly what is wrong with it."""
    from journey.store.interchange import FileError, read

    try:
        return read(path)
    except FileError as e:
        print(e, file=sys.stderr)
        return None


def import_file(store: Store, path: Path) -> int:
    journeys = _read(path)
    if journeys is None:
        return 1
    if not journeys:
        return _fail("error_no_journeys_in_file", path=path)
    # Always new ids, so an imported journey never takes the place of one here.
    for journey in store.add(journeys, keep_ids=False):
        _say("imported", name=safe(journey.name), id=journey.id)
        _set_aside(journey)
    return 0


def example_files() -> dict[str, Path]:
    """The example journeys that ship with journey, by name (mia for mia.json)."""
    from journey.content.loading import content_dir

    folder = content_dir() / "examples"
    return {p.stem: p for p in sorted(folder.glob("*.json"))} if folder.is_dir() else {}


def examples(command: str) -> int:
    """List the example journeys, each with what it shows, and how to add one."""
    words = _words()
    found = example_files()
    if not found:
        return _fail("examples_none")
    print(words.message("examples_list"))
    width = max(len(name) for name in found)
    for name in found:
        key = "example_" + name
        about = words.messages.get(key, "")
        print(f"  {name.ljust(width)}  {about}".rstrip())
    print(words.message("examples_how", command=command))
    return 0


def add_example(store: Store, name: str) -> str | None:
    """Add a new copy of the example journey called `name`; its id, or None after saying
    why it could not be added."""
    found = example_files()
    path = found.get(name.lower())
    if path is None:
        _fail("examples_unknown", name=safe(name), names=", ".join(found) or "…")
        return None
    journeys = _read(path)
    if not journeys:
        return None
    added = store.add(journeys, keep_ids=False)
    for journey in added:
        _say("imported", name=safe(journey.name), id=journey.id)
        _set_aside(journey)
    return added[0].id if added else None


def _set_aside(journey: Journey) -> None:
    """Say which saved answers could not be read: they are asked again, and kept."""
    unfit = journey.unfit
    if not unfit:
        return
    words = _words()
    labels = [q.label for q in map(words.find, unfit) if q]
    if labels:
        _say("set_aside", id=journey.id, count=len(labels), labels="; ".join(labels))
    if len(labels) < len(unfit):
        _say("set_aside_unknown", id=journey.id, count=len(unfit) - len(labels))


def backup(store: Store, path: Path) -> int:
    from journey.store import interchange

    saved = list(store.saved())
    if not write_file(path, interchange.dump(saved), "backed_up", count=len(saved)):
        return 1
    return 0


def restore(store: Store, path: Path) -> int:
    journeys = _read(path)
    if journeys is None:
        return 1
    added, same = store.restore(journeys)
    _say("restored", added=len(added), same=same)
    for journey in added:
        _set_aside(journey)
    return 0


def rename(store: Store, journey_id: str, name: str) -> int:
    from journey.core.answers import NAME_LIMIT, clean_name

    if not clean_name(name):
        return _fail("error_empty_name")
    if (length := len(clean_name(name, limit=None))) > NAME_LIMIT:
        return _fail("error_name_too_long", length=f"{length:,}", limit=NAME_LIMIT)
    try:
        journey = store.rename(journey_id, name)
    except KeyError:
        return _fail("error_no_journey", id=safe(journey_id))
    _say("renamed", name=safe(journey.name))
    return 0


def duplicate(store: Store, journey_id: str) -> int:
    try:
        copy = store.duplicate(journey_id)
    except KeyError:
        return _fail("error_no_journey", id=safe(journey_id))
    _say("duplicated", name=safe(copy.name), id=copy.id)
    return 0


def delete(store: Store, journey_id: str, purge: bool) -> int:
    from journey.core.answers import show_moment

    try:
        if purge:
            store.purge(journey_id)
            _say("purged", id=safe(journey_id))
            return 0
        gone = store.delete(journey_id)
    except KeyError:
        return _fail("error_no_journey", id=safe(journey_id))
    assert gone.purge_after is not None
    _say("deleted", name=safe(gone.name), id=gone.id, until=show_moment(gone.purge_after))
    return 0


def recover(store: Store, journey_id: str) -> int:
    try:
        back = store.recover(journey_id)
    except KeyError:
        return _fail("error_not_deleted", id=safe(journey_id))
    _say("recovered", name=safe(back.name), id=back.id)
    return 0
