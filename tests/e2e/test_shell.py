"""The desktop shell, end to end: a workspace made with the `mulu` CLI, opened in the real app
window, read through the UI in Chinese and English; and a file that is not a workspace."""
import os
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from conftest import findings, mulu, tid

AGENCY = "花溪区青岩镇人民政府"
USCC = "115201110091453295"
COMPLETE = ("352111009/000001", "镇级财政预算公开信息")
INCOMPLETE = ("352111009/000002", "村级集体资产台账")


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """An agency with one complete resource and one left deliberately incomplete."""
    ws = tmp_path / "青岩镇.mulu"
    w = ["--workspace", str(ws)]
    mulu(*w, "--lang", "zh", "init", "--name", AGENCY, "--uscc", USCC, "--division", "520111",
         "--level", "乡镇", "--principal-head", "张明", "--contact-name", "王芳", "--contact-phone", "0851-83200000",
         "--code-prefix", "352111009", "--period", "2026")
    mulu(*w, "resource", "add", "--name", COMPLETE[1], "--provider-name", AGENCY, "--provider-code", USCC,
         "--abstract", "本镇年度一般公共预算收支及三公经费预算", "--format", "电子表格 xlsx",
         "--sensitivity", "公开", "--sharing-type", "无条件共享", "--sharing-method", "共享平台方式/文件",
         "--open-type", "无条件开放", "--update-cycle", "每年", "--published-on", "2026-01-15",
         "--source-business", "财政预算编制", "--item", "预算年度:N", "--item", "科目编码:C",
         "--item", "科目名称:C", "--item", "预算金额:Y")
    # No abstract, grade, sharing, opening, cycle, date or items: the core must say what to fill in.
    mulu(*w, "resource", "add", "--name", INCOMPLETE[1], "--provider-name", AGENCY, "--provider-code", USCC,
         "--format", "电子表格 xlsx")
    return ws


def findings_for(ws: Path, lang: str, name: str) -> list[dict]:
    found = [f for f in findings(ws, lang) if (f.get("resource") or {}).get("name") == name]
    assert found, f"the core should report findings for {name} ({lang})"
    return found


def open_row(app, name: str):
    """Unfolds the resource's row with its arrow (a click elsewhere on the row opens its form)."""
    arrow = app.wait(lambda d: d.find_element(
        By.XPATH, f"//tr[contains(@class,'resource-row')][.//*[@data-testid='resource-name'][normalize-space()='{name}']]"
                  "//*[contains(@class,'el-table__expand-icon')]"))
    arrow.click()
    return app.find("resource-detail")


def stat(app, key: str) -> tuple[str, str]:
    """A summary figure and its label."""
    box = app.find(f"summary-{key}")
    return box.find_element(By.CLASS_NAME, "value").text, box.find_element(By.CLASS_NAME, "label").text


def test_shell_shows_the_catalog_in_both_languages(launch, workspace: Path):
    zh = findings_for(workspace, "zh", INCOMPLETE[1])
    zh_messages = [f["message"] for f in zh]
    en_messages = [f["message"] for f in findings_for(workspace, "en", INCOMPLETE[1])]
    errors = sum(f["severity"] == "error" for f in zh)

    # The first argument names the workspace (as a double-clicked file would); it wins over
    # MULU_WORKSPACE, which run.sh points at a file that is not a workspace.
    app = launch(str(workspace))
    app.find("resource-table")
    names = app.wait_text("resource-name", lambda t: len(t) == 2, "both resources listed")
    assert set(names) == {COMPLETE[1], INCOMPLETE[1]}
    assert set(app.texts("resource-code")) == {COMPLETE[0], INCOMPLETE[0]}
    assert app.find("agency-name").text == AGENCY
    assert app.find("agency-uscc").text == USCC
    assert app.find("agency-period").text == "2026 年度"
    assert app.find("workspace-path").get_attribute("textContent") == str(workspace)
    assert stat(app, "resources") == ("2", "资源")
    assert stat(app, "items") == ("4", "信息项")
    app.wait_text("finding-count-error", lambda t: t == [f"{errors} 个错误"], "the incomplete resource's error count")

    open_row(app, INCOMPLETE[1])
    shown = app.wait_text("finding-message", lambda t: len(t) >= len(zh_messages), "findings listed")
    assert set(zh_messages) <= set(shown), f"every finding of the core is shown: {zh_messages} vs {shown}"
    assert "请填写“共享类型”，它是必填的核心元数据。" in shown
    assert "错误" in app.texts("finding-severity")
    assert any(t.startswith("依据：") for t in app.texts("finding-article"))
    app.screenshot("shell-zh.png")

    # English: the UI's labels switch at once, the core's findings come back in English.
    app.click("lang-en")
    app.wait(lambda d: "Sensitivity" in d.find_element(*tid("resource-table")).text, message="English headers")
    assert stat(app, "resources") == ("2", "Resources")
    assert app.find("agency-period").text == "2026"
    shown = app.wait_text("finding-message", lambda t: set(en_messages) <= set(t), "English findings")
    # Stored domain values (公开, 无条件共享 …) are shown in English too.
    table = app.find("resource-table").get_attribute("textContent")
    assert "Public" in table and "Unconditional sharing" in table and "Open unconditionally" in table, table
    assert "Spreadsheet xlsx" in table and "Yearly" in table, table
    assert "无条件共享" not in table and "无条件开放" not in table and "每年" not in table, table
    assert "Error" in app.texts("finding-severity")
    app.screenshot("shell-en.png")
    app.driver.quit()

    # The choice is remembered: the next start is in English.
    app = launch(str(workspace), reset_language=False)
    app.wait(lambda d: "Resource catalog" in d.find_element(*tid("resources")).text, message="English remembered")


def test_a_file_that_is_not_a_workspace_shows_a_clear_error(launch, tmp_path: Path):
    # run.sh exported MULU_WORKSPACE before starting tauri-driver; the app inherits it.
    path = Path(os.environ["MULU_WORKSPACE"])
    text = "这是一份会议纪要，不是工作区。\n"
    path.write_text(text, encoding="utf-8")

    app = launch()  # no argument: the app falls back to MULU_WORKSPACE
    state = app.find("error-state")
    assert state.get_attribute("data-code") == "workspace.foreign"
    assert app.find("error-title").text == "无法打开工作区"
    message = app.find("error-message").text
    assert str(path) in message and "不是目录工作区文件" in message, message
    assert app.find("workspace-path").get_attribute("textContent") == str(path)
    app.screenshot("error-zh.png")

    # Retrying does not crash, and the window still answers: the error follows the language.
    app.click("retry")
    app.click("lang-en")
    app.wait(lambda d: d.find_element(*tid("error-title")).text == "Cannot open the workspace", message="English title")
    assert "is not a Mulu workspace" in app.find("error-message").text
    assert path.read_text(encoding="utf-8") == text, "the file was left untouched"


def test_a_new_workspace_is_created_and_asks_for_the_agency_profile(launch, tmp_path: Path):
    path = tmp_path / "新建" / "工作区.mulu"  # neither the folder nor the file exists yet
    app = launch(str(path))
    # A new workspace opens at step 1, the agency profile; its list is step 2.
    app.wait(lambda d: app.find("step-agency").get_attribute("aria-current") == "step", message="at step 1")
    app.find("agency-form")
    app.click("step-resources")
    app.find("agency-missing")
    assert app.find("agency-name").text == "未填写"
    assert app.find("agency-uscc").text == "未填写"
    catalog = app.find("catalog-findings")
    assert "统一社会信用代码" in app.texts("finding-field"), "agency findings are labelled like the profile"
    assert "请填写" in catalog.text
    assert stat(app, "resources") == ("0", "资源")
    assert "工作区中还没有资源" in app.find("resource-table").text
    app.screenshot("new-workspace-zh.png")
    assert mulu("--workspace", str(path), "show").returncode == 0, "the app created a real workspace"
