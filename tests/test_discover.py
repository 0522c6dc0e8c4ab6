"""Finding article URLs in feeds, sitemaps and URL lists, served from 127.0.0.1."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.discover import Found, discover, read_feed, read_sitemap, read_url_list
from pipeline.errors import FetchError, SourceError
from pipeline.fetch import Fetcher, FetchOptions

from .conftest import FIXTURES

FEEDS = FIXTURES / "feeds"


@pytest.fixture
def fetcher():
    with Fetcher(FetchOptions(user_agent="dealgraph-test/1.0", min_interval=0.0, backoff=0.01,
                              connect_timeout=2.0, read_timeout=2.0)) as opened:
        yield opened


@pytest.fixture
def site(httpserver):
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /drafts/\n")
    return httpserver


def serve(server, path: str, name: str, content_type: str) -> str:
    body = (FEEDS / name).read_text(encoding="utf-8").replace("SERVER", server.url_for("").rstrip("/"))
    server.expect_request(path).respond_with_data(body, content_type=content_type)
    return server.url_for(path)


def test_rss_feed_over_http(site, fetcher) -> None:
    url = serve(site, "/deals/feed", "deals.rss.xml", "application/rss+xml; charset=utf-8")
    assert list(read_feed(url, fetcher)) == [
        Found("https://tidewater.example/2024/05/14/harbour-robotics-series-c", date(2024, 5, 14), url),
        Found("https://tidewater.example/2024/05/13/quayside-craneworks", date(2024, 5, 13), url),
    ]  # the entry without a link is skipped


def test_atom_feed_resolves_relative_links_and_falls_back_to_updated(site, fetcher) -> None:
    url = serve(site, "/energy.atom", "energy.atom.xml", "application/atom+xml")
    found = list(discover(url, fetcher))
    assert [(f.url, f.published) for f in found] == [
        (site.url_for("/energy/granite-fenwick"), date(2022, 11, 3)),
        ("https://copperline.example/oil/basin-pipelines", date(2022, 10, 30)),
    ]


def test_news_sitemap_dates(site, fetcher) -> None:
    url = serve(site, "/sitemaps/news.xml", "news-sitemap.xml", "application/xml")
    assert [(f.url, f.published) for f in read_sitemap(url, fetcher)] == [
        ("https://quillon.example/fintech/lumen-pay-round", date(2023, 3, 9)),
        ("https://quillon.example/fintech/tillway-raise", date(2023, 3, 8)),
    ]


def test_sitemap_index_is_followed_once_per_child(site, fetcher) -> None:
    serve(site, "/sitemaps/news.xml", "news-sitemap.xml", "application/xml")
    serve(site, "/sitemaps/archive.xml", "archive-sitemap.xml", "text/xml")
    index = serve(site, "/sitemap-index.xml", "sitemap-index.xml", "application/xml")
    urls = [f.url for f in discover(index, fetcher)]
    assert urls == [
        "https://quillon.example/fintech/lumen-pay-round",
        "https://quillon.example/fintech/tillway-raise",
        "https://quillon.example/archive/2019/first-story",
    ]
    assert [r.path for r, _ in site.log].count("/sitemap-index.xml") == 1  # listed in itself, read once


def test_url_list_file() -> None:
    found = list(discover(str(FEEDS / "urls.txt")))
    assert [f.url for f in found] == [
        "https://tidewater.example/2024/05/14/harbour-robotics-series-c",
        "https://copperline.example/energy/granite-fenwick",
    ]
    assert all(f.published is None for f in found)


def test_url_list_with_a_bad_line_goes_on(tmp_path) -> None:
    from pipeline.sources import BadSource, Source, collect_sources

    listing = tmp_path / "urls.txt"
    listing.write_text("https://a.example/1\nnot a url\n# a comment\n\nhttps://a.example/3\n", encoding="utf-8")
    found = list(read_url_list(str(listing)))
    assert [(f.url, f.source) for f in found] == [
        ("https://a.example/1", f"{listing}:1"), ("not a url", f"{listing}:2"), ("https://a.example/3", f"{listing}:5"),
    ]  # fmt: skip
    collected = list(collect_sources([], from_files=[str(listing)]))
    assert collected == [
        Source("https://a.example/1", "url"),
        BadSource("not a url", f"listed in {listing}:2, but not an http(s) URL"),
        Source("https://a.example/3", "url"),
    ]


def test_unreadable_url_list(tmp_path) -> None:
    with pytest.raises(SourceError, match="cannot read the URL list"):
        list(read_url_list(str(tmp_path / "missing.txt")))


def test_local_feed_file() -> None:
    assert [f.published for f in read_feed(str(FEEDS / "deals.rss.xml"))] == [date(2024, 5, 14), date(2024, 5, 13)]


def test_not_a_feed(site, fetcher) -> None:
    site.expect_request("/page.xml").respond_with_data("<html><body>hello</body></html>", content_type="text/xml")
    with pytest.raises(SourceError, match=r"page.xml: not an RSS or Atom feed"):
        list(read_feed(site.url_for("/page.xml"), fetcher))


def test_not_a_sitemap(tmp_path) -> None:
    wrong = tmp_path / "wrong.xml"
    wrong.write_text("<catalog><item/></catalog>", encoding="utf-8")
    with pytest.raises(SourceError, match=r"not a sitemap: the root element is <catalog>"):
        list(read_sitemap(str(wrong)))


def test_feed_fetch_obeys_robots(site, fetcher) -> None:
    serve(site, "/drafts/feed", "deals.rss.xml", "application/rss+xml")
    with pytest.raises(FetchError, match="robots.txt: disallowed"):
        list(read_feed(site.url_for("/drafts/feed"), fetcher))


def test_feed_with_an_html_content_type_is_refused(site, fetcher) -> None:
    site.expect_request("/feed").respond_with_data("<rss/>", content_type="text/html")
    with pytest.raises(FetchError, match=r"not one of application/rss\+xml, .* \(Content-Type text/html\)"):
        list(read_feed(site.url_for("/feed"), fetcher))
