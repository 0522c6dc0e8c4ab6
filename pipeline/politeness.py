"""Being a good guest on other people's servers: robots.txt and a per-host request rate.

robots.txt is read once per origin (scheme, host and port) with protego, a maintained
parser that follows RFC 9309 (longest match wins, ``Allow`` beats ``Disallow`` on ties,
wildcards). As the RFC asks: a robots.txt that is missing or refused (any 4xx) allows
everything; one that cannot be read (5xx, network failure) disallows everything, because the
site may be struggling. A ``Crawl-delay`` longer than our own interval is honoured.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urlsplit

import requests
from protego import Protego

logger = logging.getLogger(__name__)

MAX_ROBOTS_BYTES = 500_000  # RFC 9309 asks crawlers to read at least 500 KiB


def origin(url: str) -> str:
    """``scheme://host[:port]`` of a URL, lower-cased.

    >>> origin("HTTPS://News.Example:8443/a/b?c=1")
    'https://news.example:8443'
    """
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def robots_token(user_agent: str) -> str:
    """The product token robots.txt groups are matched against: ``dealgraph`` for ``dealgraph/0.1 (+…)``.

    >>> robots_token("dealgraph/0.1 (+https://w3id.org/dealgraph)")
    'dealgraph'
    """
    return user_agent.split("/")[0].split()[0] if user_agent.strip() else "*"


@dataclass(frozen=True)
class RobotsVerdict:
    """Whether a URL may be fetched, and why not when it may not."""

    allowed: bool
    reason: str = ""


class RobotsRules:
    """robots.txt for every origin a crawl touches, fetched once each.

    Args:
        session: the HTTP session to read robots.txt with.
        user_agent: our User-Agent; its product token selects the robots.txt group.
        timeout: connect and read timeout in seconds.
    """

    def __init__(self, session: requests.Session, user_agent: str, timeout: float) -> None:
        self._session = session
        self._user_agent = user_agent
        self._token = robots_token(user_agent)
        self._timeout = timeout
        self._rules: dict[str, Protego | RobotsVerdict] = {}

    def _load(self, site: str) -> Protego | RobotsVerdict:
        robots_url = f"{site}/robots.txt"
        try:
            with self._session.get(
                robots_url, headers={"User-Agent": self._user_agent}, timeout=self._timeout, stream=True
            ) as response:
                if 400 <= response.status_code < 500:
                    logger.info("%s: HTTP %d, so no rules apply", robots_url, response.status_code)
                    return RobotsVerdict(True)
                if response.status_code >= 300:
                    return RobotsVerdict(
                        False, f"its robots.txt cannot be read (HTTP {response.status_code}); RFC 9309 says to stay away"
                    )
                body = response.raw.read(MAX_ROBOTS_BYTES, decode_content=True) or b""
        except (requests.ConnectionError, requests.Timeout):
            raise  # the site is unreachable: the caller reports that, not a robots verdict
        except requests.RequestException as exc:
            logger.warning("%s: cannot read robots.txt: %s", robots_url, exc)
            return RobotsVerdict(False, f"its robots.txt cannot be read ({exc.__class__.__name__}); RFC 9309 says to stay away")
        return Protego.parse(body.decode("utf-8", errors="replace"))

    def _rules_for(self, url: str) -> Protego | RobotsVerdict:
        site = origin(url)
        if site not in self._rules:
            self._rules[site] = self._load(site)
        return self._rules[site]

    def verdict(self, url: str) -> RobotsVerdict:
        """May ``url`` be fetched by our user agent?

        Raises:
            requests.ConnectionError, requests.Timeout: when the site cannot be reached at all
                (nothing is remembered, so a later call tries again).
        """
        rules = self._rules_for(url)
        if isinstance(rules, RobotsVerdict):
            return rules
        if rules.can_fetch(url, self._token):
            return RobotsVerdict(True)
        return RobotsVerdict(False, f"disallowed by {origin(url)}/robots.txt for user agent {self._token!r}")

    def crawl_delay(self, url: str) -> float | None:
        """The ``Crawl-delay`` robots.txt sets for us on this origin, in seconds."""
        rules = self._rules_for(url)
        if isinstance(rules, RobotsVerdict):
            return None
        delay = rules.crawl_delay(self._token)
        return float(delay) if delay is not None else None


class HostThrottle:
    """At most one request per ``interval`` seconds to each host.

    The first request to a host goes at once; the next waits until ``interval`` has passed
    since the previous one started.

    Args:
        interval: seconds between two requests to the same host.
        clock, sleep: injectable for tests of the arithmetic; real time by default.
    """

    def __init__(
        self,
        interval: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.interval = interval
        self._clock = clock
        self._sleep = sleep
        self._last: dict[str, float] = {}

    def wait(self, url: str, interval: float | None = None) -> float:
        """Sleep until a request to ``url``'s host is due; return the seconds slept."""
        host = origin(url)
        gap = max(self.interval, interval or 0.0)
        now = self._clock()
        waited = 0.0
        if host in self._last:
            waited = max(0.0, self._last[host] + gap - now)
            if waited:
                logger.debug("%s: waiting %.2f s (one request per %.2f s)", host, waited, gap)
                self._sleep(waited)
        self._last[host] = now + waited
        return waited
