"""Editing in the real window: the agency profile (USCC checked as typed, the core's finding at
the field), a new resource filled in through its form until the core has nothing to say, and a
messy workbook imported through the preview."""
import os
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import findings, mulu, tid

AGENCY = "花溪区青岩镇人民政府"
USCC = "115201110091453295"
WRONG_USCC = "115201110091453296"  # one digit off: the check character no longer fits


def init(ws: Path) -> list[str]:
    w = ["--workspace", str(ws)]
    mulu(*w, "--lang", "zh", "init", "--name", AGENCY, "--uscc", USCC, "--division", "520111",
         "--level", "乡镇", "--principal-head", "张明", "--contact-name", "王芳", "--contact-phone", "0851-83200000",
         "--code-prefix", "352111009", "--period", "2026")
    return w


def field_rules(app, key: str) -> list[str]:
    """The rules of the findings shown at a form field, read in one script: the form re-renders
    when a save answers, and elements found in one call may be gone by the next."""
    app.find(f"field-{key}")
    return app.driver.execute_script(
        "const box = document.querySelector(`[data-testid='field-${arguments[0]}']`);"
        "return box ? [...box.querySelectorAll(\"[data-testid='field-finding']\")].map(e => e.getAttribute('data-rule')) : [];",
        key)


def test_the_agency_uscc_is_checked_as_typed_and_its_finding_shown_at_the_field(launch, tmp_path: Path):
    ws = tmp_path / "青岩镇.mulu"
    init(ws)
    app = launch(str(ws))
    app.click("step-agency")
    app.find("agency-form")
    assert app.control("agency-input-name").get_attribute("value") == AGENCY
    assert field_rules(app, "agency.uscc") == []

    # A typo: the core's reason is shown while typing; leaving the field saves it, and the
    # core's finding appears at the field.
    app.type_into("agency-input-uscc", WRONG_USCC, leave=False)
    kind = lambda: (app.driver.find_elements(*tid("uscc-feedback")) or [None])[0]
    app.wait(lambda d: kind() and kind().get_attribute("data-kind") == "invalid", message="check character reported as typed")
    assert "校验位应为“5”" in kind().text, kind().text
    app.control("agency-input-uscc").send_keys(Keys.TAB)
    app.wait(lambda d: "provider.uscc" in field_rules(app, "agency.uscc"), message="the finding at the USCC field")
    assert any(f["rule"] == "provider.uscc" for f in findings(ws, "zh")), "saved in the workspace"
    app.screenshot("agency-form-zh.png")

    # Typing the right code: "keep typing" while short, then valid; leaving saves and clears it.
    app.type_into("agency-input-uscc", USCC[:10], leave=False)
    app.wait(lambda d: kind() and kind().get_attribute("data-kind") == "typing", message="a short code is not yet wrong")
    assert kind().text == "已输入 10/18 位"
    app.control("agency-input-uscc").send_keys(USCC[10:])
    app.wait(lambda d: kind() and kind().get_attribute("data-kind") == "ok", message="valid as typed")
    app.control("agency-input-uscc").send_keys(Keys.TAB)
    app.wait(lambda d: field_rules(app, "agency.uscc") == [], message="the finding cleared")
    assert not any(f["rule"] == "provider.uscc" for f in findings(ws, "zh"))

    # The level comes from the domain, and shows in the person's language.
    app.choose("agency-input-level", "区县部门")
    app.wait(lambda d: mulu("--workspace", str(ws), "show").stdout.count("区县部门") > 0, message="level saved")
    app.click("lang-en")
    app.click("step-resources")
    app.wait(lambda d: app.find("agency-level").text == "County-level department", message="level in English")


ITEMS_PASTE = "信息项名称\t数据类型\t长度\n预算年度\tN\t4\n科目名称\tC\t100\n备注\t文本型\t\n"


def test_a_new_resource_is_filled_in_through_its_form_until_its_findings_clear(launch, tmp_path: Path):
    ws = tmp_path / "青岩镇.mulu"
    init(ws)
    name = "镇级财政预算公开信息"
    app = launch(str(ws))
    app.open("resource-add", "add-name")
    app.type_into("add-name", name, leave=False)
    app.click("add-confirm")
    app.wait(lambda d: app.find("editor-name").get_attribute("textContent") == name, message="the new resource's form opens")
    assert app.control("input-code").get_attribute("value") == "352111009/000001", "numbered under the prefix"
    assert app.control("input-provider_name").get_attribute("value") == AGENCY, "the agency provides it"
    assert "field.required" in field_rules(app, "abstract")
    assert "field.required" in field_rules(app, "sharing.type")

    app.type_into("input-abstract", "本镇年度一般公共预算收支及三公经费预算")
    app.wait(lambda d: field_rules(app, "abstract") == [], message="abstract accepted")
    app.choose("input-format.class", "电子表格")
    app.choose("input-format.type", "xlsx")

    # Items pasted as copied from Excel (with its header row) through the paste box…
    app.click("item-paste")
    box = app.wait(lambda d: next((e for e in d.find_elements(*tid("item-paste-text")) if e.is_displayed()), None))
    area = box if box.tag_name == "textarea" else box.find_element(By.TAG_NAME, "textarea")
    app.set_value(area, ITEMS_PASTE)
    app.click("item-paste-add")
    app.wait(lambda d: len(d.find_elements(*tid("item-row"))) == 3, message="three items pasted")
    # … and straight into a new row's cell.
    app.click("item-add")
    last = app.wait(lambda d: len(rows := d.find_elements(*tid("item-row"))) == 4 and rows[3])
    cell = last.find_element(By.CSS_SELECTOR, '[data-testid="item-name"]')
    cell = cell if cell.tag_name == "input" else cell.find_element(By.TAG_NAME, "input")
    app.driver.execute_script(
        "const dt = new DataTransfer(); dt.setData('text/plain', arguments[1]);"
        "arguments[0].dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));",
        cell, "预算金额\tN\t18,2\n")
    app.wait(lambda d: [c.get_attribute("value") for c in app.driver.find_elements(
        By.CSS_SELECTOR, '[data-testid="item-row"] [data-testid="item-name"] input, input[data-testid="item-name"]')]
        == ["预算年度", "科目名称", "备注", "预算金额"], message="pasted into the blank row")

    # 文本型 is not a data type: the core says so at that cell.
    bad = app.wait(lambda d: d.find_elements(By.CSS_SELECTOR, '[data-testid="item-row"] td.bad'), message="bad cell")
    assert len(bad) == 1
    notes = app.texts("item-cell-finding")
    assert len(notes) == 1 and notes[0].startswith("第 3 个信息项·数据类型："), notes
    app.driver.execute_script("document.querySelector('[data-testid=\"group-format\"]').scrollIntoView()")
    app.screenshot("resource-form-zh.png")
    app.choose_in(app.driver.find_elements(*tid("item-type"))[2], "备注型 M")
    app.wait(lambda d: not d.find_elements(By.CSS_SELECTOR, '[data-testid="item-row"] td.bad'), message="type fixed")

    app.choose("input-sensitivity", "公开")
    app.choose("input-sharing.type", "无条件共享")
    app.choose("input-sharing.method.class", "共享平台方式")
    app.choose("input-sharing.method.type", "文件")
    app.choose("input-open.type", "无条件开放")
    # An open entry says how to get the data (Art. 25): the method, and the address of a download.
    app.choose("input-open.method", "下载")
    app.type_into("input-open.address", "https://data.guiyang.gov.cn/budget.xlsx")
    app.choose("input-update_cycle", "每年")
    app.type_into("input-published_on", "2026年1月15日")
    app.wait(lambda d: app.control("input-published_on").get_attribute("value") == "2026-01-15", message="normalised")
    app.type_into("input-source_business", "财政预算编制")
    left = lambda: [(f["field"], f["rule"]) for f in findings(ws, "zh") if (f.get("resource") or {}).get("name") == name]
    try:
        app.wait(lambda d: d.find_element(*tid("editor-ok")).is_displayed(), message="no findings left")
    except Exception as e:
        raise AssertionError(f"findings left: {left()}") from e
    assert left() == []
    app.driver.execute_script("document.querySelector('[data-testid=\"group-basic\"]').scrollIntoView()")
    app.screenshot("resource-form-done-zh.png")

    app.click("editor-close")
    app.wait_text("resource-name", lambda t: t == [name], "listed")
    assert app.find("finding-count").text == "无问题"


def write_messy_workbook(path: Path):
    """A workbook as officers make them: a title row, a two-level header with merged group
    cells, resource cells merged over their item rows, a column Mulu does not know."""
    wb = Workbook()
    ws = wb.active
    ws.title = "资源目录"
    ws["A1"] = "花溪区青岩镇政务数据资源目录（2026年度）"
    ws.merge_cells("A1:Q1")
    ws["A1"].font = Font(bold=True, size=14)
    single = {"A": "序号", "B": "信息资源名称", "C": "信息资源代码", "D": "信息资源摘要", "E": "信息资源格式",
              "N": "更新周期", "O": "发布日期", "P": "敏感程度", "Q": "填报人"}
    for col, text in single.items():
        ws[f"{col}2"] = text
        ws.merge_cells(f"{col}2:{col}3")
    groups = {("F", "H", "信息项信息"): ["信息项名称", "数据类型", "数据长度"],
              ("I", "K", "共享属性"): ["共享类型", "共享条件", "共享方式"],
              ("L", "M", "开放属性"): ["是否向社会开放", "开放条件"]}
    for (first, last, group), columns in groups.items():
        ws[f"{first}2"] = group
        ws.merge_cells(f"{first}2:{last}2")
        for i, text in enumerate(columns):
            ws.cell(row=3, column=ord(first) - 64 + i, value=text)
    for row in ws.iter_rows(min_row=1, max_row=3):
        for c in row:
            c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)

    resources = [
        # (seq, name, code, abstract, format, items, sharing, cond, method, open, cycle, date, grade, by)
        (1, "镇级财政预算公开信息", "352111009/000001", "本镇年度一般公共预算收支、三公经费预算及执行情况",
         "电子表格 xlsx", [("预算年度", "N", "4"), ("科目名称", "C", "100"), ("预算金额", "N", "18,2")],
         "无条件共享", "", "文件", "是", "每年", "2026/1/15", "公开", "李明"),
        (2, "村级集体资产台账", "352111009/000002", "各村集体资产的登记、变动和处置情况",
         "电子表格(xlsx)", [("资产名称", "C", "100"), ("资产价值", "文本型", "")],
         "无条件共享", "", "文件", "否", "每季", "2026.3.1", "内部", "李明"),
        (3, "镇村道路养护记录", "352111009/000003", "镇村道路日常养护和维修记录",
         "xlsx", [("路段名称", "C", "100")],
         "无条件共享", "", "共享平台/文件", "是", "每月", "20260301", "公开", "张伟"),
    ]
    row = 4
    for seq, name, code, abstract, fmt, items, sharing, cond, method, opened, cycle, date, grade, by in resources:
        first = row
        for item_name, item_type, length in items:
            ws[f"F{row}"], ws[f"G{row}"], ws[f"H{row}"] = item_name, item_type, length
            row += 1
        last = row - 1
        cells = {"A": seq, "B": name, "C": code, "D": abstract, "E": fmt, "I": sharing, "J": cond, "K": method,
                 "L": opened, "M": "", "N": cycle, "O": date, "P": grade, "Q": by}
        for col, value in cells.items():
            ws[f"{col}{first}"] = value
            if last > first:
                ws.merge_cells(f"{col}{first}:{col}{last}")
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)


def test_a_messy_workbook_is_previewed_then_imported(launch, tmp_path: Path):
    ws = tmp_path / "青岩镇.mulu"
    w = init(ws)
    mulu(*w, "resource", "add", "--name", "镇级财政预算公开信息", "--abstract", "旧的摘要：仅含预算总表",
         "--format", "电子表格 xlsx")
    # run.sh points the app's import dialog at this path (MULU_E2E=1, see src-tauri/src/import.rs).
    book = Path(os.environ["MULU_E2E_IMPORT_FILE"])
    write_messy_workbook(book)

    app = launch(str(ws))
    app.wait_text("resource-name", lambda t: len(t) == 1, "one resource before")
    app.click("import-open")
    app.find("import-view")
    counts = app.find("import-counts")
    assert app.find("import-file").get_attribute("textContent") == book.name
    assert app.find("import-commit").is_enabled()
    assert app.find("import-count-added").text.startswith("2"), counts.text
    assert app.find("import-count-changed").text.startswith("1"), counts.text

    sheet = app.find("import-sheet")
    assert sheet.get_attribute("data-sheet") == "资源目录"
    assert "表头：第 2–3 行" in sheet.text, sheet.text
    assert "数据 6 行" in sheet.text, sheet.text
    assert any("填报人" in t for t in app.texts("import-col-unknown")), "an unknown column is listed"
    known = " ".join(app.texts("import-col-known"))
    assert "信息项名称 → 信息项·名称" in known and "共享类型 → 共享类型" in known, known

    changes = app.texts("import-field-change")
    assert any(c.startswith("信息资源摘要") and "旧的摘要" in c for c in changes), changes
    assert {"村级集体资产台账", "镇村道路养护记录"} <= {t.split(" ", 1)[1] for t in app.texts("import-added-item")}

    # The importer's findings point at their cells: 文本型 is row 8, column G.
    where = app.texts("finding-where")
    assert "资源目录 第 8 行 G 列" in where, where
    app.screenshot("import-preview-zh.png")
    app.driver.execute_script("document.querySelector('[data-testid=\"import-findings\"]').scrollIntoView()")
    app.screenshot("import-findings-zh.png")

    app.click("import-commit")
    app.wait_text("resource-name", lambda t: len(t) == 3, "three resources after the import")
    shown = mulu("--workspace", str(ws), "show").stdout
    assert "村级集体资产台账" in shown and "镇村道路养护记录" in shown and "资源目录（3）" in shown, shown


def test_an_import_can_be_cancelled(launch, tmp_path: Path):
    ws = tmp_path / "青岩镇.mulu"
    init(ws)
    write_messy_workbook(Path(os.environ["MULU_E2E_IMPORT_FILE"]))
    app = launch(str(ws))
    app.click("import-open")
    app.find("import-counts")
    app.click("import-cancel")
    app.find("resource-table")
    assert app.driver.find_elements(*tid("import-view")) == []
    assert "工作区中还没有资源" in app.find("resource-table").text, "nothing was imported"
