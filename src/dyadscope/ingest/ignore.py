"""``.dyadscopeignore``: gitignore-style patterns that keep files of a walked folder out of the corpus.

A ``.dyadscopeignore`` file in any walked folder applies to that folder and everything below it. One pattern
per line; blank lines and lines starting with ``#`` are ignored; the syntax is gitignore's:

- ``*`` matches anything but ``/``, ``?`` one character, ``[abc]`` a class, ``**`` any number of folders;
- a pattern without a ``/`` (other than a trailing one) matches a name at any depth (``SOURCES.md``);
- a pattern with a ``/`` is anchored to the folder of the ignore file (``/drafts``, ``notes/*.txt``);
- a trailing ``/`` matches folders only (``drafts/``);
- ``!pattern`` takes a path back in; the last matching line wins, and a deeper file overrides a shallower one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class IgnoreRule:
    pattern: str
    regex: re.Pattern[str]
    negate: bool
    dir_only: bool


@dataclass(frozen=True, slots=True)
class IgnoreFile:
    """The rules of one ignore file and the folder they apply below."""

    base: Path
    path: Path
    rules: tuple[IgnoreRule, ...]


def _translate(glob: str) -> str:
    """Regex for a gitignore glob matched against a '/'-separated path relative to the ignore file."""
    out: list[str] = []
    i, n = 0, len(glob)
    while i < n:
        c = glob[i]
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("/**", i) and i + 3 == n:
            out.append("/.*")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[":
            j = glob.find("]", i + 1)
            if j == -1:
                out.append(re.escape(c))
                i += 1
            else:
                body = glob[i + 1:j].replace("\\", "\\\\")
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"[{body}]")
                i = j + 1
        elif c == "\\" and i + 1 < n:
            out.append(re.escape(glob[i + 1]))
            i += 2
        else:
            out.append(re.escape(c))
            i += 1
    return "".join(out)


def parse_rules(lines: Sequence[str]) -> tuple[IgnoreRule, ...]:
    """Rules from the lines of an ignore file."""
    rules = []
    for raw in lines:
        line = raw.rstrip("\n").rstrip()
        if raw.rstrip("\n").endswith("\\ "):  # an escaped trailing space is kept
            line += " "
        if not line or line.startswith("#"):
            continue
        negate = line.startswith("!")
        if negate or line.startswith(("\\#", "\\!")):
            line = line[1:]
        dir_only = line.endswith("/")
        line = line.rstrip("/")
        if not line:
            continue
        anchored = "/" in line
        body = _translate(line.lstrip("/"))
        prefix = "" if anchored else "(?:.*/)?"
        rules.append(IgnoreRule(raw.strip(), re.compile(f"^{prefix}{body}$"), negate, dir_only))
    return tuple(rules)


def read_ignore_file(path: Path) -> IgnoreFile:
    """Parse the ignore file at ``path`` (raises OSError when it cannot be read)."""
    text = path.read_text(encoding="utf-8-sig", errors="replace")
    return IgnoreFile(base=path.parent, path=path, rules=parse_rules(text.splitlines()))


def is_ignored(path: Path, is_dir: bool, files: Sequence[IgnoreFile]) -> bool:
    """Whether ``path`` is ignored by the ignore files in effect (outermost first)."""
    ignored = False
    for f in files:
        try:
            rel = path.relative_to(f.base).as_posix()
        except ValueError:
            continue
        for rule in f.rules:
            if rule.dir_only and not is_dir:
                continue
            if rule.regex.match(rel):
                ignored = not rule.negate
    return ignored
