"""The trust's identity on the site: its logo in the header, its accent colour as CSS custom properties.

The colour goes into a generated stylesheet (``assets/stylesheets/wres-identity.css``),
never an inline style, so the Content-Security-Policy stays strict. It colours the
header (white text on it) and, in the light scheme, links and focus outlines; the
loader has already refused a colour that fails WCAG AA there. In the dark scheme links
and focus outlines keep the site's own colours, which are tested on the dark background.
Without an identity nothing here is written and the site keeps its neutral look.
"""

from __future__ import annotations

from pathlib import Path

from ..data import Identity
from ..pages.escape import plain_html

CSS_NAME = "assets/stylesheets/wres-identity.css"
LOGO_NAME = "assets/images/logo"  # + the logo's own suffix, .svg or .png


def logo_name(identity: Identity) -> str | None:
    path = identity.logo_path
    return f"{LOGO_NAME}{path.suffix.lower()}" if path is not None else None


def stylesheet(colour: str) -> str:
    """CSS custom properties for Material: the header in the accent colour with white text, links in it on white."""
    colour = colour.upper()
    return (
        "/* Made by wres from identity.accent_colour in wres.yaml, checked for WCAG AA contrast. */\n"
        "body[data-md-color-primary] {\n"
        f"  --md-primary-fg-color: {colour};\n"
        f"  --md-primary-fg-color--light: {colour};\n"
        f"  --md-primary-fg-color--dark: {colour};\n"
        "  --md-primary-bg-color: #FFFFFF;\n"
        "  --md-primary-bg-color--light: #FFFFFF;\n"
        "}\n"
        "\n"
        "/* Links and focus outlines in the light scheme; the dark scheme keeps its own tested colours. */\n"
        'body[data-md-color-scheme="default"][data-md-color-primary] {\n'
        f"  --md-typeset-a-color: {colour};\n"
        f"  --md-accent-fg-color: {colour};\n"
        "}\n"
    )


def files(identity: Identity | None) -> dict[str, Path | bytes]:
    """What the identity adds to the site: the logo (copied) and the colour stylesheet (generated)."""
    if identity is None:
        return {}
    out: dict[str, Path | bytes] = {}
    name = logo_name(identity)
    if name is not None and identity.logo_path is not None:
        out[name] = identity.logo_path
    if identity.accent_colour:
        out[CSS_NAME] = stylesheet(identity.accent_colour).encode("utf-8")
    return out


def configure(config: dict, identity: Identity | None) -> dict:
    """The MkDocs configuration with the logo and the colour stylesheet, when the trust gives them."""
    if identity is None:
        return config
    name = logo_name(identity)
    if name is not None:
        config["theme"]["logo"] = name
        # the theme prints it as it is (theme/partials/logo.html): escaped here, once
        config["extra"]["wres_logo_alt"] = plain_html(identity.logo_alt or "")
    if identity.accent_colour:
        config["extra_css"] = [*config["extra_css"], CSS_NAME]
    return config
