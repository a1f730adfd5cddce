# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Masking of personal data before any text leaves the server."""
import re

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# international or local numbers: 7+ digits with optional +, spaces, dots, dashes, brackets
PHONE_RE = re.compile(r"(?<![\w])(?:\+|00)?\d[\d\s().-]{5,}\d(?![\w])")
URL_RE = re.compile(r"https?://\S+")


class Masker:
    """Replace emails, phone numbers and known names by stable placeholders.

    ``names`` is a list of (name, kind) with kind ``person`` or
    ``organisation``; persons' first and last names are masked on their own too.
    The same name always gets the same placeholder within one Masker.
    """

    def __init__(self, names=()):
        self.placeholders = {}
        self.count = 0
        patterns = []
        for name, kind in names:
            name = (name or "").strip()
            if len(name) < 2:
                continue
            placeholder = self._placeholder(name, kind)
            patterns.append((name, placeholder))
            if kind == "person":
                for part in re.split(r"[\s,]+", name):
                    if len(part) >= 3 and part[0].isupper():
                        patterns.append((part, placeholder))
        patterns.sort(key=lambda item: -len(item[0]))
        self.patterns = [
            (re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)", re.IGNORECASE), placeholder)
            for name, placeholder in patterns
        ]

    def _placeholder(self, name, kind):
        key = name.lower()
        if key not in self.placeholders:
            prefix = "PERSON" if kind == "person" else "ORG"
            index = sum(1 for p in self.placeholders.values() if p.startswith("[" + prefix)) + 1
            self.placeholders[key] = f"[{prefix}_{index}]"
        return self.placeholders[key]

    def mask(self, text):
        if not text:
            return text or ""

        def sub(pattern, replacement, value):
            new, n = pattern.subn(replacement, value)
            self.count += n
            return new

        text = sub(URL_RE, "[URL]", text)
        text = sub(EMAIL_RE, "[EMAIL]", text)
        text = sub(PHONE_RE, "[PHONE]", text)
        for pattern, placeholder in self.patterns:
            text = sub(pattern, placeholder, text)
        return text

    def unmask(self, text):
        """Put the real names back into a provider's answer (for display only)."""
        if not text:
            return text
        reverse = {}
        for name, placeholder in self.placeholders.items():
            reverse.setdefault(placeholder, name)
        for placeholder, name in reverse.items():
            text = text.replace(placeholder, name.title() if name.islower() else name)
        return text
