#!/usr/bin/python3
"""The web chat in a real browser: headless Chromium driven by Selenium (both from
Debian: chromium, chromium-driver, python3-selenium), against a real `intake serve`.

Usage: test_web_page.py BINARY   (the `intake` binary; `intake-serve` beside it)
Ends with the line `N passed, N failed`.
"""
import contextlib
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import runner  # noqa: E402  (the loop every end-to-end file ends with)
import test_serve  # noqa: E402  (the server harness)

TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


check = test_serve.check


def browser(width=1024, height=900):
    options = webdriver.ChromeOptions()
    options.binary_location = '/usr/bin/chromium'
    for argument in ['--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu',
                     '--window-size=%d,%d' % (width, height)]:
        options.add_argument(argument)
    service = Service(executable_path='/usr/bin/chromedriver')
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(60)
    return driver


@contextlib.contextmanager
def the_page(width=1024, height=900):
    """A browser of that size on the page of a new server, for the block; both closed after."""
    with test_serve.serving() as server:
        driver = browser(width, height)
        try:
            driver.get('http://127.0.0.1:%d/' % server.port)
            yield driver
        finally:
            driver.quit()


def messages(driver):
    return driver.find_elements(By.CSS_SELECTOR, '#log > li')


def wait_for_messages(driver, count):
    WebDriverWait(driver, 30).until(lambda d: len(messages(d)) >= count)
    return messages(driver)


def type_line(driver, text):
    before = len(messages(driver))
    field = driver.find_element(By.ID, 'input')
    field.send_keys(text)
    field.send_keys(Keys.ENTER)
    # The person's message, then the assistant's answer.
    return wait_for_messages(driver, before + 2)[-1]


@test
def a_person_reads_the_disclaimer_asks_a_question_presses_a_choice_and_continues_after_a_reload():
    with the_page() as driver:
        opening = wait_for_messages(driver, 1)[0]
        page = driver.find_element(By.TAG_NAME, 'body').text
        check(page.index('not a doctor') < page.index(opening.text.split('\n')[1][:20]), 'the disclaimer comes first')
        check(opening.find_element(By.CLASS_NAME, 'sender').text == 'Assistant:', 'sender label')
        log = driver.find_element(By.ID, 'log')
        check(log.get_attribute('aria-live') == 'polite' and log.get_attribute('role') == 'log', 'live region')

        answer = type_line(driver, 'what is baclofen')
        check('muscle relaxant' in answer.text.lower(), 'answer: %r' % answer.text)
        check(messages(driver)[-2].find_element(By.CLASS_NAME, 'sender').text == 'You:', 'the person is labelled')

        buttons = driver.find_elements(By.CSS_SELECTOR, '#choices button')
        check(buttons, 'choices are buttons')
        before = len(messages(driver))
        label = buttons[0].text.split('. ', 1)[1]
        buttons[0].click()
        after = wait_for_messages(driver, before + 2)
        check(after[-2].text.endswith(label), 'the choice pressed is shown as said: %r' % after[-2].text)
        pending = after[-1].find_elements(By.CLASS_NAME, 'ask')
        question = pending[-1].text if pending else None

        driver.refresh()
        shown = wait_for_messages(driver, 1)
        check(len(shown) == 1, 'after a reload, only the pending question: %d messages' % len(shown))
        if question:
            check(question in shown[0].text, 'the same question after a reload: %r / %r' % (question, shown[0].text))
        answer = type_line(driver, 'repeat')
        check(answer.text, 'the session goes on after the reload')


@test
def a_crisis_line_shows_the_numbers_as_links_to_call():
    with the_page() as driver:
        wait_for_messages(driver, 1)
        answer = type_line(driver, "my boyfriend isn't breathing and his lips are blue")
        links = [a.get_attribute('href') for a in answer.find_elements(By.CSS_SELECTOR, 'a')]
        check('tel:911' in links, 'a tel: link for 911: %r' % links)
        check('crisis' in answer.get_attribute('class'), 'the crisis message is marked')


@test
def the_chat_works_from_the_keyboard_alone_at_320_pixels():
    with the_page(width=320, height=700) as driver:
        wait_for_messages(driver, 1)
        width = driver.execute_script('return document.documentElement.scrollWidth')
        inner = driver.execute_script('return window.innerWidth')
        check(width <= inner, 'no sideways scrolling at 320 px: %d > %d' % (width, inner))
        # Tab from the page's start reaches the first choice; Enter presses it.
        driver.find_element(By.TAG_NAME, 'body').send_keys(Keys.TAB)
        for _ in range(10):
            focused = driver.switch_to.active_element
            if focused.tag_name == 'button':
                break
            focused.send_keys(Keys.TAB)
        check(focused.tag_name == 'button', 'a choice takes the focus from the keyboard')
        before = len(messages(driver))
        focused.send_keys(Keys.ENTER)
        wait_for_messages(driver, before + 2)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    test_serve.BINARY = os.path.abspath(sys.argv[1])
    return runner.run(TESTS, 'web page end-to-end')


if __name__ == '__main__':
    sys.exit(main())
