"""The ordered passes that turn a bare Document into an annotated one.

`PASSES` is a literal list: each pass fills in one thing on one block, in this order.
Every pass works a paragraph at a time, so a long text can be annotated as it streams.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from .readers import text as reader
from .dictionary import cedict_parts, cedict_senses, hsk_words, level_by_parts, senses
from .glossary import Glossary
from .chars import kind_of
from .model import Block, Document, GlossaryEntry, Settings
from .readings import (add_readings, add_spoken_tones, apply_context_rules,
                       paragraph_text, set_readings_at, style_readings)
from .names import add_names, capitalize_names, spell_token, spell_word
from .segment import add_words, cut_at_marks
from .syllables import STYLES
from .variants import CONFIGS, add_traditional, detect_script, to_traditional


_GRADES: dict[tuple[str, int], dict] = {}
"""Grades by (HSK standard, the reader's level), each word → its grade (Context.grade)."""
GRADES_LIMIT = 200_000
"""Words graded before the grades are forgotten (small tuples: about 20 MB at most)."""


@dataclass(slots=True)
class Context:
    """What the passes need besides the block: the glossary and the options."""

    glossary: Glossary | None
    settings: Settings
    script: str = "Hans"
    """The source's script: `Hans`, or `Hant` for a source in traditional characters."""
    dictionary_notes: dict = field(default_factory=dict)
    """The note ids of each (word, readings) looked up in CC-CEDICT so far: (entry id,), or ()."""
    last_notes: dict = field(default_factory=dict)
    """Word → (readings, note ids) of its latest look-up."""
    dictionary_by_id: dict = field(default_factory=dict)
    """The same entries by id, for collecting them into the document."""
    noted: set = field(default_factory=set)
    """Entry ids whose note has shown in the current section."""
    profile: dict = field(default_factory=dict)
    """Running words at each level: the document's profile (`Document.profile`), filled as blocks are graded."""
    grades: dict = field(init=False)
    """Word → (HSK level, known to the reader, a joined word to cut into dictionary words): the
    process's grades for this standard and level (`_GRADES`), shared by every document."""
    bilingual: bool = False
    """The document has a translation: blocks are cut into sentences (mark_sentences)."""
    segments: str = "sentences"
    """How: `sentences` (split_chinese), or `lines` (a block is one sentence)."""
    sentences: int = 0
    """Source sentences numbered so far (`s1`, `s2`…, in document order)."""
    first_id: int = 0
    """Dictionary entries are numbered after this one (`cd-N`): an edition's text added by hand
    continues the edition's numbering."""
    spellings: bool = True
    """Spell each word in pinyin (`Token.spelling`): a format that shows spellings (the JSON) is
    asked for. A build that writes no JSON turns it off; from Python, any format may follow."""

    def __post_init__(self) -> None:
        if sum(map(len, _GRADES.values())) > GRADES_LIMIT:
            _GRADES.clear()
        self.grades = _GRADES.setdefault((self.settings.hsk_standard, self.settings.level or 0), {})

    def grade(self, word: str) -> tuple[int | None, bool, bool]:
        """A word's grade (see `grades`), worked out once per process (it depends on the word,
        the standard and the level alone): a batch of 40 parts of 西游记 graded 168,000 words
        one document at a time, 50,000 once for all."""
        standard, limit = self.settings.hsk_standard, self.settings.level or 0
        level = hsk_words(standard).get(word)
        needed = level if level is not None or not limit else level_by_parts(word, standard)
        known = needed is not None and needed <= limit
        joined = level is None and not known and len(word) > 1 and word not in cedict_senses()
        self.grades[word] = grade = (level, known, joined)
        return grade

    def start_section(self) -> None:
        self.noted = set()


def apply_glossary(block: Block, context: Context) -> None:
    """A glossary entry's pinyin and traditional form override the analysis for its term."""
    if context.glossary is None:
        return
    for token in block.tokens:
        for entry_id in token.note_ids:
            entry = context.glossary.by_id(entry_id)
            if entry.pinyin is not None:
                token.readings = entry.pinyin
                token.sources = tuple(None if r is None else "glossary" for r in entry.pinyin)
            if entry.traditional is not None and context.script == "Hans":
                token.traditional = entry.traditional
    if context.glossary.readings:
        _apply_reading_overrides(block, context.glossary)


def _apply_reading_overrides(block: Block, glossary: Glossary) -> None:
    """readings.tsv: each occurrence of a term is read as the file says, across token edges."""
    wanted: dict[int, str] = {}
    for start, readings in glossary.find_readings(paragraph_text(block)):
        for offset, reading in enumerate(readings):
            if reading is not None:
                wanted[start + offset] = reading
    set_readings_at(block, wanted, "override")


def add_levels(block: Block, context: Context) -> None:
    """Grade the words for the learner's edition: each word's HSK level, whether the reader
    knows it (`--level`), and the document's profile (words at each level).

    The learner's edition grades and glosses dictionary words. A word CC-CEDICT lacks, which
    the segmenter joined (行者道, 这座, 胖女人), becomes the CC-CEDICT words it is made of (行者 道,
    这 座, 胖 女人), each with its reading in context, so the vocabulary lists 行者 and 道 rather
    than 行者道. Names, glossary terms, words of the HSK list and joined words the reader knows
    whole (很大) stay as they are. Readings never change; only the spoken tone of 一 may, with
    `--tone-sandhi`, where a cut shows that it ends a word (同一 个 tóngyī gè, as 同一 is said,
    where jieba's 同一个 gave yí). A word the list lacks is known when its parts are
    (dictionary.level_by_parts: 没, 十二); its level stays None, so the profile still counts it
    outside the lists."""
    if not context.settings.learner:
        return
    grades, grade = context.grades, context.grade
    graded: list = []
    append = graded.append
    cuts = []  # (index, parts) of joined words to cut: rare, so the common path only grades
    for index, token in enumerate(block.tokens):
        if token.kind != "han":
            continue
        word = token.simplified or token.text
        found = grades.get(word) or grade(word)
        if found[2] and not token.note_ids and not token.name:
            parts = cedict_parts(word, token.readings)
            if parts:
                cuts.append((index, parts))
                continue
        token.level = level = found[0]
        token.known = found[1]
        append(level)
    if cuts:
        tokens = block.tokens
        for index, parts in reversed(cuts):
            pieces = tokens[index].split(parts)
            for piece in pieces:
                word = piece.simplified or piece.text
                piece.level, piece.known, _ = grades.get(word) or grade(word)
                graded.append(piece.level)
            tokens[index:index + 1] = pieces
    profile = context.profile
    for level, count in Counter(graded).items():
        key = "outside" if level is None else str(level)
        profile[key] = profile.get(key, 0) + count


def add_dictionary_notes(block: Block, context: Context) -> None:
    """A CC-CEDICT gloss for each word the glossary does not cover and the reader does not know."""
    if context.settings.dictionary != "cedict":
        return
    sentences = Sentences(block)
    last = context.last_notes
    for index, token in enumerate(block.tokens):
        if token.known or token.kind != "han" or token.note_ids or not token.readings:
            continue
        word = token.simplified or token.text
        seen = last.get(word)  # most words keep one reading: no (word, readings) key to build and hash
        if seen is not None and seen[0] == token.readings:
            token.note_ids = seen[1]
            continue
        key = (word, token.readings)
        note = context.dictionary_notes.get(key)
        if note is None:
            note = context.dictionary_notes[key] = _dictionary_note(word, token, sentences, index, context)
        last[word] = (token.readings, note)
        token.note_ids = note


def _dictionary_note(word: str, token, sentences: Sentences, index: int, context: Context) -> tuple[str, ...]:
    """(entry id,) of a word CC-CEDICT glosses in this reading, its entry made complete at this
    first occurrence (as collect_glossary would: made once, not twice); () where it has none."""
    gloss = senses(word, token.readings)
    if gloss is None and len(word) > 1:  # a name CC-CEDICT lacks: glossed by its parts
        parts = cedict_parts(word, token.readings)
        gloss = parts and " | ".join(f"{word[i:j]}: {g}" for i, j, g in parts)
    if not gloss:
        return ()
    entry = GlossaryEntry(
        id=f"cd-{context.first_id + len(context.dictionary_notes) + 1}", term=word, gloss=gloss, pinyin=token.readings,
        written_pinyin=spell_word(token.readings, token.name, word), origin="cedict",
        note=None, source="CC-CEDICT", **_first_use(word, token, sentences.of(index), context))
    context.dictionary_by_id[entry.id] = entry
    return (entry.id,)


def add_capitals(block: Block, settings: Settings) -> None:
    """--capitalize-names, in pinyin (zhuyin has no capitals)."""
    if settings.capitalize_names and settings.reading != "zhuyin":
        capitalize_names(block)


def mark_sentences(block: Block, context: Context) -> None:
    """A bilingual edition's source sentences as spans of the block's tokens, cut as the
    alignment cut them (split_chinese over the block's text; a boundary inside a token moves to
    its end), numbered `s1`, `s2`… in document order, as the alignment numbered them."""
    if not context.bilingual or block.kind == "code":
        return
    from .align import split_chinese
    from .model import Span

    pieces = [block.text] if context.segments == "lines" else split_chinese(block.text)
    starts = block.token_offsets()
    spans, token, position = [], 0, 0
    for piece in pieces:
        position += len(piece)
        start = token
        while token < len(block.tokens) and starts[token] < position:  # every token starting in the sentence
            token += 1
        context.sentences += 1
        spans.append(Span(f"s{context.sentences}", start, token))
    if spans:
        spans[-1] = Span(spans[-1].id, spans[-1].start, len(block.tokens))
    block.sentences = spans


def add_spellings(block: Block) -> None:
    """Each Han word's pinyin as a word (names.spell_token), where the token carries none yet."""
    for token in block.tokens:
        if token.spelling is None and token.kind == "han":
            token.spelling = spell_token(token)


PASSES = [
    ("words", lambda block, context: add_words(block, context.glossary, context.script)),
    ("names", lambda block, context: add_names(block, context.glossary)),
    ("readings", lambda blocks, context: add_readings(blocks)),
    ("reading rules", lambda block, context: apply_context_rules(block)),
    ("other script", lambda block, context: add_traditional(block, context.settings.variant, context.script)),
    ("glossary", apply_glossary),
    ("levels", add_levels),
    ("dictionary", add_dictionary_notes),
    ("spoken tones", lambda block, context: add_spoken_tones(block, context.settings.tone_sandhi)),
    ("reading style", lambda block, context: style_readings(block, context.settings.reading)),
    ("capitals", lambda block, context: add_capitals(block, context.settings)),
    ("spellings", lambda block, context: add_spellings(block) if context.spellings else None),
    ("marks", lambda block, context: cut_at_marks(block)),
    ("sentences", mark_sentences),
]


ACROSS_BLOCKS = {"readings"}
"""Passes that take a list of blocks at once (the context model runs faster in big batches)."""
CHUNK = 256
"""Paragraphs annotated together (about 30 K characters of prose): enough sentences that the
model's batches hold sentences of nearly one length, little for memory."""


def annotate_blocks(blocks: list[Block], context: Context) -> None:
    """Run every pass over a few consecutive blocks (each pass on one block at a time, except
    those in ACROSS_BLOCKS); the result is the same as one block at a time."""
    for name, run in PASSES:
        if name in ACROSS_BLOCKS:
            run(blocks, context)
        else:
            for block in blocks:
                run(block, context)


def annotate_document(document: Document, glossary: Glossary | None = None, settings: Settings | None = None,
                      segments: str = "sentences") -> Document:
    """Run every pass over every block, then list the glossary entries the document uses."""
    from .plain import load_pypinyin

    load_pypinyin()  # before anything imports pypinyin: it then gets the cached phrase table
    settings = settings or Settings()
    if settings.reading not in STYLES:
        raise ValueError(f"unknown reading style {settings.reading!r} (choose from {', '.join(STYLES)})")
    if settings.variant not in CONFIGS:
        raise ValueError(f"unknown variant {settings.variant!r} (choose from {', '.join(CONFIGS)})")
    document.settings = settings
    context = Context(glossary, settings, document.script, profile=document.profile,
                      bilingual=document.alignment is not None, segments=segments)
    blocks = list(document.blocks())
    for start in range(0, len(blocks), CHUNK):
        annotate_blocks(blocks[start:start + CHUNK], context)
    for section in document.sections:
        context.start_section()
        for block in section.all_blocks():
            collect_glossary(document, block, context)
    return document


def annotate_added(document: Document) -> int:
    """Analyse the text an editor added to an edition without markup (tokens of kind `text`,
    from readers.tei), and only that: each run is annotated as a paragraph of its own with the
    edition's settings and its own glossary entries (a dictionary word the edition already
    glosses in the same reading keeps its entry), then takes its token's place. A term there
    shows its note where the section has not shown it yet (`--notes first`). Returns the
    number of characters added (bare spaces and symbols, which the TEI writer leaves outside
    words, are read the same way but were not added)."""
    from .glossary import Glossary
    from .model import Span

    settings = document.settings
    user = [entry for entry in document.glossary.values() if entry.origin == "glossary"]
    context = Context(Glossary(user) if user else None, settings, document.script, profile=document.profile)
    for entry in document.glossary.values():
        if entry.origin == "cedict" and entry.pinyin:
            context.last_notes[entry.term] = (entry.pinyin, (entry.id,))
    numbers = [int(i[3:]) for i in document.glossary if i.startswith("cd-") and i[3:].isdigit()]
    context.first_id = max(numbers, default=0)
    pieces = []
    for block in document.blocks():
        for index, token in enumerate(block.tokens):
            if token.kind != "text":
                continue
            kinds = {kind_of(char) for char in token.text}
            if kinds in ({"space"}, {"other"}):  # the writer's bare spaces or symbols: one token, nothing to analyse
                token.kind, token.readings = kinds.pop(), (None,) * len(token.text)
                token.sources = token.readings
            else:
                pieces.append((block, index, Block("p", token.text, block.line)))
    if not pieces:
        return 0
    runs = [piece for _, _, piece in pieces]
    for start in range(0, len(runs), CHUNK):
        annotate_blocks(runs[start:start + CHUNK], context)
    added = {id(token) for run in runs for token in run.tokens}
    for block, index, piece in reversed(pieces):
        block.tokens[index:index + 1] = piece.tokens
        grown = len(piece.tokens) - 1
        if block.sentences and grown:  # the block's sentences hold the new tokens where the old one was
            block.sentences = [Span(s.id, s.start + grown if s.start > index else s.start,
                                    s.end + grown if s.end > index else s.end) for s in block.sentences]
    every, first = settings.notes == "all", settings.notes == "first"
    for section in document.sections:
        blocks = section.all_blocks()
        noted = {t.note_ids[0] for b in blocks for t in b.tokens if t.note_here and t.note_ids}
        for block in blocks:
            for token in block.tokens:
                if id(token) not in added or not token.note_ids:
                    continue
                entry_id = token.note_ids[0]
                if entry_id not in document.glossary and entry_id in context.dictionary_by_id:
                    document.glossary[entry_id] = context.dictionary_by_id[entry_id]
                token.note_here = every or (first and entry_id not in noted)
                noted.add(entry_id)
    # the writer leaves spaces and symbols bare: only a run with words or punctuation was typed in
    return sum(len(run.text) for run in runs if any(t.kind not in ("space", "other") for t in run.tokens))


def collect_glossary(document: Document, block: Block, context: Context) -> None:
    """List each entry the block uses in `document.glossary` (completing its traditional form,
    level and first sentence) and mark where notes show."""
    every, first = context.settings.notes == "all", context.settings.notes == "first"
    noted, collected = context.noted, document.glossary
    sentences = Sentences(block)
    for index, token in enumerate(block.tokens):
        if not token.note_ids:
            continue
        for entry_id in token.note_ids:
            if entry_id in noted:  # most occurrences: collected, and noted in this section
                token.note_here = every
                continue
            token.note_here = every or first
            noted.add(entry_id)
            if entry_id in collected:
                continue
            if entry_id in context.dictionary_by_id:  # completed where it was made
                collected[entry_id] = context.dictionary_by_id[entry_id]
                continue
            entry = context.glossary.by_id(entry_id)
            changes = _first_use(entry.term, token, sentences.of(index), context,
                                 traditional=entry.traditional is None)
            collected[entry_id] = replace(entry, **changes)


class Sentences:
    """The sentence each token of a block is in; worked out the first time a term's first use asks."""

    __slots__ = ("block", "starts", "ends")

    def __init__(self, block: Block) -> None:
        self.block = block
        self.starts: list[int] | None = None
        self.ends: list[int] | None = None

    def of(self, index: int) -> str:
        """The sentence in which the block's token `index` starts."""
        if self.starts is None:
            self.starts = self.block.token_offsets()
            self.ends = sentence_ends(self.block.text)
        return sentence_at(self.block.text, self.starts[index], self.ends)


def _first_use(term: str, token, example: str, context: Context, traditional: bool = True) -> dict:
    """What an entry takes from its first occurrence: the sentence, the traditional form (the
    occurrence's own, converted in its context; else the term on its own; not when the entry
    gives its own: `traditional=False`) and the level."""
    fields = {"example": example}
    if traditional and context.script == "Hans":
        converted = token.traditional if token.text == term else to_traditional(term, context.settings.variant)
        if converted and converted != term:
            fields["traditional"] = converted
    if context.settings.learner:
        fields["level"] = token.level
    return fields


SENTENCE_END = re.compile(r"[。！？!?；;…]+[”’」』）)]*")


def sentence_ends(text: str) -> list[int]:
    """Where each sentence of `text` ends (after its closing punctuation and quotes)."""
    return [m.end() for m in SENTENCE_END.finditer(text)]


def sentence_at(text: str, position: int, ends: list[int] | None = None) -> str:
    """The sentence of `text` that contains `position` (`ends`: where its sentences end)."""
    if ends is None:
        ends = sentence_ends(text)
    index = bisect.bisect_right(ends, position)
    start = ends[index - 1] if index else 0
    end = ends[index] if index < len(ends) else len(text)
    return text[start:end].strip()


def annotate_text(
    text: str,
    *,
    source: str = "-",
    glossary: Glossary | None = None,
    reading: str = "marks",
    variant: str = "tw",
    script: str = "auto",
    translation: str | None = None,
    translation_name: str = "translation.en.txt",
    segments: str = "sentences",
    **learner,
) -> Document:
    """Chinese text → an annotated Document. 中国 → words, readings (zhōng guó), traditional forms.

    With a `translation` (its text; its language from `translation_name`, `story.en.txt` → en),
    the edition is bilingual: sentences of both texts aligned into beads (`Document.alignment`)."""
    if source.lower().endswith((".md", ".markdown")):
        from .readers import markdown

        document = markdown.parse(text, source)
    else:
        document = reader.parse(text, source)
    document.script = detect_script(text[:20_000]) if script == "auto" else script
    if translation is not None:
        from .translation import attach

        document.alignment, document.notices = attach(list(document.blocks()),
                                                      (translation_name, translation.encode("utf-8")), None, segments)
        document.alignment.source_language = "zh-Hant" if document.script == "Hant" else "zh-Hans"
    return annotate_document(document, glossary, Settings(reading=reading, variant=variant, **learner), segments)


PENDING_CHARACTERS = 30_000
"""Characters read but not yet annotated and written, at most (besides CHUNK paragraphs): about
what CHUNK paragraphs of prose hold, so it only counts where paragraphs are long (a line without
line breaks, cut into parts): at 100,000 a 5 M-character run of 西游记 without punctuation
peaked at 303 MB, at 30,000 at 288 MB. The output does not depend on it."""


def stream(document, context, items, sinks) -> None:
    """Sections and blocks → annotated, a chunk at a time, and written to every sink as they come."""
    for sink in sinks:
        sink.start()
    pending: list = []  # sections and blocks read but not yet written, in order

    def flush() -> None:
        annotate_blocks([item for item in pending if isinstance(item, Block)], context)
        for item in pending:
            if isinstance(item, Block):
                collect_glossary(document, item, context)
                for sink in sinks:
                    sink.block(item)
            else:
                context.start_section()
                for sink in sinks:
                    sink.section(item)
        pending.clear()

    blocks = characters = 0
    for item in items:
        pending.append(item)
        if isinstance(item, Block):
            blocks += 1
            characters += len(item.text)
            if blocks % CHUNK == 0 or characters >= PENDING_CHARACTERS:
                flush()
                characters = 0
    flush()
    for sink in sinks:
        sink.finish()


LONG_PARAGRAPH = 40_000
"""Characters beyond which a paragraph is annotated and written a part at a time."""
PART = 10_000
"""Characters of a part (cut after a sentence's end, so the output is the same as for the whole)."""


def cut_long(events):
    """Paragraphs as the reader gives them, a very long one (scraped text without line breaks) as
    parts cut after sentence ends: the writers open it at its first part and close it at its last,
    so the output is the paragraph's, while memory holds a part's tokens, not a book's. Each part
    is sliced from the paragraph when its turn comes, so the paragraph is never held twice."""
    for item in events:
        if not isinstance(item, Block) or item.kind != "p" or len(item.text) <= LONG_PARAGRAPH or item.marks \
                or item.containers:
            yield item
            continue
        ends = list(part_ends(item.text))
        if len(ends) == 1:
            yield item
            continue
        for number, (start, end) in enumerate(zip([0, *ends], ends)):
            yield Block(item.kind, item.text[start:end], item.line, continues=number > 0,
                        continued=number < len(ends) - 1, whole=item.text if number == 0 else None)


def part_ends(text: str):
    """Where the parts of a long paragraph end: sentences are taken while they fit in PART
    characters; a sentence longer than that (a run without sentence ends, whose analysis would
    otherwise grow with it) is cut inside, at most PART characters a piece (cut_inside)."""
    from .align import sentence_ends

    start = last = 0  # where the current part starts; where its last whole sentence ends
    for end in sentence_ends(text):
        if last > start and end - start > PART:
            yield last
            start = last
        while end - start > PART:
            start = last = cut_inside(text, start)
            yield start
        last = end
    yield len(text)


CLAUSE_MARK = re.compile("[，；：、,;:]")
SPACE = re.compile(r"\s")


def cut_inside(text: str, start: int) -> int:
    """Where a piece of at most PART characters from `start` ends, in a sentence longer than that:
    after the last clause mark in the piece's second half, else after its last space there, else
    at the word boundary jieba finds nearest its end."""
    from .segment import cut

    middle, end = start + PART // 2, start + PART
    for mark in (CLAUSE_MARK, SPACE):
        found = None
        for found in mark.finditer(text, middle, end):
            pass
        if found is not None:
            return found.end()
    ends, position = [], end - 64
    for word in cut(text[end - 64:end]):
        position += len(word)
        ends.append(position)
    return ends[-2] if len(ends) > 1 else end  # the last word may run on past the stretch
