# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Client for OpenAI-compatible chat-completions endpoints (Ollama, vLLM, cloud)."""

import ipaddress
import socket
import time
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

NAT64 = ipaddress.ip_network("64:ff9b::/96")


class ProviderError(Exception):
    """A failed provider call. ``kind``: timeout, connection, auth, rate_limit,
    server, http, malformed, config, address."""

    def __init__(self, kind, message, status=None):
        super().__init__(message)
        self.kind = kind
        self.status = status


def non_public_address(address):
    """The reason why ``address`` (an IP address) is not on the public internet,
    or None: loopback, private, link-local, shared, reserved... IPv4 addresses
    written in IPv6 (mapped, 6to4, NAT64) are judged by their IPv4 part."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if ip.version == 6:
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip in NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            ip = embedded
    for reason in ("loopback", "link_local", "private", "multicast", "unspecified", "reserved"):
        if getattr(ip, f"is_{reason}"):
            return reason.replace("_", "-")
    if not ip.is_global:
        return "non-public"
    return None


def check_url(url, allow_private=False):
    """Refuse a provider URL that is not http(s), or whose host resolves to an
    address that is not public (this server, its network, cloud metadata
    services...), unless ``allow_private``. Every address of the host is checked."""
    parts = urlsplit(url or "")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ProviderError("config", "The provider URL must start with http:// or https:// and name a host.")
    if allow_private:
        return
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except (OSError, ValueError, UnicodeError) as exc:
        raise ProviderError("connection", f"Cannot resolve the provider's host {parts.hostname}.") from exc
    for info in infos:
        reason = non_public_address(info[4][0])
        if reason:
            raise ProviderError(
                "address",
                f"The provider's host {parts.hostname} resolves to {info[4][0]}, a {reason} address.",
            )


class _PublicPeerMixin:
    """A connection that refuses to talk to a non-public address: the host's name is
    resolved again when connecting, and may then give another address than the one
    ``check_url`` judged (DNS rebinding). The address actually connected is checked
    before a byte of the request is sent."""

    def _new_conn(self):
        sock = super()._new_conn()
        address = sock.getpeername()[0]
        reason = non_public_address(address)
        if reason:
            sock.close()
            raise ProviderError(
                "address", f"The provider's host {self.host} answered from {address}, a {reason} address."
            )
        return sock


class _PublicHTTPConnection(_PublicPeerMixin, HTTPConnection):
    pass


class _PublicHTTPSConnection(_PublicPeerMixin, HTTPSConnection):
    pass


class _PublicHTTPConnectionPool(HTTPConnectionPool):
    ConnectionCls = _PublicHTTPConnection


class _PublicHTTPSConnectionPool(HTTPSConnectionPool):
    ConnectionCls = _PublicHTTPSConnection


class _PublicAdapter(HTTPAdapter):
    def init_poolmanager(self, *args, **kwargs):
        result = super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": _PublicHTTPConnectionPool,
            "https": _PublicHTTPSConnectionPool,
        }
        return result


class ChatProvider:
    def __init__(self, url, model, api_key=None, timeout=30, allow_private=False):
        if not url or not model:
            raise ProviderError("config", "The provider URL and model must both be set.")
        check_url(url, allow_private)
        self.url = url.rstrip("/")
        if not self.url.endswith("/chat/completions"):
            self.url += "/chat/completions"
        self.model = model
        self.api_key = api_key
        self.timeout = timeout or 30
        self.session = requests.Session()
        if not allow_private and not requests.utils.get_environ_proxies(self.url):
            # through a proxy the proxy connects, and the check above is all there is
            for scheme in ("http://", "https://"):
                self.session.mount(scheme, _PublicAdapter())

    def complete(self, messages, temperature=0.2, max_tokens=900):
        """Send ``messages`` and return (answer text, seconds spent)."""
        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        payload = {
            "model": self.model,
            "messages": messages,
            "temperature": temperature,
            "max_tokens": max_tokens,
            "stream": False,
        }
        start = time.monotonic()
        try:
            # no redirect: the address checked is the address called
            response = self.session.post(
                self.url, json=payload, headers=headers, timeout=self.timeout, allow_redirects=False
            )
        except ProviderError:
            raise
        except requests.exceptions.Timeout as exc:
            raise ProviderError("timeout", f"No answer within {self.timeout} seconds.") from exc
        except requests.exceptions.RequestException as exc:
            raise ProviderError("connection", f"Cannot reach the provider: {exc.__class__.__name__}") from exc
        elapsed = time.monotonic() - start
        status = response.status_code
        if status in (401, 403):
            raise ProviderError("auth", f"The provider refused the API key (HTTP {status}).", status)
        if status == 429:
            raise ProviderError("rate_limit", "The provider's rate limit was reached (HTTP 429).", status)
        if status >= 500:
            raise ProviderError("server", f"The provider had an internal error (HTTP {status}).", status)
        if status >= 400 or 300 <= status < 400:
            raise ProviderError("http", f"The provider rejected the request (HTTP {status}).", status)
        try:
            data = response.json()
            content = data["choices"][0]["message"]["content"]
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            raise ProviderError("malformed", "The provider's answer is not a chat completion.", status) from exc
        if not isinstance(content, str) or not content.strip():
            raise ProviderError("malformed", "The provider's answer is empty.", status)
        return content.strip(), elapsed
