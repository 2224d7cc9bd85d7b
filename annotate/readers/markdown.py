"""Markdown → sections and blocks with their kinds, containers and inline marks.

Parsed by markdown-it-py (CommonMark, with GFM tables and strikethrough) and mdit-py-plugins'
front matter. A block's text is what the Markdown shows (markers and link targets gone,
entities decoded); marks say where emphasis, links, inline code, images and hard breaks were.
Code (fenced, indented, inline) and raw HTML are kept as they are and never annotated: raw
HTML is shown as code, not run (an edition's pages are safe whatever their source holds).

A top-level heading opens a section, as a `# ` line does in a text source.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from ..errors import InputError
from ..model import Block, Container, Document, Mark, Section
from .common import collect
from .text import Facts, InvalidCharacters, open_source, split_lines

SUFFIXES = (".md", ".markdown")
INLINE_MARKS = {"em": "em", "strong": "strong", "s": "del", "link": "link"}


@lru_cache(maxsize=1)
def parser():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING}).enable(
        ["table", "strikethrough"]).use(front_matter_plugin)


MAX_NESTING = 100
"""Quotations and lists nested inside each other, at most (markdown-it's commonmark preset has 20,
past which it drops the rest of the file without a word). Deeper, the file is refused."""


def inline(children) -> tuple[str, tuple[Mark, ...]]:
    """An inline token's children → the text they show and the marks over it."""
    text: list[str] = []
    position = 0
    opened: list[tuple[str, int, int, dict]] = []  # kind, start, order, attributes
    marks: list[tuple[int, Mark]] = []  # (order of opening, mark): outer before inner at one start
    order = 0
    for child in children or ():
        kind = child.type
        if kind == "text":
            piece = child.content
        elif kind == "softbreak":
            piece = "\n"
        elif kind == "hardbreak":
            marks.append((order, Mark("break", position, position)))
            order += 1
            piece = "\n"
        elif kind in ("code_inline", "html_inline"):
            piece = child.content
            marks.append((order, Mark("code" if kind == "code_inline" else "verbatim", position, position + len(piece))))
            order += 1
        elif kind == "image":
            marks.append((order, Mark("image", position, position, child.attrs.get("src"), child.content)))
            order += 1
            piece = ""
        elif kind.endswith("_open") and kind[:-5] in INLINE_MARKS:
            opened.append((INLINE_MARKS[kind[:-5]], position, order, dict(child.attrs)))
            order += 1
            piece = ""
        elif kind.endswith("_close") and kind[:-6] in INLINE_MARKS and opened:
            mark_kind, start, at, attributes = opened.pop()
            target = attributes.get("href") if mark_kind == "link" else None
            title = attributes.get("title") if mark_kind == "link" else None
            marks.append((at, Mark(mark_kind, start, position, target, title)))
            piece = ""
        else:  # anything else a plugin adds: its text, as written
            piece = child.content or ""
        text.append(piece)
        position += len(piece)
    ordered = sorted(marks, key=lambda pair: (pair[1].start, pair[1].start == pair[1].end, -pair[1].end, pair[0]))
    return "".join(text), tuple(mark for _, mark in ordered)


def events(text: str, source: str) -> tuple[dict | None, list[Section | Block]]:
    """Markdown text → its front matter (a mapping, or None) and the stream of sections and blocks."""
    tokens = parser().parse(text)
    deepest = next((t for t in tokens if t.nesting == 1 and t.level >= MAX_NESTING - 1), None)
    if deepest is not None:  # markdown-it stopped there and kept nothing below: say so rather than lose text
        line = deepest.map[0] + 1 if deepest.map else 0
        raise InputError(f"{source}:{line}: quotations and lists nested more than {MAX_NESTING} levels deep "
                         "(a list and its item are two); flatten them, then run again")
    front: dict | None = None
    items: list[Section | Block] = []
    stack: list[Container] = []
    numbers = iter(range(1, 1 << 62))
    announced = False
    tight_next = False
    header_next = False

    def add(block: Block) -> None:
        nonlocal announced
        if not announced:
            items.append(Section())
            announced = True
        items.append(block)

    index = 0
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        line = token.map[0] + 1 if token.map else 0
        if kind == "front_matter":
            front = _front_matter(token.content, source)
        elif kind == "heading_open":
            content, marks = inline(tokens[index + 1].children)
            block = Block("head", content, line, level=int(token.tag[1]), marks=marks, containers=tuple(stack))
            if not stack:
                section = Section(head=block)
                items += [section, block]
                announced = True
            else:
                add(block)
            index += 2
        elif kind == "paragraph_open":
            tight_next = token.hidden
        elif kind in ("th_open", "td_open"):
            header_next = kind == "th_open"
            following = tokens[index + 1]
            if following.type == "inline":
                content, marks = inline(following.children)
                index += 1
            else:
                content, marks = "", ()
            add(Block("cell", content, line, marks=marks, containers=tuple(stack), header=header_next))
        elif kind == "inline":
            content, marks = inline(token.children)
            add(Block("p", content, line, marks=marks, containers=tuple(stack), tight=tight_next))
            tight_next = False
        elif kind in ("fence", "code_block", "html_block"):
            info = token.info.strip().split()[0] if kind == "fence" and token.info.strip() else None
            add(Block("code", token.content, line, containers=tuple(stack), info="html" if kind == "html_block" else info))
        elif kind in ("bullet_list_open", "ordered_list_open"):
            start = token.attrs.get("start")
            stack.append(Container("list", next(numbers), kind == "ordered_list_open",
                                   int(start) if start is not None else None))
        elif kind in ("list_item_open", "blockquote_open", "table_open", "tr_open"):
            container = {"list_item_open": "item", "blockquote_open": "quote", "table_open": "table",
                         "tr_open": "row"}[kind]
            stack.append(Container(container, next(numbers)))
        elif kind in ("bullet_list_close", "ordered_list_close", "list_item_close", "blockquote_close", "table_close",
                      "tr_close"):
            stack.pop()
        index += 1
    return front, items


def _front_matter(content: str, source: str) -> dict:
    import yaml

    try:
        value = yaml.safe_load(content)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 2}" if mark is not None else ""
        raise InputError(f"{source}{where}: the front matter is not valid YAML ({getattr(error, 'problem', error)}); "
                         "fix it, or remove the --- lines around it") from None
    return value if isinstance(value, dict) else {}


def read_text(lines: Iterable[str], source: str, replace_invalid: bool = False) -> tuple[Facts, list, dict | None]:
    """Decoded lines → what a first pass learns (title, size, sample), the events and the front matter."""
    invalid = InvalidCharacters(source, replace_invalid)
    checked = []
    for number, line in enumerate(lines, start=1):
        if number == 1:
            line = line.removeprefix("\ufeff")
        checked.append(invalid.check(line, number))
    front, items = events("\n".join(checked) + "\n", source)
    facts = Facts(replaced=invalid.replaced)
    title = front.get("title") if front else None
    facts.title = str(title).strip() if isinstance(title, (str, int, float)) and str(title).strip() else None
    sample: list[str] = []
    for item in items:
        if isinstance(item, Block):
            facts.blocks += 1
            facts.characters += len(item.text)
            if item.kind == "head" and facts.title is None and item.text.strip():
                facts.title = item.text.strip()
            if item.kind != "code" and sum(map(len, sample)) < 3_000:
                sample.append(item.text)
    facts.sample = "".join(sample)
    return facts, items, front


def parse(text: str, source: str = "-", *, replace_invalid: bool = False) -> Document:
    """Markdown text → a Document skeleton with no tokens yet. Lines end where a file's do
    (`split_lines`: not at a form feed or U+2028, which stay in the text or are refused)."""
    return _document(split_lines([text]), source, replace_invalid)


def read(data: bytes, source: str = "-", *, encoding: str = "auto", replace_invalid: bool = False) -> Document:
    """Markdown bytes → a Document skeleton with no tokens yet."""
    opened = open_source(data=data, name=source, encoding=encoding)
    document = _document(opened.lines(), source, replace_invalid)
    document.encoding = opened.encoding
    return document


def _document(lines: Iterable[str], source: str, replace_invalid: bool) -> Document:
    facts, items, front = read_text(lines, source, replace_invalid)
    document = Document(source=source, characters=facts.characters, title_text=facts.title, replaced=facts.replaced,
                        front_matter=front)
    return collect(items, document)
