"""The HTML in a real browser: Debian's headless Chromium, driven by Playwright (no download)."""
from __future__ import annotations

import re

import pytest

from annotate import annotate_text, load_glossary, write
from annotate.demo import embed_demo

from .conftest import ROOT, wrap_fragment

SEED = ROOT / "seeds" / "ningbo-alibaba.txt"

# For each ruby: the box of its visible base character and of its reading.
MEASURE = """(limit) => {
  const out = [];
  for (const ruby of document.querySelectorAll('article.zha ruby')) {
    const rt = ruby.querySelector('rt');
    let base = [...ruby.querySelectorAll('span')].find(s => getComputedStyle(s).display !== 'none');
    let rect;
    if (base) { rect = base.getBoundingClientRect(); }
    else { const range = document.createRange(); range.selectNodeContents(ruby.firstChild); rect = range.getBoundingClientRect(); }
    const textRange = document.createRange(); textRange.selectNodeContents(rt);
    const r = textRange.getBoundingClientRect();  // the reading's text, not its padded box
    if (!rect.width || !r.width) continue;
    out.push({base: [rect.left, rect.right, rect.top, rect.bottom], rt: [r.left, r.right, r.top, r.bottom], text: rt.textContent});
    if (out.length >= limit) break;
  }
  return out;
}"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """The seed as a page, as a bare wrapped fragment, and inside the hostile embed demo."""
    folder = tmp_path_factory.mktemp("html")
    document = annotate_text(SEED.read_text(encoding="utf-8"), source=SEED.name, glossary=load_glossary(ROOT / "glossary"))
    fragment = write(document, "html-fragment")
    files = {
        "page": write(document, "html"),
        "fragment": wrap_fragment(fragment),
        "embed": embed_demo(fragment),
    }
    for name, data in files.items():
        (folder / f"{name}.html").write_bytes(data)
    return {name: (folder / f"{name}.html").as_uri() for name in files}


@pytest.fixture
def open_page(browser):
    contexts = []

    def opener(url, width=1280, height=900, scheme="light"):
        context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
        contexts.append(context)
        page = context.new_page()
        page.goto(url)
        return page

    yield opener
    for context in contexts:
        context.close()


def _glyph(base):
    """The ideograph's own box: a CJK font's content area has about 20% of empty ascent above it."""
    left, right, top, bottom = base
    return left, right, top + 0.2 * (bottom - top), bottom - 0.1 * (bottom - top)


def assert_aligned(boxes):
    assert len(boxes) >= 100
    for box in boxes:
        (bl, br, bt, _), (rl, rr, rt, rb) = _glyph(box["base"]), box["rt"]
        assert abs((bl + br) / 2 - (rl + rr) / 2) <= 2, f"{box['text']} is not centred on its character: {box}"
        assert rb <= bt and rt < bt, f"{box['text']} is not above its character: {box}"
    bases = [_glyph(b["base"]) for b in boxes]
    for box in boxes:  # a reading never covers a character, its own line's or the line above
        rl, rr, rt, rb = box["rt"]
        for l, r, t, b in bases:
            assert not (rl < r - 1 and l + 1 < rr and rt < b - 1 and t + 1 < rb), f"{box['text']} overlaps a character"


@pytest.mark.parametrize("which", ["page", "fragment", "embed"])
def test_each_reading_is_centred_above_its_character(pages, open_page, which):
    page = open_page(pages[which])
    assert_aligned(page.evaluate(MEASURE, 300))


@pytest.mark.parametrize("which", ["page", "embed"])
def test_no_horizontal_overflow_on_a_phone(pages, open_page, which):
    page = open_page(pages[which], width=360, height=740)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_aligned(page.evaluate(MEASURE, 120))


def visible_count(page, selector):
    return page.evaluate(
        "(s) => [...document.querySelectorAll(s)].filter(e => e.getClientRects().length > 0).length", selector)


def test_controls_change_what_is_shown(pages, open_page):
    page = open_page(pages["page"])
    assert visible_count(page, "rt") > 1000
    page.get_by_role("checkbox", name="Pinyin").uncheck()
    assert visible_count(page, "rt") == 0

    first = page.locator("p.zha-p").first
    assert "发挥" not in first.inner_text() and "從微觀" not in first.inner_text()
    page.get_by_role("checkbox", name="Traditional characters").check()
    assert first.inner_text().startswith("從微觀層面看")
    assert visible_count(page, ".zha-s") == 0 and visible_count(page, ".zha-t") > 500

    ink = page.evaluate("getComputedStyle(document.querySelector('ruby.zha-4')).color")
    page.get_by_role("checkbox", name="Tone colours").check()
    colours = page.evaluate("[1,2,3,4,5].map(n => getComputedStyle(document.querySelector('ruby.zha-' + n)).color)")
    assert len(set(colours)) == 5 and ink not in colours

    assert page.locator("#zha-glossary").is_visible()
    page.get_by_role("checkbox", name="Notes").uncheck()
    assert not page.locator("#zha-glossary").is_visible()


def test_choices_are_remembered(pages, open_page):
    page = open_page(pages["page"])
    page.get_by_role("checkbox", name="Pinyin").uncheck()
    page.get_by_role("checkbox", name="Tone colours").check()
    page.reload()
    assert not page.get_by_role("checkbox", name="Pinyin").is_checked()
    assert page.get_by_role("checkbox", name="Tone colours").is_checked()
    assert visible_count(page, "rt") == 0


def test_controls_work_with_the_keyboard(pages, open_page):
    page = open_page(pages["fragment"])  # no script at all
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.zhaOption") == "pinyin"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Space")
    assert visible_count(page, "rt") == 0


@pytest.mark.parametrize("which", ["page", "fragment"])
def test_a_note_opens_and_closes_with_the_keyboard(pages, open_page, which):
    page = open_page(pages[which])
    for _ in range(30):  # tab past the controls to the first term
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('zha-term')"):
            break
    term = page.evaluate("document.activeElement.id")
    assert term.startswith("zha-gl-")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none", "focus is visible"
    page.keyboard.press("Enter")
    note = page.locator(":popover-open")
    assert note.count() == 1 and note.is_visible()
    assert "digital economy" in note.inner_text()
    if which == "page":  # with the script, the note opens right under its term
        term_box = page.locator(f"#{term}").bounding_box()
        note_box = note.bounding_box()
        assert 0 <= note_box["y"] - (term_box["y"] + term_box["height"]) <= 20
        assert abs(note_box["x"] - term_box["x"]) <= 20
    page.keyboard.press("Escape")
    assert page.locator(":popover-open").count() == 0
    assert page.evaluate("document.activeElement.id") == term


def _luminance(rgb):
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _rgb(css):
    return tuple(int(float(v)) for v in re.findall(r"[\d.]+", css)[:3])


def contrast(a, b):
    la, lb = sorted((_luminance(_rgb(a)), _luminance(_rgb(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_contrast_in_both_schemes(pages, open_page, scheme):
    page = open_page(pages["page"], scheme=scheme)
    page.get_by_role("checkbox", name="Tone colours").check()
    background = page.evaluate("getComputedStyle(document.querySelector('article.zha')).backgroundColor")
    selectors = ["article.zha", "rt", ".zha-control", ".zha-footer", ".zha-section[data-n]", ".zha-note", ".zha-back a",
                 ".zha-gl-pinyin"] + [f"ruby.zha-{n}" for n in range(1, 6)] + [f"ruby.zha-{n} rt" for n in range(1, 6)]
    for selector in selectors:
        colour = page.evaluate("(s) => getComputedStyle(document.querySelector(s)).color", selector)
        assert contrast(colour, background) >= 4.5, f"{selector}: {colour} on {background}"


def test_language_tags_and_accessible_names(pages, open_page):
    page = open_page(pages["page"])
    assert page.evaluate("document.documentElement.lang") == "zh-Hans"
    assert page.evaluate("[...document.querySelectorAll('rt')].every(rt => rt.lang === 'zh-Latn-pinyin')")
    assert page.evaluate("[...document.querySelectorAll('.zha-t')].every(e => e.lang === 'zh-Hant')")
    for name in ("Pinyin", "Traditional characters", "Tone colours", "Notes"):
        assert page.get_by_role("checkbox", name=name).count() == 1
    assert page.get_by_role("group", name="Display options").count() == 1


def test_print_keeps_ruby_and_hides_controls(pages, open_page, tmp_path):
    page = open_page(pages["page"])
    page.emulate_media(media="print")
    assert visible_count(page, ".zha-controls") == 0
    assert visible_count(page, "rt") > 1000
    marker = page.evaluate("getComputedStyle(document.querySelector('.zha-first'), '::after').content")
    assert marker == '"1"'
    later = page.evaluate("getComputedStyle(document.querySelector('.zha-term:not(.zha-first)'), '::after').content")
    assert later in ("none", "normal")
    for paper in ("A4", "Letter"):
        pdf = page.pdf(format=paper)
        assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") >= 3


@pytest.mark.parametrize("which", ["page", "embed"])
def test_no_requests_besides_the_page(pages, browser, which):
    context = browser.new_context()
    requests = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.goto(pages[which])
    page.get_by_role("checkbox", name="Traditional characters").check()
    page.locator(".zha-term").first.click()
    page.wait_for_load_state("networkidle")
    context.close()
    assert requests == [pages[which]]


def test_level_switch_shows_and_hides_known_readings(browser, tmp_path):
    document = annotate_text(SEED.read_text(encoding="utf-8"), source=SEED.name,
                             glossary=load_glossary(ROOT / "glossary"), dictionary="cedict", level=3)
    path = tmp_path / "learner.html"
    path.write_bytes(write(document, "html"))
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(path.as_uri())
    known = visible_count(page, ".zha-known rt")
    assert known == 0 and visible_count(page, "rt") > 500
    assert page.locator(".zha-profile").is_visible()
    assert page.locator(".zha-profile").bounding_box()["y"] < page.locator(".zha-section").first.bounding_box()["y"]
    page.get_by_role("checkbox", name="Pinyin only above HSK 3").uncheck()
    assert visible_count(page, ".zha-known rt") > 300
    assert_aligned(page.evaluate(MEASURE, 150))
    context.close()


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory):
    """The seed with its English translation, as a page and as a bare fragment (no script)."""
    folder = tmp_path_factory.mktemp("bilingual")
    translation = SEED.with_name("ningbo-alibaba.en.txt")
    document = annotate_text(SEED.read_text(encoding="utf-8"), source=SEED.name, glossary=load_glossary(ROOT / "glossary"),
                             translation=translation.read_text(encoding="utf-8"), translation_name=translation.name)
    (folder / "page.html").write_bytes(write(document, "html"))
    (folder / "fragment.html").write_bytes(wrap_fragment(write(document, "html-fragment")))
    return {name: (folder / f"{name}.html").as_uri() for name in ("page", "fragment")}


BOXES = """() => {
  const bead = document.querySelectorAll('.zha-bi .zha-bead')[1];
  const box = e => { const r = e.getBoundingClientRect(); return r.width ? [r.left, r.right, r.top, r.bottom] : null; };
  return {src: box(bead.querySelector('.zha-src')), tgt: box(bead.querySelector('.zha-tgt'))};
}"""


@pytest.mark.parametrize("which", ["page", "fragment"])
@pytest.mark.parametrize("width", [1280, 390])
def test_translation_layouts(bilingual, open_page, which, width):
    page = open_page(bilingual[which], width=width, height=900)
    # under each sentence (the default): the translation below its source
    boxes = page.evaluate(BOXES)
    assert boxes["tgt"] and boxes["tgt"][2] >= boxes["src"][3] - 1
    # side by side: beside it on a desktop, under it on a phone
    page.locator("input.zha-lay-side").check()
    boxes = page.evaluate(BOXES)
    if width >= 1000:
        assert boxes["tgt"][0] >= boxes["src"][1] and abs(boxes["tgt"][2] - boxes["src"][2]) < 40
    else:
        assert boxes["tgt"][2] >= boxes["src"][3] - 1
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # on tap: hidden until its bead has focus (a tap, a click, or Tab)
    page.locator("input.zha-lay-tap").check()
    assert page.evaluate(BOXES)["tgt"] is None
    page.locator(".zha-bi .zha-bead").nth(1).click()
    assert page.evaluate(BOXES)["tgt"] is not None
    page.locator(".zha-bi .zha-bead").nth(3).focus()  # another bead: this one's translation hides again
    assert page.evaluate(BOXES)["tgt"] is None
    for _ in range(60):  # by keyboard alone: Tab until the bead itself has focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement === document.querySelectorAll('.zha-bi .zha-bead')[5]"):
            break
    else:
        pytest.fail("Tab never reached the sixth bead")
    assert page.evaluate("getComputedStyle(document.querySelectorAll('.zha-bi .zha-bead')[5]"
                         ".querySelector('.zha-tgt')).display") == "block"
    # off: never shown
    page.locator("input.zha-lay-off").check()
    page.locator(".zha-bi .zha-bead").nth(1).focus()
    assert page.evaluate(BOXES)["tgt"] is None
    assert visible_count(page, ".zha-tgt") == 0


def test_a_sentence_and_its_translation_light_up_together(bilingual, open_page):
    page = open_page(bilingual["page"])
    bead = page.locator(".zha-bi .zha-bead").nth(2)
    before = bead.evaluate("e => getComputedStyle(e).backgroundColor")
    bead.hover()
    after = bead.evaluate("e => getComputedStyle(e).backgroundColor")
    assert before != after
    other = page.locator(".zha-bi .zha-bead").nth(4).evaluate("e => getComputedStyle(e).backgroundColor")
    assert other == before


def test_the_layout_is_remembered(bilingual, open_page):
    page = open_page(bilingual["page"])
    page.locator("input.zha-lay-side").check()
    page.reload()
    assert page.locator("input.zha-lay-side").is_checked()


def test_a_gloss_word_in_the_translation_opens_its_terms_note(bilingual, open_page):
    page = open_page(bilingual["page"])
    link = page.locator(".zha-tgt .zha-tw").first
    target = link.get_attribute("popovertarget")
    assert target.startswith("zha-pop-gl-")
    link.click()
    assert page.locator(f"#{target}").is_visible()


def test_a_bilingual_page_prints_with_each_translation_under_its_sentence(bilingual, open_page):
    page = open_page(bilingual["page"])
    page.locator("input.zha-lay-tap").check()  # whatever the reader chose, but off
    page.emulate_media(media="print")
    boxes = page.evaluate(BOXES)
    assert boxes["tgt"] and boxes["tgt"][2] >= boxes["src"][3] - 1
    assert not page.locator(".zha-controls").is_visible()
    page.emulate_media(media="screen")
    page.locator("input.zha-lay-off").check()
    page.emulate_media(media="print")
    assert page.evaluate(BOXES)["tgt"] is None


IN_PLACE = MEASURE.replace("article.zha ruby", 'ruby[class^="zha-"]')


@pytest.fixture(scope="module")
def in_place(tmp_path_factory):
    """The seed as somebody's web page (its own styles and layout) and as an e-book, annotated in place."""
    import zipfile

    from click.testing import CliRunner

    from annotate.cli import main
    from annotate.demo import seed_book

    folder = tmp_path_factory.mktemp("in-place")
    paragraphs = [line for line in SEED.read_text(encoding="utf-8").splitlines() if len(line) > 20]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = ('<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>宁波</title><style>'
            "body{max-width:36rem;margin:2rem auto;font:20px/1.8 serif}header{background:#eee;padding:1rem}</style>"
            f'</head><body><header id="site">我的网站</header><main>{body}</main></body></html>')
    (folder / "in").mkdir()
    (folder / "in" / "page.html").write_text(page, encoding="utf-8")
    (folder / "in" / "book.epub").write_bytes(seed_book(ROOT))
    result = CliRunner().invoke(main, ["build", str(folder / "in"), "--out", str(folder / "out"), "--format", "html"])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(folder / "out" / "book.epub") as book:
        book.extractall(folder / "book")
    return {"page": (folder / "out" / "page.html").as_uri(), "original": (folder / "in" / "page.html").as_uri(),
            "chapter": (folder / "book" / "OEBPS" / "c1.xhtml").as_uri()}


@pytest.mark.parametrize("which", ["page", "chapter"])
def test_in_place_readings_sit_above_their_characters(in_place, open_page, which):
    page = open_page(in_place[which], width=390, height=844)
    assert_aligned(page.evaluate(IN_PLACE, 150))
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_in_place_page_keeps_its_layout_and_switches_work(in_place, open_page):
    before = open_page(in_place["original"]).evaluate("document.querySelector('main').getBoundingClientRect().width")
    page = open_page(in_place["page"])
    assert page.evaluate("document.querySelector('main').getBoundingClientRect().width") == before
    assert page.evaluate("getComputedStyle(document.getElementById('site')).backgroundColor") == "rgb(238, 238, 238)"
    shown = 'document.querySelectorAll("ruby[class^=zha-] rt").length - [...document.querySelectorAll(' \
            '"ruby[class^=zha-] rt")].filter(e => getComputedStyle(e).display === "none").length'
    assert page.evaluate(shown) > 100
    page.locator("input.zha-opt-pinyin").uncheck()
    assert page.evaluate(shown) == 0


@pytest.fixture(scope="module")
def untranslated(tmp_path_factory):
    """Twelve sentences, the sixth left untranslated (an editor's fixed 1-0 bead), as a page and a fragment."""
    from click.testing import CliRunner

    from annotate.cli import main

    from .conftest import DATA

    folder = tmp_path_factory.mktemp("untranslated")
    rows = (DATA / "tatoeba_cmn_zh.tsv").read_text(encoding="utf-8").splitlines()[701:713]
    pairs = [tuple(row.split("\t")[:2]) for row in rows]
    (folder / "story.txt").write_text("".join(zh for zh, _ in pairs) + "\n", encoding="utf-8")
    (folder / "story.en.txt").write_text(" ".join(en for k, (_, en) in enumerate(pairs) if k != 5) + "\n",
                                         encoding="utf-8")
    (folder / "fixed.beads").write_text("[5]:[]\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(folder / "story.txt"), "--alignment", str(folder / "fixed.beads"),
                                       "--out", str(folder / "out"), "--format", "html,html-fragment"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    fragment = folder / "out" / "fragment.html"
    fragment.write_bytes(wrap_fragment((folder / "out" / "story.fragment.html").read_bytes()))
    return {"page": (folder / "out" / "story.html").as_uri(), "fragment": fragment.as_uri()}


@pytest.mark.parametrize("which", ["page", "fragment"])
def test_a_sentence_left_untranslated_is_marked_in_every_layout(untranslated, open_page, which):
    page = open_page(untranslated[which])
    marked = page.locator(".zha-bead.zha-untr")
    label = marked.locator(".zha-none")
    underline = "e => getComputedStyle(e.querySelector('.zha-src')).textDecorationLine"
    assert marked.count() == 1 and marked.get_attribute("title") == "not translated"
    # under each sentence, and side by side: the label where the translation would be
    for layout in ("under", "side"):
        page.locator(f"input.zha-lay-{layout}").check()
        assert label.is_visible() and label.inner_text() == "not translated"
        assert marked.evaluate(underline) == "underline"
    # on tap: the label with the bead's focus, as a translation would show
    page.locator("input.zha-lay-tap").check()
    assert not label.is_visible() and marked.evaluate(underline) == "underline"
    marked.focus()
    assert label.is_visible()
    # off: no translations and no label, but the sentence is still marked, and says why
    page.locator("input.zha-lay-off").check()
    assert not label.is_visible() and marked.evaluate(underline) == "underline"
    other = page.locator(".zha-bead:not(.zha-untr)").nth(2)
    assert other.evaluate(underline) == "none"
