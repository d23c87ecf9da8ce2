"""The optional Dask backend of :func:`dyadscope.scale.code_documents` (``pip install 'dyadscope[scale]'``).

Sources are handed to a local Dask process scheduler one window at a time, so memory stays bounded and
outcomes come back in source order, as with the process pool.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import UsageError
from ..ingest import Source
from ..options import Options
from ..records import Document
from .pool import Outcome, code_one

MISSING = "the dask backend needs the optional 'scale' dependencies"
INSTALL = "pip install 'dyadscope[scale]' (or use the default process backend)"


def require_dask() -> Any:
    """The ``dask`` module, or a UsageError that names the extra to install (STYLE 15)."""
    try:
        import dask
    except ImportError as exc:
        raise UsageError(MISSING, hint=INSTALL) from exc
    return dask


def code_documents_dask(sources: Iterable[Source | Document], options: Options, stages: tuple[str, ...],
                        known: frozenset[str], *, workers: int, window: int) -> Iterator[Outcome]:
    dask = require_dask()
    it = iter(sources)
    while True:
        chunk = list(itertools.islice(it, window))
        if not chunk:
            return
        tasks = [dask.delayed(code_one)(s, options, stages, None, known) for s in chunk]
        yield from dask.compute(*tasks, scheduler="processes", num_workers=workers)
