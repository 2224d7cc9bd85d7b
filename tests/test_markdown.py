"""Markdown sources: structure kept in every format, nothing annotated where it must not be,
and the text of our HTML equal to the text of markdown-it's own HTML for any Markdown."""
from __future__ import annotations

import json
import re

import jsonschema
import lxml.html
import pytest
from hypothesis import given, strategies as st

from annotate import annotate_text, write
from annotate.readers.markdown import parser

from .conftest import DATA, GOLDEN, ROOT, wrap_fragment

SCHEMA = json.loads((ROOT / "annotate" / "schema" / "document.schema.json").read_text(encoding="utf-8"))
SOURCE = (GOLDEN / "structure.md").read_text(encoding="utf-8")
T = "{http://www.tei-c.org/ns/1.0}"


@pytest.fixture(scope="module")
def lesson():
    from annotate.glossary import load

    return annotate_text(SOURCE, source="structure.md", glossary=load([DATA / "glossary.tsv"]))


def _html_text(data: bytes) -> str:
    """What a reader sees of our fragment's text: no controls, readings, other script, notes."""
    root = lxml.html.fromstring(data.decode("utf-8"))
    classes = " | ".join(f'//*[contains(concat(" ", @class, " "), " {name} ")]'
                         for name in ("zha-t", "zha-controls", "zha-glossary", "zha-pops"))
    for bad in root.xpath(f"//rt | //rp | //footer | //style | {classes}"):
        bad.drop_tree()
    return root.text_content()


def test_front_matter_title_and_headings_by_level(lesson):
    assert lesson.title == "第一课：银行"
    assert lesson.front_matter == {"title": "第一课：银行", "level": 2}
    heads = [(b.text, b.level) for b in lesson.blocks() if b.kind == "head"]
    assert heads == [("第一课", 1), ("生词", 2)]
    page = write(lesson, "html")
    assert b"<title>\xe7\xac\xac\xe4\xb8\x80\xe8\xaf\xbe\xef\xbc\x9a\xe9\x93\xb6\xe8\xa1\x8c</title>" in page
    # `#` is the page's <h1> and `##` its <h2>, as the TEI's rend="h1" and rend="h2" say (issue 25)
    assert b'<h1 class="zha-head">' in page and b'<h2 class="zha-head">' in page and b"<h3" not in page


def test_code_link_targets_urls_and_addresses_get_no_readings(lesson):
    blocks = list(lesson.blocks())
    code = [b for b in blocks if b.kind == "code"]
    assert [b.info for b in code] == ["python", None, "html"]  # fenced, indented, an HTML block (shown as code)
    assert all(t.kind == "verbatim" and not any(t.readings) for b in code for t in b.tokens)
    inline = next(b for b in blocks if "代码 银行" in b.text)
    token = next(t for t in inline.tokens if "代码" in t.text)
    assert token.text == "代码 银行" and token.kind == "verbatim"
    last = blocks[-1]
    verbatim = [t.text for t in last.tokens if t.kind == "verbatim"]
    assert verbatim == ["https://example.org/银行", "teacher@example.com"]
    html = write(lesson, "html-fragment", style=False).decode("utf-8")
    assert '<code>代码 银行</code>' in html and 'print("银行")  # 不要注音' in html
    assert '&lt;div class="note"&gt;原样的 HTML 块&lt;/div&gt;' in html  # escaped, never run
    assert 'href="https://example.com/%E8%AF%BE%E6%96%87?a=1&amp;b=2"' in html  # the target as it was


def test_marks_split_words_without_changing_their_readings():
    document = annotate_text("我去**银**行存钱。\n", source="bank.md")
    block = next(document.blocks())
    parts = [t for t in block.tokens if t.text in ("银", "行")]
    assert [p.readings for p in parts] == [("yín",), ("háng",)]  # 银行 read as one word (not xíng), in two pieces
    strong = next(m for m in block.marks if m.kind == "strong")
    assert block.text[strong.start:strong.end] == "银"
    assert "<strong><ruby" in write(document, "html-fragment").decode("utf-8")


def test_every_format_keeps_the_structure(lesson, assert_valid_tei):
    tei = assert_valid_tei(write(lesson, "tei"))
    body = tei.find(f".//{T}body")
    assert [len(list(l.iter(f"{T}item"))) for l in body.iter(f"{T}list")][:1] == [4]
    assert body.find(f".//{T}list/{T}item/{T}list").get("rend") == "numbered"
    assert body.find(f".//{T}quote") is not None and len(body.findall(f".//{T}quote/{T}p")) == 2
    assert [c.get("role") for c in body.iter(f"{T}cell")] == ["label", "label", None, None]
    assert body.find(f".//{T}ref").get("target").startswith("https://example.com/")
    assert body.find(f".//{T}figure/{T}graphic").get("url") == "images/bank.png"
    assert body.find(f".//{T}figure/{T}figDesc").text == "银行的照片"
    assert [h.get("rend") for h in body.iter(f"{T}hi")] == ["bold", "italic", "strikethrough", "bold"]
    assert not list(body.iterfind(f".//{T}code//{T}ruby"))
    data = json.loads(write(lesson, "json"))
    jsonschema.validate(data, SCHEMA)
    blocks = [b for s in data["sections"] for b in ([s["head"]] if s["head"] else []) + s["blocks"]]
    item = next(b for b in blocks if b["text"] == "先排队")
    assert [c["kind"] for c in item["containers"]] == ["list", "item", "list", "item"]
    assert item["containers"][2]["ordered"] is True and item["tight"] is True
    for block in blocks:
        assert "".join(t["text"] for t in block["tokens"]) == block["text"]
        for mark in block.get("marks", []):
            assert 0 <= mark["start"] <= mark["end"] <= len(block["text"])


def test_html_page_from_markdown_passes_the_checker(lesson, vnu, tmp_path):
    page = tmp_path / "lesson.html"
    page.write_bytes(write(lesson, "html"))
    fragment = tmp_path / "fragment.html"
    fragment.write_bytes(wrap_fragment(write(lesson, "html-fragment")))
    assert vnu([page, fragment]) == []


def test_broken_front_matter_is_one_line(tmp_path):
    from click.testing import CliRunner

    from annotate.cli import main

    source = tmp_path / "bad.md"
    source.write_text("---\ntitle: [unclosed\n---\n# 你好\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(source), "--out", str(tmp_path / "out")])
    assert result.exit_code != 0
    assert "bad.md:" in result.output and "front matter is not valid YAML" in result.output
    assert "Traceback" not in result.output
    assert not list((tmp_path / "out").glob("bad.*"))



@pytest.mark.parametrize("as_bytes", [True, False])
def test_lines_end_where_the_files_do(as_bytes):
    """A line separator (U+2028) stays inside its paragraph and the lines keep the file's
    numbers; a form feed, which XML cannot hold, is refused at its line and column, not taken
    as a line break (str.splitlines would do both)."""
    from annotate.errors import InputError
    from annotate.readers import markdown

    def read(text):
        return markdown.read(text.encode(), "x.md") if as_bytes else markdown.parse(text, "x.md")

    document = read("# 标题\n\n第一段\u2028还是第一段。\n\n第二段。\n")
    assert [(b.text, b.line) for b in document.blocks()] == [
        ("标题", 1), ("第一段\u2028还是第一段。", 3), ("第二段。", 5)]
    with pytest.raises(InputError, match=r"x\.md:3:4: character U\+000C"):
        read("# 标题\n\n第一段\x0c第二行\n")


# ------------------------------------------------------------------ property: text as markdown-it shows it

WORDS = st.sampled_from(["银行", "我们", "学习", "汉语", "好", "长大", "音乐", "重要", "了", "他", "A1", "ok", "123",
                         "，", "。", "！", "“好”", "&", "中国人", "行"])
TEXT = st.lists(WORDS, min_size=1, max_size=6).map("".join)
LINK = st.sampled_from(["https://example.com/a", "b.html", "#top", "mailto:a@example.com", "javascript:alert(1)"])


@st.composite
def inline_markdown(draw) -> str:
    pieces = []
    for _ in range(draw(st.integers(1, 4))):
        text = draw(TEXT)
        style = draw(st.sampled_from(["plain", "em", "strong", "del", "code", "link", "image", "break"]))
        pieces.append({"plain": text, "em": f"*{text}*", "strong": f"**{text}**", "del": f"~~{text}~~",
                       "code": f"`{text}`", "link": f"[{text}]({draw(LINK)})", "image": f"![{text}](p.png)",
                       "break": f"{text}  \n{text}"}[style])
    return "".join(pieces)


@st.composite
def markdown_document(draw) -> str:
    blocks = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["p", "h", "ul", "ol", "quote", "fence", "table", "nested"]))
        line = draw(inline_markdown())
        if kind == "p":
            blocks.append(line)
        elif kind == "h":
            blocks.append("#" * draw(st.integers(1, 6)) + " " + line)
        elif kind in ("ul", "ol"):
            marker = "-" if kind == "ul" else "1."
            blocks.append("\n".join(f"{marker} {draw(inline_markdown())}" for _ in range(draw(st.integers(1, 3)))))
        elif kind == "quote":
            blocks.append("> " + line)
        elif kind == "fence":
            blocks.append(f"```\n{draw(TEXT)}\n```")
        elif kind == "table":
            blocks.append(f"| {draw(TEXT)} | {draw(TEXT)} |\n|---|---|\n| {line} | {draw(TEXT)} |")
        else:
            blocks.append(f"- {draw(TEXT)}\n  - {line}\n\n  {draw(TEXT)}")
    return "\n\n".join(blocks) + "\n"


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@given(markdown_document())
def test_our_html_shows_the_text_markdown_it_shows(assert_valid_tei, source):
    reference = lxml.html.fragment_fromstring(parser().render(source) or "<p></p>", create_parent="div").text_content()
    document = annotate_text(source, source="lesson.md")
    ours = write(document, "html-fragment", style=False)
    assert _squeeze(_html_text(ours)) == _squeeze(reference)
    tei = assert_valid_tei(write(document, "tei"))  # valid against the profile, whatever the structure
    texts = [b.text for b in document.blocks()]
    assert [_squeeze(t) for t in texts if _squeeze(t)] == [_squeeze(t) for t in _tei_texts(tei) if _squeeze(t)]
    data = json.loads(write(document, "json"))
    jsonschema.validate(data, SCHEMA)
    blocks = [b for s in data["sections"] for b in ([s["head"]] if s["head"] else []) + s["blocks"]]
    assert ["".join(t["text"] for t in b["tokens"]) for b in blocks] == texts  # the text, from the JSON's words


def _tei_texts(root) -> list[str]:
    """Each block's text from the TEI: heads, paragraphs, cells and an item's own text, without
    readings, other forms and notes."""
    skip = {f"{T}rt", f"{T}reg", f"{T}note", f"{T}figDesc", f"{T}list", f"{T}p", f"{T}quote"}
    found = []

    def text(element) -> str:
        parts = [element.text or ""]
        for child in element:
            if child.tag not in skip:
                parts.append(text(child))
            parts.append(child.tail or "")
        return "".join(parts)

    body = root.find(f".//{T}body")
    for element in body.iter(f"{T}head", f"{T}p", f"{T}cell", f"{T}item"):
        own = text(element)
        if element.tag != f"{T}item" or own.strip():
            found.append(own)
    return found


def test_structure_survives_the_edition_as_master(lesson, tmp_path):
    """A Markdown edition's TEI and JSON, rendered, give back the same editions: lists, quotations,
    tables, code, emphasis, links and pictures are read as they were written."""
    from annotate.pipeline import annotate_added
    from annotate.readers.json import read as read_json
    from annotate.readers.tei import read as read_tei

    tei, data = write(lesson, "tei"), write(lesson, "json")
    edition = read_tei(tei, "structure.tei.xml")
    assert annotate_added(edition) == 0  # the line break's "\n" is the only bare text: nothing was added
    assert write(edition, "tei") == tei
    again = read_json(data, "structure.json")
    assert write(again, "json") == data and write(again, "html") == write(lesson, "html")
    from_tei = read_tei(tei, "structure.tei.xml")
    assert [(b.kind, b.text, b.containers, [m for m in b.marks if m.kind != "link"]) for b in from_tei.blocks()] == \
        [(b.kind, b.text, tuple(c for c in b.containers), [m for m in b.marks if m.kind != "link"])
         for b in lesson.blocks()]
