"""The trust's identity in data/organisation.yaml: a logo with alt text, and an accent colour that passes WCAG AA where it is used."""

from __future__ import annotations

import pytest

from generator.data import DataError, load_dataset
from generator.data.identity import LOGO_MAX_BYTES, contrast

from .conftest import ORGANISATION, write_data

LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>T</title><rect width="10" height="10"/></svg>\n'


def load(tmp_path, identity: str, files: dict[str, bytes] | None = None):
    folder = write_data(tmp_path / "data", {2024: "year: 2024\n"}, ORGANISATION + "identity:\n" + identity)
    for name, data in (files or {}).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return load_dataset(folder)


def problems(tmp_path, identity: str, files: dict[str, bytes] | None = None) -> list[str]:
    with pytest.raises(DataError) as caught:
        load(tmp_path, identity, files)
    return [str(p).replace(str(tmp_path / "data") + "/", "") for p in caught.value.problems]


def test_wcag_contrast_matches_known_values():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21)
    assert contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)
    assert contrast("#FFB81C", "#FFFFFF") == pytest.approx(1.73, abs=0.01)


def test_a_passing_identity_is_read_with_the_logo_path(tmp_path):
    dataset = load(tmp_path, '  logo: logo.svg\n  logo_alt: "Test Hospitals"\n  accent_colour: "#005EB8"\n', {"logo.svg": LOGO.encode()})
    identity = dataset.organisation.identity
    assert identity.accent_colour == "#005EB8"
    assert identity.logo_alt == "Test Hospitals"
    assert identity.logo_path == (tmp_path / "data" / "logo.svg").resolve()


def test_no_identity_is_the_neutral_look(tmp_path):
    dataset = load_dataset(write_data(tmp_path / "data", {2024: "year: 2024\n"}))
    assert dataset.organisation.identity is None


def test_a_failing_colour_names_each_contrast_and_by_how_much(tmp_path):
    assert problems(tmp_path, '  accent_colour: "#FFB81C"\n') == [
        'organisation.yaml:4: identity.accent_colour: "#FFB81C" fails WCAG AA: white header text on it has contrast 1.7:1 '
        "(needs 4.5:1); as link text on the white page 1.7:1 (needs 4.5:1). Choose a darker shade"]


def test_a_colour_just_short_is_never_rounded_up_to_pass(tmp_path):
    assert "contrast 4.4:1 (needs 4.5:1)" in problems(tmp_path, '  accent_colour: "#777777"\n')[0]


def test_a_colour_written_another_way_or_unquoted(tmp_path):
    assert problems(tmp_path, '  accent_colour: "blue"\n') == [
        'organisation.yaml:4: identity.accent_colour: "blue" is not a colour written #RRGGBB, e.g. "#005EB8"']
    assert problems(tmp_path, "  accent_colour: #005EB8\n") == [
        'organisation.yaml:4: identity.accent_colour: is empty: write the colour in quotes, e.g. accent_colour: "#005EB8" '
        "(without quotes, # starts a comment)"]


def test_missing_logo_file(tmp_path):
    assert problems(tmp_path, '  logo: content/logo.svg\n  logo_alt: "Test"\n') == [
        'organisation.yaml:4: identity.logo: "content/logo.svg" does not exist in the project folder (data); check the path and the spelling']


def test_logo_needs_alt_text(tmp_path):
    assert problems(tmp_path, "  logo: logo.svg\n", {"logo.svg": LOGO.encode()}) == [
        'organisation.yaml:4: identity.logo: needs logo_alt: the text read out in place of the logo, '
        'e.g. logo_alt: "Kingsmere Hospitals NHS Foundation Trust"']
    assert problems(tmp_path, '  logo: logo.svg\n  logo_alt: ""\n', {"logo.svg": LOGO.encode()}) == [
        "organisation.yaml:5: identity.logo_alt: must not be empty"]


def test_wrong_file_type_and_disguised_files(tmp_path):
    assert problems(tmp_path, '  logo: logo.jpg\n  logo_alt: "T"\n', {"logo.jpg": b"\xff\xd8\xff"}) == [
        'organisation.yaml:4: identity.logo: "logo.jpg" is not an .svg or .png file; save the logo as SVG (best) or PNG']
    assert problems(tmp_path, '  logo: logo.png\n  logo_alt: "T"\n', {"logo.png": LOGO.encode()}) == [
        'organisation.yaml:4: identity.logo: "logo.png" is named .png but is not a PNG image; export it again as PNG']
    assert problems(tmp_path, '  logo: logo.svg\n  logo_alt: "T"\n', {"logo.svg": b"just text"}) == [
        'organisation.yaml:4: identity.logo: "logo.svg" is named .svg but has no <svg> element; export it again as SVG']


def test_too_big_and_outside_the_folder(tmp_path):
    big = LOGO.encode() + b" " * LOGO_MAX_BYTES
    assert "a logo can be at most 512 KB" in problems(tmp_path, '  logo: logo.svg\n  logo_alt: "T"\n', {"logo.svg": big})[0]
    (tmp_path / "elsewhere.svg").write_text(LOGO, encoding="utf-8")
    assert problems(tmp_path, '  logo: ../elsewhere.svg\n  logo_alt: "T"\n')[0].endswith(
        '"../elsewhere.svg" is outside the project folder; put the logo in it (e.g. content/logo.svg) and give its path from there')


@pytest.mark.parametrize("payload", [
    "<script>alert(1)</script>", '<rect onload="alert(1)"/>', '<a href="javascript:alert(1)"><rect/></a>',
    '<image href="https://evil.example/x.png"/>', "<foreignObject><p>x</p></foreignObject>",
])
def test_an_svg_logo_must_be_a_picture_only(tmp_path, payload):
    svg = LOGO.replace("<rect", payload + "<rect", 1).encode()
    assert "a logo must be a picture only" in problems(tmp_path, '  logo: logo.svg\n  logo_alt: "T"\n', {"logo.svg": svg})[0]


def test_alt_text_without_a_logo_and_unknown_key(tmp_path):
    assert problems(tmp_path, '  logo_alt: "T"\n  colour: "#005EB8"\n') == [
        "organisation.yaml:4: identity.logo_alt: there is no logo to describe: add logo (the path of an .svg or .png), or remove logo_alt",
        "organisation.yaml:5: identity.colour: unknown key 'colour'; did you mean 'accent_colour'?",
    ]


def site_config(tmp_path):
    """The MkDocs configuration of the bare data folder in ``tmp_path / "data"``, as the wres plugin leaves it."""
    from generator.data import Project
    from generator.site.build import mkdocs_config

    with mkdocs_config(Project.bare(tmp_path / "data"), tmp_path / "work") as config:
        config.plugins.on_startup(command="serve", dirty=False)  # the preview's: no PDF to make
        return config.plugins.on_config(config)


def test_the_site_gets_the_logo_and_a_colour_stylesheet_never_an_inline_style(tmp_path):
    from generator.site import identity as site_identity

    dataset = load(tmp_path, '  logo: logo.svg\n  logo_alt: "Test <Hospitals>"\n  accent_colour: "#005eb8"\n', {"logo.svg": LOGO.encode()})
    org = dataset.organisation
    config = site_config(tmp_path)
    assert config.theme["logo"] == "assets/images/logo.svg"
    assert config.extra["wres"]["logo_alt"] == "Test &lt;Hospitals&gt;"
    assert config.extra["wres"]["stylesheets"] == ["assets/stylesheets/wres.css", "assets/stylesheets/wres-identity.css"]
    files = site_identity.files(org.identity)
    assert files["assets/images/logo.svg"] == (tmp_path / "data" / "logo.svg").resolve()
    css = files["assets/stylesheets/wres-identity.css"].decode()
    assert "--md-primary-fg-color: #005EB8;" in css and "--md-typeset-a-color: #005EB8;" in css
    # the dark scheme's links keep their own colour: the accent is set for links in the light scheme only
    assert css.count("--md-typeset-a-color") == 1 and 'data-md-color-scheme="default"' in css


def test_without_identity_the_site_keeps_its_neutral_look(tmp_path):
    from generator.site import identity as site_identity

    load_dataset(write_data(tmp_path / "data", {2024: "year: 2024\n"}))
    config = site_config(tmp_path)
    assert not config.theme.get("logo") and config.theme["icon"]["logo"] == "material/chart-line"
    assert config.extra["wres"]["stylesheets"] == ["assets/stylesheets/wres.css"]
    assert config.extra["wres"]["logo_alt"] == ""
    assert site_identity.files(None) == {}


def test_a_colour_only_identity_keeps_the_neutral_icon(tmp_path):
    load(tmp_path, '  accent_colour: "#00703C"\n')
    config = site_config(tmp_path)
    assert not config.theme.get("logo")
    assert config.extra["wres"]["stylesheets"][-1] == "assets/stylesheets/wres-identity.css"
