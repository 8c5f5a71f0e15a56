"""Web and email addresses a trust types (``site.url``, ``website``, ``contact_email``), typed and checked at the edge.

An address reaches the pages in places MkDocs and Material print without escaping (the
canonical ``<link>``, the base of every ``src`` and ``href`` on 404.html, the sitemap) and
in a ``mailto:`` link. So it is parsed, not pattern-matched: ``urllib.parse`` for web
addresses (https only, a host, no user name or password, a port only if it is a number)
and ``email.headerregistry`` for email addresses; then any character that could end an
attribute or start a tag (quotes, angle brackets, backslashes, white space, control
characters) is refused. What passes cannot carry markup wherever it lands.
"""

from __future__ import annotations

import unicodedata
from email.errors import HeaderParseError
from email.headerregistry import Address
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, Field

# could end an attribute value, start a tag, or be read as a path separator by a browser
MARKUP_CHARACTERS = {'"': 'a double quote (")', "'": "a quote mark (')", "<": "an angle bracket (<)",
                     ">": "an angle bracket (>)", "\\": "a backslash (\\)", "`": "a backtick (`)"}
EXAMPLE_SITE = "https://wres.example.nhs.uk/"


def _bad_character(value: str) -> str | None:
    """The first character an address must not hold, described for a reader, or None."""
    for char in value:
        if char in MARKUP_CHARACTERS:
            return MARKUP_CHARACTERS[char]
        if char.isspace():
            return "a space" if char == " " else "white space"
        if unicodedata.category(char).startswith("C"):  # control, format (e.g. right-to-left override), unassigned
            return f"an invisible control character (U+{ord(char):04X})"
    return None


def _host_problem(host: str) -> str | None:
    """Why ``host`` is not a host name a browser would go to, or None."""
    try:
        ascii_host = host.encode("idna").decode("ascii")  # a name in another script, as the browser sends it
    except UnicodeError:
        return f'"{host}" is not a valid host name'
    labels = ascii_host.split(".")
    if len(labels) < 2 or not all(labels) or not all(label.replace("-", "").isalnum() and label.isascii()
                                                        for label in labels):
        return f'"{host}" is not a host name such as wres.example.nhs.uk'
    return None


def web_address_problem(value: str, *, folder: bool = False) -> str | None:
    """Why ``value`` cannot be a published web address, or None; ``folder``: it must end in / (the site's base)."""
    if (bad := _bad_character(value)) is not None:
        return f'"{value}" has {bad}; an address cannot hold it. Copy the address from the browser\'s address bar'
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - reading it checks the port is a number from 0 to 65535
    except ValueError:
        return f'"{value}" is not a web address; write it in full, e.g. {EXAMPLE_SITE}'
    if parts.scheme.lower() != "https":
        shown = f"{parts.scheme}:" if parts.scheme else "no https://"
        return f'"{value}" starts with {shown}; the address must start with https://, e.g. {EXAMPLE_SITE}'
    if parts.username is not None or parts.password is not None:
        return f'"{value}" has a user name or password before the host (the part before @); leave it out'
    if not parts.hostname:
        return f'"{value}" has no host name after https://, e.g. {EXAMPLE_SITE}'
    if (problem := _host_problem(parts.hostname)) is not None:
        return problem
    if folder and (parts.query or parts.fragment):
        return f'"{value}" has a ? or # part; the site\'s address is the folder it is published in, e.g. {EXAMPLE_SITE}'
    if folder and not parts.path.endswith("/"):
        return f'"{value}" must end in /: write {value}/'
    return None


def email_problem(value: str) -> str | None:
    """Why ``value`` cannot be the contact email address (shown as a mailto: link), or None."""
    if (bad := _bad_character(value)) is not None:
        return f'"{value}" has {bad}; an email address cannot hold it'
    try:
        address = Address(addr_spec=value)
    except (HeaderParseError, ValueError, IndexError):
        return f'"{value}" is not an email address such as equality@trust.example.nhs.uk'
    if not address.username or address.addr_spec != value:
        return f'"{value}" is not an email address such as equality@trust.example.nhs.uk'
    if _host_problem(address.domain) is not None:
        return (f'"{value}" is not an email address such as equality@trust.example.nhs.uk '
                "(after the @ comes a domain such as trust.example.nhs.uk)")
    # still a single address after parsing: nothing that a link or a mail program would read as a second part
    if any(char in value for char in "?#&%,;:()[]"):
        return f'"{value}" has characters an email address for readers should not hold (such as ? # & , ; :)'
    return None


def _checked(problem) -> AfterValidator:  # noqa: ANN001 - one of the *_problem functions
    def check(value: str) -> str:
        if (message := problem(value)) is not None:
            raise ValueError(message)
        return value

    return AfterValidator(check)


SiteAddress = Annotated[str, _checked(lambda v: web_address_problem(v, folder=True)),
                        Field(json_schema_extra={"format": "uri", "pattern": "^https://[^\\s\"'<>\\\\]+/$"})]
WebAddress = Annotated[str, _checked(web_address_problem),
                       Field(json_schema_extra={"format": "uri", "pattern": "^https://[^\\s\"'<>\\\\]+$"})]
EmailAddress = Annotated[str, _checked(email_problem), Field(json_schema_extra={"format": "email"})]
