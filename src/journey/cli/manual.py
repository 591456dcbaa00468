"""journey's man page, journey(1), written from the command line's own parser (through
`journey.cli.completion.outline`), so it says what `--help` says. `scripts/make-man` writes it
to man/journey.1; a test checks the file is what the parser makes now."""

from __future__ import annotations

from journey import DISTRIBUTION, __version__
from journey.cli.completion import Command, Option, Outline

EXIT_STATUS = (
    ("0", "Done."),
    ("1", "An error; a message on standard error says what went wrong."),
    ("2", "The command was not understood."),
    ("3", "journey check: something would stop a council agreeing the plan."),
)
ENVIRONMENT = (
    ("JOURNEY_HOME", "The folder where journeys are kept, instead of the user data folder."),
    ("JOURNEY_CONFIG", "The folder of settings.toml, instead of the user config folder."),
    ("JOURNEY_CACHE", "The folder of what journey keeps to start quickly, instead of the "
                      "user cache folder."),
    ("JOURNEY_LOG", "The folder of journey.log, instead of the user log folder."),
    ("NO_COLOR", "Set to anything: no colour at all."),
    ("TEXTUAL_ANIMATIONS", "Set to none: no animations."),
)


def _text(text: str) -> str:
    """Plain words as roff reads them: backslashes and hyphens kept, no line taken for a
    request."""
    text = " ".join(text.split()).replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + text if text.startswith((".", "'")) else text


def _bold(text: str) -> str:
    return f"\\fB{_text(text)}\\fR"


def _italic(text: str) -> str:
    return f"\\fI{_text(text)}\\fR"


def _option(option: Option) -> list[str]:
    flags = ", ".join(_bold(flag) for flag in option.flags)
    if option.value:
        value = "{" + ",".join(option.choices) + "}" if option.choices else option.value
        flags += " " + _italic(value)
    return [".TP", flags, _text(option.help)]


def _usage(command: Command) -> str:
    parts = [_bold(f"journey {command.name}")]
    for option in command.options:
        shown = _bold(option.flags[-1])
        if option.value:
            shown += " " + _italic(option.value)
        parts.append(f"[{shown}]")
    for argument in command.arguments:
        name = "|".join(argument.choices) if argument.choices else argument.name.upper()
        parts.append(_italic(name))
    return " ".join(parts)


def page(shape: Outline) -> str:
    lines = [
        '.\\" journey(1), written by scripts/make-man from the command line\'s own parser.',
        f'.TH JOURNEY 1 "" "journey {__version__}" "User Commands"',
        ".SH NAME",
        "journey \\- " + _text(shape.description.rstrip(".").lower()),
        ".SH SYNOPSIS",
        f"{_bold('journey')} [{_italic('OPTIONS')}] [{_italic('COMMAND')}] "
        f"[{_italic('ARGUMENTS')}]",
        ".SH DESCRIPTION",
        _text("journey walks a person in England through self-directed support in adult "
              "social care, one plain question at a time, and builds their support plan "
              "with them. With no command it opens the app: the saved journeys, or a new "
              "one. It is installed as " + DISTRIBUTION + "."),
        ".SH OPTIONS",
    ]
    for option in shape.options:
        lines += _option(option)
    lines.append(".SH COMMANDS")
    for command in shape.commands:
        lines += [".TP", _usage(command), _text(command.description or command.help)]
        if command.options:
            lines.append(".RS")
            for option in command.options:
                lines += _option(option)
            lines.append(".RE")
    lines.append(".SH EXIT STATUS")
    for code, meaning in EXIT_STATUS:
        lines += [".TP", _bold(code), _text(meaning)]
    lines.append(".SH ENVIRONMENT")
    for name, meaning in ENVIRONMENT:
        lines += [".TP", _bold(name), _text(meaning)]
    lines += [".SH FILES", _text("journey where prints every folder journey uses: the "
                                 "journeys, the settings, the cache and the log."),
              ".SH NOTES", _text(shape.epilog), ""]
    return "\n".join(lines)
