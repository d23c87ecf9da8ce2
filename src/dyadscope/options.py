"""One immutable options object, built from defaults, then a config file, then flags.

It is passed down explicitly; no stage reads module-level mutable state.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import UsageError

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Options:
    """Settings of a run. Create with :func:`make_options`; never mutate (use ``dataclasses.replace``)."""

    #: languages lingua may choose from (ISO 639-1)
    languages: tuple[str, ...] = ("en", "ru", "az", "tr")
    #: files larger than this are refused with FileTooLargeError
    max_bytes: int = DEFAULT_MAX_BYTES
    #: a manifest file given on the command line (folders may also hold manifest.csv / manifest.jsonl)
    manifest: Path | None = None
    #: the two states whose relationship is modelled (ISO 3166 alpha-3)
    dyad: tuple[str, str] = ("AZE", "RUS")
    #: show Rich progress bars on stderr when more than this many documents are processed
    progress_threshold: int = 3
    #: worker processes for batch runs (1 = in-process)
    workers: int = 1
    #: free-form settings for later stages, keyed by stage name
    extra: dict[str, Any] = field(default_factory=dict)


def make_options(config: Path | None = None, **flags: Any) -> Options:
    """Defaults, overridden by a TOML config file (``[dyadscope]`` table), overridden by non-None flags."""
    values: dict[str, Any] = {}
    if config is not None:
        try:
            raw = tomllib.loads(Path(config).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise UsageError(f"cannot read config file {config}: {exc}",
                             hint="give a readable TOML file with a [dyadscope] table") from exc
        values.update(raw.get("dyadscope", {}))
    values.update({k: v for k, v in flags.items() if v is not None})
    names = {f.name for f in dataclasses.fields(Options)}
    unknown = sorted(set(values) - names)
    if unknown:
        raise UsageError(f"unknown option(s): {', '.join(unknown)}", hint=f"known options: {', '.join(sorted(names))}")
    if "languages" in values:
        values["languages"] = tuple(values["languages"])
    if "dyad" in values:
        dyad = values["dyad"]
        if isinstance(dyad, str):
            dyad = tuple(dyad.upper().split("-"))
        if len(dyad) != 2:
            raise UsageError(f"bad dyad {values['dyad']!r}", hint="write it as two state codes, e.g. AZE-RUS")
        values["dyad"] = tuple(dyad)
    if "manifest" in values and values["manifest"] is not None:
        values["manifest"] = Path(values["manifest"])
    if "max_bytes" in values and int(values["max_bytes"]) <= 0:
        raise UsageError("--max-bytes must be a positive number of bytes")
    return Options(**values)
