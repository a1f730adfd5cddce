# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Whether the receiving mail server authenticated the sender of an incoming email.

``From:`` proves nothing: anybody can write any address there. The results of the mail
server that received the email (``Authentication-Results`` headers, RFC 8601) do, when
that server is one of ours: it checked the sender's DKIM signature, SPF record or DMARC
policy, and removes such headers bearing its name from incoming mail.
"""

import re

# one method of an Authentication-Results header: "dkim=pass header.d=example.com ..."
AUTH_METHOD_RE = re.compile(r"^\s*(dkim|spf|dmarc)\s*=\s*([a-z]+)\b(.*)$", re.IGNORECASE | re.DOTALL)
AUTH_PROPERTY_RE = re.compile(
    r"\b(header\.d|header\.i|header\.from|smtp\.mailfrom|smtp\.from)\s*=\s*([^\s;]+)", re.IGNORECASE
)


def _domain_of(value):
    """The domain of an address (``user@domain``) or a domain, in lower case."""
    value = (value or "").strip().strip("<>\"'").lower()
    return value.rsplit("@", 1)[-1].rstrip(".")


def _aligned(domain, signer):
    """Whether ``signer`` vouches for ``domain``: the same domain or a parent of it
    (relaxed alignment, as DMARC does)."""
    return bool(domain and signer) and (domain == signer or domain.endswith("." + signer))


def authenticated_sender(headers, trusted_ids, email):
    """Whether a trusted mail server authenticated the domain of ``email``.

    :param list headers: values of the message's Authentication-Results headers (RFC 8601)
    :param set trusted_ids: names (authserv-id) of the mail servers whose results are
        trusted; a header bearing another name may have been written by the sender
    :param str email: the sender's address (``From:``)
    :return: True when a trusted header has dkim, spf or dmarc ``pass`` for the sender's
        domain and no dmarc ``fail``
    """
    domain = _domain_of(email)
    if not domain or "@" not in (email or ""):
        return False
    passed = False
    for header in headers or ():
        authserv_id, __, results = str(header).partition(";")
        if authserv_id.strip().split(" ")[0].lower() not in trusted_ids:
            continue
        for result in results.split(";"):
            found = AUTH_METHOD_RE.match(result)
            if not found:
                continue
            method, verdict, rest = found.group(1).lower(), found.group(2).lower(), found.group(3)
            properties = {name.lower(): _domain_of(value) for name, value in AUTH_PROPERTY_RE.findall(rest)}
            if method == "dmarc":
                if verdict == "fail":
                    return False
                signer = properties.get("header.from")
            elif method == "dkim":
                signer = properties.get("header.d") or properties.get("header.i")
            else:
                signer = properties.get("smtp.mailfrom") or properties.get("smtp.from")
            if verdict == "pass" and _aligned(domain, signer):
                passed = True
    return passed
