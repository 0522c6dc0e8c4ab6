"""Fetching against a real HTTP server on 127.0.0.1 (pytest-httpserver): no mocks of requests."""

from __future__ import annotations

import socket
import time

import pytest
from werkzeug import Request, Response

from pipeline.config import Settings
from pipeline.errors import FetchError
from pipeline.fetch import Fetcher, FetchOptions, fetch_html
from pipeline.ingest import ingest, read_article
from pipeline.politeness import HostThrottle
from pipeline.text import decode_html

from .conftest import CORPUS

PAGE = (CORPUS / "dev" / "pfizer-seagen-2023.html").read_bytes()
ALLOW_ALL = "User-agent: *\nAllow: /\n"
HTML = "text/html; charset=utf-8"


class Sleeps:
    """Records the waits a fetcher asks for instead of sleeping them (keeps the suite fast)."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


@pytest.fixture
def robots(httpserver):
    """A server whose robots.txt allows everything; returns the server."""
    httpserver.expect_request("/robots.txt").respond_with_data(ALLOW_ALL, content_type="text/plain")
    return httpserver


def options(**overrides) -> FetchOptions:
    base = FetchOptions(
        user_agent="dealgraph-test/1.0 (+https://w3id.org/dealgraph)",
        connect_timeout=2.0,
        read_timeout=2.0,
        min_interval=0.0,
        backoff=0.01,
    )
    return FetchOptions(**{**base.__dict__, **overrides})


def test_page_with_its_final_url_and_charset(robots) -> None:
    robots.expect_request("/news/pfizer").respond_with_data(PAGE, content_type=HTML)
    with Fetcher(options()) as fetcher:
        page = fetcher.fetch(robots.url_for("/news/pfizer"))
    assert (page.status, page.charset, page.html) == (200, "utf-8", PAGE)


def test_ingest_from_a_url(robots, store, nlp, settings) -> None:
    robots.expect_request("/news/pfizer").respond_with_data(PAGE, content_type=HTML)
    report = ingest([robots.url_for("/news/pfizer")], store, settings, nlp=nlp)
    assert [r.ok for r in report.results] == [True]
    assert report.facts == 1
    # the page's canonical URL names the article, not the address it was fetched from
    assert report.results[0].url == "https://www.meridianhealthmarkets.example/deals/2023/12/14/pfizer-closes-seagen-takeover"


def test_user_agent_is_sent(robots, settings) -> None:
    robots.expect_request("/p", headers={"User-Agent": settings.user_agent}).respond_with_data(
        "<html></html>", content_type="text/html"
    )
    assert fetch_html(robots.url_for("/p"), settings).html == b"<html></html>"


def test_redirect_chain_is_followed(robots) -> None:
    robots.expect_request("/a").respond_with_response(Response(status=301, headers={"Location": "/b"}))
    robots.expect_request("/b").respond_with_response(Response(status=302, headers={"Location": "/c?x=1"}))
    robots.expect_request("/c").respond_with_data(PAGE, content_type=HTML)
    with Fetcher(options()) as fetcher:
        page = fetcher.fetch(robots.url_for("/a"))
    assert page.url == robots.url_for("/c?x=1")


def test_redirect_loop(robots) -> None:
    robots.expect_request("/a").respond_with_response(Response(status=301, headers={"Location": "/b"}))
    robots.expect_request("/b").respond_with_response(Response(status=301, headers={"Location": "/a"}))
    with pytest.raises(FetchError, match=r"redirect loop: .*/a -> .*/b -> .*/a") as caught:
        Fetcher(options()).fetch(robots.url_for("/a"))
    assert caught.value.url == robots.url_for("/a")


def test_redirect_limit(robots) -> None:
    for n in range(5):
        robots.expect_request(f"/r{n}").respond_with_response(Response(status=302, headers={"Location": f"/r{n + 1}"}))
    with pytest.raises(FetchError, match="more than 3 redirects"), Fetcher(options(max_redirects=3)) as fetcher:
        fetcher.fetch(robots.url_for("/r0"))


def test_redirect_to_another_scheme_is_refused(robots) -> None:
    robots.expect_request("/ftp").respond_with_response(Response(status=301, headers={"Location": "ftp://files.example/a"}))
    with pytest.raises(FetchError, match=r"only http and https .*redirected to ftp://files.example/a"):
        Fetcher(options()).fetch(robots.url_for("/ftp"))


@pytest.mark.parametrize(("status", "reason"), [(404, "HTTP 404: NOT FOUND"), (410, "HTTP 410: GONE")])
def test_http_error_is_reported_with_status(robots, store, nlp, settings, status, reason) -> None:
    robots.expect_request("/gone").respond_with_data("gone", status=status)
    report = ingest([robots.url_for("/gone")], store, settings, nlp=nlp)
    assert report.results[0].reason == reason


def test_429_waits_as_long_as_retry_after_says(robots) -> None:
    robots.expect_oneshot_request("/busy").respond_with_response(Response("slow down", status=429, headers={"Retry-After": "2"}))
    robots.expect_request("/busy").respond_with_data(PAGE, content_type=HTML)
    sleeps = Sleeps()
    page = Fetcher(options(), sleep=sleeps).fetch(robots.url_for("/busy"))
    assert page.html == PAGE
    assert sleeps.waits == [2.0]


def test_retry_after_beyond_the_limit_fails_at_once(robots) -> None:
    robots.expect_request("/later").respond_with_response(Response(status=503, headers={"Retry-After": "3600"}))
    sleeps = Sleeps()
    with pytest.raises(FetchError, match=r"HTTP 503: SERVICE UNAVAILABLE; the server asks to retry after 3600 s") as caught:
        Fetcher(options(), sleep=sleeps).fetch(robots.url_for("/later"))
    assert caught.value.status == 503 and sleeps.waits == []


def test_500_then_success_backs_off_exponentially(robots) -> None:
    for _ in range(2):
        robots.expect_oneshot_request("/flaky").respond_with_data("oops", status=500)
    robots.expect_request("/flaky").respond_with_data(PAGE, content_type=HTML)
    sleeps = Sleeps()
    page = Fetcher(options(backoff=0.5), sleep=sleeps).fetch(robots.url_for("/flaky"))
    assert page.html == PAGE
    assert sleeps.waits == [0.5, 1.0]


def test_persistent_500_gives_up_after_the_retries(robots) -> None:
    robots.expect_request("/down").respond_with_data("oops", status=500)
    with pytest.raises(FetchError, match=r"HTTP 500: INTERNAL SERVER ERROR \(after 3 attempts\)"):
        Fetcher(options(retries=2), sleep=Sleeps()).fetch(robots.url_for("/down"))


def test_slow_server_times_out(robots) -> None:
    def slow(request: Request) -> Response:
        time.sleep(0.8)
        return Response("late", content_type="text/html")

    robots.expect_request("/slow").respond_with_handler(slow)
    with pytest.raises(FetchError, match=r"timed out after 0.3 s"):
        Fetcher(options(read_timeout=0.3)).fetch(robots.url_for("/slow"))


def test_declared_length_over_the_limit_is_refused_before_reading(robots) -> None:
    robots.expect_request("/big").respond_with_data(b"x" * 5000, content_type="text/html")
    with pytest.raises(FetchError, match=r"larger than 1000 bytes \(Content-Length 5000\)"):
        fetch_html(robots.url_for("/big"), Settings(max_bytes=1000, timeout=2.0))


def test_streamed_body_over_the_limit_is_abandoned_early(robots) -> None:
    sent = []

    def endless():
        for _ in range(800):  # 50 MB if anyone read it all
            sent.append(1)
            yield b"<p>" + b"x" * 65532 + b"\n"

    robots.expect_request("/huge").respond_with_response(Response(endless(), content_type="text/html"))
    with pytest.raises(FetchError, match=r"page larger than 200000 bytes$"):
        Fetcher(options(max_bytes=200_000)).fetch(robots.url_for("/huge"))
    assert len(sent) < 800


def test_wrong_content_type(robots, settings) -> None:
    robots.expect_request("/pdf").respond_with_data(b"%PDF", content_type="application/pdf")
    with pytest.raises(FetchError, match=r"not an HTML page \(Content-Type application/pdf\)"):
        fetch_html(robots.url_for("/pdf"), settings)


def test_binary_body_served_as_html(robots) -> None:
    robots.expect_request("/fake").respond_with_data(b"%PDF-1.7\n\x00\x01\x02binary", content_type="text/html")
    with pytest.raises(FetchError, match="binary content: the body is PDF although it is served as text/html"):
        Fetcher(options()).fetch(robots.url_for("/fake"))


def test_robots_disallow_is_obeyed_and_read_once(httpserver) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /\n\nUser-agent: dealgraph-test\nDisallow: /private/\nAllow: /\n",
        content_type="text/plain",
    )
    httpserver.expect_request("/public").respond_with_data(PAGE, content_type=HTML)
    with Fetcher(options()) as fetcher:
        assert fetcher.fetch(httpserver.url_for("/public")).html == PAGE
        with pytest.raises(FetchError, match=r"robots.txt: disallowed by http://[^/]+/robots.txt for user agent 'dealgraph-test'"):
            fetcher.fetch(httpserver.url_for("/private/deal"))
    assert [r.path for r, _ in httpserver.log].count("/robots.txt") == 1
    assert "/private/deal" not in [r.path for r, _ in httpserver.log]


def test_missing_robots_txt_allows_everything(httpserver) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("not here", status=404)
    httpserver.expect_request("/p").respond_with_data(PAGE, content_type=HTML)
    assert Fetcher(options()).fetch(httpserver.url_for("/p")).html == PAGE


def test_unreadable_robots_txt_disallows(httpserver) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("broken", status=500)
    with pytest.raises(FetchError, match=r"robots.txt cannot be read \(HTTP 500\)"):
        Fetcher(options()).fetch(httpserver.url_for("/p"))


@pytest.mark.parametrize(
    ("encoding", "text"),
    [("latin-1", "Zürich façade, naïve rôle"), ("cp1252", "café €5m “quoted” – dash")],
)
def test_pages_without_a_charset_header_decode(robots, encoding, text) -> None:
    body = f"<html><body><p>{text}</p></body></html>".encode(encoding)
    robots.expect_request("/legacy").respond_with_data(body, content_type="text/html")
    page = Fetcher(options()).fetch(robots.url_for("/legacy"))
    assert page.charset is None
    assert text in decode_html(page.html, page.charset)


def test_header_charset_wins_over_meta(robots) -> None:
    body = '<html><head><meta charset="utf-8"></head><body><p>Ærø</p></body></html>'.encode("cp1252")
    robots.expect_request("/declared").respond_with_data(body, content_type="text/html; charset=windows-1252")
    page = Fetcher(options()).fetch(robots.url_for("/declared"))
    assert page.charset == "windows-1252"
    assert "Ærø" in decode_html(page.html, page.charset)


def test_conditional_get_uses_the_cache(robots, tmp_path) -> None:
    def versioned(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304, headers={"ETag": '"v1"'})
        return Response(PAGE, content_type=HTML, headers={"ETag": '"v1"'})

    robots.expect_request("/cached").respond_with_handler(versioned)
    with Fetcher(options(cache_path=str(tmp_path / "http.sqlite"))) as fetcher:
        first = fetcher.fetch(robots.url_for("/cached"))
        second = fetcher.fetch(robots.url_for("/cached"))
    assert (first.from_cache, second.from_cache, second.status) == (False, True, 304)
    assert second.html == first.html == PAGE
    with Fetcher(options(cache_path=str(tmp_path / "http.sqlite"))) as later_crawl:
        assert later_crawl.fetch(robots.url_for("/cached")).from_cache


def test_requests_to_one_host_are_spaced(robots) -> None:
    seen: list[float] = []

    def stamp(request: Request) -> Response:
        seen.append(time.monotonic())
        return Response("<p>ok</p>", content_type="text/html")

    robots.expect_request("/tick").respond_with_handler(stamp)
    with Fetcher(options(min_interval=0.25)) as fetcher:
        for _ in range(3):
            fetcher.fetch(robots.url_for("/tick"))
    assert min(b - a for a, b in zip(seen, seen[1:])) >= 0.24


def test_throttle_arithmetic() -> None:
    now = [100.0]
    sleeps = Sleeps()
    throttle = HostThrottle(1.0, clock=lambda: now[0], sleep=sleeps)
    assert throttle.wait("https://a.example/1") == 0.0
    now[0] = 100.4
    assert throttle.wait("https://a.example/2") == pytest.approx(0.6)
    assert throttle.wait("https://b.example/1") == 0.0  # another host is not held up
    # a robots.txt Crawl-delay of 5 s counts from the previous request, which went at 101.0
    assert throttle.wait("https://a.example/3", interval=5.0) == pytest.approx(5.6)
    assert sleeps.waits == [pytest.approx(0.6), pytest.approx(5.6)]


def test_nothing_listens(settings) -> None:
    with pytest.raises(FetchError, match="cannot connect to 127.0.0.1"):
        fetch_html("http://127.0.0.1:9/", settings)


def test_connection_failures_are_retried(settings) -> None:
    sleeps = Sleeps()
    with pytest.raises(FetchError, match=r"cannot connect to 127.0.0.1: ConnectionError \(after 4 attempts\)"):
        Fetcher(options(obey_robots=False, backoff=0.1), sleep=sleeps).fetch("http://127.0.0.1:9/")
    assert sleeps.waits == pytest.approx([0.1, 0.2, 0.4])


def test_dns_failure(monkeypatch) -> None:
    """The resolver's answer is simulated at the socket layer, so no DNS query leaves the machine."""
    real = socket.getaddrinfo

    def resolver(host, *args, **kwargs):
        if str(host).endswith(".invalid"):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    sleeps = Sleeps()
    with pytest.raises(FetchError, match="DNS lookup failed: no address for host no-such-host.invalid"):
        Fetcher(options(), sleep=sleeps).fetch("https://no-such-host.invalid/news")
    assert sleeps.waits == []  # a name that does not resolve is not retried


def test_other_schemes_are_refused(store, nlp, settings) -> None:
    report = ingest(["ftp://example.com/a.html"], store, settings, nlp=nlp)
    assert report.results[0].reason == "unsupported URL scheme; use http(s) URLs or local files"


def test_read_article_shares_a_fetcher(robots, settings) -> None:
    robots.expect_request("/news/pfizer").respond_with_data(PAGE, content_type=HTML)
    with Fetcher(options()) as fetcher:
        article = read_article(robots.url_for("/news/pfizer"), settings, fetcher=fetcher)
        read_article(robots.url_for("/news/pfizer"), settings, fetcher=fetcher)
    assert article.headline == "Pfizer closes Seagen takeover, betting big on targeted cancer drugs"
    assert [r.path for r, _ in robots.log].count("/robots.txt") == 1


def test_index_and_foreign_pages_are_not_ingested(robots, store, nlp, settings) -> None:
    from .conftest import FIXTURES

    rejected = FIXTURES / "html" / "rejected"
    robots.expect_request("/deals").respond_with_data((rejected / "section-front.html").read_bytes(), content_type=HTML)
    robots.expect_request("/pt").respond_with_data((rejected / "portuguese-article.html").read_bytes(), content_type=HTML)
    report = ingest([robots.url_for("/deals"), robots.url_for("/pt")], store, settings, nlp=nlp)
    assert [r.reason for r in report.results] == [
        "no article: the page is an index of 5 links to other pages",
        "not English (the text reads as 'pt'); dealgraph extracts deal facts from English news only",
    ]
