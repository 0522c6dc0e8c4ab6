"""Article extraction from real page fixtures and plain text."""

import json
from datetime import date

import pytest

from pipeline.errors import ExtractionError
from pipeline.text import article_from_text, decode_html, extract_article

from .conftest import FIXTURES

PAGES = FIXTURES / "html"
EXPECTATIONS = json.loads((PAGES / "expectations.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTATIONS))
def test_page(name: str) -> None:
    expected = EXPECTATIONS[name]
    article = extract_article((PAGES / name).read_bytes(), url="file:///fallback")
    assert article.headline == expected["headline"]
    assert article.published == date.fromisoformat(expected["published"])
    assert article.publisher == expected["publisher"]
    assert article.url == expected["url"]
    assert article.language == expected["language"]
    for snippet in expected["must_contain"]:
        assert snippet in article.text
    for snippet in expected["must_not_contain"]:
        assert snippet not in article.text


def test_every_fixture_page_has_expectations() -> None:
    assert sorted(p.name for p in PAGES.glob("*.html")) == sorted(EXPECTATIONS)


def test_paragraphs_are_separated_by_blank_lines() -> None:
    article = extract_article((PAGES / "tidewater.example.article-markup.html").read_bytes())
    assert article.text.count("\n\n") == 3


def test_page_without_article_text() -> None:
    with pytest.raises(ExtractionError, match="no article text"):
        extract_article("<html><body><nav><a href='/'>Home</a></nav></body></html>", source="index.html")


def test_url_falls_back_to_the_source() -> None:
    html = "<html><body><article><p>" + "Acme bought Widgets for $5 million. " * 5 + "</p></article></body></html>"
    assert extract_article(html, url="https://news.example/a").url == "https://news.example/a"


def test_charset_declared_in_meta() -> None:
    html = '<html><head><meta charset="windows-1252"></head><body>café €</body></html>'
    assert "café €" in decode_html(html.encode("cp1252"))


def test_charset_declared_by_the_server_wins() -> None:
    assert "café" in decode_html("<p>café</p>".encode("latin-1"), declared="iso-8859-1")


def test_plain_text_first_line_is_the_headline() -> None:
    article = article_from_text(
        "Acme buys Widgets\nAcme has agreed to buy Widgets Ltd for $5 million in cash, it said on Monday.\n"
        "The deal is expected to close in the spring.\n",
        url="file:///a.txt",
        source="a.txt",
    )
    assert article.headline == "Acme buys Widgets"
    assert article.text.startswith("Acme has agreed")


def test_plain_text_trailing_related_section_is_cut() -> None:
    body = "\n".join(f"Paragraph {n} says Acme has agreed to buy Widgets Ltd for $5 million." for n in range(6))
    article = article_from_text(
        f"Headline\n{body}\nRelated stories\nBeta raises $9 billion from Gamma\n", url="u", source="s"
    )
    assert "Beta" not in article.text
    assert "Paragraph 5" in article.text


def test_plain_text_without_body() -> None:
    with pytest.raises(ExtractionError, match="no article text"):
        article_from_text("Only a headline\n", url="u", source="short.txt")
