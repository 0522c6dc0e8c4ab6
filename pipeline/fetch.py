"""URL to page: one polite, bounded HTTP GET with requests."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import requests

from pipeline.config import Settings
from pipeline.errors import FetchError

logger = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")
MAX_REDIRECTS = 10


@dataclass(frozen=True)
class Page:
    """A fetched page: its final URL, body bytes and the charset the server declared."""

    url: str
    html: bytes
    charset: str | None


def fetch_html(url: str, settings: Settings, session: requests.Session | None = None) -> Page:
    """Fetch one HTML page.

    The body is read in chunks and abandoned as soon as it passes ``settings.max_bytes``.

    Raises:
        FetchError: for a non-http(s) URL, a connection failure or timeout, a redirect loop,
            an HTTP error status, a non-HTML content type or a body over the size limit.
    """
    if not url.startswith(("http://", "https://")):
        raise FetchError(url, "only http and https URLs can be fetched")
    session = session or requests.Session()
    session.max_redirects = MAX_REDIRECTS
    headers = {"User-Agent": settings.user_agent, "Accept": "text/html,application/xhtml+xml"}
    try:
        with session.get(url, headers=headers, timeout=settings.timeout, stream=True) as response:
            if response.status_code >= 400:
                raise FetchError(url, response.reason or "error", status=response.status_code)
            content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
            if content_type and content_type not in HTML_TYPES:
                raise FetchError(url, f"not an HTML page (Content-Type {content_type})")
            body = bytearray()
            for chunk in response.iter_content(chunk_size=65536):
                body += chunk
                if len(body) > settings.max_bytes:
                    raise FetchError(url, f"page larger than {settings.max_bytes} bytes")
            charset = requests.utils.get_encoding_from_headers(response.headers)
            declared = charset if "charset" in response.headers.get("Content-Type", "").lower() else None
            return Page(url=response.url, html=bytes(body), charset=declared)
    except requests.TooManyRedirects as exc:
        raise FetchError(url, f"more than {MAX_REDIRECTS} redirects (redirect loop?)") from exc
    except requests.Timeout as exc:
        raise FetchError(url, f"timed out after {settings.timeout:g} s") from exc
    except requests.ConnectionError as exc:
        raise FetchError(url, f"cannot connect: {exc.__class__.__name__}") from exc
    except requests.RequestException as exc:
        raise FetchError(url, f"request failed: {exc}") from exc
