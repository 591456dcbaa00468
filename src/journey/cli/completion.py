"""Shell completion for bash, zsh and fish, written from the command line's own parser, so a
command or option added there is completed without another word: `journey completion SHELL`
prints the script. Journey ids are completed from `journey list` as the person types.

Also the parser read as plain data (`outline`), which `journey.cli.manual` writes the man
page from.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from pathlib import Path

SHELLS = ("bash", "zsh", "fish")

# The ids of saved journeys, and of deleted ones, as the shells ask for them: the first
# column of `journey list`, under its heading.
IDS = "journey list 2>/dev/null | awk 'NR>1{print $1}'"
DELETED_IDS = "journey list --deleted 2>/dev/null | awk 'NR>1{print $1}'"


@dataclass(frozen=True)
class Option:
    flags: tuple[str, ...]  # "-o", "--output"
    help: str
    value: str | None = None  # what follows it (None: a switch)
    choices: tuple[str, ...] = ()
    is_file: bool = False


@dataclass(frozen=True)
class Argument:
    name: str  # as the help shows it: "id", "file", "name", "shell"
    help: str = ""
    choices: tuple[str, ...] = ()
    kind: str = ""  # "id", "deleted-id", "file" or "" (anything)


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    description: str = ""
    options: tuple[Option, ...] = ()
    arguments: tuple[Argument, ...] = ()


@dataclass(frozen=True)
class Outline:
    description: str
    epilog: str
    options: tuple[Option, ...]
    commands: tuple[Command, ...] = field(default_factory=tuple)


def _options(parser: argparse.ArgumentParser) -> tuple[Option, ...]:
    found = []
    for action in parser._actions:
        if not action.option_strings or isinstance(action, argparse._HelpAction):
            continue
        takes = action.nargs != 0
        found.append(Option(
            tuple(action.option_strings), action.help or "",
            (action.metavar or action.dest.upper()) if takes else None,
            tuple(map(str, action.choices or ())), action.type is Path))
    return tuple(found)


def _arguments(command: str, parser: argparse.ArgumentParser) -> tuple[Argument, ...]:
    found = []
    for action in parser._actions:
        if action.option_strings:
            continue
        if action.type is Path:
            kind = "file"
        elif action.dest == "id":
            kind = "deleted-id" if command == "recover" else "id"
        else:
            kind = ""
        found.append(Argument(action.dest, action.help or "",
                              tuple(map(str, action.choices or ())), kind))
    return tuple(found)


def outline(parser: argparse.ArgumentParser) -> Outline:
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    helps = {choice.dest: choice.help or "" for choice in sub._choices_actions}
    commands = tuple(
        Command(name, helps.get(name, ""), child.description or "", _options(child),
                _arguments(name, child))
        for name, child in sub.choices.items())
    return Outline(parser.description or "", parser.epilog or "", _options(parser), commands)


def script(shell: str, shape: Outline) -> str:
    return {"bash": _bash, "zsh": _zsh, "fish": _fish}[shell](shape)


# bash --------------------------------------------------------------------------------------

def _bash(shape: Outline) -> str:
    top_words = [f for o in shape.options for f in o.flags] + ["--help"]
    top_words += [c.name for c in shape.commands]
    valued_top = [f for o in shape.options if o.value for f in o.flags]
    lines = [
        "# bash completion for journey, written by `journey completion bash`.",
        '# Add to ~/.bashrc:  eval "$(journey completion bash)"',
        "_journey() {",
        '    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"',
        '    local command="" i skip=""',
        "    for ((i = 1; i < COMP_CWORD; i++)); do",
        '        if [[ -n $skip ]]; then skip=""; continue; fi',
        '        case "${COMP_WORDS[i]}" in',
    ]
    if valued_top:
        lines.append(f"            {'|'.join(valued_top)}) skip=1 ;;")
    lines += [
        "            -*) ;;",
        '            *) command="${COMP_WORDS[i]}"; break ;;',
        "        esac",
        "    done",
        '    case "$command:$prev" in',
    ]
    for command in (Command("", "", options=shape.options), *shape.commands):
        for option in command.options:
            if not option.value:
                continue
            cases = "|".join(f"{command.name}:{flag}" for flag in option.flags)
            if option.choices:
                reply = f'COMPREPLY=($(compgen -W "{" ".join(option.choices)}" -- "$cur"))'
            elif option.is_file:
                reply = 'COMPREPLY=($(compgen -f -- "$cur"))'
            else:
                reply = "COMPREPLY=()"
            lines.append(f"        {cases}) {reply}; return ;;")
    lines += [
        "    esac",
        '    case "$command" in',
        f'        "") COMPREPLY=($(compgen -W "{" ".join(top_words)}" -- "$cur")) ;;',
    ]
    for command in shape.commands:
        words = " ".join([f for o in command.options for f in o.flags] + ["--help"])
        lines.append(f"        {command.name})")
        lines.append("            if [[ $cur == -* ]]; then")
        lines.append(f'                COMPREPLY=($(compgen -W "{words}" -- "$cur"))')
        kinds = {a.kind for a in command.arguments}
        choices = [c for a in command.arguments for c in a.choices]
        if choices:
            lines.append("            else")
            lines.append(f'                COMPREPLY=($(compgen -W "{" ".join(choices)}" '
                         '-- "$cur"))')
        elif "file" in kinds:
            lines.append("            else")
            lines.append('                COMPREPLY=($(compgen -f -- "$cur"))')
        elif kinds & {"id", "deleted-id"}:
            ids = DELETED_IDS if "deleted-id" in kinds else IDS
            lines.append("            else")
            lines.append(f'                COMPREPLY=($(compgen -W "$({ids})" -- "$cur"))')
        lines.append("            fi ;;")
    lines += [
        "    esac",
        "}",
        "complete -o filenames -F _journey journey",
        "",
    ]
    return "\n".join(lines)


# zsh ---------------------------------------------------------------------------------------

def _zsh_text(text: str) -> str:
    """Words inside an _arguments spec in single quotes."""
    text = " ".join(text.split())
    for plain, escaped in (("\\", "\\\\"), ("[", "\\["), ("]", "\\]"), (":", "\\:"),
                           ("'", "'\\''")):
        text = text.replace(plain, escaped)
    return text


def _zsh_option(option: Option) -> list[str]:
    help_text = _zsh_text(option.help)
    if option.value:
        if option.choices:
            action = f"({' '.join(option.choices)})"
        elif option.is_file:
            action = "_files"
        else:
            action = " "
        tail = f":{_zsh_text(option.value)}:{action}"
    else:
        tail = ""
    if len(option.flags) == 1:
        return [f"'{option.flags[0]}[{help_text}]{tail}'"]
    group = " ".join(option.flags)
    return [f"'({group})'{{{','.join(option.flags)}}}'[{help_text}]{tail}'"]


def _zsh(shape: Outline) -> str:
    lines = [
        "#compdef journey",
        "# zsh completion for journey, written by `journey completion zsh`.",
        '# Add to ~/.zshrc (after compinit):  eval "$(journey completion zsh)"',
        "_journey_ids() {",
        "    local -a ids",
        f'    ids=(${{(f)"$({IDS})"}})',
        "    _describe 'journey id' ids",
        "}",
        "_journey_deleted_ids() {",
        "    local -a ids",
        f'    ids=(${{(f)"$({DELETED_IDS})"}})',
        "    _describe 'deleted journey id' ids",
        "}",
        "_journey() {",
        '    local curcontext="$curcontext" state line',
        "    typeset -A opt_args",
        "    _arguments -C \\",
        "        '(- *)'{-h,--help}'[show help]' \\",
    ]
    for option in shape.options:
        lines += [f"        {spec} \\" for spec in _zsh_option(option)]
    lines += [
        "        '1: :->command' \\",
        "        '*:: :->arguments'",
        "    case $state in",
        "        command)",
        "            local -a commands",
        "            commands=(",
    ]
    lines += [f"                '{c.name}:{_zsh_text(c.help)}'" for c in shape.commands]
    lines += [
        "            )",
        "            _describe 'command' commands ;;",
        "        arguments)",
        "            case $line[1] in",
    ]
    for command in shape.commands:
        specs = ["'(- *)'{-h,--help}'[show help]'"]
        for option in command.options:
            specs += _zsh_option(option)
        for number, argument in enumerate(command.arguments, start=1):
            action = {"id": "_journey_ids", "deleted-id": "_journey_deleted_ids",
                      "file": "_files"}.get(argument.kind, " ")
            if argument.choices:
                action = f"({' '.join(argument.choices)})"
            specs.append(f"'{number}:{_zsh_text(argument.name)}:{action}'")
        lines.append(f"                {command.name})")
        lines.append("                    _arguments \\")
        lines += [f"                        {spec} \\" for spec in specs[:-1]]
        lines.append(f"                        {specs[-1]} ;;")
    lines += [
        "            esac ;;",
        "    esac",
        "}",
        'if [[ $zsh_eval_context[-1] == loadautofunc ]]; then',
        '    _journey "$@"',
        "else",
        "    compdef _journey journey",
        "fi",
        "",
    ]
    return "\n".join(lines)


# fish --------------------------------------------------------------------------------------

def _fish_text(text: str) -> str:
    return "'" + " ".join(text.split()).replace("\\", "\\\\").replace("'", "\\'") + "'"


def _fish_option(option: Option, condition: str) -> str:
    parts = ["complete -c journey", f"-n {_fish_text(condition)}"]
    for flag in option.flags:
        parts.append(f"-l {flag[2:]}" if flag.startswith("--") else f"-s {flag[1:]}")
    if option.value:
        parts.append("-r")
        parts.append(f"-a {_fish_text(' '.join(option.choices))}" if option.choices
                     else "-F" if option.is_file else "-f")
    parts.append(f"-d {_fish_text(option.help)}")
    return " ".join(parts)


def _fish(shape: Outline) -> str:
    lines = [
        "# fish completion for journey, written by `journey completion fish`.",
        "# Save as ~/.config/fish/completions/journey.fish:",
        "#   journey completion fish > ~/.config/fish/completions/journey.fish",
        "complete -c journey -f",
    ]
    for option in shape.options:
        lines.append(_fish_option(option, "__fish_use_subcommand"))
    for command in shape.commands:
        lines.append(f"complete -c journey -n __fish_use_subcommand -a {command.name} "
                     f"-d {_fish_text(command.help)}")
    for command in shape.commands:
        seen = f"__fish_seen_subcommand_from {command.name}"
        for option in command.options:
            lines.append(_fish_option(option, seen))
        for argument in command.arguments:
            if argument.choices:
                values = _fish_text(" ".join(argument.choices))
            elif argument.kind == "file":
                lines.append(f"complete -c journey -n {_fish_text(seen)} -F")
                continue
            elif argument.kind in ("id", "deleted-id"):
                ids = DELETED_IDS if argument.kind == "deleted-id" else IDS
                values = f"'({ids.replace(chr(39), chr(92) + chr(39))})'"
            else:
                continue
            lines.append(f"complete -c journey -n {_fish_text(seen)} -a {values}")
    lines.append("")
    return "\n".join(lines)
