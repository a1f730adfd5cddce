# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Client for OpenAI-compatible chat-completions endpoints (Ollama, vLLM, cloud)."""
import time

import requests


class ProviderError(Exception):
    """A failed provider call. ``kind``: timeout, connection, auth, rate_limit,
    server, http, malformed, config."""

    def __init__(self, kind, message, status=None):
        super().__init__(message)
        self.kind = kind
        self.status = status


class ChatProvider:
    def __init__(self, url, model, api_key=None, timeout=30):
        if not url or not model:
            raise ProviderError("config", "The provider URL and model must both be set.")
        self.url = url.rstrip("/")
        if not self.url.endswith("/chat/completions"):
            self.url += "/chat/completions"
        self.model = model
        self.api_key = api_key
        self.timeout = timeout or 30

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
            response = requests.post(self.url, json=payload, headers=headers, timeout=self.timeout)
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
        if status >= 400:
            raise ProviderError("http", f"The provider rejected the request (HTTP {status}).", status)
        try:
            data = response.json()
            content = data["choices"][0]["message"]["content"]
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            raise ProviderError("malformed", "The provider's answer is not a chat completion.", status) from exc
        if not isinstance(content, str) or not content.strip():
            raise ProviderError("malformed", "The provider's answer is empty.", status)
        return content.strip(), elapsed
