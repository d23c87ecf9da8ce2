"""Language per document and per paragraph, among the configured languages."""

from __future__ import annotations

import pytest

from dyadscope.errors import UsageError
from dyadscope.ingest import from_text
from dyadscope.ingest.language import detect_languages, detector
from dyadscope.options import Options
from dyadscope.text.segment import paragraphs

OPTIONS = Options()
EN = ("The foreign ministers of the two countries met in the capital on Tuesday and discussed the "
      "transport corridor, the price of gas and the situation on the border in the mountains.")
RU = ("Министры иностранных дел двух стран встретились во вторник в столице и обсудили транспортный коридор, "
      "цену на газ и положение на границе в горах.")
AZ = ("İki ölkənin xarici işlər nazirləri çərşənbə axşamı paytaxtda görüşərək nəqliyyat dəhlizini, qazın "
      "qiymətini və dağlarda sərhəddəki vəziyyəti müzakirə ediblər.")
TR = ("İki ülkenin dışişleri bakanları salı günü başkentte bir araya gelerek ulaşım koridorunu, doğalgaz "
      "fiyatını ve dağlardaki sınırdaki durumu görüştü.")


@pytest.mark.parametrize(("text", "lang"), [(EN, "en"), (RU, "ru"), (AZ, "az"), (TR, "tr")])
def test_each_configured_language_is_recognised(text: str, lang: str) -> None:
    result = detect_languages(text, OPTIONS)
    assert (result.language, result.languages, result.mixed) == (lang, (lang,), False)


def test_every_paragraph_gets_a_language_or_none_when_too_short() -> None:
    text = f"{EN}\n\nRead more\n\n{RU}\n\n{EN}"
    result = detect_languages(text, OPTIONS)
    assert result.paragraph_languages == ("en", None, "ru", "en")
    assert len(result.paragraph_languages) == len(list(paragraphs(text)))


def test_a_real_share_of_a_second_language_makes_a_mixed_document() -> None:
    result = detect_languages(f"{EN}\n\n{RU}\n\n{EN}", OPTIONS)
    assert result.language == "en" and result.languages == ("en", "ru") and result.mixed


def test_a_one_line_russian_link_is_listed_but_does_not_make_the_document_mixed() -> None:
    raw = "Версия на русском языке\n\n" + "\n\n".join([EN] * 5)
    cleaned = "\n\n".join([EN] * 5)  # the cleaner took the link out
    result = detect_languages(cleaned, OPTIONS, raw_text=raw)
    assert result.languages == ("en", "ru") and not result.mixed
    assert result.paragraph_languages == ("en",) * 5


def test_short_latin_fragments_are_not_taken_for_another_language() -> None:
    text = f"{EN}\n\nA postscript on the river\n\n{EN}\n\nand questions for both.\n\n{EN}"
    result = detect_languages(text, OPTIONS)
    assert result.languages == ("en",)


def test_a_document_of_only_short_lines_still_gets_a_language() -> None:
    doc = from_text("Talks resumed.\n\nMinisters met in Baku.\n\nNo statement was issued.", OPTIONS)
    assert doc.language == "en"


def test_the_detector_is_built_once_per_set_of_languages() -> None:
    assert detector(("en", "ru", "az", "tr")) is detector(("en", "ru", "az", "tr"))


def test_an_unknown_language_code_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="xx"):
        detect_languages(EN, Options(languages=("en", "xx")))


def test_the_document_record_carries_the_languages() -> None:
    later = ("A second round of talks is planned for the autumn, when the experts will present their report "
             "on the costs of the new bridge and the customs post.")
    doc = from_text(f"{EN}\n\n{RU}\n\n{later}", OPTIONS)
    assert (doc.language, doc.languages, doc.mixed_language) == ("en", ("en", "ru"), True)
    assert doc.paragraph_languages == ("en", "ru", "en")


def test_plain_prose_is_settled_by_its_function_words_without_lingua(monkeypatch: pytest.MonkeyPatch) -> None:
    from dyadscope.ingest import language

    def no_lingua(*args: object, **kwargs: object) -> None:
        raise AssertionError("lingua was asked about plain prose")

    monkeypatch.setattr(language, "detector", no_lingua)
    assert detect_languages(f"{EN}\n\n{RU}", OPTIONS).paragraph_languages == ("en", "ru")


def test_closely_related_languages_are_left_to_lingua() -> None:
    assert detect_languages(f"{AZ}\n\n{TR}", OPTIONS).paragraph_languages == ("az", "tr")
