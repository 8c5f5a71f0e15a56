"""Addresses a trust types are parsed at the edge, and every typed string that reaches MkDocs' own config or
Material's templates is inert there: in <head> (title, description, canonical link), the header, the navigation,
the footer, the logo's alt text, and on 404.html, whose every src and href starts from the site's address.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from generator.data import DataError, Project, load_project
from generator.site.settings import check_project

from .site_helpers import built_once, copy_data
from .test_hostile import markup_problems

ATTACK_URL = 'https://x/"><script>alert(1)</script><x/'  # issue 18, attack 1
# what a typed value would need to break out of each place it lands: an attribute, <title>, a tag
PAYLOAD = '"><script>alert(1)</script></title><script>alert(2)</script><img src=x onerror=alert(3)>javascript:alert(4)'


SITE_KEYS = {"site__name": "site_name", "site__url": "site_url", "site__description": "site_description"}  # in mkdocs.yml


def edit_config(project: Path, **changes) -> None:
    """Set keys of data/organisation.yaml (``identity__logo_alt`` sets logo_alt in the identity block), and of
    mkdocs.yml for the site's name, address and description (``site__url``: site_url)."""
    yaml = YAML()
    for path, keys in ((project / "mkdocs.yml", {SITE_KEYS[k]: v for k, v in changes.items() if k in SITE_KEYS}),
                       (project / "data" / "organisation.yaml", {k: v for k, v in changes.items() if k not in SITE_KEYS})):
        if not keys:
            continue
        doc = yaml.load(path.read_text(encoding="utf-8"))
        for dotted, value in keys.items():
            *blocks, key = dotted.split("__")
            node = doc
            for block in blocks:
                node = node.setdefault(block, {})
            node[key] = value
        with path.open("w", encoding="utf-8") as out:
            yaml.dump(doc, out)


def config_problems(project: Path) -> list[str]:
    """What 'wres check' finds in mkdocs.yml and the data, each starting with its file's name."""
    found = check_project(Project.folder(project))
    try:
        load_project(Project.folder(project))
    except DataError as exc:
        found += exc.problems
    return [re.sub(r"^.*?(mkdocs\.yml|organisation\.yaml)", r"\1", str(p)) for p in found]


def line_of(project: Path, text: str, file: str = "data/organisation.yaml") -> int:
    lines = (project / file).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.lstrip().startswith(text))


def test_the_attack_url_is_refused_by_wres_check_with_its_line(tmp_path):
    project = copy_data(tmp_path / "project").parent
    edit_config(project, site__url=ATTACK_URL)
    result = subprocess.run([sys.executable, "-m", "generator", "check", "--project", str(project)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    line = line_of(project, "site_url:", "mkdocs.yml")
    assert (f'mkdocs.yml:{line}: site_url: "{ATTACK_URL}" has a double quote ("); an address cannot hold it. '
            "Copy the address from the browser's address bar") in result.stderr


@pytest.mark.parametrize(("value", "message"), [
    ("http://wres.example.nhs.uk/", '"http://wres.example.nhs.uk/" starts with http:; the address must start with https://, '
                                    "e.g. https://wres.example.nhs.uk/"),
    ("javascript:alert(1)//", '"javascript:alert(1)//" starts with javascript:; the address must start with https://, '
                              "e.g. https://wres.example.nhs.uk/"),
    ("https://wres.example.nhs.uk", '"https://wres.example.nhs.uk" must end in /: write https://wres.example.nhs.uk/'),
    ("https://a.nhs.uk/x'onmouseover=alert(1)/", "has a quote mark (')"),
    ("https://a.nhs.uk/<x>/", "has an angle bracket (<)"),
    ("https://a.nhs.uk\\@evil.example/", "has a backslash (\\)"),
    ("https://a.nhs.uk/a b/", "has a space"),
    ("https://a.nhs.uk/\u202e/", "has an invisible control character (U+202E)"),
    ("https://a.nhs.uk/\t/", "has white space"),
    ("https://me:secret@a.nhs.uk/", "has a user name or password before the host (the part before @); leave it out"),
    ("https:///wres/", "has no host name after https://"),
    ("https://a.nhs.uk:99999/", "is not a web address"),
    ("https://a.nhs.uk/?utm=1/", "has a ? or # part"),
])
def test_site_url_is_parsed_not_pattern_matched(tmp_path, value, message):
    project = copy_data(tmp_path / "project").parent
    edit_config(project, site__url=value)
    found = config_problems(project)
    assert len(found) == 1, found
    assert found[0].startswith(f"mkdocs.yml:{line_of(project, 'site_url:', 'mkdocs.yml')}: site_url: "), found
    assert message in found[0]


@pytest.mark.parametrize(("field", "value", "message"), [
    ("website", 'https://www.kingsmere.example.nhs.uk/"><script>', 'has a double quote (")'),
    ("website", "http://www.kingsmere.example.nhs.uk", "starts with http:"),
    ("website", "javascript:alert(1)", "starts with javascript:"),
    ("contact_email", "a@b.nhs.uk><script>alert(1)</script>", "has an angle bracket (>)"),
    ("contact_email", '"x y"@b.nhs.uk', 'has a double quote (")'),
    ("contact_email", "equality@kingsmere.nhs.uk?subject=x", "is not an email address such as"),
    ("contact_email", "nobody", "is not an email address such as equality@trust.example.nhs.uk"),
])
def test_every_address_field_is_checked(tmp_path, field, value, message):
    project = copy_data(tmp_path / "project").parent
    edit_config(project, **{field: value})
    found = config_problems(project)
    assert len(found) == 1 and found[0].startswith(f"organisation.yaml:{line_of(project, field + ':')}: {field}: "), found
    assert message in found[0]


@pytest.mark.parametrize("url", ["https://wres.kingsmere.example.nhs.uk/", "https://www.example.nhs.uk/wres/reports/",
                                 "https://example.nhs.uk:8443/a%22b/"])
def test_ordinary_addresses_pass(tmp_path, url):
    project = copy_data(tmp_path / "project").parent
    edit_config(project, site__url=url, website="https://www.kingsmere.example.nhs.uk", contact_email="e.d.i@kingsmere.nhs.uk")
    assert config_problems(project) == []


@pytest.fixture(scope="module")
def site() -> Path:
    return built_once("hostile-urls", _plant)


def _plant(data: Path) -> None:
    """The example with the payload in every typed string MkDocs or Material prints, and an odd but valid address."""
    project = data.parent
    edit_config(project, name="Kingsmere " + PAYLOAD, short_name="Kings " + PAYLOAD,
                site__name="Site " + PAYLOAD, site__description="About " + PAYLOAD,
                site__url="https://wres.example.nhs.uk/a%22b%3Cc/", identity__logo_alt="Logo " + PAYLOAD)
    yaml = YAML()
    year_file = data / "years" / "2024.yaml"
    year = yaml.load(year_file.read_text(encoding="utf-8"))
    year["label"] = "2024 " + PAYLOAD  # navigation titles, page titles, the footer's previous and next
    with year_file.open("w", encoding="utf-8") as out:
        yaml.dump(year, out)
    (project / "content" / "hostile.md").write_text(f"---\ntitle: 'T {PAYLOAD}'\n---\n# H {PAYLOAD}\n\nText.\n", encoding="utf-8")
    (project / "content" / "heading.md").write_text(f"# H {PAYLOAD}\n\nText.\n", encoding="utf-8")
    for published in (data / "published").glob("*.csv"):
        published.unlink()  # the label is on the frozen figures; this test is not about the lifecycle


def pages(site: Path) -> list[Path]:
    found = sorted(site.rglob("*.html"))
    assert site / "404.html" in found
    return found


def test_no_typed_string_is_markup_on_any_page_404_included(site):
    for page in pages(site):
        html = page.read_text(encoding="utf-8")
        name = str(page.relative_to(site))
        assert markup_problems(html) == [], name
        assert not re.search(r"<script>alert|<img src=x|\"><(script|img|x)\b", html), name
        assert not re.search(r"""(href|src|action)\s*=\s*["']?\s*javascript:""", html, re.I), name
        head = re.search(r"<head>(.*?)</head>", html, re.S).group(1)
        assert head.count("</title>") == 1 and head.count("<title>") == 1, name  # nothing typed ends <title> early


def test_head_keeps_the_words_as_text(site):
    home, missing = ((site / name).read_text(encoding="utf-8") for name in ("index.html", "404.html"))
    shown = r'&(#34|quot);&(#62|gt);&(#60|lt);script&(#62|gt);alert\(1\)'  # the payload's start, as text
    assert re.search(r'<meta name="description" content="Kingsmere ' + shown, home)  # the page's own description
    assert re.search(r'<meta name="description" content="About ' + shown, missing)  # site.description
    for html in (home, missing):
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
        assert "<" not in title and re.search("Site " + shown, title)
    assert '<link rel="canonical" href="https://wres.example.nhs.uk/a%22b%3Cc/">' in home


def test_404_keeps_every_address_inside_the_site(site):
    html = (site / "404.html").read_text(encoding="utf-8")
    addresses = re.findall(r'(?:src|href)="([^"]*)"', html)
    assert addresses
    for address in addresses:
        # inside the site, or the trust's own website (linked in the footer; checked as an address when read)
        assert address.startswith(("/a%22b%3Cc/", "#", "https://wres.example.nhs.uk/a%22b%3Cc/")) or \
            address == "https://www.kingsmere.example.nhs.uk", address
