"""Article extraction from real page fixtures and plain text."""

import json
from datetime import date

import pytest

from pipeline.errors import ExtractionError
from pipeline.text import article_from_text, decode_html, extract_article

from .conftest import CORPUS, FIXTURES

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


def test_paragraphs_trafilatura_runs_together_are_kept_apart() -> None:
    """On some layouts trafilatura's recall-oriented mode returns the article as one paragraph
    with the headings inside it ("… seeing off Novo Nordisk Pfizer said on Thursday …")."""
    article = extract_article((CORPUS / "dev" / "j-pfizer-metsera-close-2025.html").read_bytes())
    paragraphs = article.text.split("\n\n")
    assert any(p.startswith("Pfizer said on Thursday it had completed its acquisition") for p in paragraphs)
    assert "Novo Nordisk Pfizer said" not in article.text
    assert len(paragraphs) >= 10


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


REJECTED = PAGES / "rejected"


def test_section_front_is_no_article() -> None:
    with pytest.raises(ExtractionError, match=r"deals.html: no article: the page is an index of 5 links to other pages"):
        extract_article((REJECTED / "section-front.html").read_bytes(), source="deals.html")


def test_declared_collection_page_is_no_article() -> None:
    teasers = "".join(
        f"<p>Story {n}: Acme Holdings agreed to buy Widget Works number {n} for $5 million in cash, it said.</p>"
        for n in range(6)
    )
    html = (
        '<html><head><script type="application/ld+json">{"@type": "CollectionPage", "name": "Deals"}</script>'
        f"</head><body><main>{teasers}</main></body></html>"
    )
    with pytest.raises(ExtractionError, match=r"no article: the page declares itself a collection"):
        extract_article(html, source="tag-page.html")


def test_language_comes_from_the_text_not_the_template() -> None:
    article = extract_article((REJECTED / "portuguese-article.html").read_bytes())  # declares lang="en"
    assert article.language == "pt"
    assert "300 milhões de reais" in article.text


def test_reading_a_foreign_page_is_refused(tmp_path) -> None:
    from pipeline.config import Settings
    from pipeline.ingest import read_article

    page = tmp_path / "noticia.html"
    page.write_bytes((REJECTED / "portuguese-article.html").read_bytes())
    with pytest.raises(ExtractionError, match=r"noticia.html: not English \(the text reads as 'pt'\)"):
        read_article(str(page), Settings())


def test_teaser_json_ld_body_does_not_replace_the_page_body() -> None:
    body = "".join(f"<p>Paragraph {n}: Acme Holdings said the purchase of Widget Works would close in May.</p>" for n in range(8))
    teaser = "Acme Holdings said the purchase of Widget Works would close in May. Read the full story on our site today."
    html = (
        '<html><head><script type="application/ld+json">'
        f'{{"@type": "NewsArticle", "headline": "Acme buys Widget Works", "articleBody": "{teaser} {teaser}"}}'
        f"</script></head><body><article>{body}</article></body></html>"
    )
    article = extract_article(html)
    assert "Paragraph 7" in article.text and "Read the full story" not in article.text


def test_json_ld_body_stands_in_for_a_script_rendered_page() -> None:
    """The quillon fixture: the markup holds only a loading message; the JSON-LD body is used."""
    article = extract_article((PAGES / "quillon.example.jsonld-body.html").read_bytes())
    assert article.text.split("\n\n")[0] == (
        "Lumen Pay, a payments start-up for small shops, has raised $150 million at a valuation of $2.4 billion."
    )


def test_charset_from_an_xml_declaration() -> None:
    raw = (PAGES / "westbrook.example.xhtml-latin1.html").read_bytes()
    assert raw.startswith(b'<?xml version="1.0" encoding="iso-8859-1"?>') and "Düsseldorf" in decode_html(raw)


def test_undeclared_pages_decode_as_utf8_or_windows_1252() -> None:
    assert decode_html("<p>Zürich – €</p>".encode("utf-8")) == "<p>Zürich – €</p>"
    assert decode_html("<p>Zürich – €</p>".encode("cp1252")) == "<p>Zürich – €</p>"
    assert decode_html(b"\xef\xbb\xbf<p>bom</p>", declared="latin-1") == "<p>bom</p>"  # a BOM beats the header


def test_bytes_and_text_give_the_same_article() -> None:
    raw = (PAGES / "tidewater.example.article-markup.html").read_bytes()
    assert extract_article(raw) == extract_article(raw.decode("utf-8"))
