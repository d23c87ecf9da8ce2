"""The actor dictionary: every file under ``data/actors/`` read, validated and turned into typed records.

This is the one loader of the actor data (through :mod:`dyadscope.lexicon`). It yields:

- :class:`Entry` — a state, organisation, body, company, place or person, with a stable id
  (``"states:RUS"``, ``"persons_ru:putin_vladimir"``), the actor code it stands for and its source;
- :class:`Form` — one written form of an entry and what kind of mention it makes ("Russian" -> adjective
  of ``states:RUS``; "Moscow" -> capital; "Putin" -> person);
- :class:`Head` — a body or role word ("troops", "foreign minister") with its sector and offices;
- :class:`Person` — a person with dated offices, used to resolve roles by date.

:func:`dictionary` builds it all once per process (cached).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from ...errors import DataFileError
from ...lexicon import load_csv, load_entries, load_yaml
from .dates import parse_interval
from .variants import folded, person_variants, russian_forms, turkic_forms

STATE_FILES = ("actors/states.yaml",)
WORLD_FILE = "actors/states_world.csv"
NAMED_FILES = ("actors/orgs.yaml", "actors/bodies.yaml", "actors/companies.yaml", "actors/places.yaml")
PERSON_FILES = ("actors/persons_ru.yaml", "actors/persons_az.yaml", "actors/persons_region.yaml",
                "actors/persons_world.yaml")
HEAD_FILE = "actors/heads.yaml"
CONTEXT_FILE = "actors/context.yaml"
LANG_BLOCKS = ("ru", "az", "tr")
#: kinds a form may have
FORM_KINDS = frozenset({"state", "adjective", "people", "capital", "org", "body", "company", "person", "place",
                        "exclude"})


@dataclass(frozen=True, slots=True)
class Entry:
    entry_id: str
    kind: str                   # state | org | body | company | place | person | exclude
    name: str
    actor: str | None
    detail: str | None = None
    sector: str | None = None
    scope: str | None = None    # the code offices are held in ("RUS", "SUN", "RU-CE", "NKR")
    extends: bool = True        # may a head word follow it ("Russian troops", "Chechen separatists")?
    source: str = ""
    located: str | None = None  # for places: the state the place lies in ("Ganja" -> AZE, "Novorossiysk" -> RUS)


@dataclass(frozen=True, slots=True)
class Form:
    text: str
    kind: str                   # see FORM_KINDS
    entry_id: str
    lang: str | None = None     # None: every language; "az"/"tr": only text in that language


@dataclass(frozen=True, slots=True)
class Office:
    role: str
    scope: str
    start: date
    end: date
    start_text: str
    end_text: str | None


@dataclass(frozen=True, slots=True)
class Person:
    entry_id: str
    name: str
    state: str
    actor: str | None
    detail: str | None
    offices: tuple[Office, ...]
    source: str


@dataclass(frozen=True, slots=True)
class Head:
    head_id: str
    kind: str                   # body | role | honorific
    sector: str
    offices: tuple[str, ...]
    forms: tuple[tuple[str, str | None], ...]   # (written form, language or None)
    of_state: bool = True                       # may "of" and a state follow ("the army of Azerbaijan")?


@dataclass(frozen=True, slots=True)
class Dictionary:
    entries: dict[str, Entry]
    forms: tuple[Form, ...]
    persons: dict[str, Person]
    heads: dict[str, Head]
    #: scope code -> (actor, detail) it stands for ("SUN" -> ("RUS", "SUN"), "RU-CE" -> ("RUS", None))
    scopes: dict[str, tuple[str | None, str | None]]
    #: actor code -> canonical entry id (the entry whose id is the code, or the first that acts for it)
    codes: dict[str, str]
    context: dict[str, Any] = field(default_factory=dict)


def _strings(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        raise DataFileError(f"{where}: expected a list of names, got {type(value).__name__}",
                            hint="write names as a YAML list: [Name, Other name]")
    return [str(v) for v in value if v is not None and str(v).strip()]


def _name_forms(entry: dict[str, Any], eid: str, where: str, default_kind: str) -> list[Form]:
    """Forms from names / adjectives / people / capitals, and from the ru / az / tr blocks."""
    out: list[Form] = []
    blocks: list[tuple[str | None, dict[str, Any]]] = [(None, entry)]
    for code in LANG_BLOCKS:
        block = entry.get(code)
        if isinstance(block, dict):
            blocks.append((code, block))
        elif block is not None:
            raise DataFileError(f"{where}: the '{code}' block of {eid} is not a mapping")
    for lang, block in blocks:
        for key, kind in (("names", default_kind), ("adjectives", "adjective"), ("people", "people"),
                          ("capitals", "capital")):
            for text in _strings(block.get(key), f"{where} ({eid}.{key})"):
                out.extend(_expand(text, kind, eid, lang))
    return out


def _expand(text: str, kind: str, eid: str, lang: str | None) -> list[Form]:
    forms = [Form(text, kind, eid, None)]
    if lang == "ru":
        forms += [Form(t, kind, eid, None) for t in russian_forms(text, adjective=kind == "adjective")[1:]]
    elif lang in ("az", "tr"):
        local = lang if text[:1].islower() else None   # lower-case words only in their own language
        forms = [Form(text, kind, eid, local)]
        if kind != "adjective":
            forms += [Form(t, kind, eid, lang) for t in turkic_forms(text)]
    forms += [Form(t, kind, eid, f.lang) for f in list(forms) for t in folded(f.text)]
    return forms


def _load_states(file_source: str) -> tuple[list[Entry], list[Form]]:
    entries, forms = [], []
    for name in STATE_FILES:
        source = str(load_yaml(name).get("source", ""))
        for e in load_entries(name, required=("name",)):
            eid = e["id"]
            code = eid.split(":", 1)[1]
            actor = e.get("actor", code)
            entries.append(Entry(eid, "state", str(e["name"]), actor, e.get("detail"), None,
                                 str(e.get("scope", code)), True, str(e.get("source", source))))
            forms.extend(_name_forms(e, eid, f"data/{name}", "state"))
    seen = {e.entry_id.split(":", 1)[1] for e in entries}
    for i, row in enumerate(load_csv(WORLD_FILE)):
        code = (row.get("id") or "").strip()
        if not code or code in seen:
            raise DataFileError(f"data/{WORLD_FILE}: row {i + 1} has no id or repeats {code!r}",
                                hint="give every row its own ISO 3166-1 alpha-3 code")
        seen.add(code)
        eid = f"actors/states_world:{code}"
        entries.append(Entry(eid, "state", row["name"], code, None, None, code, True, file_source))
        for col, kind in (("names", "state"), ("adjectives", "adjective"), ("people", "people"),
                          ("capitals", "capital")):
            for text in (row.get(col) or "").split("|"):
                if text.strip():
                    forms.extend(_expand(text.strip(), kind, eid, None))
    return entries, forms


def _load_named() -> tuple[list[Entry], list[Form]]:
    entries, forms = [], []
    for name in NAMED_FILES:
        data = load_yaml(name)
        source = str(data.get("source", "")) if isinstance(data, dict) else ""
        default_kind = {"actors/orgs.yaml": "org", "actors/bodies.yaml": "body",
                        "actors/companies.yaml": "company", "actors/places.yaml": "place"}[name]
        for e in load_entries(name, required=("name",)):
            eid = e["id"]
            kind = str(e.get("kind", default_kind))
            if kind not in FORM_KINDS:
                raise DataFileError(f"data/{name}: {eid} has unknown kind {kind!r}",
                                    hint=f"use one of {', '.join(sorted(FORM_KINDS))}")
            local = eid.split(":", 1)[1]
            actor = e.get("actor", local if default_kind == "org" else None)
            sector = e.get("sector", "BUS" if kind == "company" else None)
            scope = e.get("scope", actor if kind == "org" else None)
            extends = bool(e.get("extends", kind in ("org", "company")))
            entries.append(Entry(eid, kind, str(e["name"]), actor, e.get("detail"), sector, scope, extends,
                                 str(e.get("source", source)), located=e.get("state")))
            forms.extend(_name_forms(e, eid, f"data/{name}", kind))
    return entries, forms


def _office(raw: Any, person_id: str, state: str, where: str) -> Office:
    if not isinstance(raw, list) or len(raw) not in (3, 4):
        raise DataFileError(f"{where}: {person_id} has an office that is not [role, start, end(, scope)]: {raw!r}",
                            hint="write offices as [president, 2000-05-07, 2008-05-07]")
    role, start, end = str(raw[0]), raw[1], raw[2]
    scope = str(raw[3]) if len(raw) == 4 and raw[3] is not None else state
    start_text = str(start)
    end_text = None if end is None else str(end)
    try:
        s, _ = parse_interval(start_text)
        _, e = parse_interval(end_text) if end_text else (s, date.max)
    except ValueError as exc:
        raise DataFileError(f"{where}: {person_id} has an office with a bad date ({start_text}, {end_text})",
                            hint="write dates as 1993, 1993-06 or 1993-06-15") from exc
    if e < s:
        raise DataFileError(f"{where}: {person_id}'s office {role} ends before it starts ({start_text}, {end_text})")
    return Office(role, scope, s, e, start_text, end_text)


def _load_persons() -> tuple[list[Entry], list[Form], list[Person]]:
    entries, forms, persons = [], [], []
    for name in PERSON_FILES:
        for e in load_entries(name, required=("name", "state", "source")):
            eid, full, state = e["id"], str(e["name"]), str(e["state"])
            actor = e.get("actor", state)
            offices = tuple(_office(o, eid, state, f"data/{name}") for o in e.get("offices") or ())
            persons.append(Person(eid, full, state, actor, e.get("detail"), offices, str(e["source"])))
            entries.append(Entry(eid, "person", full, actor, e.get("detail"), None, state, False, str(e["source"])))
            words = full.split()
            surname = str(e.get("surname") or words[-1])
            given = " ".join(words[: len(words) - len(surname.split())]) if full.endswith(surname) else ""
            variants = _strings(e.get("variants"), f"data/{name} ({eid}.variants)")
            names = {full, *variants}
            if e.get("surname_alone", True):
                names.add(surname)
                # the last word of each spelling stands alone too ("Əliyev" from "Heydər Əliyev")
                names.update(v.split()[-1] for v in variants
                             if len(v.split()) > 1 and v.split()[-1][:1].isupper() and len(v.split()[-1]) > 2)
            if given and not _is_cyrillic(full):
                names.add(f"{given[0]}. {surname}")
            for text in sorted(names):
                for v in person_variants(text, state) if not _is_cyrillic(text) else russian_forms(text):
                    forms.append(Form(v, "person", eid, None))
    return entries, forms, persons


def _is_cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def _load_heads() -> dict[str, Head]:
    heads = {}
    for e in load_entries(HEAD_FILE, required=("kind", "sector", "forms")):
        hid = e["id"].split(":", 1)[1]
        if e["kind"] not in ("body", "role", "honorific"):
            raise DataFileError(f"data/{HEAD_FILE}: {hid} has kind {e['kind']!r}", hint="use body, role or honorific")
        forms: list[tuple[str, str | None]] = [(f, None) for f in _strings(e["forms"], hid)]
        for lang in LANG_BLOCKS:
            for f in _strings(e.get(lang), hid):
                forms.append((f, None if lang == "ru" else lang))
                if lang == "ru":
                    forms.extend((v, None) for v in russian_forms(f)[1:])
        heads[hid] = Head(hid, str(e["kind"]), str(e["sector"]), tuple(str(o) for o in e.get("offices") or ()),
                          tuple(dict.fromkeys(forms)), bool(e.get("of_state", True)))
    return heads


@lru_cache(maxsize=1)
def dictionary() -> Dictionary:
    """The whole actor dictionary (built once; treat as read-only)."""
    world_source = str(load_yaml(STATE_FILES[0]).get("world_source", ""))
    state_entries, state_forms = _load_states(world_source)
    named_entries, named_forms = _load_named()
    person_entries, person_forms, persons = _load_persons()
    entries: dict[str, Entry] = {}
    for e in (*state_entries, *named_entries, *person_entries):
        if e.entry_id in entries:
            raise DataFileError(f"data/actors: duplicate entry id {e.entry_id!r}", hint="give every entry its own id")
        entries[e.entry_id] = e
    scopes: dict[str, tuple[str | None, str | None]] = {}
    codes: dict[str, str] = {}
    for e in entries.values():
        if e.kind in ("state", "org", "place") and e.scope and e.scope not in scopes:
            scopes[e.scope] = (e.actor, e.detail)
        local = e.entry_id.split(":", 1)[1]
        if e.kind in ("state", "org") and e.actor == local:
            codes[local] = e.entry_id
    for e in entries.values():
        if e.actor and e.actor not in codes:
            codes[e.actor] = e.entry_id
    context = load_yaml(CONTEXT_FILE)
    if not isinstance(context, dict):
        raise DataFileError(f"data/{CONTEXT_FILE} is not a mapping")
    forms = tuple(dict.fromkeys((*state_forms, *named_forms, *person_forms)))
    return Dictionary(entries, forms, {p.entry_id: p for p in persons}, _load_heads(), scopes, codes, context)
