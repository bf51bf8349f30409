"""The district bureau's first look at a submission package, in the real window: the app started
on a package (as a double-click starts it) shows the verdict in large words, who signed and what
the package holds; the signer is trusted once the fingerprint heard over the phone is typed in;
a tampered copy opened from the header names the file that changed. Packages are made with the
real `mulu` CLI, as a township makes them."""
import json
import os
import zipfile
from pathlib import Path

from selenium.webdriver.common.by import By

from conftest import mulu, tid
from test_editing import AGENCY, USCC, init

PASS = "青岩古镇石板路2026"  # no spaces: WebKit's driver may drop typed ones
NAMES = ["镇级财政预算公开信息", "镇级财政决算公开信息", "镇级政府采购公开信息"]


def text(el) -> str:
    return el.get_attribute("textContent")


def make_package(tmp: Path) -> tuple[Path, str]:
    """A township's signed package of three complete resources, and its key's fingerprint."""
    ws = tmp / "青岩镇.mulu"
    w = init(ws)
    for name in NAMES:
        mulu(*w, "resource", "add", "--name", name, "--provider-name", AGENCY, "--provider-code", USCC,
             "--abstract", "本镇年度一般公共预算收支及三公经费预算", "--format", "电子表格 xlsx",
             "--sensitivity", "公开", "--sharing-type", "无条件共享", "--sharing-method", "共享平台方式/文件",
             "--open-type", "无条件开放", "--update-cycle", "每年", "--published-on", "2026-01-15",
             "--source-business", "财政预算编制", "--item", "预算年度:N", "--item", "预算金额:Y")
    mulu(*w, "secrecy", "confirm", "--all", "--reviewer", "李审查")
    env = {"MULU_PASSPHRASE": PASS}
    key = tmp / "青岩镇.key"
    made = mulu("--lang", "zh", "key", "new", "--out", str(key), env=env).stdout
    fingerprint = next(line for line in made.splitlines() if line.startswith("公钥指纹：")).split("：", 1)[1].strip()
    pkg = tmp / "青岩镇目录-2026.zip"
    mulu(*w, "package", "--key", str(key), "--out", str(pkg), env=env)
    return pkg, fingerprint


def tamper(pkg: Path, out: Path) -> None:
    """The same zip with one byte of the catalog JSON changed after signing (the zip itself
    stays well-formed: only the bag's own checks can tell)."""
    with zipfile.ZipFile(pkg) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.endswith("/data/catalog.json"):
                at = data.index(b"2026-01-15")
                data = data[:at] + b"2026-01-16" + data[at + 10:]
            dst.writestr(info, data)


def verdict(app) -> str | None:
    """Asked in one script: opening another package replaces the view, which stales held elements."""
    return app.driver.execute_script(
        "const v = document.querySelector('[data-testid=\"verdict\"]'); return v && v.getAttribute('data-verdict')")


def test_a_package_is_reviewed_its_signer_trusted_and_a_tampered_copy_names_the_file(launch, tmp_path: Path):
    pkg, fingerprint = make_package(tmp_path)
    bureau = tmp_path / "区数据局" / "工作区.mulu"  # the reviewer has no workspace yet

    # Started on the package (and the workspace whose trust list to use): the first look.
    app = launch(str(bureau), str(pkg))
    app.wait(lambda d: verdict(app) == "intact_unknown_signer", message="verified: intact, signer unknown")
    assert text(app.find("verdict-headline")) == "签名有效，但签名人不在信任列表中"
    assert text(app.find("signer-agency")) == AGENCY
    assert text(app.find("signer-uscc")) == USCC
    assert app.find("signer-fingerprint").get_attribute("data-fingerprint") == fingerprint
    groups = [text(g) for g in app.find("signer-card").find_elements(*tid("fingerprint-group"))]
    assert len(groups) == 16 and groups[0].endswith(fingerprint.split(" ")[0]), groups
    assert text(app.find("fact-id")) == f"{USCC}-2026-001"
    assert text(app.find("fact-sequence")) == "第 1 次"
    assert text(app.find("count-resources")).startswith("3")
    assert text(app.find("count-open")).startswith("3")
    app.wait(lambda d: sorted(text(e) for e in d.find_elements(*tid("review-name"))) == sorted(NAMES),
             message="the package's resources listed")
    assert text(app.find("workspace-path")) == str(pkg)
    assert not bureau.exists() and not bureau.parent.exists(), "viewing a package created nothing"
    app.screenshot("review-zh.png")

    # Trusting: the agency reads its fingerprint over the phone, the reviewer types it.
    app.click("trust-open")
    digits = fingerprint.replace(" ", "")
    app.type_into("trust-heard", digits[:4] + "0000" if digits[4:8] != "0000" else digits[:4] + "1111", leave=False)
    app.wait(lambda d: "第 2 组不一致" in text(app.find("trust-differs")), message="the misheard group is named")
    assert not app.find("trust-confirm").is_enabled(), "no trust before every group matches"
    app.type_into("trust-heard", digits, leave=False)
    app.find("trust-match")
    app.wait(lambda d: app.find("trust-confirm").is_enabled(), message="all sixteen groups match")
    app.screenshot("review-trust-zh.png")
    app.click("trust-confirm")
    app.wait(lambda d: verdict(app) == "intact_trusted", message="verified again: trusted")
    assert text(app.find("verdict-headline")) == "可信"
    assert text(app.find("signer-name")) == AGENCY
    listed = json.loads(mulu("--workspace", str(bureau), "trust", "list", "--json").stdout)
    assert [(k["fingerprint"], k["agency_uscc"]) for k in listed] == [(digits, USCC)], listed
    app.screenshot("review-trusted-zh.png")

    # A copy with one byte of the catalog changed, opened from the header's 打开报送包….
    tamper(pkg, Path(os.environ["MULU_E2E_OPEN_PACKAGE"]))
    app.click("open-package")
    app.wait(lambda d: verdict(app) == "broken", message="the tampered copy is broken")
    assert text(app.find("verdict-headline")) == "不可信 · 已被改动"
    problems = app.driver.find_elements(*tid("problem"))
    assert [(p.get_attribute("data-code"), text(p.find_element(*tid("problem-path")))) for p in problems] == \
        [("verify.digest_mismatch", "data/catalog.json")]
    assert "被改动" in text(app.find("problem-message"))
    assert not app.driver.find_elements(*tid("trust-open")), "a broken package's signer is not offered for trust"
    assert not app.driver.find_elements(*tid("review-resources")), "nothing shown from a broken package"
    assert app.find("signer-claimed").is_displayed()
    app.screenshot("review-tampered-zh.png")

    # The same review in English: the core's explanation, not verified again.
    app.click("lang-en")
    app.wait(lambda d: text(app.find("verdict-headline")) == "Not to be trusted · changed", message="English")
    assert "changed after signing" in text(app.find("problem-message"))

    # Back to the workspace (made when the signer was trusted): a new one starts at step 1.
    app.click("lang-zh")
    app.click("review-back")
    app.wait(lambda d: app.find("step-agency").get_attribute("aria-current") == "step", message="the workspace, step 1")
    assert text(app.find("workspace-path")) == str(bureau)
