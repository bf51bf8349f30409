"""The deadlines dashboard (期限, issue 14) in the real window: a change event recorded with the
real `mulu` CLI long ago is overdue, the header's badge counts it on start, the dashboard shows it
in words and colour, and a correction request logged and answered in its forms is in the
workspace, as `mulu due --json` and `mulu correction list --json` read it."""
import json
import os
from pathlib import Path

import pytest

from conftest import mulu
from test_editing import init

NAME = "农村低保对象名册"


@pytest.fixture
def workspace(tmp_path: Path) -> tuple[Path, str]:
    """One resource, and a change to its data on 2 March 2020 (a year without a calendar):
    2 working days allowed, long past."""
    ws = tmp_path / "青岩镇.mulu"
    w = init(ws)
    mulu(*w, "resource", "add", "--name", NAME, "--abstract", "全镇农村低保对象的家庭成员及保障金发放情况",
         "--format", "电子表格 xlsx", "--item", "姓名:C")
    code = json.loads(mulu(*w, "show", "--json").stdout)["resources"][0]["code"]
    mulu(*w, "event", "add", "--kind", "data", "--date", "2020-03-02", "--resource", code, "--note", "低保标准调整")
    return ws, code


def words(app, testid: str) -> list[str]:
    """The texts of `testid` elements as the DOM has them (a tag fading in has no visible text yet)."""
    return app.driver.execute_script(
        "return [...document.querySelectorAll(`[data-testid='${arguments[0]}']`)].map(e => e.textContent.trim())", testid)


def due(ws: Path) -> list[dict]:
    """What is due, by `mulu due --json` (exit 1 while anything is overdue)."""
    proc = mulu("--workspace", str(ws), "due", "--json", check=False)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def test_the_badge_and_the_dashboard_show_an_overdue_event_and_a_correction_is_logged(launch, workspace):
    ws, code = workspace
    app = launch(str(ws))
    badge = app.wait_text("deadlines-badge", lambda t: t == ["1"], "the badge counts the overdue event")
    assert badge == ["1"]

    app.open("deadlines-open", "deadlines")
    items = app.find("due-group-overdue")
    assert "已逾期 1 项" in items.text
    row = app.find("due-item")
    assert row.get_attribute("data-status") == "overdue" and row.get_attribute("data-kind") == "data"
    assert words(app, "due-status") == ["已逾期"], "the standing in words, not colour alone"
    assert words(app, "due-kind") == ["其他数据变化"]
    assert words(app, "due-date")[0].startswith("2020-03-04"), "2 working days after Monday 2 March"
    assert words(app, "due-provisional") == ["暂定"], "2020 has no holiday calendar"
    assert words(app, "due-left")[0].startswith("已超过")
    assert code in row.text and "低保标准调整" in row.text

    # A correction request from a data user, logged in the form.
    app.type_into("correction-from", "区民政局")
    app.choose("correction-resource", f"{code} {NAME}")
    app.type_into("correction-text", "保障金发放字段缺少发放月份")
    app.type_into("correction-received", "2020-03-02")
    app.click("correction-submit")
    app.wait(lambda d: words(app, "open-correction"), message="the request is listed as open")
    app.wait(lambda d: len(words(app, "due-item")) == 2, message="and as due")
    app.wait_text("deadlines-badge", lambda t: t == ["2"], "both overdue now")
    app.screenshot("deadlines-zh.png")

    logged = [d for d in due(ws) if d["kind"] == "correction"]
    assert len(logged) == 1, logged
    c = logged[0]
    assert (c["from"], c["text"], c["start"], c["status"]) == ("区民政局", "保障金发放字段缺少发放月份", "2020-03-02", "overdue")
    assert c["resources"] == [f"{code} {NAME}"] or code in c["resources"][0]

    # Answered in place: it closes, and the badge counts the event alone again.
    app.click("answer-open")
    app.type_into("answer-text", "已补充发放月份字段", leave=False)
    app.click("answer-submit")
    app.wait(lambda d: not words(app, "open-correction"), message="the answered request closes")
    app.wait_text("deadlines-badge", lambda t: t == ["1"], "the event alone")
    answered = json.loads(mulu("--workspace", str(ws), "correction", "list", "--json").stdout)
    assert answered[0]["answer"]["text"] == "已补充发放月份字段"
    assert [d["kind"] for d in due(ws)] == ["data"]

    # A calendar for 2020 imported (the dialog's stand-in): the date is no longer provisional.
    Path(os.environ["MULU_E2E_CALENDAR_FILE"]).write_text(
        'year = 2020\nsource = "国务院办公厅关于2020年部分节假日安排的通知"\n\n'
        '[[holiday]]\nname = "清明节"\nfrom = "2020-04-04"\nto = "2020-04-06"\n', encoding="utf-8")
    app.click("calendar-import")
    app.wait(lambda d: any(t.startswith("2020") for t in words(app, "calendar")), message="2020 listed")
    app.wait(lambda d: not words(app, "due-provisional"), message="no longer provisional")
    assert [d["provisional"] for d in due(ws)] == [False]
