"""`annotate edit` end to end: the real page in Debian's chromium, driven as a person would, and
the TEI it saves. The operations themselves (editing.py) are tested without a browser below.
Security cases of the server are in test_security.py."""
from __future__ import annotations

import json
import re
import urllib.request

import pytest
from click.testing import CliRunner

from annotate.cli import main
from annotate.editing import Edition, EditError
from annotate.render import load
from annotate.validate import check
from annotate.writers import write

from .conftest import SEED_EDITION


def _edition() -> Edition:
    document, _ = load(SEED_EDITION.read_bytes(), str(SEED_EDITION))
    return Edition(document)


def _first(edition: Edition, word: str, char: int = 0) -> int:
    """The place of `word`'s `char`-th character at its first occurrence."""
    return edition.occurrences(word, char)[0]


@pytest.fixture
def page(browser, editor):
    server, folder = editor
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error"
            and "status of 409" not in message.text else None)  # a refused save is answered 409, on purpose
    page.goto(server.url)
    page.wait_for_selector("body[data-zhe-ready]")
    yield page, folder
    context.close()
    assert not errors, errors  # no script error, and nothing the page's CSP refused


def _status(page, pattern: str) -> str:
    page.wait_for_function("(p) => new RegExp(p).test(document.getElementById('zhe-status').textContent)", arg=pattern)
    return page.text_content("#zhe-status")


def _rt(page, at: int) -> str:
    return page.text_content(f'ruby[data-at="{at}"] rt')


def _choose(page, at: int, reading: str) -> None:
    page.click(f'ruby[data-at="{at}"]')
    page.wait_for_selector("#zhe-pop:not([hidden]) .zhe-choice")
    page.click(f'#zhe-pop .zhe-choice:has(.zhe-syllable:text-is("{reading}"))')
    page.wait_for_function("([at, reading]) => document.querySelector(`ruby[data-at='${at}'] rt`).textContent === reading",
                           arg=[at, reading])


def test_a_session_of_corrections_is_saved_exactly(page):
    page, folder = page
    edition = _edition()
    wei, qi = _first(edition, "为"), _first(edition, "企业")
    untouched = _first(edition, "带来")
    occurrences = sum(1 for b, t, c in edition.places if c == 0 and edition.blocks[b].tokens[t].text == "企业")
    # (a longer word holding 企业, 中小企业, is another word: it keeps its reading)
    assert occurrences >= 5 and _rt(page, wei) == "wèi" and _rt(page, qi) == "qǐ"

    # a reading by mouse: the popover lists 为's readings with glosses, the current one pressed
    page.click(f'ruby[data-at="{wei}"]')
    page.wait_for_selector("#zhe-pop:not([hidden]) .zhe-choice")
    assert page.get_attribute('#zhe-pop .zhe-choice:has(.zhe-syllable:text-is("wèi"))', "aria-pressed") == "true"
    assert "as (in the capacity of)" in page.text_content("#zhe-pop") or "wéi" in page.text_content("#zhe-pop")
    page.click('#zhe-pop .zhe-choice:has(.zhe-syllable:text-is("wéi"))')
    _status(page, "为 read wéi")
    assert _rt(page, wei) == "wéi"

    # a reading by keyboard alone: N goes to the next reading the model was unsure of, Enter
    # opens its popover, Tab reaches the field, a typed syllable is taken
    page.wait_for_selector('body[data-zhe-ready="unsure"]')  # found in a helper process, after the page is shown
    unsure = page.evaluate("[...document.querySelectorAll('ruby.zhe-unsure')].map(r => Number(r.dataset.at))")
    assert unsure and wei not in unsure
    following = min(at for at in unsure if at > wei)
    page.keyboard.press("n")
    assert page.evaluate("document.activeElement.dataset.at") == str(following)
    page.keyboard.press("Enter")
    page.wait_for_selector("#zhe-pop:not([hidden])")
    for _ in range(30):
        if page.evaluate("document.activeElement.getAttribute('aria-label')") == "Type a reading":
            break
        page.keyboard.press("Tab")
    page.keyboard.type("wei2")
    page.keyboard.press("Enter")
    # the first edit's status already says "为 read wéi": wait for this reading itself, not the status
    page.wait_for_function("(at) => document.querySelector(`ruby[data-at=\"${at}\"] rt`).textContent === 'wéi'",
                           arg=following)
    _status(page, "read wéi")
    assert _rt(page, following) == "wéi"
    assert page.evaluate("document.activeElement.dataset.at") == str(following)  # focus stays

    # every occurrence of a word
    page.click(f'ruby[data-at="{qi}"]')
    page.wait_for_selector("#zhe-pop:not([hidden])")
    page.check("#zhe-every")
    page.fill('#zhe-pop input[aria-label="Type a reading"]', "qì")
    page.click('#zhe-pop .zhe-typed button')
    _status(page, f"in {occurrences} occurrences of 企业")
    places = [at for at, (b, t, c) in enumerate(edition.places) if c == 0 and edition.blocks[b].tokens[t].text == "企业"]
    readings = [_rt(page, at) for at in places]
    assert readings == ["qì"] * occurrences

    # beads: each shows its confidence; merge two, split one, mark a sentence untranslated
    assert page.get_attribute("#zha-sn-s1", "data-conf") == "0.98"
    page.click("#zha-sn-t2")
    assert "Bead 2 (1:1" in page.text_content("#zhe-bead")
    page.get_by_role("button", name="Merge with next").click()
    _status(page, "beads 2 and 3 merged")
    assert page.get_attribute("#zha-sn-s2", "data-conf") == "fixed"
    page.focus("#zha-sn-s18 ruby")
    page.get_by_role("button", name="Split before this sentence").click()
    _status(page, "split in two")
    page.focus("#zha-sn-s25 ruby")
    page.get_by_role("button", name="Mark untranslated").click()
    _status(page, "sentence marked untranslated")
    assert page.locator(".zha-bead.zha-untr:has(#zha-sn-s25) .zha-none").text_content() == "not translated"

    # a note's gloss, from a character of the term
    page.click("button.zha-term ruby >> nth=0")
    page.wait_for_selector("#zhe-pop:not([hidden]) .zhe-note")
    page.fill('#zhe-pop input[aria-label="Gloss of 数字经济"]', "the digital economy (checked)")
    page.get_by_role("button", name="Save note").click()
    _status(page, "note on 数字经济 changed")
    assert "the digital economy (checked)" in page.text_content("#zha-pop-gl-shuzi-jingji")

    # one change more, undone with Ctrl+Z
    before = _rt(page, untouched)
    _choose(page, untouched, next(c["reading"] for c in _choices(page, untouched) if c["reading"] != before))
    page.keyboard.press("Control+z")
    _status(page, "undone")
    assert _rt(page, untouched) == before

    # after the edits (each renumbers only the paragraphs it changed), every reading on the page
    # still has its number in the edition, and each bead's first sentence its confidence
    assert page.evaluate("""() => [...document.querySelectorAll('article.zha .zha-section ruby')]
        .every((ruby, at) => ruby.dataset.at === String(at))""")
    assert page.evaluate("""() => [...document.querySelectorAll('.zha-sent, .zha-tsent')]
        .every((sentence) => sentence.dataset.bead !== undefined
               && (sentence.dataset.conf !== undefined) === sentence.classList.contains('zhe-first'))""")

    # save: the TEI, then the page and the JSON rendered again
    page.keyboard.press("Control+s")
    _status(page, "rendered .*ningbo-alibaba.html")
    saved = (folder / "ningbo-alibaba.tei.xml").read_bytes()
    assert check(saved) == []
    expected = _edition()
    for operation in [{"op": "reading", "at": wei, "reading": "wéi"},
                      {"op": "reading", "at": following, "reading": "wéi"},
                      {"op": "reading", "at": qi, "reading": "qì", "every": True},
                      {"op": "merge", "sentence": "s2"}, {"op": "split", "sentence": "s18"},
                      {"op": "untranslated", "sentence": "s25"},
                      {"op": "gloss", "entry": "gl-shuzi-jingji", "gloss": "the digital economy (checked)"}]:
        expected.apply(operation)
    assert saved == write(expected.document, "tei")  # those changes, and nothing else
    assert saved != SEED_EDITION.read_bytes()
    assert "the digital economy (checked)" in (folder / "ningbo-alibaba.html").read_text(encoding="utf-8")

    # `annotate render` of the saved TEI shows them
    site = folder / "site"
    result = CliRunner().invoke(main, ["render", str(folder / "ningbo-alibaba.tei.xml"), "--out", str(site)])
    assert result.exit_code == 0, result.output
    html = (site / "ningbo-alibaba.html").read_text(encoding="utf-8")
    assert [word["readings"] for word in _words(json.loads((site / "ningbo-alibaba.json").read_text(encoding="utf-8")))
            if word.get("text") == "企业"] == [["qì", "yè"]] * occurrences
    published = SEED_EDITION.with_name("ningbo-alibaba.html").read_text(encoding="utf-8")
    assert html.count(">wéi</rt>") == published.count(">wéi</rt>") + 2  # the two 为 corrected
    assert re.search(r'zha-untr[^>]*><span class="zha-src"><span class="zha-sent" id="zha-sn-s25">', html)
    assert "the digital economy (checked)" in html


def _words(value):
    if isinstance(value, dict):
        if "readings" in value:
            yield value
        for item in value.values():
            yield from _words(item)
    elif isinstance(value, list):
        for item in value:
            yield from _words(item)


def _choices(page, at: int) -> list[dict]:
    return page.evaluate(f"fetch('api/readings?at={at}').then(r => r.json()).then(j => j.choices)")


def test_a_file_changed_on_disk_is_not_overwritten(page):
    page, folder = page
    path = folder / "ningbo-alibaba.tei.xml"
    edition = _edition()
    wei = _first(edition, "为")
    _choose(page, wei, "wéi")
    changed = path.read_bytes().replace(b"<!--", b"<!-- changed by someone else -->\n<!--", 1)
    if changed == path.read_bytes():
        changed = path.read_bytes() + b"\n"
    path.write_bytes(changed)
    page.keyboard.press("Control+s")
    message = _status(page, "changed on disk")
    assert "nothing was saved" in message and page.is_visible("#zhe-conflict")
    assert path.read_bytes() == changed
    assert _rt(page, wei) == "wéi"  # the change is still on screen
    page.get_by_role("button", name="Save a copy").click()
    _status(page, "saved ningbo-alibaba.edited.tei.xml")
    copy = (folder / "ningbo-alibaba.edited.tei.xml").read_bytes()
    assert check(copy) == [] and path.read_bytes() == changed
    document, _ = load(copy, "copy.tei.xml")
    assert Edition(document).reading_at(wei) == "wéi"


# ---------------------------------------------------------------------- the operations, without a browser


def test_every_operation_round_trips_through_the_tei():
    for operation in [{"op": "reading", "at": 3, "reading": "ji3"}, {"op": "merge", "sentence": "s1"},
                      {"op": "split", "sentence": "t10"}, {"op": "move", "sentence": "t10", "to": "next"},
                      {"op": "move", "sentence": "t2", "to": "previous"}, {"op": "untranslated", "sentence": "s17"},
                      {"op": "unnote", "entry": "gl-funeng"}, {"op": "term", "start": 10, "end": 12, "gloss": "micro"}]:
        edition = _edition()
        edition.apply(operation)
        data = write(edition.document, "tei")
        assert check(data) == [], operation
        again, _ = load(data, "again.tei.xml")
        assert write(again, "tei") == data, operation
        assert data != SEED_EDITION.read_bytes(), operation


@pytest.mark.parametrize("style, current, neutral", [("marks", "wèi", "wei"), ("numbers", "wei4", "wei5"),
                                                     ("zhuyin", "ㄨㄟˋ", "˙ㄨㄟ")])
def test_the_neutral_tone_is_offered_as_the_editions_style_writes_it(style, current, neutral):
    """Zhuyin writes the neutral tone as a dot before the syllable, with no tone mark (˙ㄨㄟ);
    the popover offered ˙ㄨㄟˋ, a syllable no reader writes."""
    from annotate import annotate_text
    from annotate.editing import choices

    edition = Edition(load(write(annotate_text("因为下雨。", reading=style), "tei"), "rain.tei.xml")[0])
    offered = choices(edition, 1)
    assert offered["char"] == "为" and offered["current"] == current
    assert [c["reading"] for c in offered["choices"] if c["origin"] == "neutral tone"] == [neutral]
    edition.apply({"op": "reading", "at": 1, "reading": neutral})
    data = write(edition.document, "tei")
    assert check(data) == [] and edition.reading_at(1) == neutral


def test_bead_operations_keep_every_sentence_once_and_in_order():
    edition = _edition()
    alignment = edition.document.alignment
    edition.apply({"op": "move", "sentence": "t10", "to": "next"})  # the second of (s9)-(t9 t10)
    assert [link.target for link in alignment.links[8:10]] == [("t9",), ("t10", "t11", "t12", "t13")]
    edition.apply({"op": "move", "sentence": "t2", "to": "previous"})  # a bead left with no translation
    assert alignment.links[0].target == ("t1", "t2") and alignment.links[1].source == ("s2",)
    assert alignment.links[1].target == ()
    edition.apply({"op": "untranslated", "sentence": "s18"})  # the second of (s17 s18)-(t23)
    assert ("s18",) in [link.source for link in alignment.links if not link.target]
    sources = [s for link in alignment.links for s in link.source]
    targets = [t for link in alignment.links for t in link.target]
    assert sources == [s.id for s in alignment.source] and targets == [t.id for t in alignment.target]


@pytest.mark.parametrize("operation, reason", [
    ({"op": "reading", "at": 0, "reading": "xyz"}, "not one pinyin syllable"),
    ({"op": "reading", "at": 0, "reading": "<b>"}, "not one pinyin syllable"),
    ({"op": "reading", "at": 10 ** 6, "reading": "ma"}, "no reading number"),
    ({"op": "merge", "sentence": "s999"}, "no sentence"),
    ({"op": "split", "sentence": "s1"}, "already begins its bead"),
    ({"op": "move", "sentence": "s3", "to": "next"}, "only a translation sentence"),
    ({"op": "untranslated", "sentence": "t3"}, "only a sentence of the source"),
    ({"op": "gloss", "entry": "gl-funeng", "gloss": " "}, "needs a gloss"),
    ({"op": "gloss", "entry": "../../etc/passwd", "gloss": "x"}, "no note"),
    ({"op": "term", "start": 0, "end": 2, "gloss": "x"}, "already has a note"),
    ({"op": "term", "start": 10, "end": 12, "gloss": "x", "pinyin": "wei1"}, "has 1 syllables but 微观 has 2"),
    ({"op": "term", "start": 10, "end": 12, "gloss": "x", "pinyin": "<b> x"}, "is not pinyin"),
    ({"op": "delete", "path": "/etc/passwd"}, "unknown edit"),
])
def test_an_edit_that_cannot_apply_says_why_and_changes_nothing(operation, reason):
    edition = _edition()
    before = write(edition.document, "tei")
    with pytest.raises(EditError, match=reason):
        edition.apply(operation)
    assert write(edition.document, "tei") == before


@pytest.fixture
def omission(browser, tmp_path):
    """The seed with one English sentence left out (s5's): the aligner leaves s5 untranslated,
    in a bead the page marks for checking. Served by the editor; yields (page, folder)."""
    from annotate.demo import omission_edition
    from annotate.editor import serving

    from .conftest import ROOT

    (tmp_path / "lesson.tei.xml").write_bytes(omission_edition(ROOT))
    with serving(tmp_path / "lesson.tei.xml") as server:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(server.url)
        page.wait_for_selector("body[data-zhe-ready]")
        yield page, tmp_path
        context.close()


def test_a_left_out_sentence_is_found_with_a_key_and_paired_by_hand(omission):
    page, folder = omission
    assert page.get_attribute("#zha-sn-s5", "class").split().count("zhe-weak") == 1
    page.focus('ruby[data-at="0"]')
    page.keyboard.press("b")  # the next bead to check
    assert page.evaluate("document.activeElement.id") == "zha-sn-s5"
    assert page.text_content("#zhe-bead") == "Bead 5 (1:0, confidence 0.73)"
    # the English of s4 was aligned with s4 alone; here it goes to the next bead, then back, then again
    page.click("#zha-sn-t4")
    page.get_by_role("button", name="Move to next bead").click()
    _status(page, "moved to the next bead")
    assert page.locator(".zha-bead:has(#zha-sn-s5) #zha-sn-t4").count() == 1
    page.keyboard.press("Control+z")
    _status(page, "undone")
    assert page.locator(".zha-bead:has(#zha-sn-s5) #zha-sn-t4").count() == 0
    page.keyboard.press("Control+Shift+z")
    _status(page, "redone")
    assert page.locator(".zha-bead:has(#zha-sn-s5) #zha-sn-t4").count() == 1


def test_a_term_is_added_from_a_selection_and_a_note_removed(omission):
    page, folder = omission
    edition = Edition(load((folder / "lesson.tei.xml").read_bytes(), "lesson.tei.xml")[0])
    start = _first(edition, "疫情")
    occurrences = len(edition.occurrences("疫情", 0))
    page.evaluate("""(start) => {
        const range = document.createRange();
        range.setStartBefore(document.querySelector(`ruby[data-at="${start}"]`));
        range.setEndAfter(document.querySelector(`ruby[data-at="${start + 1}"]`));
        getSelection().removeAllRanges();
        getSelection().addRange(range);
    }""", start)
    page.get_by_role("button", name="Add term…").click()
    gloss = page.locator('#zhe-term input[aria-label="Gloss of 疫情"]')
    gloss.wait_for()
    assert "epidemic" in gloss.input_value()  # from CC-CEDICT, and its reading
    assert page.locator('#zhe-term input[aria-label="Pinyin of 疫情"]').input_value() == "yì qíng"
    page.locator('#zhe-term input[aria-label="Pinyin of 疫情"]').fill("yi4qing2")
    gloss.fill("epidemic; the outbreak")
    page.get_by_role("button", name="Add term", exact=True).click()
    _status(page, f"疫情 is a term, with its note \\({occurrences} occurrences\\)")
    assert page.locator(f'button.zha-term:has(ruby[data-at="{start}"])').count() == 1
    # a note removed from a character of its term
    page.click("button.zha-term[popovertarget='zha-pop-gl-funeng'] ruby >> nth=0")
    page.get_by_role("button", name="Remove note").click()
    _status(page, "note on 赋能 removed")
    assert page.locator("#zha-pop-gl-funeng").count() == 0
    page.keyboard.press("Control+s")
    _status(page, "rendered")
    saved = (folder / "lesson.tei.xml").read_bytes()
    assert check(saved) == []
    again = Edition(load(saved, "lesson.tei.xml")[0])
    entries = {entry.term: entry for entry in again.document.glossary.values()}
    assert entries["疫情"].gloss == "epidemic; the outbreak" and "赋能" not in entries
    assert entries["疫情"].pinyin == ("yì", "qíng") and entries["疫情"].written_pinyin == "yì qíng"
    assert sum("疫情" == t.text and bool(t.note_ids) for block in again.blocks for t in block.tokens) == occurrences


# ---------------------------------------------------------------------- the command


@pytest.mark.parametrize("stop", ["SIGINT", "SIGTERM"])
def test_edit_builds_a_source_first_serves_it_and_stops_on_ctrl_c(tmp_path, stop):
    """Ctrl-C (or a service manager's SIGTERM) stops the editor with its closing line; the
    signal asks the serving loop to stop, so it is not lost inside a weakref callback."""
    import signal
    import subprocess
    import sys
    import urllib.request

    from .conftest import ROOT

    for name in ("ningbo-alibaba.txt", "ningbo-alibaba.en.txt"):
        (tmp_path / name).write_bytes((ROOT / "seeds" / name).read_bytes())
    process = subprocess.Popen([sys.executable, "-m", "annotate", "edit", "ningbo-alibaba.txt", "--no-browser"],
                               cwd=tmp_path, stderr=subprocess.PIPE, text=True)
    try:
        lines = []
        for line in process.stderr:
            lines.append(line)
            if "editing" in line:
                break
        address = re.search(r"at (http://127\.0\.0\.1:\d+/[\w-]+/) ", lines[-1]).group(1)
        assert "out/ningbo-alibaba.tei.xml" in lines[-1]
        with urllib.request.urlopen(address + "api/state") as response:
            state = json.loads(response.read())
        assert state["edition"] == "ningbo-alibaba.tei.xml" and state["beads"]  # built with its translation
        with urllib.request.urlopen(address) as response:
            assert b'<script src="edit.js"></script>' in response.read()
    finally:
        process.send_signal(getattr(signal, stop))
        rest = process.communicate(timeout=30)[1]
    assert process.returncode == 0, rest
    assert "annotate: editor stopped" in rest and "Traceback" not in rest
    assert (tmp_path / "out" / "ningbo-alibaba.html").exists()


def test_closing_the_editor_stops_its_helper_process_at_once(tmp_path):
    """Ctrl-C on a book: the helper (which checks the profile and finds the unsure readings,
    17 s of 西游记's 40 chapters) is stopped, not waited for."""
    import multiprocessing
    import time

    from annotate.editor import Session

    path = tmp_path / "edition.tei.xml"
    path.write_bytes(SEED_EDITION.read_bytes())
    session = Session(path)
    before = set(multiprocessing.active_children())
    work = session._helper(time.sleep, 60)  # the helper busy as on a book
    (worker,) = set(multiprocessing.active_children()) - before
    started = time.monotonic()
    session.close()
    worker.join(10)
    assert not worker.is_alive() and time.monotonic() - started < 5
    assert not work.ready()  # stopped, not finished


def test_edit_refuses_what_it_cannot_save_to(tmp_path):
    (tmp_path / "lesson.json").write_text("{}", encoding="utf-8")
    result = CliRunner().invoke(main, ["edit", str(tmp_path / "lesson.json"), "--no-browser"])
    assert result.exit_code == 2 and "saves to a TEI edition" in result.output
    (tmp_path / "broken.tei.xml").write_text("<TEI>", encoding="utf-8")
    result = CliRunner().invoke(main, ["edit", str(tmp_path / "broken.tei.xml"), "--no-browser"])
    assert result.exit_code != 0 and "broken.tei.xml" in result.output and "Traceback" not in result.output


def test_after_an_edit_the_page_gets_only_what_changed(tmp_path):
    from annotate.editor import Session

    path = tmp_path / "edition.tei.xml"
    path.write_bytes(SEED_EDITION.read_bytes())
    session = Session(path)
    try:
        first = session.changes(None)  # a page that shows nothing yet: the whole article
        assert first["article"].startswith("<article") and first["version"] == 1
        second = _first(session.edition, "产业")
        last = max(at for at, (b, t, c) in enumerate(session.edition.places))
        session.edit({"op": "reading", "at": last, "reading": "ma"})  # the last section's last reading
        answer = session.changes("1")
        assert answer["sections"] == {} and answer["tail"] is None
        (change,) = answer["children"]  # one paragraph of the last section, the last one
        assert (change["section"], change["count"]) == (1, 1) and change["start"] == change["total"] - 1
        assert change["markup"].startswith('<p class="zha-p') and ">ma</rt>" in change["markup"]
        assert change["markup"].endswith("</p>") and change["markup"].count('<p class="zha-p') == 1
        session.edit({"op": "gloss", "entry": "gl-shuzi-jingji", "gloss": "digital economy, checked"})
        answer = session.changes(str(answer["version"]))
        assert answer["sections"] == {} and answer["children"] == []
        assert "digital economy, checked" in answer["tail"]
        session.edit({"op": "merge", "sentence": "s1"})  # the heading's bead and the first paragraph's
        answer = session.changes(str(answer["version"]))
        (change,) = answer["children"]  # the heading stays; its translation moves into the paragraph
        assert (change["section"], change["start"], change["count"]) == (0, 1, 2)
        assert change["markup"].startswith('<p class="zha-p zha-bi">') and "zha-tgt-head" not in change["markup"]
        session.edit({"op": "reading", "at": second, "reading": "shēng"})
        assert "article" in session.changes("1")  # an old version: everything again
    finally:
        session.close()


def test_a_new_terms_pinyin_is_the_reading_of_each_occurrence():
    edition = _edition()
    assert edition.word_at(10) == ("微观", 0) and edition.reading_at(10) == "wēi"
    edition.apply({"op": "term", "start": 10, "end": 12, "gloss": "micro level", "pinyin": "wéi guān"})
    assert edition.reading_at(10) == "wéi" and edition.reading_at(11) == "guān"
    (entry,) = [e for e in edition.document.glossary.values() if e.term == "微观"]
    assert entry.pinyin == ("wéi", "guān") and entry.id == "gl-wei-guan" and entry.source == "editor"
    data = write(edition.document, "tei")
    assert check(data) == [] and write(load(data, "again.tei.xml")[0], "tei") == data


# ---------------------------------------------------------------------- a long page, in parts

VOID = {"br", "img", "input", "meta", "link", "wbr", "hr", "col", "source"}


def _balanced(markup: str) -> bool:
    """Every element of `markup` ends in it: a run of whole elements (text holds no `<`)."""
    open_tags: list[str] = []
    for closing, tag in re.findall(r"<(/?)([a-z][a-z0-9]*)[^>]*>", markup):
        if tag in VOID:
            continue
        if not closing:
            open_tags.append(tag)
        elif not open_tags or open_tags.pop() != tag:
            return False
    return not open_tags


def _rebuilt(first: str, slices: list) -> str:
    """The article of a page that came in parts, once the editor's script has added the slices
    of its rest: in strings, as the script does it in the page, a `section` slice at the end of
    the article's last section of text, an `article` slice at the end of the article."""
    article = first[first.index("<article"):first.index('<template id="zhe-more"')]
    assert article.endswith("</section></article>")  # the first part ends after a paragraph
    article = article[:-len("</article>")]
    for into, markup in slices:
        if into == "section":
            close = article.index("</section>", article.rindex('<section class="zha-section"'))
            article = article[:close] + markup + article[close:]
        else:
            assert into == "article"
            article += markup
    return article + "</article>"


class _Sent:
    """What the server sends of a page: the bytes until it ends the response."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.closed = False

    def write(self, data: bytes) -> None:
        assert not self.closed, "written after the response ended"
        self.parts.append(data)

    def close(self) -> None:
        self.closed = True


@pytest.fixture(scope="module")
def long_editions(tmp_path_factory):
    """The seed's bilingual edition, and a Markdown lesson (headings, lists in lists, tables,
    quotations, code, notes), each as a TEI."""
    from annotate import annotate_text
    from annotate.glossary import load as load_glossary

    from .conftest import DATA, GOLDEN

    folder = tmp_path_factory.mktemp("long")
    lesson = folder / "lesson.tei.xml"
    lesson.write_bytes(write(annotate_text((GOLDEN / "structure.md").read_text(encoding="utf-8"), source="lesson.md",
                                           glossary=load_glossary([DATA / "glossary.tsv"])), "tei"))
    seed = folder / SEED_EDITION.name
    seed.write_bytes(SEED_EDITION.read_bytes())
    return [seed, lesson]


@pytest.mark.parametrize("which", [0, 1], ids=["bilingual seed", "markdown lesson"])
def test_a_long_page_is_sent_in_parts_that_add_up_to_the_page(long_editions, which):
    """Wherever the first part ends, it ends after a whole element of a section, is a page of
    its own, and with the slices of the rest added where the script adds them gives the page's
    article exactly; every slice is a run of whole elements."""
    from annotate.editor import Session

    path = long_editions[which]
    whole = write(load(path.read_bytes(), str(path))[0], "html").decode("utf-8")
    article = whole[whole.index("<article"):whole.rindex("</article>") + len("</article>")]
    cuts = most = 0
    for first_part in range(2_000, len(whole), max(len(whole) // 9, 1)):
        session = Session(path, first_part=first_part, slice_size=1_500)
        try:
            sent = _Sent()
            session.page(sent)
            first = b"".join(sent.parts).decode("utf-8")
            assert first.endswith("</body></html>\n")
            assert sent.closed == ('<template id="zhe-more"' in first)  # a cut page's response ends there
            if not sent.closed:  # the whole page fitted
                assert first[first.index("<article"):first.rindex("</article>") + 10] == article
                continue
            cuts += 1
            number = int(re.search(r'data-page="(\d+)"', first).group(1))
            slices = session.rest(number)
            assert slices and all(_balanced(markup) for _, markup in slices)
            most = max(most, len(slices))
            assert _rebuilt(first, slices) == article, first_part
            with pytest.raises(EditError):
                session.rest(number)  # given once
        finally:
            session.close()
    assert cuts >= 5 and most >= 5


def _normalised(page, selector: str = "article.zha") -> str:
    """The article's markup without what the editor adds to it (numbers, focus, marks)."""
    return page.evaluate("""(selector) => {
      const copy = document.querySelector(selector).cloneNode(true);
      for (const element of copy.querySelectorAll('*')) {
        for (const name of ['data-at', 'tabindex', 'data-bead', 'data-conf', 'title']) element.removeAttribute(name);
        for (const name of [...element.classList]) if (name.startsWith('zhe-')) element.classList.remove(name);
        if (element.getAttribute('class') === '') element.removeAttribute('class');
      }
      return copy.outerHTML;
    }""", selector)


@pytest.mark.parametrize("which", [0, 1], ids=["bilingual seed", "markdown lesson"])
def test_a_long_page_comes_in_parts_and_shows_the_whole_edition(browser, long_editions, which):
    """In chromium: a page cut after its first part can be used at once (a reading's popover
    opens), and once the script has added the rest its article is the published page's."""
    from annotate.editor import serving

    path = long_editions[which]
    whole = write(load(path.read_bytes(), str(path))[0], "html").decode("utf-8")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        published = context.new_page()
        published.set_content(whole)
        expected = _normalised(published)
        with serving(path, first_part=3_000, slice_size=2_000) as server:
            page = context.new_page()
            errors = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            with urllib.request.urlopen(server.url) as response:  # these settings cut the page
                assert b'<template id="zhe-more"' in response.read()
            page.goto(server.url, wait_until="domcontentloaded")
            page.click("article.zha .zha-section ruby")
            page.wait_for_selector("#zhe-pop:not([hidden]) .zhe-choice")
            page.keyboard.press("Escape")
            page.wait_for_selector("body[data-zhe-ready]")
            assert page.query_selector("#zhe-more") is None
            assert _normalised(page) == expected
            places = page.evaluate("document.querySelectorAll('article.zha .zha-section ruby').length")
            assert places == json.loads(page.evaluate("fetch('api/state').then(r => r.text())"))["places"]
            assert not errors, errors
    finally:
        context.close()
