"""The MkDocs configuration of a trust's site, made from its project (no mkdocs.yml to keep).

Everything MkDocs needs that is not the trust's own (the theme overrides, the hooks,
the Markdown extensions, the validation rules) ships inside this package, so a
project folder holds only what the trust wrote, and one trust's settings never reach
another trust's site.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..data import Organisation
from ..pages.escape import plain_html
from . import identity
from .worker import MARKDOWN_EXTENSIONS

EXTENSION_OPTIONS = {"toc": {"permalink": False}}  # the extensions' settings, by name

HERE = Path(__file__).parent
THEME_DIR = HERE / "theme"
HOOKS = HERE / "mkdocs_hooks.py"


# The policy the site works under: no inline script, no eval, nothing from another host. The built pages carry it
# in a <meta> tag; hosts that can send headers should send it too (README: "Content-Security-Policy").
CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'"


def mkdocs_config(organisation: Organisation, docs_dir: Path, site_dir: Path, watch: list[Path] = ()) -> dict:
    """The MkDocs configuration as a dict (written as YAML for ``mkdocs``; JSON is valid YAML)."""
    site = organisation.site
    palette = [
        {"media": "(prefers-color-scheme: light)", "scheme": "default", "primary": "indigo", "accent": "indigo",
         "toggle": {"icon": "material/weather-night", "name": "Switch to dark colours"}},
        {"media": "(prefers-color-scheme: dark)", "scheme": "slate", "primary": "indigo", "accent": "indigo",
         "toggle": {"icon": "material/weather-sunny", "name": "Switch to light colours"}},
    ]
    config = {
        "site_name": plain_html(organisation.site_name),
        "site_description": plain_html(site.description) if site.description else "Workforce Race Equality Standard reports, every indicator and every year.",
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        "use_directory_urls": True,
        "theme": {
            "name": "material", "custom_dir": str(THEME_DIR), "language": "en",
            "font": False,  # no web fonts from another host: the system font stack
            "icon": {"logo": "material/chart-line"},
            "palette": palette,
            "features": ["navigation.sections", "navigation.top", "navigation.footer", "toc.follow", "search.highlight"],
        },
        "extra_css": ["assets/stylesheets/wres.css"],
        # the preview (watch given) carries the policy too: its live reload is a script file (theme/main.html)
        "extra": {"generator": False, "wres_csp": CSP, **({"wres_preview": True} if watch else {})},
        "hooks": [str(HOOKS)],
        "plugins": ["search"],
        "markdown_extensions": [{name: EXTENSION_OPTIONS[name]} if name in EXTENSION_OPTIONS else name for name in MARKDOWN_EXTENSIONS],
        "validation": {
            "nav": {"omitted_files": "warn", "not_found": "warn"},
            "links": {"not_found": "warn", "absolute_links": "warn", "unrecognized_links": "warn", "anchors": "warn"},
        },
        # One page per indicator narrows the current action plan without JavaScript; linked from the plan, not the menu.
        "not_in_nav": "/action-plan/indicator-*.md\n",
    }
    identity.configure(config, organisation.identity)
    if site.url:
        config["site_url"] = site.url
    if watch:
        config["watch"] = [str(path) for path in watch]
    return config


def write_config(organisation: Organisation, folder: Path, docs_dir: Path, site_dir: Path, watch: list[Path] = ()) -> Path:
    """Write ``mkdocs.yml`` into ``folder`` (only when its bytes change) and return its path."""
    path = folder / "mkdocs.yml"
    text = "# Made by wres from the project's wres.yaml on every build; edit wres.yaml, not this file.\n"
    text += json.dumps(mkdocs_config(organisation, docs_dir, site_dir, watch), indent=1, ensure_ascii=False) + "\n"
    folder.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path
