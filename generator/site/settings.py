"""What a WRES site needs of ``mkdocs.yml``, checked (never silently overridden), and what the plugin adds to it.

The trust's ``mkdocs.yml`` is its own: its site name, address, theme, palette, features, nav and
extensions take effect as in any MkDocs project. A few settings the report cannot do without
are checked here, and a ``mkdocs.yml`` that contradicts one is an error that says what to write:

- ``strict: true``: a broken link or any warning stops the build;
- the Material theme, with ``font: false``: nothing is loaded from another host;
- the Markdown extensions the generated pages are written for;
- a ``main.html`` of the trust's own in ``custom_dir`` must extend the site's (``wres_main.html``),
  which carries the Content-Security-Policy, the preview's problem list and the chart script.

What the plugin adds is additive: the site's own template folder after the trust's
``custom_dir`` and before Material's, ``extra.wres`` for those templates, the logo from
``data/organisation.yaml`` (unless ``theme.logo`` is set too: an error) and as the favicon (unless
``theme.favicon`` names one), and the names MkDocs
prints without escaping (site name and description, copyright, navigation titles), escaped.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..pages.escape import plain_html

THEME_DIR = Path(__file__).parent / "theme"
# The policy the site works under: no inline script, no eval, nothing from another host. The built pages carry it
# in a <meta> tag; hosts that can send headers should send it too (README: "Content-Security-Policy").
CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'"
# The Markdown extensions the generated pages are written for (mkdocs.yml lists them; the template has them all).
# (generator.pages.table_align: aligned table columns as a class, as the policy refuses the tables' style attributes)
MARKDOWN_EXTENSIONS = ("attr_list", "md_in_html", "tables", "admonition", "sane_lists", "toc", "generator.pages.table_align")
MAIN_TEMPLATE = "wres_main.html"
MATERIAL_FAVICON = "assets/images/favicon.png"  # Material's default (mkdocs_theme.yml): a book


def _line(config: Any, key: str) -> int:
    """The line of ``key`` in mkdocs.yml (the first line where it starts), or 1."""
    path = config.config_file_path
    try:
        text = Path(path).read_text(encoding="utf-8") if path else ""
    except OSError:
        return 1
    match = re.search(rf"^\s*{re.escape(key)}\s*:", text, re.M)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _where(config: Any) -> str:
    from ..data.yamlfile import display_path

    return display_path(Path(config.config_file_path)) if config.config_file_path else "mkdocs.yml"


def check(config: Any, *, serving: bool = False) -> list[str]:
    """What in ``mkdocs.yml`` contradicts what the site needs, as ``mkdocs.yml:line: key: message`` lines.

    ``serving``: MkDocs' preview has put its own local address in ``site_url``, which is not checked then.
    """
    where = _where(config)
    problems = []

    def problem(key: str, message: str) -> None:
        problems.append(f"{where}:{_line(config, key.rsplit('.', 1)[-1])}: {key}: {message}")

    if not config.strict:
        problem("strict", "the WRES site needs 'strict: true', so that a broken link or a warning stops the build "
                          "instead of publishing a faulty page; add it to mkdocs.yml")
    if config.theme.name != "material":
        problem("theme.name", f"the WRES site is made for the Material theme ('name: material'), not '{config.theme.name}'")
    elif config.theme.get("font") is not False:
        problem("theme.font", "the WRES site loads nothing from another host: write 'font: false' under theme "
                              "(Material would load Google Fonts)")
    names = [next(iter(item)) if isinstance(item, dict) else item for item in config.markdown_extensions]
    missing = [name for name in MARKDOWN_EXTENSIONS if name not in names and f"markdown.extensions.{name}" not in names]
    if missing:
        problem("markdown_extensions", "the report's pages need these Markdown extensions: add "
                + ", ".join(missing) + " to markdown_extensions")
    custom = config.theme.custom_dir
    main = Path(custom) / "main.html" if custom else None
    if main is not None and main.is_file() and MAIN_TEMPLATE not in main.read_text(encoding="utf-8", errors="replace"):
        problem("theme.custom_dir", f"{main.name} in {Path(custom).name}/ must start with "
                                    f'{{% extends "{MAIN_TEMPLATE}" %}} (the site\'s own main template), not Material\'s base.html')
    if config.site_url and not serving:  # as MkDocs left it (checked as written by check_project, for 'wres check' and 'wres build')
        from ..data.addresses import web_address_problem

        url_problem = web_address_problem(config.site_url, folder=True)
        if url_problem:
            problem("site_url", url_problem)
    return problems


def check_project(project: Any) -> list[Any]:
    """``wres check``'s look at ``mkdocs.yml``: what MkDocs refuses in it and what the site needs of it, as Problems."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError
    from ..data import Problem
    from ..data.yamlfile import display_path

    if project.mkdocs_file is None:
        return []
    from ..data.yaml_errors import syntax_problem

    where = display_path(project.mkdocs_file)
    if (said := syntax_problem(project.mkdocs_file.read_text(encoding="utf-8", errors="replace"), where)) is not None:
        return [said]
    written = site_url_as_written(project)
    if written:
        return written
    refused = KeptLog(logging.ERROR)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(refused)
    propagate, logger.propagate = logger.propagate, False  # said once, below, as a problem of the file
    try:
        config = load_config(str(project.mkdocs_file))
    except (Abort, ConfigurationError) as exc:
        said = [line for line in refused.lines if "Aborted" not in line] or [str(exc)]
        return [Problem(where, 1, "", f"MkDocs cannot use this file: {line}") for line in said]
    finally:
        logger.removeHandler(refused)
        logger.propagate = propagate
    found = []
    for line in check(config):
        place, key, text = line.split(": ", 2)
        found.append(Problem(where, int(place.rsplit(":", 1)[1]), key, text))
    return found


def site_url_as_written(project: Any) -> list[Any]:
    """``site_url`` checked as written in ``mkdocs.yml`` (MkDocs adds a missing / and words a bad one for programmers)."""
    from mkdocs.utils.yaml import yaml_load

    from ..data import Problem
    from ..data.addresses import web_address_problem
    from ..data.yamlfile import display_path

    if project.mkdocs_file is None:
        return []
    with project.mkdocs_file.open("rb") as file:
        raw = yaml_load(file) or {}
    url = raw.get("site_url") if isinstance(raw, dict) else None
    if not url or not (url_problem := web_address_problem(str(url), folder=True)):
        return []
    text = project.mkdocs_file.read_text(encoding="utf-8")
    match = re.search(r"^\s*site_url\s*:", text, re.M)
    return [Problem(display_path(project.mkdocs_file), text.count("\n", 0, match.start()) + 1 if match else 1, "site_url", url_problem)]


class KeptLog(logging.Handler):
    """MkDocs' log lines at ``level`` and above, kept to show in full (it logs why it refuses, then raises a bare Abort)."""

    def __init__(self, level: int = logging.ERROR) -> None:
        super().__init__(level)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def message(problems: list[str]) -> str:
    noun = "problem" if len(problems) == 1 else "problems"
    return "\n".join([*problems, f"{len(problems)} {noun} found in mkdocs.yml. Nothing was written; fix the lines above and run again."])


def clash_message(paths: list[str]) -> str:
    lines = [f"content/{path}: this page has the same path as a page the report makes ({path}); rename yours, or, if it "
             f"is meant to replace the report's, list it under the wres plugin in mkdocs.yml: replace: [{path}]" for path in paths]
    return message(lines).replace("found in mkdocs.yml", "found")


def apply(config: Any, generated: Any, problems: list[str], *, serving: bool = False) -> None:
    """Add what the site needs to the loaded configuration (additive only; ``check`` has refused contradictions)."""
    # HTML from here on, marked as such (Markup): Jinja's `| e`, which Material uses in a few places, leaves it as it is
    config.site_name = Markup(plain_html(config.site_name))
    if config.site_description:
        config.site_description = plain_html(config.site_description)
    config.copyright = generated.copyright(config.copyright)
    if config.nav is not None:
        config.nav = _escaped(config.nav)
    dirs = config.theme.dirs
    if str(THEME_DIR) not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
    if generated.logo:
        if config.theme.get("logo") and config.theme["logo"] != generated.logo:
            from mkdocs.exceptions import PluginError

            raise PluginError(message([f"{_where(config)}:{_line(config, 'logo')}: theme.logo: the logo is set in "
                                       "data/organisation.yaml (identity.logo); remove theme.logo from mkdocs.yml"]))
        config.theme["logo"] = generated.logo
        # the tab's icon is the trust's logo unless mkdocs.yml names one (Material's own book counts as none)
        if config.theme.get("favicon") in (None, "", MATERIAL_FAVICON):
            config.theme["favicon"] = generated.logo
    # the preview carries the policy too: its live reload is a file (theme/assets/javascripts/wres-livereload.js), and
    # MkDocs' inline reload script, which the policy refuses, does nothing more
    config.extra["wres"] = {**generated.theme_extra(), "csp": CSP, "problems": problems, "preview": serving,
                            "warnings": list(generated.warnings) if serving else []}


def _escaped(nav: Any) -> Any:
    if isinstance(nav, list):
        return [_escaped(item) for item in nav]
    if isinstance(nav, dict):
        return {plain_html(title): _escaped(value) for title, value in nav.items()}
    return nav
