"""Finding documents: files and folders in, :class:`Source` / :class:`Skipped` / IngestError items out.

Folders are walked recursively, depth first, entries sorted by name, so the order is stable. A folder is
identified by its device and inode: a symbolic link back to a folder being walked is a
:class:`~dyadscope.errors.SymlinkLoopError`; a second link to a folder or file already seen is skipped.
Hidden entries (names starting with ``.``) and the manifests themselves are not documents and are passed
over silently; entries matched by a ``.dyadscopeignore`` are reported as skipped. Files with an extension
no loader reads are skipped with a reason (``data/ingest/formats.yaml``). Paths given explicitly are
taken as they are (hidden or ignored or not).

Manifests: ``--manifest FILE`` (``Options.manifest``) applies everywhere; a ``manifest.csv`` or
``manifest.jsonl`` in a walked folder applies to the files below it and wins over the ``--manifest`` one.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import IngestError, ManifestError, SymlinkLoopError, UnreadableFileError, UsageError
from ..lexicon import load_entries, load_yaml
from ..options import Options
from .ignore import IgnoreFile, is_ignored, read_ignore_file
from .items import Skipped, Source
from .language import check_languages
from .manifest import Manifest, manifest_values, read_manifest

Item = Source | Skipped | IngestError


@lru_cache(maxsize=1)
def _formats() -> dict[str, Any]:
    return dict(load_yaml("ingest/formats.yaml"))


@lru_cache(maxsize=1)
def _extension_formats() -> dict[str, str]:
    return {ext: fmt for fmt, exts in _formats()["formats"].items() for ext in exts}


@lru_cache(maxsize=1)
def _skip_reasons() -> dict[str, str]:
    return {ext: str(e["reason"]) for e in load_entries("ingest/formats.yaml", ("extensions", "reason"))
            for ext in e["extensions"]}


def format_of(path: Path) -> str | None:
    """The loader format for ``path`` by its extension ("txt", "md", "html", "pdf", "docx"), or None."""
    return _extension_formats().get(path.suffix.lower())


def skip_reason(path: Path) -> str:
    """Why ``path`` (a file no loader reads) is skipped."""
    suffix = path.suffix.lower()
    known = _skip_reasons().get(suffix)
    if known:
        return f"{known} ({suffix})"
    supported = ", ".join(sorted(_extension_formats()))
    if not suffix:
        return f"no file extension; dyadscope reads {supported}"
    return f"unsupported file type {suffix}; dyadscope reads {supported}"


@dataclass
class _Walk:
    options: Options
    cli_manifest: Manifest | None
    seen_dirs: dict[tuple[int, int], Path] = field(default_factory=dict)
    seen_files: dict[tuple[int, int], Path] = field(default_factory=dict)

    def source(self, path: Path, manifests: Sequence[Manifest]) -> Item:
        fmt = format_of(path)
        if fmt is None:
            return Skipped(str(path), skip_reason(path))
        src = Source(path=path, doc=path.name, fmt=fmt)
        for manifest in (*reversed(manifests), *( [self.cli_manifest] if self.cli_manifest else [])):
            row = manifest.lookup(path)
            if row is not None:
                return replace(src, meta=manifest_values(manifest, row), encoding=row.get("encoding"))
        return src


def _stat_error(path: Path, exc: OSError) -> IngestError:
    if exc.errno == errno.ELOOP:
        return SymlinkLoopError(path, "the symbolic link resolves to itself (a symlink loop)")
    if isinstance(exc, PermissionError):
        return UnreadableFileError(path, "permission denied")
    if path.is_symlink():
        return UnreadableFileError(path, "a broken symbolic link (its target does not exist)",
                                   hint="fix or remove the link")
    return UnreadableFileError(path, f"no such file or folder ({exc.strerror or exc})",
                               hint="check the path you gave")


def discover(paths: Sequence[Path], options: Options) -> Iterator[Item]:
    """Every document under ``paths`` as a Source, with Skipped and IngestError items for the rest.

    Raises UsageError when ``options.manifest`` does not exist or ``options.languages`` holds an unknown code
    (bad options); a malformed manifest is yielded as a ManifestError and the documents are still found.
    """
    check_languages(tuple(options.languages))  # a bad language code is a usage error, not one per document
    cli_manifest = None
    if options.manifest is not None:
        if not Path(options.manifest).is_file():
            raise UsageError(f"the manifest {options.manifest} does not exist",
                             hint="give the path of a CSV/JSONL manifest or Zotero CSV export to --manifest")
        try:
            cli_manifest = read_manifest(Path(options.manifest))
        except ManifestError as exc:
            yield exc
    walk = _Walk(options, cli_manifest)
    for raw in paths:
        path = Path(raw)
        try:
            st = path.stat()
        except OSError as exc:
            yield _stat_error(path, exc)
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk_dir(walk, path, st, (), (), ())
        elif stat.S_ISREG(st.st_mode):
            key = (st.st_dev, st.st_ino)
            if key in walk.seen_files:
                yield Skipped(str(path), f"the same file as {walk.seen_files[key]}, already read")
                continue
            walk.seen_files[key] = path
            yield walk.source(path, ())
        else:
            yield Skipped(str(path), "not a regular file (a device, socket or pipe)")


def _walk_dir(walk: _Walk, folder: Path, st: os.stat_result, ancestors: tuple[tuple[int, int], ...],
              ignores: tuple[IgnoreFile, ...], manifests: tuple[Manifest, ...]) -> Iterator[Item]:
    key = (st.st_dev, st.st_ino)
    if key in ancestors:
        yield SymlinkLoopError(folder, f"links back to {walk.seen_dirs.get(key, 'a folder above it')}, "
                                       "which is being walked (a symlink loop)")
        return
    if key in walk.seen_dirs:
        yield Skipped(str(folder), f"the same folder as {walk.seen_dirs[key]}, already walked")
        return
    walk.seen_dirs[key] = folder
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield UnreadableFileError(folder, f"cannot list the folder ({exc.strerror or exc})",
                                  hint="check the folder's permissions")
        return
    names = {e.name for e in entries}
    fmt = _formats()
    if fmt["ignore_file"] in names:
        try:
            ignores = (*ignores, read_ignore_file(folder / fmt["ignore_file"]))
        except OSError as exc:
            yield UnreadableFileError(folder / fmt["ignore_file"], f"cannot read it ({exc.strerror or exc})")
    manifest_names = set(fmt["manifest_names"])
    for name in sorted(manifest_names & names):
        try:
            manifests = (*manifests, read_manifest(folder / name))
        except ManifestError as exc:
            yield exc
    for entry in entries:
        if entry.name.startswith(".") or entry.name in manifest_names:
            continue
        path = folder / entry.name
        try:
            est = entry.stat(follow_symlinks=True)
        except OSError as exc:
            if entry.is_symlink() and exc.errno != errno.ELOOP and not isinstance(exc, PermissionError):
                yield Skipped(str(path), "a broken symbolic link (its target does not exist)")
            else:
                yield _stat_error(path, exc)
            continue
        is_dir = stat.S_ISDIR(est.st_mode)
        if ignores and is_ignored(path, is_dir, ignores):
            yield Skipped(str(path), f"ignored by {fmt['ignore_file']}")
            continue
        if is_dir:
            yield from _walk_dir(walk, path, est, (*ancestors, key), ignores, manifests)
        elif stat.S_ISREG(est.st_mode):
            fkey = (est.st_dev, est.st_ino)
            if fkey in walk.seen_files:
                yield Skipped(str(path), f"the same file as {walk.seen_files[fkey]}, already read")
                continue
            walk.seen_files[fkey] = path
            yield walk.source(path, manifests)
        else:
            yield Skipped(str(path), "not a regular file (a device, socket or pipe)")
