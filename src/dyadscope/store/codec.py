"""Records to table rows and back, driven by the record's type hints and the table's column types.

A record field with a column of the same name goes there: JSON columns hold nested records, dicts and tuples
of records; ``VARCHAR[]`` columns hold tuples of strings; scalar columns hold scalars. A field the table has
no column for (a field added to a record after the schema was written) goes into the row's ``extra`` JSON
column, so nothing is lost and a later migration can give it a column of its own. Decoding reverses this
with the type hints, so a round trip gives back an equal record.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any, TypeVar

from ..records import Event

R = TypeVar("R")

#: column name that holds fields without a column of their own
EXTRA = "extra"


@cache
def _hints(cls: Any) -> tuple[tuple[str, Any], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))


def field_hints(cls: Any) -> tuple[tuple[str, Any], ...]:
    """(field name, resolved type) of a record class, in declaration order (cached)."""
    return _hints(cls)


def jsonable(value: Any) -> Any:
    """A value made of dicts, lists and scalars (records become dicts, tuples become lists)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    return value


def from_jsonable(value: Any, hint: Any) -> Any:
    """Rebuild a value of type ``hint`` from its :func:`jsonable` form (lists become tuples, dicts records)."""
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return from_jsonable(value, options[0]) if len(options) == 1 else value
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_jsonable(v, args[0]) for v in value)
        return tuple(from_jsonable(v, a) for v, a in zip(value, args))
    if origin is dict:
        _, vtype = typing.get_args(hint) or (Any, Any)
        return {k: from_jsonable(v, vtype) for k, v in value.items()}
    if origin is list:
        (vtype,) = typing.get_args(hint) or (Any,)
        return [from_jsonable(v, vtype) for v in value]
    if isinstance(hint, type) and dataclasses.is_dataclass(hint) and isinstance(value, dict):
        return decode_json_record(hint, value)
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def decode_json_record(cls: type[R], data: Mapping[str, Any]) -> R:
    kwargs = {name: from_jsonable(data[name], hint) for name, hint in field_hints(cls) if name in data}
    return cls(**kwargs)


def encode(record: Any, columns: Mapping[str, str]) -> dict[str, Any]:
    """One row for ``record``: ``columns`` maps column names to their SQL types (``JSON``, ``VARCHAR[]``, …)."""
    row: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for name, _hint in field_hints(type(record)):
        value = getattr(record, name)
        ctype = columns.get(name)
        if ctype is None:
            extra[name] = jsonable(value)
        elif ctype == "JSON":
            row[name] = json.dumps(jsonable(value), ensure_ascii=False)
        elif ctype.endswith("[]"):
            row[name] = list(value) if value is not None else None
        else:
            row[name] = value
    if EXTRA in columns:
        row[EXTRA] = json.dumps(extra, ensure_ascii=False) if extra else None
    return row


def decode(cls: type[R], row: Mapping[str, Any], columns: Mapping[str, str]) -> R:
    """The record of type ``cls`` that :func:`encode` turned into ``row``."""
    extra_raw = row.get(EXTRA)
    extra = json.loads(extra_raw) if extra_raw else {}
    kwargs: dict[str, Any] = {}
    for name, hint in field_hints(cls):
        if name in row and name in columns:
            value = row[name]
            ctype = columns[name]
            if ctype == "JSON":
                value = from_jsonable(json.loads(value), hint) if value is not None else None
            elif ctype.endswith("[]"):
                value = from_jsonable(value, hint)
            kwargs[name] = value
        elif name in extra:
            kwargs[name] = from_jsonable(extra[name], hint)
    return cls(**kwargs)


def with_unique_ids(events: Iterable[Event]) -> list[Event]:
    """Events with an ``event_id`` each, unique within the document (a repeat gets a ``-2`` suffix)."""
    seen: dict[str, int] = {}
    out = []
    for e in events:
        if not e.event_id:
            e = e.with_id()
        if e.event_id in seen:
            seen[e.event_id] += 1
            e = dataclasses.replace(e, event_id=f"{e.event_id}-{seen[e.event_id]}")
        else:
            seen[e.event_id] = 1
        out.append(e)
    return out
