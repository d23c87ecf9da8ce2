"""The ``dyadscope`` command. Each command lives in its own module and registers itself on ``app``."""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="dyadscope",
    help="Read documents about the relations between two states and build an evidence-grounded model of them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",
)



@app.callback(invoke_without_command=True)
def main(
    ctx: typer.Context,
    version: bool = typer.Option(False, "--version", help="Print the version and exit.", is_eager=True),
) -> None:
    """Read documents about the relations between two states and build an evidence-grounded model of them."""
    if version:
        from .. import __version__

        typer.echo(f"dyadscope {__version__}")
        raise typer.Exit(0)
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit(0)


#: command modules, each defining ``register(app)``; the order is the order of ``dyadscope --help``
COMMAND_MODULES: tuple[str, ...] = (
    "docs", "timex", "extract", "periods", "eval", "build", "events", "report", "serve",
)


def _register() -> None:
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"dyadscope.cli.cmd_{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"dyadscope.cli.cmd_{name}":
                continue
            raise
        module.register(app)


_register()


def run() -> None:
    """Entry point of the console script."""
    app()


if __name__ == "__main__":  # pragma: no cover
    run()
