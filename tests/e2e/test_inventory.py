"""The inventory step (梳理资源) in the real window: data files scanned into proposals that are
accepted or rejected one by one, and a workbook whose headers Mulu does not know mapped by hand
in the header-mapping screen before it is imported."""
import json
import os
import shutil
from pathlib import Path

from openpyxl import Workbook
from selenium.webdriver.common.by import By

from conftest import mulu, tid
from test_editing import init

# Valid citizen ID numbers (GB 11643 check digits), so the core flags the column.
IDS = ["11010519491231002X", "52011119800101001X"]


def write_data_folder(folder: Path) -> None:
    """A township's data files: a CSV of people with ID numbers, and a workbook of projects."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    rows = ["姓名,公民身份号码,联系电话,保障金额"]
    rows += [f"张{i},{IDS[i % 2]},1380000{i:04},{300 + i}.50" for i in range(12)]
    (folder / "低保对象名单.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    wb = Workbook()
    ws = wb.active
    ws.title = "项目"
    ws.append(["项目名称", "投资金额", "开工年份"])
    for i in range(8):
        ws.append([f"村道硬化{i}", 12000 + i * 500, 2024 + i % 2])
    wb.save(folder / "村级项目台账.xlsx")


def shown(el) -> str:
    return el.get_attribute("textContent")


def menu_item(app, name: str) -> None:
    """Clicks a dropdown's item once it has faded in."""
    app.click(app.wait(lambda d: next((e for e in d.find_elements(*tid(name)) if e.is_displayed()), None),
                       message=f"{name} shown"))


def proposal(app, name: str):
    return app.wait(lambda d: next((p for p in d.find_elements(*tid("scan-proposal"))
                                    if p.get_attribute("data-name") == name), None), message=f"proposal {name}")


def test_scanned_files_are_proposed_and_only_the_accepted_one_is_added(launch, tmp_path: Path):
    ws = tmp_path / "青岩镇.mulu"
    init(ws)
    write_data_folder(Path(os.environ["MULU_E2E_SCAN_PATH"]))

    app = launch(str(ws))
    app.click("scan-open")
    menu_item(app, "scan-folder")
    app.wait(lambda d: len(d.find_elements(*tid("scan-proposal"))) == 2, message="two proposals")
    assert app.texts("resource-name") == [], "the scan shows proposals, it adds nothing"

    people = proposal(app, "低保对象名单")
    assert "公民身份号码" in shown(people.find_element(*tid("scan-flagged")))
    assert people.find_element(*tid("scan-grade")).get_attribute("data-grade") == "内部"
    assert len(people.find_elements(*tid("scan-identifier"))) == 1
    projects = proposal(app, "村级项目台账")
    assert projects.find_element(*tid("scan-grade")).get_attribute("data-grade") == "公开"
    types = [i.get_attribute("data-type") for i in projects.find_elements(*tid("scan-item"))]
    assert types == ["C", "I", "I"], types
    assert not app.find("scan-add").is_enabled(), "nothing accepted yet"

    app.click(projects.find_element(*tid("scan-reject")))
    app.click(people.find_element(*tid("scan-accept")))
    app.wait(lambda d: shown(app.find("scan-add")).strip() == "添加 1 个资源", message="one accepted")
    app.screenshot("scan-zh.png")
    app.click("scan-add")

    # Back at the inventory, the accepted resource is in the table; the rejected one is not.
    app.wait_text("resource-name", lambda t: t == ["低保对象名单"], "the accepted resource is listed")
    catalog = json.loads(mulu("--workspace", str(ws), "show", "--json").stdout)
    [r] = catalog["resources"]
    assert r["name"] == "低保对象名单" and r["code"], r
    assert r["sensitivity"] == "内部"
    flags = {i["name"]: (i["is_identifier"], i["is_personal"]) for i in r["items"]}
    assert flags["公民身份号码"] == (True, True) and flags["联系电话"] == (False, True), flags


def write_odd_workbook(path: Path) -> None:
    """A catalog kept with headers of its own: no synonym list knows 数据名 or 编码."""
    wb = Workbook()
    ws = wb.active
    ws.title = "清单"
    ws.append(["青岩镇数据清单（2025）"])
    ws.append([])
    ws.append(["数据名", "编码", "级别", "经办人"])
    ws.append(["户籍人口登记", "352111009/000001", "内部", "王芳"])
    ws.append(["村道养护记录", "352111009/000002", "公开", "李明"])
    wb.save(path)


def column_field(app, letter: str) -> str:
    return app.driver.execute_script(
        "const r = document.querySelector('[data-testid=\"mapping-column\"][data-column=\"' + arguments[0] + '\"]');"
        "return r && r.getAttribute('data-field');", letter)


def map_column(app, letter: str, label: str, field: str) -> None:
    """Picks the field of a column in the mapping screen, then waits for the core's redraw."""
    row = app.wait(lambda d: d.find_element(By.CSS_SELECTOR, f'[data-testid="mapping-column"][data-column="{letter}"]'),
                   message=f"column {letter}")
    select = row.find_element(*tid("mapping-field"))
    app.click(select)
    select.find_element(By.TAG_NAME, "input").send_keys(label)  # filters the long list
    option = lambda d: next((o for o in d.find_elements(
        By.XPATH, f"//li[contains(@class,'el-select-dropdown__item')][normalize-space()='{label}']")
        if o.is_displayed()), None)
    app.click(app.wait(option, message=f"option {label}"))
    app.wait(lambda d: column_field(app, letter) == field, message=f"{letter} → {field}")


def test_unrecognised_headers_are_mapped_by_hand_saved_and_imported(launch, tmp_path: Path):
    ws = tmp_path / "青岩镇.mulu"
    init(ws)
    write_odd_workbook(Path(os.environ["MULU_E2E_IMPORT_FILE"]))
    saved = Path(os.environ["MULU_E2E_MAPPING_FILE"])
    saved.unlink(missing_ok=True)

    app = launch(str(ws))
    app.click("import-open")
    # No header the core knows: the mapping screen opens with its best guess, the title skipped.
    assert "找不到表头" in shown(app.find("mapping-problem"))
    app.find("mapping-no-name")
    assert [column_field(app, c) for c in "ABCD"] == ["note", "note", "sensitivity", "note"]
    assert not app.find("mapping-apply").is_enabled(), "no name column yet"

    map_column(app, "A", "信息资源名称", "name")
    map_column(app, "B", "信息资源代码", "code")
    map_column(app, "D", "忽略", "ignore")
    app.wait(lambda d: not d.find_elements(*tid("mapping-no-name")), message="the name column is chosen")
    app.screenshot("import-mapping-zh.png")
    app.click("mapping-save")
    app.wait(lambda d: saved.exists(), message="mapping saved")
    rules = {r["column"]: r["field"] for r in json.loads(saved.read_text(encoding="utf-8"))["columns"]}
    assert rules == {"数据名": "name", "编码": "code", "经办人": "ignore"}, rules

    app.click("mapping-apply")
    app.wait(lambda d: shown(app.find("import-count-added")).startswith("2"), message="two resources to add")
    app.wait(lambda d: app.find("import-commit").is_enabled(), message="commit enabled")
    app.click("import-commit")
    app.wait_text("resource-name", lambda t: sorted(t) == ["户籍人口登记", "村道养护记录"], "both imported")
    catalog = json.loads(mulu("--workspace", str(ws), "show", "--json").stdout)
    got = {r["name"]: (r["code"], r["sensitivity"], r.get("notes")) for r in catalog["resources"]}
    assert got["户籍人口登记"] == ("352111009/000001", "内部", None), got

    # The saved mapping reads the same layout from the command line too.
    proc = mulu("--workspace", str(ws), "import", os.environ["MULU_E2E_IMPORT_FILE"], "--mapping", str(saved),
                "--dry-run", check=False)
    assert proc.returncode in (0, 1) and "不变 2" in proc.stdout, proc.stdout + proc.stderr


def write_big_workbook(path: Path, rows: int) -> None:
    """A city-sized catalog sheet, streamed out (openpyxl's write-only mode)."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("资源目录")
    ws.append(["信息资源名称", "信息资源摘要", "更新周期"])
    for i in range(rows):
        ws.append([f"资源{i}", f"第{i}个资源的摘要说明", "每月"])
    wb.save(path)


def test_a_long_read_shows_its_progress_and_cancel_stops_it_writing_nothing(launch, tmp_path: Path):
    ws = tmp_path / "青岩镇.mulu"
    init(ws)
    write_big_workbook(Path(os.environ["MULU_E2E_IMPORT_FILE"]), 60000)

    app = launch(str(ws))
    app.click("import-open")
    rows = app.wait(lambda d: next(iter(d.find_elements(*tid("import-rows"))), None), message="rows read so far")
    assert "已读" in shown(rows), shown(rows)
    app.screenshot("import-progress-zh.png")
    app.click("import-cancel")

    # Back at the inventory at once, the window answering, and nothing imported.
    app.find("resource-table")
    assert not app.driver.find_elements(*tid("import-view"))
    app.click("step-agency")
    app.find("agency-form")
    catalog = json.loads(mulu("--workspace", str(ws), "show", "--json").stdout)
    assert catalog["resources"] == [], "a cancelled import writes nothing"


def test_the_inventory_grouped_by_system_and_business(launch, tmp_path: Path):
    ws = tmp_path / "青岩镇.mulu"
    w = init(ws)
    for name, system, business in [("户籍人口", "人口管理系统", "户籍登记"), ("低保发放记录", "民政业务系统", "低保审批"),
                                   ("迁入登记", "人口管理系统", "户籍登记"), ("临时救助对象", None, None)]:
        extra = [] if system is None else ["--source-system", system, "--source-business", business]
        mulu(*w, "resource", "add", "--name", name, *extra)

    app = launch(str(ws))
    app.find("resource-table")
    app.click(app.find("view-groups"))
    systems = app.wait(lambda d: d.find_elements(*tid("group-system")), message="groups")
    assert [s.get_attribute("data-system") for s in systems] == ["人口管理系统", "民政业务系统", ""]
    assert [r.get_attribute("data-name") for r in systems[0].find_elements(*tid("group-resource"))] == ["户籍人口", "迁入登记"]
    app.screenshot("inventory-groups-zh.png")
    app.click(systems[1].find_element(*tid("group-resource")))
    app.wait(lambda d: shown(app.find("editor-name")) == "低保发放记录", message="the form opens")
