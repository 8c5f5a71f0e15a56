"""An SVG logo is a picture only: what a regex missed (issue 18, attack 6) is refused, naming what to remove.

The logo is published as it is at the site's own address and drawn into the PDF, so each trick
below would run script there or fetch something from elsewhere. ``wres check`` must refuse each
with the file's line and words a comms officer can pass to the designer. And whatever reaches
the PDF, WeasyPrint fetches nothing: no request leaves the build, no file from outside is embedded.
"""

from __future__ import annotations

import base64
import http.server
import threading
from pathlib import Path

import pytest

from generator.data import DataError, Project, load_project
from generator.pages.report import ReportDocument
from generator.site import pdf

from .site_helpers import EXAMPLE, copy_data
from .test_pdf import pdf_text

OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">'
PICTURE = '<title>Logo</title><rect width="10" height="10" fill="#005EB8"/>'
WITHIN = " (only links within the logo, #id, are allowed)"
REMOVE = ": a logo must be a picture only, so ask the designer to remove it, or export the logo again as plain SVG"


def svg(inner: str, *, before: str = "", opening: str = OPEN) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{before}{opening}{PICTURE}{inner}</svg>\n'.encode()


def logo_problems(tmp_path, logo: bytes) -> list[str]:
    project = copy_data(tmp_path / "project").parent
    (project / "content" / "logo.svg").write_bytes(logo)
    with pytest.raises(DataError) as caught:
        load_project(Project.folder(project))
    return [str(p).split("organisation.yaml:", 1)[1] for p in caught.value.problems]


def only(tmp_path, logo: bytes) -> str:
    """The one problem, without its line: the logo's field and the message (the line is that of 'logo:')."""
    found = logo_problems(tmp_path, logo)
    assert len(found) == 1, found
    line = next(i for i, text in enumerate((EXAMPLE / "data" / "organisation.yaml").read_text(encoding="utf-8").splitlines(), 1)
                if text.strip().startswith("logo:"))
    assert found[0].startswith(f"{line}: identity.logo: "), found
    return found[0].split("identity.logo: ", 1)[1]


@pytest.mark.parametrize(("inner", "what"), [
    # a prefix bound to the SVG namespace is still the SVG script element
    ('<s:script xmlns:s="http://www.w3.org/2000/svg">alert(1)</s:script>', "the element <script>, a script (it runs code)"),
    ('<svg:foreignObject xmlns:svg="http://www.w3.org/2000/svg"><p xmlns="http://www.w3.org/1999/xhtml">x</p>'
     "</svg:foreignObject>", "the element <foreignObject>, HTML inside the picture"),
    # an HTML script in the XHTML namespace runs in an SVG document too
    ('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>',
     "the element <script (in the namespace http://www.w3.org/1999/xhtml)>, a script (it runs code)"),
    ('<use href="&#106;avascript:alert(1)"/>', 'the attribute href on <use>, a link to "javascript:alert(1)"' + WITHIN),
    ('<use xlink:href="&#x68;ttp://127.0.0.1/x.svg#a"/>', 'the attribute xlink:href on <use>, a link to "http://127.0.0.1/x.svg#a"' + WITHIN),
    ('<use href="http://evil.example/sprite.svg#logo"/>', 'the attribute href on <use>, a link to "http://evil.example/sprite.svg#logo"' + WITHIN),
    ('<image xlink:href="file:///etc/passwd" width="10" height="10"/>', "the element <image>, not part of a plain picture"),
    ('<a href="https://evil.example/"><rect width="1" height="1"/></a>', "the element <a>, not part of a plain picture"),
    ('<set attributeName="href" to="javascript:alert(1)"/>', "the element <set>, not part of a plain picture"),
    # an event handler spelt with a namespace prefix, and with the SVG namespace's own prefix
    ('<rect xmlns:ev="http://www.w3.org/2001/xml-events" ev:onload="alert(1)" width="1" height="1"/>',
     "the attribute onload (in the namespace http://www.w3.org/2001/xml-events) on <rect>, an event handler (it runs code)"),
    ('<svg:rect xmlns:svg="http://www.w3.org/2000/svg" svg:onload="alert(1)" width="1" height="1"/>',
     "the attribute onload on <rect>, an event handler (it runs code)"),
    ('<rect onload="alert(1)" width="1" height="1"/>', "the attribute onload on <rect>, an event handler (it runs code)"),
    ('<rect fill="url(http://evil.example/p.svg#g)" width="1" height="1"/>',
     "the attribute fill on <rect>, which holds url(http://evil.example/p.svg#g), a link to another file or address"),
    ('<rect style="fill: \\75 rl(https://evil.example/t.png)" width="1" height="1"/>',
     "the attribute style on <rect>, which holds url(https://evil.example/t.png), a link to another file or address"),
    ("<style>@import url(https://evil.example/s.css);</style>", "a <style> element that holds a CSS @import rule"),
])
def test_each_trick_is_refused_naming_what_to_remove(tmp_path, inner, what):
    assert only(tmp_path, svg(inner)) == f'"content/logo.svg" has {what}{REMOVE}'


def test_a_stylesheet_instruction_is_refused(tmp_path):
    logo = svg("", before='<?xml-stylesheet href="https://evil.example/s.css"?>\n')
    assert only(tmp_path, logo) == f'"content/logo.svg" has <?xml-stylesheet ...?> at the top (it loads another file){REMOVE}'


def test_a_doctype_is_refused(tmp_path):
    logo = svg("", before='<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n')
    assert only(tmp_path, logo) == ('"content/logo.svg" starts with a <!DOCTYPE ...> declaration, which can load other files; '
                                    "delete it (a logo does not need one), or export the logo again as plain SVG")


def test_an_entity_is_refused_not_expanded(tmp_path):
    logo = svg("<text>&x;</text>", before='<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n')
    assert only(tmp_path, logo) == ('"content/logo.svg" declares entities (<!ENTITY ...>), which can hide a script or a link; '
                                    "delete the <!DOCTYPE ...> block at the top, or export the logo again as plain SVG")


def test_every_problem_is_named_at_once(tmp_path):
    message = only(tmp_path, svg('<script>1</script><rect onclick="x()" width="1" height="1"/>'))
    assert message == ('"content/logo.svg" has the element <script>, a script (it runs code); the attribute onclick on <rect>, '
                       "an event handler (it runs code): a logo must be a picture only, so ask the designer to remove them, "
                       "or export the logo again as plain SVG")


def test_not_svg_or_not_xml(tmp_path):
    assert only(tmp_path / "a", b'<svg viewBox="0 0 1 1"><rect/></svg>') == (
        '"content/logo.svg" is not an SVG picture: it must start with <svg xmlns="http://www.w3.org/2000/svg">; '
        "export the logo again as SVG")
    assert only(tmp_path / "b", svg("<rect>")) == '"content/logo.svg" is not well-formed SVG (XML) at its line 2; export the logo again as SVG'


def test_the_example_logo_and_a_drawing_programs_ordinary_output_pass(tmp_path):
    load_project(Project.folder(EXAMPLE))  # the example's own logo
    project = copy_data(tmp_path / "project").parent
    inkscape = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
                'xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" '
                'xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" viewBox="0 0 10 10" xml:space="preserve">'
                '<sodipodi:namedview inkscape:zoom="1"/><style>.a{fill:#005eb8}</style>'
                '<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient>'
                '<clipPath id="c"><rect width="10" height="10"/></clipPath></defs>'
                '<g inkscape:label="Layer 1" clip-path="url(#c)" data-name="Layer 1">'
                '<path class="a" d="M0 0h10v10z" style="fill:url(&quot;#g&quot;);stroke:rgb(0,0,0)"/>'
                '<use xlink:href="#c" transform="translate(1 1)"/></g></svg>')
    (project / "content" / "logo.svg").write_text(inkscape, encoding="utf-8")
    assert load_project(Project.folder(project)).organisation.identity.logo == "content/logo.svg"


# --- the PDF: WeasyPrint fetches nothing from outside ------------------------------------------------------------


class Recorder(http.server.BaseHTTPRequestHandler):
    """A local server that notes every request (any request at all is a failure) and answers with a small SVG."""

    requests: list[str] = []

    def do_GET(self):  # noqa: N802 - http.server's name
        type(self).requests.append(self.path)
        body = b'<svg xmlns="http://www.w3.org/2000/svg" width="50" height="20"><text y="15">FROM-THE-NETWORK</text></svg>'
        self.send_response(200)
        self.send_header("Content-Type", "image/svg+xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # quiet
        pass


@pytest.fixture
def server():
    Recorder.requests = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def data_svg(inner: str) -> str:
    svg_text = f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="40">{inner}</svg>'
    return "data:image/svg+xml;base64," + base64.b64encode(svg_text.encode()).decode("ascii")


def hostile_report(base: str, outside: Path) -> ReportDocument:
    """A report whose HTML, CSS and inlined SVG image each point at the local server and at files outside."""
    secret = outside.as_uri()
    inlined = data_svg(f'<text x="0" y="20">INSIDE-OK</text><image href="{base}/in-svg" width="50" height="20"/>'
                       f'<image xlink:href="{secret}" width="50" height="20"/><image href="file:///etc/hostname"/>'
                       f'<use href="{base}/use.svg#a"/>')
    html = (f'<!doctype html><html lang="en"><head><title>T</title><link rel="stylesheet" href="{base}/link.css"></head><body>'
            f'<p>Report</p><img src="{base}/img.svg" alt="a"><img src="{secret}" alt="b"><img src="file:///etc/hostname" alt="c">'
            f'<embed src="{secret}"><object data="{base}/object.svg"></object><img src="{inlined}" alt="d"></body></html>')
    css = f"@import url({base}/import.css); body {{ background: url({base}/background.svg) }} p::after {{ content: url({secret}) }}"
    return ReportDocument(year=2024, title="T", html=html, css=css)


def test_the_pdf_fetches_nothing_from_the_network_or_outside_files(tmp_path, server):
    from weasyprint import CSS, HTML

    outside = tmp_path / "outside" / "secret.svg"
    outside.parent.mkdir()
    outside.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="30"><text y="20">OUTSIDE-SECRET</text></svg>',
                       encoding="utf-8")
    document = hostile_report(server, outside)
    # the same document with WeasyPrint's own fetcher: it would call the server and embed the file (the test can fail)
    unguarded = tmp_path / "unguarded.pdf"
    unguarded.write_bytes(HTML(string=document.html).write_pdf(stylesheets=[CSS(string=document.css)]))
    assert Recorder.requests and "OUTSIDE-SECRET" in pdf_text(unguarded)
    Recorder.requests = []

    data, _ = pdf.render(document)
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    assert Recorder.requests == []
    text = pdf_text(path)
    assert "OUTSIDE-SECRET" not in text and "FROM-THE-NETWORK" not in text
    assert "INSIDE-OK" in text and "Report" in text  # the report's own inlined image is still drawn
    hostname = Path("/etc/hostname").read_text(encoding="utf-8").strip() if Path("/etc/hostname").is_file() else ""
    assert not hostname or hostname.encode() not in data
