"""Is an SVG logo a picture only? Parsed as XML, then every element, attribute, link and style checked against allow-lists.

The logo is published as it is, at the site's own address, and drawn into the PDF, so
anything active in it (a script, an event handler, HTML inside ``foreignObject``, a link or
a style that fetches another address) would run or load there. Pattern-matching the text
misses what an XML parser sees (``svg:script``, ``&#106;avascript:``), so the file is
parsed with defusedxml, the maintained hardening of Python's own parser: a DOCTYPE,
entity declarations and external references are refused outright rather than resolved
(no billion laughs, no local file read through an entity). Elements and attributes are
compared by namespace URI and local name, so a prefix changes nothing. Style text and
presentation attributes are read with tinycss2 (WeasyPrint's own CSS parser), so an
escaped ``\\75 rl(`` is still a ``url(``. The file is refused, never rewritten: the message
names what to remove, for the comms officer to pass to the designer.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element, ParseError, TreeBuilder

import tinycss2
from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import DefusedXMLParser

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"
# What drawing programs write about the drawing (layer names, licence): no browser or PDF engine acts on it.
EDITOR_NAMESPACES = frozenset({
    "http://www.inkscape.org/namespaces/inkscape", "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://creativecommons.org/ns#", "http://purl.org/dc/elements/1.1/",
})

# The elements of a static picture. Not: script, foreignObject, a, image, feImage, animate/set (they can set an
# href to javascript:), iframe, audio, video, switch, cursor, font-face-uri.
ELEMENTS = frozenset("""
svg g defs symbol use title desc metadata style path rect circle ellipse line polyline polygon text tspan textPath
linearGradient radialGradient stop pattern clipPath mask marker filter feBlend feColorMatrix feComponentTransfer
feComposite feConvolveMatrix feDiffuseLighting feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB
feFuncG feFuncR feGaussianBlur feMerge feMergeNode feMorphology feOffset fePointLight feSpecularLighting feSpotLight
feTile feTurbulence
""".split())

# Presentation attributes: their values are CSS, checked like a style (they may hold url(...)).
PRESENTATION = frozenset("""
fill fill-opacity fill-rule stroke stroke-width stroke-linecap stroke-linejoin stroke-miterlimit stroke-dasharray
stroke-dashoffset stroke-opacity opacity color display visibility overflow clip clip-path clip-rule mask filter
marker-start marker-mid marker-end stop-color stop-opacity flood-color flood-opacity lighting-color font font-family
font-size font-weight font-style font-variant font-stretch font-size-adjust letter-spacing word-spacing text-anchor
text-decoration dominant-baseline alignment-baseline baseline-shift writing-mode direction unicode-bidi shape-rendering
text-rendering image-rendering color-interpolation color-interpolation-filters color-rendering paint-order
vector-effect mix-blend-mode isolation transform transform-origin enable-background style
""".split())
# Geometry, structure and accessibility: plain values, nothing fetched.
PLAIN = frozenset("""
id class lang tabindex role focusable version baseProfile viewBox preserveAspectRatio width height x y x1 y1 x2 y2
cx cy r rx ry fx fy fr d points pathLength gradientUnits gradientTransform spreadMethod offset patternUnits
patternContentUnits patternTransform clipPathUnits maskUnits maskContentUnits markerUnits markerWidth markerHeight
refX refY orient dx dy rotate textLength lengthAdjust startOffset method spacing side filterUnits primitiveUnits
in in2 result stdDeviation mode type values operator k1 k2 k3 k4 tableValues slope intercept amplitude exponent
radius baseFrequency numOctaves seed stitchTiles scale xChannelSelector yChannelSelector order kernelMatrix divisor
bias targetX targetY edgeMode preserveAlpha surfaceScale diffuseConstant specularConstant specularExponent
kernelUnitLength azimuth elevation z pointsAtX pointsAtY pointsAtZ limitingConeAngle media
aria-label aria-labelledby aria-describedby aria-hidden aria-roledescription
""".split())
HREF = "href"
# CSS functions a picture's style may use; url() only as url(#id), within the file.
CSS_FUNCTIONS = frozenset("""
url rgb rgba hsl hsla hwb lab lch oklab oklch color calc min max clamp var translate translatex translatey scale
scalex scaley rotate skewx skewy matrix
""".split())

PREFIXES = {SVG: "", XLINK: "xlink:", XML: "xml:"}


def _name(qualified: str) -> tuple[str | None, str]:
    """``{uri}local`` as (uri, local); no namespace is (None, local)."""
    if qualified.startswith("{"):
        uri, local = qualified[1:].split("}", 1)
        return uri, local
    return None, qualified


def _shown(qualified: str) -> str:
    """A name as the designer sees it in the file: the usual prefix, or the namespace spelt out."""
    uri, local = _name(qualified)
    if uri is None or uri in PREFIXES:
        return PREFIXES.get(uri, "") + local
    return f"{local} (in the namespace {uri})"


class _Builder(TreeBuilder):
    """The tree, and every processing instruction (``<?xml-stylesheet href=...?>`` would load a stylesheet)."""

    def __init__(self) -> None:
        super().__init__()
        self.instructions: list[str] = []

    def pi(self, target: str, data: str | None = None) -> None:
        self.instructions.append(target)


def _parse(data: bytes) -> tuple[Element | None, list[str], str | None]:
    builder = _Builder()
    parser = DefusedXMLParser(target=builder, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    try:
        parser.feed(data)
        return parser.close(), builder.instructions, None
    except (DTDForbidden, EntitiesForbidden):
        if b"<!ENTITY" in data:
            return None, [], ("declares entities (<!ENTITY ...>), which can hide a script or a link; "
                              "delete the <!DOCTYPE ...> block at the top, or export the logo again as plain SVG")
        return None, [], ("starts with a <!DOCTYPE ...> declaration, which can load other files; delete it "
                          "(a logo does not need one), or export the logo again as plain SVG")
    except ExternalReferenceForbidden:
        return None, [], "refers to another file in its declarations; export the logo again as plain SVG"
    except ParseError as exc:
        line = exc.position[0] if exc.position else 1
        return None, [], f"is not well-formed SVG (XML) at its line {line}; export the logo again as SVG"


def _css_problem(tokens: list) -> str | None:
    """What in these CSS tokens would fetch or run something, or None."""
    for token in tokens:
        kind = getattr(token, "type", "")
        if kind == "at-rule":
            return f"a CSS @{token.lower_at_keyword} rule"
        if kind == "url" and not token.value.startswith("#"):
            return f"url({token.value}), a link to another file or address"
        if kind == "function":
            if token.lower_name not in CSS_FUNCTIONS:
                return f"the CSS function {token.name}()"
            if token.lower_name == "url":
                inner = [t for t in token.arguments if t.type not in ("whitespace", "comment")]
                if len(inner) != 1 or inner[0].type != "string" or not inner[0].value.startswith("#"):
                    return f"{tinycss2.serialize([token])}, a link to another file or address"
        if kind == "error":
            return f"CSS that cannot be read ({token.message})"
        for inner_name in ("content", "prelude", "value", "arguments"):
            inner = getattr(token, inner_name, None)
            if isinstance(inner, list) and (problem := _css_problem(inner)):
                return problem
    return None


def _style_problem(text: str, *, sheet: bool) -> str | None:
    if sheet:
        return _css_problem(tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True))
    return _css_problem(tinycss2.parse_component_value_list(text, skip_comments=True))


def _attribute_problem(element: str, qualified: str, value: str) -> str | None:
    uri, local = _name(qualified)
    if uri in EDITOR_NAMESPACES or (uri == XML and local in ("space", "lang")):
        return None
    where = f"the attribute {_shown(qualified)} on <{element}>"
    if uri in (None, XLINK) and local == HREF:
        if value.startswith("#") and value[1:] and not any(c.isspace() for c in value):
            return None
        return f'{where}, a link to "{value}" (only links within the logo, #id, are allowed)'
    if uri is not None or not (local in PLAIN or local in PRESENTATION or local.startswith("data-")):
        if local.lower().startswith("on"):
            return f"{where}, an event handler (it runs code)"
        return f"{where}, which a plain picture does not have"
    if local in PRESENTATION and (problem := _style_problem(value, sheet=False)):
        return f"{where}, which holds {problem}"
    return None


def _problems(root: Element, instructions: list[str]) -> list[str]:
    found = [f"<?{target} ...?> at the top (it loads another file)" for target in instructions]

    def walk(element: Element) -> None:
        uri, local = _name(element.tag)
        if uri in EDITOR_NAMESPACES:
            return
        if uri != SVG or local not in ELEMENTS:  # named once: what is inside it goes with it
            kind = ("a script (it runs code)" if local.lower() == "script"
                    else "HTML inside the picture" if local == "foreignObject" else "not part of a plain picture")
            found.append(f"the element <{_shown(element.tag)}>, {kind}")
            return
        for qualified, value in element.attrib.items():
            if (problem := _attribute_problem(local, qualified, value)) is not None:
                found.append(problem)
        if local == "style" and (problem := _style_problem("".join(element.itertext()), sheet=True)):
            found.append(f"a <style> element that holds {problem}")
        for child in element:
            walk(child)

    walk(root)
    return list(dict.fromkeys(found))  # each once, in the file's order


def svg_problem(data: bytes) -> str | None:
    """Why this SVG cannot be the logo, in words to pass to a designer (what to remove), or None."""
    if b"<svg" not in data:  # not a drawing at all: say so before any XML detail
        return "is named .svg but has no <svg> element; export it again as SVG"
    root, instructions, problem = _parse(data)
    if problem is not None:
        return problem
    if root is None or _name(root.tag) != (SVG, "svg"):
        return ('is not an SVG picture: it must start with <svg xmlns="http://www.w3.org/2000/svg">; '
                "export the logo again as SVG")
    found = _problems(root, instructions)
    if not found:
        return None
    them = "it" if len(found) == 1 else "them"
    return (f"has {'; '.join(found)}: a logo must be a picture only, so ask the designer to remove {them}, "
            "or export the logo again as plain SVG")
