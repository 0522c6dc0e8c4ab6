"""Ingesting from URLs, against a real HTTP server on 127.0.0.1."""

import time

import pytest
from werkzeug import Response

from pipeline.config import Settings
from pipeline.errors import FetchError
from pipeline.fetch import fetch_html
from pipeline.ingest import ingest

from .conftest import CORPUS

PAGE = (CORPUS / "dev" / "pfizer-seagen-2023.html").read_bytes()


def test_ingest_from_a_url(httpserver, store, nlp, settings) -> None:
    httpserver.expect_request("/news/pfizer").respond_with_data(PAGE, content_type="text/html; charset=utf-8")
    report = ingest([httpserver.url_for("/news/pfizer")], store, settings, nlp=nlp)
    assert [r.ok for r in report.results] == [True]
    assert report.facts == 1
    # the page's canonical URL names the article, not the address it was fetched from
    assert report.results[0].url == "https://www.meridianhealthmarkets.example/deals/2023/12/14/pfizer-closes-seagen-takeover"


def test_user_agent_is_sent(httpserver, settings) -> None:
    httpserver.expect_request("/p", headers={"User-Agent": settings.user_agent}).respond_with_data(
        "<html></html>", content_type="text/html"
    )
    assert fetch_html(httpserver.url_for("/p"), settings).html == b"<html></html>"


def test_http_error_is_reported_with_status(httpserver, store, nlp, settings) -> None:
    httpserver.expect_request("/gone").respond_with_data("gone", status=404)
    report = ingest([httpserver.url_for("/gone")], store, settings, nlp=nlp)
    assert report.results[0].reason == "HTTP 404: NOT FOUND"


def test_wrong_content_type(httpserver, settings) -> None:
    httpserver.expect_request("/pdf").respond_with_data(b"%PDF", content_type="application/pdf")
    with pytest.raises(FetchError, match=r"not an HTML page \(Content-Type application/pdf\)"):
        fetch_html(httpserver.url_for("/pdf"), settings)


def test_body_over_the_limit(httpserver) -> None:
    httpserver.expect_request("/big").respond_with_data(b"x" * 5000, content_type="text/html")
    with pytest.raises(FetchError, match="larger than 1000 bytes"):
        fetch_html(httpserver.url_for("/big"), Settings(max_bytes=1000))


def test_redirect_loop(httpserver, settings) -> None:
    httpserver.expect_request("/a").respond_with_response(Response(status=301, headers={"Location": "/b"}))
    httpserver.expect_request("/b").respond_with_response(Response(status=301, headers={"Location": "/a"}))
    with pytest.raises(FetchError, match="redirect loop"):
        fetch_html(httpserver.url_for("/a"), settings)


def test_slow_server_times_out(httpserver) -> None:
    def slow(request):
        time.sleep(1.5)
        return Response("late", content_type="text/html")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    with pytest.raises(FetchError, match="timed out after 0.5 s"):
        fetch_html(httpserver.url_for("/slow"), Settings(timeout=0.5))


def test_nothing_listens(settings) -> None:
    with pytest.raises(FetchError, match="cannot connect"):
        fetch_html("http://127.0.0.1:9/", settings)


def test_other_schemes_are_refused(store, nlp, settings) -> None:
    report = ingest(["ftp://example.com/a.html"], store, settings, nlp=nlp)
    assert report.results[0].reason == "unsupported URL scheme; use http(s) URLs or local files"
