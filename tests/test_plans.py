"""Action plans: validation with lines, overdue at as_of, carry-over, targets, the indicator filter, safety."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from pathlib import Path

import pytest

from generator.data import Action, DataError, Project, Target, load_dataset
from generator.metrics.plans import is_overdue, outcomes, status_counts, target_status
from generator.site import new_year

from .conftest import load_example, write_data
from .site_helpers import build_example, copy_data, example_site, visible_text

PLAN = """\
year: 2024
as_of: 2025-06-30
themes:
  - id: recruitment
    title: Recruitment
actions:
  - id: "1.1"
    theme: recruitment
    action: Train panel members
    indicators: [2]
    due: 2025-03-31
    status: in_progress
"""


def plan_problems(tmp_path: Path, text: str, name: str = "2024.yaml") -> list[str]:
    folder = write_data(tmp_path / "data", {2024: "year: 2024\n"})
    (folder / "action_plans").mkdir()
    (folder / "action_plans" / name).write_text(textwrap.dedent(text))
    with pytest.raises(DataError) as caught:
        load_dataset(folder)
    return [str(p).replace(str(folder) + "/", "") for p in caught.value.problems]


def test_the_example_plan_validates():
    assert [p.year for p in load_example().plans] == [2023, 2024]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ('  - id: "1.1"\n    theme: recruitment\n    action: Another\n    status: complete\n',
         'action_plans/2024.yaml:13: actions[1].id: the id "1.1" is used by another action too; each action needs its own id'),
        ('  - id: "1.2"\n    theme: recruitmnt\n    action: Another\n    status: complete\n',
         "action_plans/2024.yaml:14: actions[1].theme: \"recruitmnt\" is not one of this plan's themes (recruitment); did you mean 'recruitment'?"),
        ('  - id: "1.2"\n    action: Another\n    indicators: [2, 12]\n    status: complete\n',
         "action_plans/2024.yaml:15: actions[1].indicators[1]: must be one of 1, 2, 3, 4, 5, 6, 7, 8 or 9, not 12"),
        ('  - id: "1.2"\n    action: Another\n    status: done\n',
         "action_plans/2024.yaml:15: actions[1].status: must be one of 'not_started', 'in_progress', 'complete', "
         "'delayed' or 'cancelled', not \"done\""),
        ('  - id: "1.2"\n    action: Another\n    due: 2025-02-30\n    status: complete\n',
         "action_plans/2024.yaml:15: actions[1].due: 2025-02-30 is not a real date"),
        ('  - id: "1.2"\n    action: Another\n    status: complete\n    updates:\n      - {date: 2025-03-01, text: b}\n      - {date: 2025-01-10, text: a}\n',
         "action_plans/2024.yaml:18: actions[1].updates[1].date: updates must be oldest first, but 2025-01-10 comes after 2025-03-01"),
        ('  - id: "1.2"\n    action: Another\n    status: complete\n    updates:\n      - {date: 2025-07-01, text: b}\n',
         "action_plans/2024.yaml:17: actions[1].updates[0].date: 2025-07-01 is after as_of (2025-06-30); an update cannot be later than the review date"),
        ('  - id: "1.2"\n    status: complete\n',
         "action_plans/2024.yaml:13: actions[1].action: is required but missing"),
    ],
)
def test_plan_mistakes_are_explained_with_their_line(tmp_path, change, expected):
    assert plan_problems(tmp_path, PLAN + change) == [expected]


def test_an_update_with_an_impossible_date(tmp_path):
    text = PLAN + '    updates:\n      - {date: 2025-02-30, text: x}\n'
    assert plan_problems(tmp_path, text) == ["action_plans/2024.yaml:14: actions[0].updates[0].date: 2025-02-30 is not a real date"]


def test_targets_must_name_a_figure_of_the_metrics_table(tmp_path):
    text = PLAN + "targets:\n  - {indicator: 2, measure: bme_share, value: 20, by: 2026}\n  - {indicator: 9, measure: difference, breakdown: board, value: 0, by: 2026}\n"
    assert plan_problems(tmp_path, text) == [
        'action_plans/2024.yaml:14: targets[0].measure: indicator 2 has no figure called "bme_share"; choose one of: '
        "likelihood_white, likelihood_bme, likelihood_unknown, relative_likelihood",
        'action_plans/2024.yaml:15: targets[1].breakdown: must be voting or executive for difference, not "board"',
    ]


def test_plan_file_name_and_year_and_period(tmp_path):
    text = PLAN.replace("year: 2024", "year: 2023").replace("as_of:", "period: {start: 2024-09-01, end: 2024-01-01}\nas_of:")
    assert plan_problems(tmp_path, text) == [
        "action_plans/2024.yaml:1: year: says 2023 but the file is named 2024.yaml; they must agree",
        "action_plans/2024.yaml:2: period.end: the plan ends (2024-01-01) before it starts (2024-09-01)",
    ]


def action(**fields) -> Action:
    return Action(**{"id": "1", "action": "x", "status": "in_progress", **fields})


@pytest.mark.parametrize(
    ("due", "status", "overdue"),
    [
        (dt.date(2025, 6, 29), "in_progress", True),
        (dt.date(2025, 6, 30), "in_progress", False),  # due on the review date is not yet overdue
        (dt.date(2025, 1, 1), "delayed", True),
        (dt.date(2025, 1, 1), "not_started", True),
        (dt.date(2025, 1, 1), "complete", False),
        (dt.date(2025, 1, 1), "cancelled", False),
        ("Ongoing", "in_progress", False),
    ],
)
def test_overdue_is_judged_at_as_of_never_today(due, status, overdue):
    assert is_overdue(action(due=due, status=status), dt.date(2025, 6, 30)) is overdue


def test_status_counts_include_overdue():
    plan = load_example().plans[-1]
    counts = status_counts(plan)
    assert counts == {"not_started": 1, "in_progress": 4, "complete": 1, "delayed": 1, "cancelled": 0, "overdue": 2}


def test_carry_over_between_plans():
    plans = load_example().plans
    ended = {o.action.id: o for o in outcomes(plans, plans[0])}
    assert ended["1.1"].carried_into == 2024 and ended["1.1"].later_status == "in_progress"
    assert ended["2.2"].words == "Delayed at review; carried into Action plan 2024/25; now complete."
    assert ended["1.3"].words == "Complete; not carried over."
    assert ended["3.2"].carried_into is None


BME_20 = Target(indicator=1, measure="bme_share", value=20.0, by=2026)
RL_125 = Target(indicator=2, measure="relative_likelihood", value=1.25, by=2026)


@pytest.mark.parametrize(
    ("target", "baseline", "latest", "status"),
    [
        # already meeting the target is on track, whatever the line says
        (BME_20, (2022, 16.0), (2024, 21.0), "on_track"),
        (RL_125, (2022, 2.0), (2024, 0.81), "on_track"),
        # the straight line from 16.0 in 2022 to 20.0 in 2026 is at 18.0 in 2024
        (BME_20, (2022, 16.0), (2024, 18.0), "on_track"),
        (BME_20, (2022, 16.0), (2024, 17.9), "not_on_track"),
        # a ratio's line runs on the log scale: from 2.0 to 1.25 it is at sqrt(2.5) = 1.58 half-way
        (RL_125, (2022, 2.0), (2024, 1.58), "on_track"),
        (RL_125, (2022, 2.0), (2024, 1.60), "not_on_track"),
        (RL_125, (2022, 2.0), (2024, 0.60), "not_on_track"),  # below 1 but further from equity than the line
        # lower is better for indicator 8, higher for 7
        (Target(indicator=8, measure="bme", value=12.0, by=2026), (2022, 16.0), (2024, 13.9), "on_track"),
        (Target(indicator=7, measure="bme", value=50.0, by=2026), (2022, 40.0), (2024, 44.0), "not_on_track"),
        # a single point is not enough to judge a trajectory
        (BME_20, (2024, 18.0), (2024, 18.0), "not_enough_data"),
        (BME_20, None, (2024, 18.0), "not_enough_data"),
        # after the target's year: met or missed
        (Target(indicator=1, measure="bme_share", value=20.0, by=2024), (2022, 16.0), (2024, 19.0), "missed"),
        (Target(indicator=1, measure="bme_share", value=20.0, by=2024), (2022, 16.0), (2025, 20.0), "met"),
        (Target(indicator=2, measure="likelihood_white", value=30.0, by=2026), (2022, 25.0), (2024, 31.0), "not_judged"),
        (RL_125, None, None, "no_figure"),
    ],
)
def test_target_status_on_its_trajectory(target, baseline, latest, status):
    assert target_status(target, latest, baseline).status == status


def test_new_year_scaffolds_both_files_and_carries_open_actions(tmp_path):
    data = copy_data(tmp_path / "project")
    year_file, plan_file = new_year(Project.folder(data.parent), 2025)
    dataset = load_example(data.parent)  # the scaffold is valid as it stands
    assert dataset.years[-1].year == 2025 and dataset.years[-1].indicator_2 is None
    for n in range(1, 10):
        assert f"indicator_{n}:" in year_file.read_text()
    assert '"Band 8a": {white: , bme: , unknown: }' in year_file.read_text()
    plan = dataset.plans[-1]
    assert plan.year == 2025
    assert [a.id for a in plan.actions] == ["1.1", "1.2", "1.4", "2.3", "3.1", "3.3"]  # 2.2 was complete
    assert "Carried over from the 2024 plan" in plan_file.read_text()
    assert [t.by for t in plan.targets] == [2026, 2026, 2025, 2025, 2026]
    with pytest.raises(Exception, match="already exist"):
        new_year(Project.folder(data.parent), 2025)


@pytest.fixture(scope="module")
def site():
    return example_site()


def test_plan_pages_are_published(site):
    latest = (site / "action-plan" / "index.html").read_text()
    text = visible_text(latest)
    assert "7 actions: 1 complete, 4 in progress, 1 delayed, 1 not started. 2 are overdue at 30 June 2025" in text
    assert "Overdue at 30 June 2025" in text
    assert "Carried over from Action plan 2023/24" in text
    earlier = visible_text((site / "action-plan" / "2023" / "index.html").read_text())
    assert "Delayed at review; carried into Action plan 2024/25; now complete." in earlier
    assert "Cancelled; not carried over." in earlier


def test_indicator_filter_works_without_javascript(site):
    latest = (site / "action-plan" / "index.html").read_text()
    for n in range(1, 10):
        assert f'href="indicator-{n}/"' in latest
        page = (site / "action-plan" / f"indicator-{n}" / "index.html").read_text()
        ids = set(re.findall(r'<h3 class="wres-editor" id="(action-[^"]+)"', page))
        plan = load_example().plans[-1]
        assert ids == {"action-" + a.id.replace(".", "-") for a in plan.actions if n in a.indicators}


def test_indicator_pages_list_their_actions_and_actions_link_back(site):
    page = (site / "indicators" / "indicator-3" / "index.html").read_text()
    assert 'href="../../action-plan/#action-2-2"' in page
    assert '<h3 class="wres-editor" id="action-2-2"' in (site / "action-plan" / "index.html").read_text()
    plan_page = (site / "action-plan" / "index.html").read_text()
    details = plan_page[plan_page.index('id="action-2-2-details"'):]
    assert '<a href="../indicators/indicator-3/">Indicator 3:' in details[: details.index("</div>")]


def test_targets_on_the_home_page_and_the_charts(site):
    home = visible_text((site / "index.html").read_text())
    assert re.search(r"On track Indicator 9: BME share of voting board members, 25\.0% by 2024/25\. The latest figure, 28\.6% in 2023/24, already reaches the target\.", home)
    # the 2024 plan's own year is its starting point: one figure is not a trajectory
    assert re.search(r"Not enough data yet Indicator 2: relative likelihood .*, 1\.25 by 2025/26\. The only figure so far is the starting point, 1\.68 in 2023/24: not enough data yet to judge progress\.", home)
    plan_2023 = visible_text((site / "action-plan" / "2023" / "index.html").read_text())
    assert re.search(r"On track Indicator 2: relative likelihood .*, 1\.25 by 2025/26\. The latest figure, 1\.68 in 2023/24, is at or beyond where the straight line from 2\.21 in 2022/23 to the target expects 1\.83 by now\.", plan_2023)
    chart = (site / "indicators" / "indicator-2" / "index.html").read_text()
    assert "Target 1.25 by 2025/26 (not enough data yet)" in chart
    assert '"meta":"target"' in chart and '"x":[2026.0]' in chart and '"2023\\u002f24","2025\\u002f26"]' in chart and '"y":[1.25]' in chart


def test_editors_html_never_reaches_the_page(tmp_path):
    data = copy_data(tmp_path / "project")
    plan = data / "action_plans" / "2024.yaml"
    evil = ('Train <script>alert(1)</script> staff <img src=x onerror="alert(2)"> '
            '[a link](https://example.org/) \\[x\\](javascript:alert(3))')
    plan.write_text(plan.read_text().replace("action: Publish anonymised shortlisting data by division every quarter",
                                             f"action: '{evil}'")
                    .replace("text: First cohort of 22 panel members trained.", "text: '<b onmouseover=alert(4)>hi</b>'"))
    year = data / "years" / "2024.yaml"
    year.write_text(year.read_text().replace("summary: >-", "summary: >-\n  <script>alert(5)</script>"))
    site = build_example(tmp_path / "site", data)
    for page in site.rglob("*.html"):
        html = page.read_text()
        assert "<script>alert" not in html, page
        assert not re.search(r"<[a-z]+[^>]*\son[a-z]+=", html), page  # no event handler attribute
        assert not re.search(r"(href|src)=\"?javascript:", html), page
        # the only image is the trust's own logo (identity in wres.yaml)
        assert not re.search(r'<img(?! src="[^"]*assets/images/logo\.svg" alt="Kingsmere Hospitals NHS Foundation Trust">)', html), page
    latest = (site / "action-plan" / "index.html").read_text()
    assert '<a href="https://example.org/" rel="noopener">a link</a>' in latest


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        ("31/07/2025", "'31/07/2025' looks like a date: write it as 2025-07-31 (YYYY-MM-DD) so it can be judged overdue"),
        ("31.07.25", "'31.07.25' looks like a date: write it as 2025-07-31 (YYYY-MM-DD) so it can be judged overdue"),
        ("July 31 2025", "'July 31 2025' looks like a date: write it as 2025-07-31 (YYYY-MM-DD) so it can be judged overdue"),
        ("31st July, 2025", "'31st July, 2025' looks like a date: write it as 2025-07-31 (YYYY-MM-DD) so it can be judged overdue"),
        ("31/02/2025", "'31/02/2025' looks like a date but is not a real one; write dates as YYYY-MM-DD, e.g. 2025-07-31"),
    ],
)
def test_a_due_date_written_another_way_is_an_error_that_shows_how_to_write_it(tmp_path, due, expected):
    problems = plan_problems(tmp_path, PLAN.replace("due: 2025-03-31", f'due: "{due}"'))
    assert problems == [f"action_plans/2024.yaml:11: actions[0].due: {expected}"]


@pytest.mark.parametrize("due", ["Quarterly", "Ongoing", "Q3 2025", "By the end of the year"])
def test_free_text_timescales_stay_allowed_and_are_never_overdue(tmp_path, due):
    folder = write_data(tmp_path / "data", {2024: "year: 2024\n"})
    (folder / "action_plans").mkdir()
    (folder / "action_plans" / "2024.yaml").write_text(PLAN.replace("due: 2025-03-31", f"due: {due}"))
    plan = load_dataset(folder).plans[0]
    assert plan.actions[0].due == due and not is_overdue(plan.actions[0], plan.as_of)


def test_a_free_text_timescale_is_shown_as_not_judged(site):
    page = visible_text((site / "action-plan" / "index.html").read_text())
    assert "Quarterly (a timescale, not a date: not judged for being overdue)" in page


def test_a_target_set_on_the_old_series_is_not_judged_against_the_new(tmp_path):
    """The analyst's case: an indicator 7 target whose baseline (72.2) is on the old survey question, the latest
    figure (45.6) on the new one, was "Not on track"."""
    from generator.data import load_dataset
    from generator.metrics import compute_metrics
    from generator.pages.figures import FigureTable
    from generator.pages.plans import target_view
    from generator.pages.wording import Labels

    from .conftest import write_data

    reason = "The 2022 survey changed the career progression question."
    folder = write_data(tmp_path / "data", {
        2021: "year: 2021\nindicator_7: {white: 80.0, bme: 72.2}\n",
        2022: f"year: 2022\nindicator_7: {{white: 60.0, bme: 45.6, series_break: '{reason}'}}\n"})
    dataset = load_dataset(folder)
    table = FigureTable(compute_metrics(dataset), dataset, Labels.from_terminology(dataset.organisation.terminology))
    target = Target(indicator=7, measure="bme", value=80.0, by=2024)
    view = target_view(target, table, 2021)
    assert view.status.status == "not_comparable"
    assert view.status.word == "Not judged: series break"
    assert view.sentence.endswith(
        "Not judged: its starting point, 72.2% in 2021, is on the old series and the latest figure, 45.6% in 2022, on "
        "the new one, so they measure different things. The 2022 survey changed the career progression question.")
    # without the break, the same figures are judged as before
    assert target_status(target, (2022, 45.6), (2021, 72.2)).status == "not_on_track"
    assert target_status(target, (2022, 45.6), (2021, 72.2), {2022: reason}).series_break == reason


def test_a_plan_has_one_name_everywhere_and_says_why_its_numbers_skip(site):
    """"Action plan 2024/25": in the menu, the plan's heading, the year page, the history and the PDF."""
    latest = (site / "action-plan" / "index.html").read_text()
    assert re.search(r'<h1[^>]*>Action plan 2024/25</h1>', latest)
    year = visible_text((site / "years" / "2024" / "index.html").read_text())
    assert "Action plans Action plan 2024/25 (current) Action plan 2023/24 " in year  # the menu
    assert "Our response: Action plan 2024/25" in year
    text = visible_text(latest)
    for other in ("Current plan", "2023 plan", "2024-25", "WRES action plan"):
        assert other not in text, other
    assert ("Actions keep their number from one plan to the next, so the numbers missing here belong to actions that "
            "ended in an earlier plan: 1.3 (Action plan 2023/24, complete there), 2.1 (Action plan 2023/24, complete "
            "there) and 3.2 (Action plan 2023/24, cancelled there).") in text


def test_targets_are_listed_in_indicator_order(site):
    home = visible_text((site / "index.html").read_text())
    order = [int(n) for n in re.findall(r"(?:On track|Off track|Not enough data yet|Met|Missed|No figure yet) Indicator (\d)", home)]
    assert order == sorted(order) and len(order) == 5
