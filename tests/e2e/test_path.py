"""The whole path through the stepper, as an officer walks it: a workspace, last year's messy
workbook imported, a finding fixed at its field from the validation step. Screenshots of each
step go to tests/e2e/screenshots/."""
import os
import time
from pathlib import Path

from selenium.webdriver.common.by import By

from conftest import findings, tid
from test_editing import init, write_messy_workbook

ACTIVE_ITEM_ROW = ("const a = document.activeElement;"
                   "const cell = a && a.closest('[data-testid=\"item-type\"]');"
                   "const row = cell && cell.closest('[data-row]');"
                   "return row ? Number(row.getAttribute('data-row')) : null;")


def current_step(app) -> str:
    return app.find("stepper").find_element(By.CSS_SELECTOR, "[aria-current=step]").get_attribute("data-testid")


def test_the_path_from_import_to_a_fixed_finding(launch, tmp_path: Path):
    ws = tmp_path / "青岩镇.mulu"
    init(ws)
    write_messy_workbook(Path(os.environ["MULU_E2E_IMPORT_FILE"]))

    # Step 2 (the agency exists): import last year's workbook.
    app = launch(str(ws))
    assert current_step(app) == "step-resources"
    app.find("import-open").click()
    app.find("import-counts")  # the preview is computed: the commit button now acts
    app.wait(lambda d: app.find("import-commit").is_enabled(), message="commit enabled")
    app.click("import-commit")
    app.wait_text("resource-name", lambda t: len(t) == 3, "three resources imported")
    states = [e.get_attribute("textContent") for e in app.driver.find_elements(*tid("step-state"))]
    assert states[1] == "3 个资源", states

    # Step 5: the findings, by rule; the bad data type opens the form at its cell.
    app.click("step-validate")
    app.find("findings-step")
    app.screenshot("stepper-zh.png")
    bad = next(e for e in app.driver.find_elements(*tid("goto-finding"))
               if e.get_attribute("data-field") == "items[1].data_type")
    app.click(bad)
    app.wait(lambda d: app.find("editor-name").get_attribute("textContent") == "村级集体资产台账", message="drawer")
    app.wait(lambda d: d.execute_script(ACTIVE_ITEM_ROW) == 1, message="the cursor is in the bad cell")
    app.choose_in(app.driver.find_elements(*tid("item-type"))[1], "备注型 M")
    app.wait(lambda d: not d.find_elements(By.CSS_SELECTOR, '[data-testid="item-row"] td.bad'), message="type fixed")
    app.click("editor-close")
    app.wait(lambda d: "items[1].data_type" not in [e.get_attribute("data-field") for e in
             d.find_elements(*tid("goto-finding"))], message="the finding is gone from the list")
    assert not any(f["field"] == "items[1].data_type" for f in findings(ws, "zh"))

    # Grouped by resource, and the step is remembered across a restart.
    app.click("group-by-resource")
    app.wait(lambda d: "村级集体资产台账" in app.texts("finding-group-title"), message="grouped by resource")
    app.driver.refresh()
    app.find("findings-step")
    assert current_step(app) == "step-validate"

    # Step 4: grade with the questionnaire. One resource alone: personal information → 内部.
    app.click("step-grading")
    app.find("grading-step")
    rows = lambda: app.driver.find_elements(By.CSS_SELECTOR, '[data-testid="grading-table"] .el-table__body tr')
    name_of = lambda row: row.find_element(*tid("grading-row-name")).get_attribute("textContent")
    text = lambda el: el.get_attribute("textContent")
    assets = next(r for r in rows() if name_of(r) == "村级集体资产台账")
    app.click(assets.find_element(*tid("grading-row-name")))
    app.wait(lambda d: text(app.find("grading-for")) == "村级集体资产台账", message="the questionnaire is for it")
    app.click("q-state_secret-no")
    app.click("q-legal_restriction-no")
    app.click("q-personal_or_commercial-yes")
    app.wait(lambda d: app.find("grading-suggestion").get_attribute("data-grade") == "内部", message="suggests 内部")
    assert "有条件开放" in text(app.find("grading-open"))
    time.sleep(0.5)  # Element Plus's radio transitions (0.3 s) finish before the picture
    app.screenshot("grading-zh.png")
    app.click("grading-apply")
    app.wait(lambda d: "✓" in text(next(r for r in rows() if name_of(r) == "村级集体资产台账")), message="graded")

    # Two similar resources at once: already published → 公开; choosing 内部 instead needs a reason.
    first = next(r for r in rows() if name_of(r) == "镇级财政预算公开信息")
    app.click(first.find_element(*tid("grading-row-name")))
    roads = next(r for r in rows() if name_of(r) == "镇村道路养护记录")
    app.click(roads.find_element(By.CSS_SELECTOR, ".el-checkbox"))
    app.wait(lambda d: text(app.find("grading-for")) == "同时为 2 个资源定级", message="two ticked")
    app.click("q-already_public-yes")
    app.wait(lambda d: app.find("grading-suggestion").get_attribute("data-grade") == "公开", message="suggests 公开")
    app.click("grade-内部")
    app.find("grading-override-reason")
    assert not app.find("grading-apply").is_enabled(), "an override needs its reason"
    app.click("grade-公开")
    app.click("grading-apply")
    app.wait(lambda d: all("✓" in text(r) for r in rows()), message="all three graded by the questionnaire")
    assert app.find("step-grading").get_attribute("data-done") == "true"
