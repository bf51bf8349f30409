"""Fixtures for the end-to-end tests: the built binaries, a WebDriver session on the real app
window (through tauri-driver), workspaces made with the real `mulu` CLI, and screenshots.

Run through tests/e2e/run.sh, which starts Xvfb and tauri-driver and sets the variables below.
"""
import json
import os
import subprocess
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.common.exceptions import (ElementClickInterceptedException, NoSuchElementException,
                                        StaleElementReferenceException)
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.options import ArgOptions
from selenium.webdriver.remote.client_config import ClientConfig
from selenium.webdriver.remote.remote_connection import RemoteConnection
from selenium.webdriver.support.ui import WebDriverWait

HERE = Path(__file__).resolve().parent
APP = os.environ.get("MULU_E2E_APP", "")
CLI = os.environ.get("MULU_E2E_CLI", "")
DRIVER = os.environ.get("MULU_E2E_DRIVER", "http://127.0.0.1:4444")
SHOTS = Path(os.environ.get("MULU_E2E_SCREENSHOTS", HERE / "screenshots"))
WAIT = 20  # seconds for the window to show something; a healthy run needs well under 2


def tid(name: str) -> tuple[str, str]:
    """Locator of an element by its data-testid."""
    return By.CSS_SELECTOR, f'[data-testid="{name}"]'


class App:
    """One running app window."""

    def __init__(self, driver: webdriver.Remote):
        self.driver = driver

    def wait(self, condition, timeout: float = WAIT, message: str = ""):
        return WebDriverWait(self.driver, timeout, poll_frequency=0.1).until(condition, message)

    def find(self, name: str):
        return self.wait(lambda d: d.find_element(*tid(name)), message=f"no [data-testid={name}]")

    def texts(self, name: str) -> list[str]:
        return [e.text for e in self.driver.find_elements(*tid(name))]

    def wait_text(self, name: str, predicate, message: str):
        """Waits until the texts of all `name` elements satisfy `predicate`; returns them."""
        return self.wait(lambda d: (t := self.texts(name)) and predicate(t) and t, message=message)

    def _click(self, find, label):
        """Clicks what `find(driver)` gives, found again at each attempt (a list that re-renders
        stales held elements), waiting out overlays that are still fading away."""
        def attempt(d):
            try:
                el = find(d)
                try:
                    el.click()
                    return True
                except ElementClickInterceptedException:
                    # Perhaps under a sticky header: bring it to the middle and try again.
                    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", el)
                    return False
            except (StaleElementReferenceException, NoSuchElementException):
                return False
        self.wait(attempt, message=f"click {label}")

    def click(self, target):
        """Clicks an element (or a data-testid)."""
        self._click(lambda d: d.find_element(*tid(target)) if isinstance(target, str) else target, target)

    def open(self, button: str, shows: str):
        """Clicks `button` until `shows` is displayed. A click that lands while a closing dialog's
        overlay is still fading away is lost without an error in WebKit's driver, so one click
        is not enough to open a dialog reliably; the openers are idempotent, so a repeat is safe."""
        def shown(d):
            return any(e.is_displayed() for e in d.find_elements(*tid(shows)))

        def attempt(d):
            if shown(d):
                return True
            self.click(button)
            try:
                self.wait(shown, timeout=3)
                return True
            except Exception:
                return False
        self.wait(attempt, message=f"{button} opens {shows}")
        return self.find(shows)

    def click_css(self, selector: str):
        """Clicks the first element matching `selector`."""
        self._click(lambda d: d.find_element(By.CSS_SELECTOR, selector), selector)

    def control(self, name: str):
        """The <input>/<textarea> of a form control by its data-testid (on the input or around it)."""
        el = self.find(name)
        if el.tag_name in ("input", "textarea"):
            return el
        return el.find_element(By.CSS_SELECTOR, "input, textarea")

    def type_into(self, name: str, text: str, leave: bool = True):
        """Replaces a text field's content as a person would; leaving it (Tab) saves it."""
        el = self.control(name)
        el.click()
        el.send_keys(Keys.CONTROL, "a")
        el.send_keys(Keys.BACKSPACE)
        if text:
            el.send_keys(text)
        if leave:
            el.send_keys(Keys.TAB)
        return el

    def choose(self, name: str, label: str):
        """Picks `label` in an Element Plus dropdown, then waits until the saved value shows."""
        self.choose_in(self.find(name), label)
        self.wait(lambda d: label in self.find(name).get_attribute("textContent"), message=f"{name} shows {label}")

    def choose_in(self, select, label: str):
        """In a filterable dropdown, types the label and presses Enter (as a person can, and
        immune to the list moving while it opens); in another, clicks the option."""
        self.click(select)
        field = select.find_element(By.TAG_NAME, "input")
        option = lambda d: next((o for o in d.find_elements(
            By.XPATH, f"//li[contains(@class,'el-select-dropdown__item')][normalize-space()='{label}']")
            if o.is_displayed()), None)
        if field.get_attribute("readonly") is None:
            field.send_keys(label.split(" ")[0])  # WebKit's driver drops typed spaces here
            self.wait(option, message=f"option {label}")
            field.send_keys(Keys.ENTER)
        else:
            self.click(self.wait(option, message=f"option {label}"))

    def set_value(self, element, text: str):
        """Sets a textarea's value as a paste would (send_keys turns tabs into focus moves)."""
        self.driver.execute_script(
            "arguments[0].value = arguments[1];"
            "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", element, text)

    def screenshot(self, filename: str) -> Path:
        """The whole window, once the last DOM change is painted (two animation frames)."""
        self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "requestAnimationFrame(() => requestAnimationFrame(() => done()));"
        )
        SHOTS.mkdir(parents=True, exist_ok=True)
        path = SHOTS / filename
        assert self.driver.save_screenshot(str(path)), f"could not save {path}"
        return path


def _session(args: list[str]) -> webdriver.Remote:
    assert APP and Path(APP).is_file(), "MULU_E2E_APP must name the built mulu-app (run tests/e2e/run.sh)"
    options = ArgOptions()
    options.set_capability("browserName", "wry")
    options.set_capability("tauri:options", {"application": APP, "args": args})
    # Every request gets a timeout, so a hung window fails the test instead of the CI job.
    config = ClientConfig(remote_server_addr=DRIVER, timeout=60)
    driver = webdriver.Remote(command_executor=RemoteConnection(client_config=config), options=options)
    driver.set_script_timeout(10)
    return driver


@pytest.fixture
def launch(request):
    """Starts the app (with `args` on its command line) in Chinese, the default; quits it after."""
    drivers = request.node._mulu_drivers = []

    def start(*args: str, reset_language: bool = True) -> App:
        driver = _session(list(args))
        drivers.append(driver)
        app = App(driver)
        # An earlier test switched to English or left the app at another step, and the app
        # remembers both (as it should): each test starts fresh unless it asks otherwise.
        keys = ["mulu.step", "mulu.locale"] if reset_language else ["mulu.step"]
        if driver.execute_script("return arguments[0].some(k => localStorage.getItem(k))", keys):
            driver.execute_script("arguments[0].forEach(k => localStorage.removeItem(k))", keys)
            driver.refresh()
        return app

    yield start
    for d in drivers:
        try:
            d.quit()
        except Exception:  # the window may already be gone; the next test starts a new one
            pass


def mulu(*args: str, check: bool = True, env: dict | None = None) -> subprocess.CompletedProcess:
    """Runs the real `mulu` CLI (with `env` added to the environment)."""
    assert CLI and Path(CLI).is_file(), "MULU_E2E_CLI must name the built mulu CLI (run tests/e2e/run.sh)"
    env = {**{k: v for k, v in os.environ.items() if k != "MULU_WORKSPACE"}, **(env or {})}
    proc = subprocess.run([CLI, *args], capture_output=True, text=True, timeout=60, env=env)
    if check and proc.returncode != 0:
        raise AssertionError(f"mulu {' '.join(args)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc


def findings(workspace: Path, lang: str) -> list[dict]:
    """The core's findings for the workspace, from `mulu validate --json` (exit 1 = has errors)."""
    proc = mulu("--workspace", str(workspace), "--lang", lang, "validate", "--json", check=False)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)["findings"]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """On a failure, keeps a picture of every open window: the fastest way to see why."""
    report = yield
    if report.when == "call" and report.failed:
        for i, driver in enumerate(getattr(item, "_mulu_drivers", [])):
            try:
                SHOTS.mkdir(parents=True, exist_ok=True)
                driver.save_screenshot(str(SHOTS / f"FAILED-{item.name}-{i}.png"))
            except Exception:
                pass
    return report
