"""Which language an article is written in, from its words: enough to keep English news only.

No model is loaded: Latin-script languages are told apart by their commonest function
words, other scripts by their Unicode blocks. The ``lang`` a page declares is used only when
the text is too short to judge, since page templates often declare ``en`` for every page.
"""

from __future__ import annotations

import re
from collections import Counter

from pipeline.errors import ExtractionError
from pipeline.model import Article

# The most frequent short function words of each language; words shared by two languages
# ("a", "de", "la", "in") are left out so that each list points to one language.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the and of to is that for with was on as are by this be from have has "
                    "it its at an which or were their been will would said not but".split()),
    "de": frozenset("der die das und ist nicht mit den dem des sich auch ein eine einer auf "
                    "für von zu im wird sind wurde werden bei nach aus oder".split()),
    "fr": frozenset("le les et des du est une pour dans qui que sur pas par plus ce cette "
                    "avec sont au aux été ont être leur".split()),
    "es": frozenset("el los las y del que una por con para es se lo su al como más pero "
                    "sus fue este esta son muy".split()),
    "pt": frozenset("o os e do da dos das que em um uma para com não por se na no mais é "
                    "como ao foi ser são pelo pela".split()),
    "it": frozenset("il e di che è per una con non sono della dei delle nel alla anche come "
                    "gli più questo questa stato".split()),
    "nl": frozenset("het een van dat niet op zijn met voor er aan ook als bij door "
                    "wordt werd naar maar".split()),
    "id": frozenset("yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke "
                    "karena ada oleh atau bisa".split()),
}  # fmt: skip
_SCRIPTS = (
    ("ja", re.compile(r"[\u3040-\u30ff]")),  # kana: Japanese even when Han characters dominate
    ("ko", re.compile(r"[\uac00-\ud7af]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),  # Cyrillic, reported as Russian, its largest user
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("hi", re.compile(r"[\u0900-\u097f]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
)
_WORD = re.compile(r"[^\W\d_]+")
MIN_WORDS = 30


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the language ``text`` is mainly written in; None when unsure.

    >>> detect_language("The company said that it was buying the maker of chips for $5 billion, and "
    ...                 "that the deal would close by the end of the year, which was earlier than the "
    ...                 "date it had given to its investors in the spring.")
    'en'
    >>> detect_language("A empresa disse que não vai comprar a fabricante de chips por causa do preço, e "
    ...                 "o acordo foi cancelado pela direção da empresa na semana passada, depois de uma "
    ...                 "reunião com os maiores acionistas do grupo.")
    'pt'
    >>> detect_language("short")
    """
    sample = text[:5_000]
    letters = sum(1 for char in sample if char.isalpha())
    if not letters:
        return None
    for code, script in _SCRIPTS:
        if len(script.findall(sample)) > 0.3 * letters:
            return code
    words = [word.casefold() for word in _WORD.findall(sample)]
    if len(words) < MIN_WORDS:
        return None
    hits = Counter({code: sum(word in vocabulary for word in words) for code, vocabulary in FUNCTION_WORDS.items()})
    code, count = hits.most_common(1)[0]
    return code if count >= 0.1 * len(words) else None


def article_language(text: str, declared: str | None) -> str | None:
    """The article's language: detected from its text, else what the page declares."""
    return detect_language(text) or declared


def require_english(article: Article) -> Article:
    """The article itself, when its text is English or too short to tell.

    Raises:
        ExtractionError: naming the language the text reads as, when it is not English.
    """
    detected = detect_language(article.text)
    if detected is not None and detected != "en":
        raise ExtractionError(
            f"{article.source}: not English (the text reads as {detected!r}); "
            "dealgraph extracts deal facts from English news only"
        )
    return article
