"""Reader: encodings, line ends, sections, headings, paragraphs, and what it refuses."""
from __future__ import annotations

from pathlib import Path

import pytest

from annotate.errors import InputError
from annotate.readers.text import parse, read

SEED = Path(__file__).resolve().parent.parent / "seeds" / "ningbo-alibaba.txt"


def outline(document):
    return [
        (s.n, s.head.text if s.head else None, [b.text for b in s.blocks]) for s in document.sections
    ]


def test_seed_has_sections_b_and_c_with_their_headings():
    document = read(SEED.read_bytes(), "seed.txt")
    assert [(s.n, s.head.text) for s in document.sections] == [("B", "数字经济为产业赋能"), ("C", "生态链集聚的无限可能")]
    first, second = document.sections
    assert first.blocks[0].text.startswith("从微观层面看，阿里能给宁波带来最大的“礼包”")
    assert second.blocks[-1].text == "站在后疫情时代的新起点，我们期待阿里为制造业大市宁波插上数字经济腾飞的翅膀。"
    assert len(first.blocks) + len(second.blocks) == 21  # 25 non-empty lines: 2 markers, 2 headings, 21 paragraphs
    assert document.title == "数字经济为产业赋能"


@pytest.mark.parametrize("data", [
    "A.\n标题\n正文。\n".encode(),
    "\ufeffA.\r\n标题\r\n正文。\r\n".encode(),
    "A.\r标题\r正文。\r".encode(),
])
def test_bom_and_line_ends(data):
    assert outline(read(data, "x.txt")) == [("A", "标题", ["正文。"])]


def test_line_after_marker_is_a_paragraph_when_it_ends_a_sentence():
    assert outline(parse("1.\n这是一个句子。\n")) == [("1", None, ["这是一个句子。"])]


def test_markdown_headings_open_sections():
    assert outline(parse("# 第一课\n\n你好。\n\n## 生词 ##\n再见。\n")) == [
        (None, "第一课", ["你好。"]),
        (None, "生词", ["再见。"]),
    ]


def test_paragraph_text_is_kept_exactly():
    line = "　　他说：“ＡＢＣ，  ok!”  "
    assert outline(parse(f"{line}\n")) == [(None, None, [line])]


def test_text_without_structure_is_one_section():
    document = parse("第一段。\n\n第二段。")
    assert outline(document) == [(None, None, ["第一段。", "第二段。"])]
    assert document.title == "-"


def test_mixed_encodings_name_the_first_bad_byte():
    data = "你好".encode() + "世界".encode("gb18030")
    with pytest.raises(InputError, match=r"^lesson\.txt: byte 6: not UTF-8 \(0xca\), and not readable as GB18030"):
        read(data, "lesson.txt")


def test_told_encoding_names_the_byte_it_cannot_decode():
    data = ("你好" * 1000).encode() + b"\xff" + "世界".encode()
    with pytest.raises(InputError, match=r"^lesson\.txt: byte 6000: cannot be decoded as utf-8"):
        read(data, "lesson.txt", encoding="utf-8")


def test_control_character_names_line_and_column():
    with pytest.raises(InputError, match=r"^x\.txt:2:3: character U\+0007"):
        read("第一行\n第二\x07行\n".encode(), "x.txt")
