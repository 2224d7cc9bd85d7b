"""The document model that every pass fills in and every writer reads.

No I/O and no lxml here: a `Document` is plain data, so analysis never knows
about output formats and writers never see the source bytes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Literal

TokenKind = Literal["han", "latin", "punct", "space", "other", "text", "verbatim"]
BlockKind = Literal["head", "p", "code", "cell", "caption"]
MarkKind = Literal["em", "strong", "del", "link", "code", "image", "break", "verbatim", "run"]
ContainerKind = Literal["list", "item", "quote", "table", "row", "figure"]
SAFE_ID = re.compile(r"[a-z0-9-]+")
"""What glossary and dictionary entry ids look like: safe in any attribute, so writers put them
in markup without escaping. Checked once, when an entry is made (GlossaryEntry)."""


@dataclass(slots=True)
class Token:
    """One word, run of Latin letters and digits, punctuation mark or space."""

    text: str
    """The token exactly as in the source."""
    kind: TokenKind
    """`han` for a word with Han characters; `latin` for letters/digits (B2B, 2020, 1+1>2);
    `punct`, `space` and `other` (symbols, emoji) pass through untouched. `text` is text not
    analysed yet: a run an editor typed into an edition (readers.tei), which
    pipeline.annotate_added turns into tokens of the other kinds before any writer sees it.
    `verbatim` is text that must never get readings (code, a URL, an e-mail address): it passes
    through untouched, as one token."""
    readings: tuple[str | None, ...] = ()
    """One entry per character of `text`: a pinyin syllable for a Han character, None for
    anything else. Empty until the readings pass has run. 中国 → ("zhōng", "guó")."""
    sources: tuple[str | None, ...] = ()
    """How each reading was decided, one entry per character (None for non-Han): `glossary`,
    `override` (readings.tsv), `rule`, `phrase` (pypinyin's phrase dictionary), `cedict` (a word
    CC-CEDICT reads one way), `model` (the context model, for a polyphone) or `default` (the
    character's usual reading)."""
    confidence: tuple[float | None, ...] = ()
    """For readings the model chose: its probability among the character's readings; else None."""
    name: str | None = None
    """For a proper noun: `person`, `place`, `organisation` or `name` (a glossary term written
    with a capital, or a CC-CEDICT name of no known kind); None for other words."""
    written: tuple[str | None, ...] = ()
    """Where 一 or 不 is spoken in another tone: the written syllables (一个 yī gè); else empty."""
    spoken: tuple[str | None, ...] = ()
    """Where 一 or 不 is spoken in another tone: the spoken syllables (一个 yí gè); else empty.
    `readings` holds one of the two: the spoken ones with `--tone-sandhi`."""
    traditional: str | None = None
    """Traditional form of `text`, only when it differs (same length, aligned per character)."""
    simplified: str | None = None
    """For a source in traditional characters: the simplified form of `text`, where it differs."""
    note_ids: tuple[str, ...] = ()
    """Keys into `Document.glossary` for the glossary entries this token is an occurrence of."""
    level: int | None = None
    """HSK level of the word (1–6, 7 for the 7–9 band) in the chosen standard; None outside the lists."""
    known: bool = False
    """At or below the reader's level (`--level`): shown without pinyin or dictionary note."""
    note_here: bool = False
    """This occurrence shows its note (`--notes first`: the first occurrence in its section)."""
    spelling: str | None = None
    """The word in pinyin as GB/T 16159 writes words (syllables joined, names capitalised,
    Xī'ān), for a Han word whose readings were decided: given by the spellings pass, which runs
    only when a format that shows it (the JSON) is asked for (`Context.spellings`); a part of a
    word cut by a mark keeps its whole word's spelling, and a JSON edition's token its `word`."""
    markup_id: int | None = field(default=None, init=False, compare=False, repr=False)
    """Writers' memo key: a number for everything above that a writer shows, given when the
    token is first written (writers.common.markup_id), so that three formats hash it once. A token is
    not changed once written."""

    def split(self, bounds) -> list[Token]:
        """The token cut at `bounds` ([(start, end, …), …], covering it in order) into tokens of
        their own, every per-character field cut to match."""
        text, readings, sources, confidence = self.text, self.readings, self.sources, self.confidence
        traditional, simplified, written, spoken = self.traditional, self.simplified, self.written, self.spoken
        kind, name, note_ids, level, known, note_here = self.kind, self.name, self.note_ids, self.level, self.known, \
            self.note_here
        parts = []
        for bound in bounds:
            start, end = bound[0], bound[1]
            cut = text[start:end]
            other = traditional[start:end] if traditional else None
            source = simplified[start:end] if simplified else None
            said = heard = ()
            if spoken and spoken[start:end] != written[start:end]:
                said, heard = written[start:end], spoken[start:end]
            parts.append(Token(cut, kind, readings[start:end], sources[start:end], confidence[start:end], name, said,
                               heard, other if other != cut else None, source if source != cut else None, note_ids,
                               level, known, note_here))  # spelling: cut_at_marks gives the word's
        return parts


@dataclass(slots=True, frozen=True)
class Span:
    """A source sentence within a block: which of its tokens it holds."""

    id: str
    """The sentence's id, as in `Alignment.source` (`s12`)."""
    start: int
    """Index of its first token in `Block.tokens`."""
    end: int
    """Index after its last token."""


@dataclass(slots=True, frozen=True)
class Mark:
    """Inline markup over a stretch of a block's text, by character offsets into `Block.text`.

    Marks nest as the source nests them (a mark that starts inside another ends inside it), and
    the tokens of an annotated block are cut at every mark's start and end, so a writer opens and
    closes marks between tokens. An `image` or a `break` is empty (start == end): it stands at
    that place in the text."""

    kind: MarkKind
    """`em`, `strong`, `del` (struck through), `link` (to `target`), `code` (inline code, never
    annotated), `image` (`target` its source, `text` its alt text), `break` (a hard line break),
    `verbatim` (a URL or e-mail address in running text, never annotated), `run` (one text node
    of an HTML page or e-book chapter annotated in place: the writer puts its tokens back there)."""
    start: int
    end: int
    target: str | None = None
    """A link's target or an image's source, exactly as written."""
    text: str | None = None
    """An image's alt text; a link's title."""


@dataclass(slots=True, frozen=True)
class Container:
    """What a block sits in: a list, one of its items, a quotation, a table or a row, a figure.

    Each block lists its containers from the outermost in (`Block.containers`); a writer opens a
    container where it first appears in a block's chain and closes it where the chain leaves it.
    Two blocks are in the same container when the container is the same (equal `number`)."""

    kind: ContainerKind
    number: int
    """Unique in the document, in order of opening: tells two neighbouring lists apart."""
    ordered: bool = False
    """For a list: numbered (`1.`) rather than bulleted."""
    start: int | None = None
    """For a numbered list that does not start at 1: its first number."""


@dataclass(slots=True)
class Block:
    """A heading, a paragraph, a code block, a table cell or a caption: the unit of annotation."""

    kind: BlockKind
    text: str
    """The text exactly as in the source (for a Markdown heading, without the `#` marker; for
    Markdown, without its markup: marks say where the emphasis, links and code were)."""
    line: int
    """1-based line number in the source, for messages."""
    level: int = 0
    """A heading's level (1–6; 0 for a heading found by the text layout rules, shown as level 2)."""
    marks: tuple[Mark, ...] = ()
    """Inline markup, in document order (by start, outer before inner)."""
    containers: tuple[Container, ...] = ()
    """The lists, items, quotations, tables and rows the block sits in, outermost first."""
    tight: bool = False
    """A paragraph that is the bare text of a list item (a tight Markdown list): no `<p>` of its own."""
    header: bool = False
    """A table cell that heads its column (`<th>`)."""
    info: str | None = None
    """A code block's language, as its fence names it (`python`)."""
    tokens: list[Token] = field(default_factory=list)
    """The words of `text`, in order; their texts concatenate to `text`."""
    sentences: list[Span] = field(default_factory=list)
    """In a bilingual edition, the block's sentences, covering its tokens in order; else empty."""
    continues: bool = False
    """A later part of a very long paragraph, cut after a sentence's end to keep memory flat
    (batch): writers do not open the paragraph again."""
    continued: bool = False
    """A part of a very long paragraph that more parts follow: writers do not close it yet."""
    whole: str | None = None
    """For the first part of a cut paragraph: the whole paragraph's text (the JSON gives it first)."""

    def token_offsets(self) -> list[int]:
        """The character offset of each token in `text`, and the text's length last."""
        return list(accumulate(map(len, [token.text for token in self.tokens]), initial=0))


@dataclass(slots=True, frozen=True)
class Sentence:
    """One sentence of the source or of its translation, exactly as written."""

    id: str
    """`s1`, `s2`… for the source, `t1`, `t2`… for the translation: unique in the document, XML ids."""
    text: str
    """The sentence as in its text, spaces after it included (the sentences of a paragraph
    concatenate to the paragraph)."""
    paragraph: int
    """0-based paragraph of its side it is in."""


@dataclass(slots=True, frozen=True)
class Link:
    """A bead: source sentences and the translation sentences that translate them."""

    source: tuple[str, ...]
    """Ids of consecutive source sentences; empty where the translator added a sentence."""
    target: tuple[str, ...]
    """Ids of consecutive translation sentences; empty where the translation leaves one out."""
    confidence: float
    """0–1: how sure the aligner is (1.0 for a bead the user fixed)."""
    fixed: bool = False
    """Given by the user in a corrected alignment (`--alignment`), not found by the aligner."""


@dataclass(slots=True)
class Alignment:
    """A translation of the document, sentence by sentence, and the beads that pair the sentences."""

    language: str
    """BCP 47 tag of the translation: `en`, `en-GB`, `de`."""
    source: list[Sentence]
    """The source's sentences, in order."""
    target: list[Sentence]
    """The translation's sentences, in order."""
    links: list[Link]
    """Beads covering every sentence of both sides once, in order."""
    name: str = ""
    """Where the translation was read from (a file name), for messages and the TEI header."""
    method: str = ""
    """How it was aligned, in a sentence (for the TEI header): the aligner and its evidence, or given pairs."""
    source_language: str = "zh-Hans"


@dataclass(slots=True)
class Section:
    """A run of blocks opened by a section marker (`B.`), a Markdown heading, or the start."""

    n: str | None = None
    """The section's label from a marker line such as `B.`; None when it has none."""
    head: Block | None = None
    """The section heading, when the source has one."""
    blocks: list[Block] = field(default_factory=list)
    """The paragraphs of the section, in order."""

    def all_blocks(self) -> list[Block]:
        """The heading, if any, then the paragraphs."""
        return ([self.head] if self.head is not None else []) + self.blocks


@dataclass(slots=True, frozen=True)
class GlossaryEntry:
    """One curated term: its gloss and the optional pinyin, traditional form and note."""

    id: str
    """A stable identifier, usable as an XML id: `gl-shuzi-jingji`."""
    term: str
    gloss: str
    pinyin: tuple[str, ...] | None = None
    """One syllable per character of `term` (None for non-Han characters), tone marks, lower case."""
    written_pinyin: str | None = None
    """The pinyin as the glossary writes it, for the appendix: `Ālǐbābā`, `shùzì jīngjì`."""
    traditional: str | None = None
    note: str | None = None
    source: str = ""
    """Where the entry was read from, `glossary/seed.tsv:12`."""
    origin: str = "glossary"
    """`glossary` for the user's own entries, `cedict` for glosses from CC-CEDICT."""
    level: int | None = None
    """HSK level of the term, when the document is graded."""
    example: str | None = None
    """The first sentence of the document the term occurs in."""

    def __post_init__(self) -> None:
        if not SAFE_ID.fullmatch(self.id):
            raise ValueError(f"glossary entry id {self.id!r} is not made of a-z, 0-9 and -")


@dataclass(slots=True, frozen=True)
class Settings:
    """The options a document was annotated with; writers record them in their output."""

    reading: str = "marks"
    """How readings are spelled: `marks` (zhōng), `numbers` (zhong1) or `zhuyin` (ㄓㄨㄥ)."""
    variant: str = "tw"
    """Which traditional standard: `tw` (OpenCC s2tw), `hk` (s2hk) or `t` (s2t)."""
    dictionary: str | None = None
    """`cedict` to gloss the words the user glossary does not cover."""
    level: int | None = None
    """The reader's HSK level: words at or below it get no pinyin and no dictionary note."""
    hsk_standard: str = "2025"
    """Which HSK word list grades the text: `2025` (exam syllabus) or `2021` (grading standard)."""
    notes: str = "first"
    """Where notes show: `first` occurrence of a term in each section, `all`, or `none`."""
    vocab_order: str = "first"
    """Order of the vocabulary appendix: by `first` occurrence or by `level`."""
    tone_sandhi: bool = False
    """Show the spoken tones of 一 and 不 (yí gè, bú shì) instead of the written ones."""
    capitalize_names: bool = False
    """Capitalise the first syllable of names in the ruby too (Níngbō), not only in word spellings."""
    book_variant: bool = False
    """A book made from a simplified text (`--format epub`) is written in `variant`'s traditional
    forms (`--variant` was given), not in its own script. A book holds one script either way: an
    e-reader has no switch, and with publisher styles off it would show both."""

    @property
    def learner(self) -> bool:
        """Whether the learner's edition is on (a dictionary or a level): grading is then shown."""
        return self.dictionary is not None or self.level is not None


PROFILE_KEYS = tuple(str(level) for level in range(1, 8)) + ("outside",)
"""The keys of a document's vocabulary profile, in order: HSK levels 1–6, 7 for the 7–9 band,
and words outside all levels."""


@dataclass(slots=True)
class Document:
    """A source text with its structure, and, once annotated, its words and notes."""

    source: str
    """The source's name as given (a file name, or `-` for standard input)."""
    sections: list[Section] = field(default_factory=list)
    glossary: dict[str, GlossaryEntry] = field(default_factory=dict)
    """The glossary entries this document uses, by id, in order of first use."""
    settings: Settings = field(default_factory=Settings)
    characters: int = 0
    """Number of characters in the source text (line ends excluded)."""
    title_text: str | None = None
    """The first heading, when it is known before the sections are (a streamed file)."""
    encoding: str | None = None
    """The source's encoding (`utf-8`, `gb18030`, `big5`, `utf-16`), when read from bytes."""
    script: str = "Hans"
    """`Hans` for a source in simplified characters, `Hant` for one in traditional characters."""
    replaced: int = 0
    """How many characters XML cannot hold were replaced with U+FFFD (`--replace-invalid`)."""
    profile: dict[str, int] = field(default_factory=dict)
    """Running words at each HSK level (`"1"`…`"7"`) and `"outside"` all levels."""
    alignment: Alignment | None = None
    """The translation, sentence by sentence, in a bilingual edition; None otherwise."""
    notices: list[str] = field(default_factory=list)
    """What reading an edition found worth telling the user, one line each (`file:line: …`)."""
    front_matter: dict | None = None
    """A Markdown source's YAML front matter, as read (its `title` is the document's title)."""

    def vocabulary(self) -> list[GlossaryEntry]:
        """The entries used, in the chosen order: first occurrence, or level (outside last)."""
        entries = list(self.glossary.values())
        if self.settings.vocab_order == "level":
            entries.sort(key=lambda e: 99 if e.level is None else e.level)
        return entries

    @property
    def title(self) -> str:
        """The first heading's text, else the source's file name without its extension."""
        if self.title_text:
            return self.title_text
        for section in self.sections:
            if section.head is not None and section.head.text.strip():
                return section.head.text.strip()
        name = self.source.replace("\\", "/").rsplit("/", 1)[-1]
        return name.rsplit(".", 1)[0] if "." in name else name

    def blocks(self):
        """Every heading and paragraph, in document order."""
        for section in self.sections:
            yield from section.all_blocks()
