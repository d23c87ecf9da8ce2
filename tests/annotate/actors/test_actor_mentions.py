"""Finding actor mentions in sentences: table-driven, with the cases that must yield nothing or no actor.

Each row: a sentence, the time it talks about (or None), and the mentions expected as
``(text, actor, kind, person)`` in reading order. The sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from dyadscope.annotate.actors import actors_in, can_act

ROWS = [
    # states, capitals, possessives, plurals
    ("Russia and Azerbaijan signed a declaration.", None,
     [("Russia", "RUS", "state", None), ("Azerbaijan", "AZE", "state", None)]),
    ("Moscow's reaction surprised Baku.", None,
     [("Moscow", "RUS", "capital", None), ("Baku", "AZE", "capital", None)]),
    ("Azerbaijan’s envoy left the Kremlin.", None,
     [("Azerbaijan’s envoy", "AZE", "role", None), ("Kremlin", "RUS", "capital", None)]),
    ("Azerbaijan’s position hardened in Moscow’s view.", None,
     [("Azerbaijan", "AZE", "state", None), ("Moscow", "RUS", "capital", None)]),
    ("Azerbaijanis and Russians traded in the bazaars.", None,
     [("Azerbaijanis", "AZE", "people", None), ("Russians", "RUS", "people", None)]),
    ("The Soviet Union sent troops in 1990.", None, [("Soviet Union", "RUS", "state", None)]),
    ("Yerevan and Ankara exchanged notes, Tehran kept silent.", None,
     [("Yerevan", "ARM", "capital", None), ("Ankara", "TUR", "capital", None), ("Tehran", "IRN", "capital", None)]),
    ("The Russian Federation and the Republic of Azerbaijan agreed.", None,
     [("Russian Federation", "RUS", "state", None), ("Republic of Azerbaijan", "AZE", "state", None)]),
    # bodies and roles made of a state word and a head word
    ("Russian troops and the Azerbaijani Foreign Ministry were mentioned.", None,
     [("Russian troops", "RUS", "body", None), ("Azerbaijani Foreign Ministry", "AZE", "body", None)]),
    ("Russia's Defence Ministry denied it.", None, [("Russia's Defence Ministry", "RUS", "body", None)]),
    ("The Ministry of Defense of the Russian Federation replied.", None,
     [("Ministry of Defense of the Russian Federation", "RUS", "body", None)]),
    ("Baku authorities detained him.", None, [("Baku authorities", "AZE", "body", None)]),
    ("The role of Georgian and Russian special services was discussed.", None,
     [("Georgian", "GEO", "body", None), ("Russian special services", "RUS", "body", None)]),
    ("Russian peacekeepers entered the district.", None, [("Russian peacekeepers", "RUS", "body", None)]),
    # roles resolved by date; persons with titles
    ("The Russian president called his counterpart.", "1995", [("Russian president", "RUS", "role", "Boris Yeltsin")]),
    ("The Russian president called his counterpart.", "2003", [("Russian president", "RUS", "role", "Vladimir Putin")]),
    ("The Azerbaijani foreign minister flew in.", "2010",
     [("Azerbaijani foreign minister", "AZE", "role", "Elmar Mammadyarov")]),
    ("President Aliyev opened the session.", "1999", [("President Aliyev", "AZE", "person", "Heydar Aliyev")]),
    ("President Aliyev opened the session.", "2010", [("President Aliyev", "AZE", "person", "Ilham Aliyev")]),
    ("Russian Defense Minister Sergey Ivanov arrived.", "2003",
     [("Russian Defense Minister Sergey Ivanov", "RUS", "person", "Sergey Ivanov")]),
    ("Foreign Minister Ivanov arrived.", "2003", [("Foreign Minister Ivanov", "RUS", "person", "Igor Ivanov")]),
    ("Defence Minister Ivanov arrived.", "2003", [("Defence Minister Ivanov", "RUS", "person", "Sergey Ivanov")]),
    ("Mr Putin smiled.", None, [("Mr Putin", "RUS", "person", "Vladimir Putin")]),
    ("The President of Azerbaijan received him.", "2012",
     [("President of Azerbaijan", "AZE", "role", "Ilham Aliyev")]),
    ("The Chechen leader visited the capital.", "2009", [("Chechen leader", "RUS", "role", "Ramzan Kadyrov")]),
    ("The Soviet leader resigned.", "1991", [("Soviet leader", "RUS", "role", "Mikhail Gorbachev")]),
    ("Aliyev met Putin.", None, [("Aliyev", "AZE", "person", None), ("Putin", "RUS", "person", "Vladimir Putin")]),
    # organisations, companies, breakaway entities
    ("The OSCE Minsk Group and the CSTO met.", None,
     [("OSCE Minsk Group", "OSCE", "org", None), ("CSTO", "CSTO", "org", None)]),
    ("The Collective Security Treaty Organization, also ODKB, and the EU.", None,
     [("Collective Security Treaty Organization", "CSTO", "org", None), ("ODKB", "CSTO", "org", None),
      ("EU", "EU", "org", None)]),
    ("SOCAR and LUKoil signed; BP stayed out.", None,
     [("SOCAR", "AZE", "company", None), ("LUKoil", "RUS", "company", None), ("BP", "GBR", "company", None)]),
    ("The Russian oil company Lukoil invested.", None, [("Russian oil company Lukoil", "RUS", "company", None)]),
    ("Abkhazia and South Ossetia declared independence.", None,
     [("Abkhazia", "ABK", "state", None), ("South Ossetia", "OSS", "state", None)]),
    ("Tanks were transferred to Nagorno-Karabakh.", None, [("Nagorno-Karabakh", "ARM", "state", None)]),
    ("Karabakh separatists shelled the village.", None, [("Karabakh separatists", "ARM", "body", None)]),
    ("Chechen rebels crossed the border.", None, [("Chechen rebels", "RUS", "body", None)]),
    # places are not actors
    ("Oil flows through the Baku-Tbilisi-Ceyhan pipeline.", None,
     [("Baku-Tbilisi-Ceyhan pipeline", None, "place", None)]),
    ("The Baku-Moscow railway was repaired.", None, [("Baku-Moscow railway", None, "place", None)]),
    ("The war in Chechnya began.", None, [("Chechnya", None, "place", None)]),
    ("They returned to the Madrid Principles and the Minsk agreements.", None,
     [("Madrid", None, "capital", None), ("Minsk", None, "capital", None)]),
    # describing words lose their actor
    ("Russian speakers live in Baku.", None, [("Russian", None, "adjective", None), ("Baku", "AZE", "capital", None)]),
    ("Pro-Russian groups protested.", None, [("Russian", None, "adjective", None)]),
    ("Russian-language schools opened.", None, [("Russian", None, "adjective", None)]),
    ("Ethnic Azerbaijanis voted.", None, [("Azerbaijanis", None, "people", None)]),
    ("The Armenian-Turkish border stays closed.", None,
     [("Armenian", None, "adjective", None), ("Turkish", None, "adjective", None)]),
    ("Azerbaijani-Russian talks began.", None,
     [("Azerbaijani", "AZE", "adjective", None), ("Russian", "RUS", "adjective", None)]),
    # diplomatic cables and news
    ("FM Mammadyarov told Emboffs that the GOAJ distrusts the GOR.", "2008",
     [("FM Mammadyarov", "AZE", "person", "Elmar Mammadyarov"), ("Emboffs", "USA", "body", None),
      ("GOAJ", "AZE", "body", None), ("GOR", "RUS", "body", None)]),
    ("Putin apologised to his Azerbaijani counterpart Ilham Aliyev.", "2024",
     [("Putin", "RUS", "person", "Vladimir Putin"), ("Azerbaijani counterpart Ilham Aliyev", "AZE", "person", "Ilham Aliyev")]),
    # headings in capitals
    ("RUSSIA AND AZERBAIJAN: A NEW ALLIANCE", None,
     [("RUSSIA", "RUS", "state", None), ("AZERBAIJAN", "AZE", "state", None)]),
    ("SUBJECT: AZERBAIJAN: PRES. ALIYEV ON THE MINSK GROUP", "2008",
     [("AZERBAIJAN", "AZE", "state", None), ("PRES. ALIYEV", "AZE", "person", "Ilham Aliyev"),
      ("MINSK GROUP", "OSCE", "org", None)]),
    # Russian-language text
    ("Президент России встретился с Алиевым в Баку.", "2015",
     [("Президент России", "RUS", "role", "Vladimir Putin"), ("Алиевым", "AZE", "person", "Ilham Aliyev"),
      ("Баку", "AZE", "capital", None)]),
    ("МИД России выступил с заявлением.", None, [("МИД России", "RUS", "body", None)]),
]

NOTHING = [
    "The turkey was roasted and the china was set.",
    "He lives in Atlanta, Georgia, near Georgia Tech.",
    "A Russian roulette of a policy.",
    "The president said nothing.",
    "The army and the ministry were silent.",
    "",
]


@pytest.mark.parametrize("text, when, expected", ROWS, ids=[r[0][:40] for r in ROWS])
def test_mentions_are_found_with_their_actor_kind_and_person(text, when, expected):
    got = [(m.text, m.actor, m.kind, m.person) for m in actors_in(text, when=when)]
    assert got == expected


@pytest.mark.parametrize("text", NOTHING)
def test_sentences_without_an_actor_yield_no_mention(text):
    assert [m for m in actors_in(text) if m.actor] == []


def test_azerbaijani_and_turkish_case_endings_match_in_text_of_those_languages():
    az = actors_in("Azərbaycanın prezidenti Bakıda Rusiyanın nümayəndəsi ilə görüşdü.", lang="az")
    assert [(m.text, m.actor, m.kind) for m in az] == [("Azərbaycanın prezidenti", "AZE", "role"),
                                                       ("Bakıda", "AZE", "capital"), ("Rusiyanın", "RUS", "state")]
    tr = actors_in("Rusya'nın Ankara büyükelçisi", lang="tr")
    assert [m.actor for m in tr][:2] == ["RUS", "TUR"]


def test_offsets_point_at_the_mention_text_and_rules_are_versioned():
    text = "In 2003 Russian Defense Minister Sergey Ivanov visited Baku and met SOCAR officials."
    found = actors_in(text, when="2003")
    assert found == sorted(found, key=lambda m: m.start)
    for m in found:
        assert text[m.start:m.end] == m.text
        assert m.rule.startswith("actors.v1:") and m.entry_id.startswith("actors/")
        assert m.doc_id == "" and m.sentence == -1


def test_a_role_mention_keeps_its_office_and_a_titled_person_the_office_held():
    [role] = actors_in("The Russian foreign minister arrived.", when="2010")
    assert (role.office, role.person, role.detail) == ("foreign_minister", "Sergey Lavrov", "RUSGOV")
    [person] = actors_in("Prime Minister Putin arrived.", when="2010")
    assert person.office == "prime_minister" and person.person == "Vladimir Putin"


def test_a_person_acts_for_the_state_of_the_office_held_at_the_time():
    [early] = actors_in("Shevardnadze arrived.", when="1987")
    [late] = actors_in("Shevardnadze arrived.", when="1999")
    assert (early.actor, early.detail) == ("RUS", "SUN")
    assert late.actor == "GEO"


def test_describing_words_and_places_cannot_act_but_states_and_bodies_can():
    found = {m.text: can_act(m) for m in actors_in("Russian speakers in Chechnya saw Russian troops and Russia.")}
    assert found == {"Russian": False, "Chechnya": False, "Russian troops": True, "Russia": True}


def test_a_mention_explains_itself_by_replaying_its_own_text():
    text = "Moscow warned Azerbaijan's Foreign Ministry and the OSCE Minsk Group."
    for m in actors_in(text):
        [again] = actors_in(m.text)
        assert (again.actor, again.entry_id, again.kind, again.rule) == (m.actor, m.entry_id, m.kind, m.rule)
