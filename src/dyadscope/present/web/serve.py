"""Starting the web app: checks that say what to do (missing extra, missing store, port in use), then uvicorn.

The library part of ``dyadscope serve``: the command only parses its flags, calls these and prints.
"""

from __future__ import annotations

import errno
import importlib
import socket
from pathlib import Path

from ...errors import StoreError, UsageError
from ...store import open_store

__all__ = ["INSTALL", "check_port", "check_store", "require_web", "run_server"]

#: how to get the optional dependencies of the web app (STYLE 15)
INSTALL = "pip install 'dyadscope[web]'"


def require_web() -> None:
    """Raise a UsageError naming the extra to install when FastAPI or uvicorn is missing."""
    for module in ("fastapi", "uvicorn"):
        try:
            importlib.import_module(module)
        except ImportError as exc:
            raise UsageError(f"dyadscope serve needs FastAPI and uvicorn, and {module} is not installed",
                             hint=f"install the web extra: {INSTALL}") from exc


def check_store(db: str | Path) -> str | None:
    """Check the store can be served: a UsageError when there is none, a StoreError when it is not a
    store or too old; a warning (returned) when a build is writing it right now."""
    path = Path(db)
    if not path.exists():
        raise UsageError(f"there is no store at {path}", hint=f"build one first: dyadscope build PATH... --db {path}")
    if path.is_dir():
        raise UsageError(f"{path} is a folder, not a store", hint="give the store file with --db FILE")
    try:
        open_store(path, read_only=True).close()
    except StoreError as exc:
        if "in use" in exc.message:
            return f"{exc.message}; pages will say so until the build has finished"
        raise
    return None


def check_port(host: str, port: int) -> None:
    """A UsageError when ``host:port`` cannot be listened on (in use, or not an address of this machine)."""
    if not 0 < port < 65536:
        raise UsageError(f"--port {port} is not a port number", hint="give a number from 1 to 65535, e.g. 8000")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise UsageError(f"--host {host!r} is not a known address: {exc.strerror}",
                         hint="use 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)") from exc
    family, _, _, _, address = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise UsageError(f"port {port} on {host} is already in use",
                                 hint=f"stop what listens there, or choose another with --port {port + 1}") from exc
            raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror}",
                             hint="choose another --host or --port") from exc


def run_server(db: str | Path, *, host: str, port: int, dyad: tuple[str, str] = ("AZE", "RUS"),
               title: str | None = None, log_level: str = "warning") -> None:
    """Serve the store at ``db`` until interrupted (blocks)."""
    import uvicorn

    from .app import create_app

    uvicorn.run(create_app(db, dyad=dyad, title=title), host=host, port=port, log_level=log_level,
                server_header=False)
