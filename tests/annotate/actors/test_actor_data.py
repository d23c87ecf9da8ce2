"""The actor dictionaries load, have stable unique ids and a source for every entry, and generate the
spellings a reader meets (transliterations, national alphabets, Russian declension)."""

from __future__ import annotations

import re

import pytest

from dyadscope.annotate.actors import actor_info, actors_in, state_of
from dyadscope.annotate.actors.dictionary import _office, dictionary
from dyadscope.annotate.actors.variants import folded, person_variants, russian_forms, turkic_forms
from dyadscope.errors import DataFileError

REQUIRED_STATES = ("RUS", "AZE", "ARM", "TUR", "IRN", "GEO", "USA", "UKR", "KAZ", "FRA", "GBR", "DEU", "CHN", "BLR",
                   "TKM", "UZB", "KGZ", "TJK", "MDA", "ISR", "PAK", "IND", "ITA")
REQUIRED_ORGS = ("NATO", "EU", "CIS", "CSTO", "OSCE", "UN", "GUAM", "PACE", "COE", "EAEU", "SCO", "BRICS", "OIC", "IMF",
                 "WB", "WTO")


def test_the_dictionary_holds_at_least_300_entries_with_unique_prefixed_ids():
    dic = dictionary()
    assert len(dic.entries) >= 300
    ids = list(dic.entries)
    assert len(ids) == len(set(ids))
    assert [i for i in ids if not re.fullmatch(r"actors/[a-z_]+:[A-Za-z0-9_\-]+", i)] == []


def test_every_entry_and_every_person_names_its_source():
    dic = dictionary()
    assert [e.entry_id for e in dic.entries.values() if not e.source.strip()] == []
    assert [p.entry_id for p in dic.persons.values() if not p.source.strip()] == []


def test_every_un_member_and_the_region_s_entities_have_a_state_entry():
    dic = dictionary()
    states = {e.entry_id.split(":", 1)[1] for e in dic.entries.values() if e.kind == "state"}
    assert len({s for s in states if len(s) == 3 and s.isupper()}) >= 190
    for code in (*REQUIRED_STATES, "ABK", "OSS"):
        assert code in states, code


@pytest.mark.parametrize("code", REQUIRED_ORGS)
def test_each_major_organisation_is_an_actor_code(code):
    info = actor_info(code)
    assert info["kind"] == "org" and info["is_state"] is False and info["name"]


@pytest.mark.parametrize("code, state", [
    ("RUS", "RUS"), ("ABK", "ABK"), ("RUSMIL", "RUS"), ("AZEGOV", "AZE"), ("NKR", "ARM"), ("SUN", "RUS"),
    ("actors/persons_ru:putin_vladimir", "RUS"), ("actors/companies:lukoil", "RUS"), ("actors/companies:socar", "AZE"),
    ("NATO", None), ("XYZ", None), (None, None),
])
def test_state_of_gives_the_state_behind_a_code_detail_or_entry(code, state):
    assert state_of(code) == state


def test_an_unknown_code_is_described_as_unknown_not_an_error():
    assert actor_info("QQQ") == {"code": "QQQ", "name": None, "kind": "unknown", "is_state": False,
                                 "entry_id": None, "source": None}


def test_offices_are_dated_intervals_and_end_after_they_start():
    for person in dictionary().persons.values():
        for o in person.offices:
            assert o.start <= o.end, (person.entry_id, o)


@pytest.mark.parametrize("raw", [["president", "2000"], ["president", "not a date", None], ["president", "2008", "2000"]])
def test_a_malformed_office_is_a_data_file_error_that_names_the_person(raw):
    with pytest.raises(DataFileError, match="someone"):
        _office(raw, "someone", "RUS", "data/actors/persons_test.yaml")


@pytest.mark.parametrize("written, canonical", [
    ("Aliev", "Aliyev"), ("Əliyev", "Aliyev"), ("Alijev", "Aliyev"), ("Haydar Aliyev", "Heydar Aliyev"),
    ("Geydar Aliyev", "Heydar Aliyev"), ("Gejdar Alijev", "Heydar Aliyev"), ("Elçibəy", "Ebulfez Elchibey"),
    ("Elchibay", "Ebulfez Elchibey"), ("Abulfaz Elchibey", "Ebulfez Elchibey"), ("Mütəllibov", "Ayaz Mutalibov"),
    ("Mutallibov", "Ayaz Mutalibov"), ("Kozryev", "Andrei Kozyrev"), ("Kozyev", "Andrei Kozyrev"),
    ("Surat Guseinov", "Surat Huseynov"), ("Hüseynov", "Surat Huseynov"), ("Huseinov", "Surat Huseynov"),
    ("Abiev", "Safar Abiyev"), ("Rushailo", "Vladimir Rushaylo"), ("Zhirinovski", "Vladimir Zhirinovsky"),
    ("Shoygu", "Sergei Shoigu"), ("Eltsin", "Boris Yeltsin"), ("Davutoglu", "Ahmet Davutoğlu"),
    ("Erdogan", "Recep Tayyip Erdoğan"), ("Pashinian", "Nikol Pashinyan"), ("Kocharian", "Robert Kocharyan"),
    ("Путин", "Vladimir Putin"), ("Путина", "Vladimir Putin"), ("Лавровым", "Sergey Lavrov"),
    ("Mamedyarov", "Elmar Mammadyarov"), ("Dmitri Medvedev", "Dmitry Medvedev"), ("Sergei Lavrov", "Sergey Lavrov"),
])
def test_transliterated_and_native_spellings_name_the_same_person(written, canonical):
    found = actors_in(f"Yesterday {written} spoke.", when="2005")
    persons = [m.person for m in found if m.kind == "person"]
    if canonical == "Aliyev":           # the surname alone: Heydar or Ilham by date
        assert persons == ["Ilham Aliyev"]
    else:
        assert persons == [canonical]


def test_alternations_apply_only_to_the_states_whose_transliteration_they_describe():
    assert "Geydar" in person_variants("Heydar", "AZE")
    assert "Gillary" not in " ".join(person_variants("Hillary Clinton", "USA"))


def test_folding_gives_ascii_and_digraph_spellings():
    assert set(folded("Elçibəy")) >= {"Elcibay", "Elchibey"}
    assert folded("Putin") == ()


@pytest.mark.parametrize("name, form", [("Россия", "России"), ("Россия", "Россией"), ("Москва", "Москве"),
                                        ("Азербайджан", "Азербайджана"), ("Кремль", "Кремля"),
                                        ("Российская Федерация", "Российской Федерации")])
def test_russian_names_are_declined(name, form):
    assert form in russian_forms(name)


def test_indeclinable_russian_names_stay_as_they_are():
    assert russian_forms("Баку") == ("Баку",)
    assert russian_forms("США") == ("США",)


def test_azerbaijani_and_turkish_case_endings_are_glued_to_names():
    assert {"Azərbaycanın", "Bakıda"} <= set(turkic_forms("Azərbaycan")) | set(turkic_forms("Bakı"))
