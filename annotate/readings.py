"""Pinyin per Han character: pypinyin, corrected by CC-CEDICT for words it reads one way only.

Each jieba word is re-split with pypinyin's own phrase segmenter before conversion:
handing pypinyin a word it has no phrase for would give every character its default
reading (重庆市 → zhòng), while the re-split finds 重庆 (chóng). A word of two or more
characters that CC-CEDICT lists with a single reading takes that reading where pypinyin's
differs (框架 kuàng jià, 颇为 pō wéi, 头发 tóu fa): +1.6 points on the CPP dev split. Tones are written as the
spelling standard writes them (GB/T 16159-2012 §6.5.2): 一 and 不 keep their own tones,
no sandhi is marked, neutral tones are as in the dictionary.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from functools import lru_cache
from operator import attrgetter

from .chars import TONE_MARKS
from .model import Block
from .plain import Readings, Sources, _convert_plain
from .syllables import spell, tone_of

# pypinyin's readings of each word, how they were decided, and which characters the model is to
# read, cached per word (see add_readings).
_cache: dict[str, tuple[Readings, Sources, tuple[int, ...]]] = {}
CACHE_LIMIT = 100_000  # small tuples: ~20 MB; a long book has ~50 K distinct words


def add_readings(blocks: list[Block]) -> None:
    """Give each token one reading per character (None for non-Han characters), and its source;
    then let the context model read the polyphones no dictionary phrase has decided (了 le/liǎo,
    还 hái/huán), over several paragraphs at once: one batch shares numpy's overhead.

    pypinyin converts each item of a word list on its own, so a word's readings do not depend
    on its neighbours and are cached per word (a book repeats its words thousands of times),
    with the offsets of the characters the model is to read (`_model_offsets`); the words not seen
    before are converted in one call per paragraph.
    """
    if len(_cache) > CACHE_LIMIT:  # before looking: every word of these blocks must end up cached
        _cache.clear()
    batch, owners = [], []
    for block in blocks:
        asked = _word_readings(block)
        if asked:
            _gather(block, asked, batch, owners)
    if batch:
        _decide(batch, owners)


def _word_readings(block: Block) -> list[tuple[int, tuple[int, ...]]]:
    """Each token's readings and sources from the word cache; returns (index, offsets) of the
    tokens with characters the model is to read."""
    cache, missing, asked = _cache, [], []
    for index, token in enumerate(block.tokens):
        if token.kind == "han":
            found = cache.get(token.simplified or token.text)
            if found is None:
                missing.append(index)
            else:
                token.readings, token.sources, offsets = found
                if offsets:
                    asked.append((index, offsets))
        else:
            token.readings = token.sources = _nothing(len(token.text))
    if missing:
        tokens = block.tokens
        new = list(dict.fromkeys(tokens[index].simplified or tokens[index].text for index in missing))
        cache.update(zip(new, _convert(new)))
        for index in missing:
            token = tokens[index]
            token.readings, token.sources, offsets = cache[token.simplified or token.text]
            if offsets:
                asked.append((index, offsets))
        asked.sort()
    return asked


def _gather(block: Block, asked: list, batch: list, owners: list) -> None:
    """The model's rows for one paragraph: each sentence with targets, and the positions in it
    of the characters to read; `owners` gets (token, offset) for each, in the same order."""
    from .polyphones import sentences_of

    text = paragraph_text(block)
    starts, tokens = block.token_offsets(), block.tokens
    targets = [(starts[index] + offset, tokens[index], offset) for index, offsets in asked for offset in offsets]
    i = 0
    for start, end in sentences_of(text):
        positions = []
        while i < len(targets) and targets[i][0] < end:
            positions.append(targets[i][0] - start)
            owners.append(targets[i][1:])
            i += 1
        if positions:
            batch.append((text[start:end], positions))


def _decide(batch: list, owners: list) -> None:
    """Run the model over the rows, and take its readings where it may overrule the dictionary."""
    from .polyphones import model

    decisions = [d for row in model().decide(batch) for d in row]
    for (token, offset), decision in zip(owners, decisions):
        current = token.readings[offset]
        if token.sources[offset] == "cedict" and (
                decision.confidence < CEDICT_OVERRULED_AT or _neutral(current) == _neutral(decision.reading)):
            continue
        if not token.confidence:
            token.confidence = (None,) * len(token.text)
        token.readings = _replace(token.readings, offset, decision.reading)
        token.sources = _replace(token.sources, offset, "model")
        token.confidence = _replace(token.confidence, offset, round(decision.confidence, 3))


@lru_cache(maxsize=256)
def _nothing(length: int) -> tuple[None, ...]:
    """(None,) × length: the readings and sources of a token without Han characters."""
    return (None,) * length


def _convert(words: list[str]) -> list[tuple[Readings, Sources, tuple[int, ...]]]:
    """pypinyin's readings, then CC-CEDICT's where it knows the word with one reading only; and
    the offsets of the characters the model is to read (`_model_offsets`)."""
    converted = _convert_plain(words)
    overrides, confirmed = phrase_overrides(), confirmed_words()
    result = []
    for word, (readings, sources) in zip(words, converted):
        override = overrides.get(word)
        if override is not None:
            readings, sources = override, tuple("cedict" if r else None for r in override)
        elif word in confirmed:
            sources = tuple("cedict" if r else None for r in readings)
        result.append((readings, sources, _model_offsets(word, readings, sources)))
    return result


@lru_cache(maxsize=1)
def confirmed_words() -> frozenset[str]:
    """Words CC-CEDICT reads one way only, as pypinyin does without a phrase (尊重 zūnzhòng)."""
    from . import dictionary

    try:
        return dictionary.confirmed_words()
    except Exception:  # noqa: BLE001 - without the dictionary package, the model decides
        return frozenset()


@lru_cache(maxsize=1)
def phrase_overrides() -> dict[str, tuple[str, ...]]:
    """Words CC-CEDICT reads one way only, where pypinyin reads them otherwise (框架 kuàng jià)."""
    from .dictionary import phrase_readings

    try:
        return phrase_readings()
    except Exception:  # noqa: BLE001 - without the dictionary package, pypinyin alone decides
        return {}


MODEL_DECIDES = frozenset({"default", "cedict"})
"""Sources the context model may overrule for a polyphone. On CPP dev, where the target is not
inside a pypinyin phrase, the model is right 97.4% of the time against 83% for these sources;
inside a phrase the phrase dictionary is right more often (98.5% against 97.9%)."""


CEDICT_OVERRULED_AT = 0.99
"""The model overrules a word CC-CEDICT reads one way only when it is at least this sure, and
only to choose another syllable, never just another tone: 缘分 stays yuánfèn, 头发 tóufa and
衣服 yīfu keep the dictionary's neutral tone (CPP writes those as full tones; that costs
0.35 points on its dev split, and a learner should hear the neutral tone). At 0.99 rather than
0.9 the dev figure is the same, and in 西游记 降妖 stays xiáng, 重楼 chóng and 褪下 tùn."""

EVERYDAY = frozenset("了着的得都还只没便种场和给觉假数更看要好行为")
"""Function words and everyday polyphones whose usual reading, with the rules below, is as right
as the model on CPP dev (20 rows or fewer each, ties) and more robust on everyday text, where
the model, trained on encyclopaedia sentences, reads 他没来 as mò. 为 is here although the model
is right more often on CPP dev (10 of 11 against 2): encyclopaedia sentences say 为 "is" (wéi),
news and teaching texts say 为 "for" (wèi: 为中小企业赋能), which the model reads as wéi; the
rules read the copula (以…为, 为…所, 为 + number)."""


def _model_offsets(word: str, readings: tuple, sources: tuple) -> tuple[int, ...]:
    """Offsets of the word's characters the context model is to read: characters it knows
    (the 623 CPP labels), read by default or by CC-CEDICT (MODEL_DECIDES), except an everyday
    character read by default (EVERYDAY) and a CC-CEDICT reading the model could only change
    in tone (`_open`)."""
    from .polyphones import model

    polyphones = model().polyphones
    if polyphones.isdisjoint(word):
        return ()
    return tuple(
        offset for offset, char in enumerate(word)
        if char in polyphones and sources[offset] in MODEL_DECIDES
        and not (char in EVERYDAY and sources[offset] == "default")
        and (sources[offset] != "cedict" or _open(char, readings[offset])))


@lru_cache(maxsize=4_096)
def _open(char: str, reading: str) -> bool:
    """Whether the model could change a CC-CEDICT word's reading of `char`: only to another
    syllable (see CEDICT_OVERRULED_AT), so not where every reading it chooses among is this
    syllable in some tone (相 xiāng/xiàng, 正 zhèng/zhēng: 257 of the model's 623 characters).
    11% of 西游记's targets are not asked for that reason."""
    from .polyphones import model

    syllable = _neutral(reading)
    return any(_neutral(option) != syllable for option in model().candidates[char][1])


def _neutral(syllable: str) -> str:
    """The syllable without its tone mark: fà → fa."""
    return unicodedata.normalize("NFC", "".join(
        c for c in unicodedata.normalize("NFD", syllable) if c not in TONE_MARKS))


def _replace(values: tuple, index: int, value) -> tuple:
    return values[:index] + (value,) + values[index + 1:]


CLAUSE_END = set("，。；！？：,.;!?:“”\"「」")
ADVERBS_BEFORE_JIANG = {"或", "必", "即", "也", "还", "就", "又", "终", "则", "都", "亦", "将"}


def apply_context_rules(block: Block) -> None:
    """Rules over neighbouring words, for what a word alone cannot decide:

    - 以 … 为 …: a stand-alone 为 in a clause that a stand-alone 以 opens reads wéi
      (以宁波为基地, 以阿里为中心, 以网易、海康威视等为代表); elsewhere it stays as read (为人民 wèi).
    - 或将令宁波…: jieba joins 将令 ("military order", jiànglìng); after an adverb it is
      将 jiāng "will" + 令 lìng "make".
    """
    text = paragraph_text(block)
    if "以" in text or "将令" in text:  # most paragraphs have neither: no walk over their words
        _apply_word_rules(block.tokens)
    _apply_pattern_rules(block, text)


def _apply_word_rules(tokens: list) -> None:
    opened_by_yi = False
    for i, token in enumerate(tokens):
        if token.kind == "punct" and not CLAUSE_END.isdisjoint(token.text):
            opened_by_yi = False
            continue
        word = token.simplified or token.text
        if word == "以":
            opened_by_yi = True
        elif word == "为" and opened_by_yi and not token.note_ids:
            token.readings, token.sources = ("wéi",), ("rule",)
            opened_by_yi = False
        elif word == "将令" and i and (tokens[i - 1].simplified or tokens[i - 1].text)[-1:] in ADVERBS_BEFORE_JIANG:
            token.readings = ("jiāng", "lìng")
            token.sources = ("rule", "rule")


def _apply_pattern_rules(block: Block, text: str) -> None:
    from .rules import matches

    found: dict[int, str] = {}
    for position, reading, _ in matches(text):
        found.setdefault(position, reading)  # the first rule that reads a character wins
    # a dictionary word that already reads a character so keeps the credit for it
    set_readings_at(block, found, "rule", keep_credit=("phrase", "cedict"))


def paragraph_text(block: Block) -> str:
    """The paragraph as analysed: each token's simplified form (a traditional source's), else its
    text; so the block's own text where no token has a simplified form (its tokens make it up)."""
    if not any(map(_SIMPLIFIED, block.tokens)):
        return block.text
    return "".join(token.simplified or token.text for token in block.tokens)


_SIMPLIFIED = attrgetter("simplified")


def set_readings_at(block: Block, wanted: dict[int, str], source: str, keep_credit: tuple[str, ...] = ()) -> None:
    """Read the characters at these positions of `paragraph_text(block)` as given, whatever the
    token edges, and record `source`; a reading that is already so keeps its source if that is
    in `keep_credit`."""
    if not wanted:
        return
    tokens = block.tokens
    starts = block.token_offsets()
    for position in sorted(wanted):
        k = bisect.bisect_right(starts, position) - 1
        if k >= len(tokens) or tokens[k].kind != "han":
            continue
        token, offset, reading = tokens[k], position - starts[k], wanted[position]
        if token.readings[offset] == reading and token.sources[offset] in keep_credit:
            continue
        token.readings = _replace(token.readings, offset, reading)
        token.sources = _replace(token.sources, offset, source)


NUMERALS = frozenset("〇零一二三四五六七八九")
ORDINAL_BEFORE = frozenset("第初")
SPOKEN = {("一", 4): "yí", ("一", 1): "yì", ("一", 2): "yì", ("一", 3): "yì", ("不", 4): "bú"}


_YI_BU = re.compile("[一不]")


def add_spoken_tones(block: Block, show_spoken: bool) -> None:
    """The spoken tones of 一 and 不 (GB/T 16159 writes their own; speech changes them):
    不 before a fourth tone is bú (不是 bú shì); 一 before a fourth tone is yí (一个 yí gè, 个
    counts as fourth), before the others yì (一天 yì tiān); 一 keeps yī when counting or
    ordinal (第一, 十一, 一九九八), at the end of a word (统一, 唯一) or before a pause, and is
    light between a doubled verb (看一看 kàn yi kàn). Third-tone sandhi is never written."""
    if "一" not in block.text and "不" not in block.text:
        return
    tokens = block.tokens
    flat = paragraph_text(block)
    starts = block.token_offsets()[:-1]

    def reading_at(index: int):
        """(token, offset, reading) of the character at `index` of the paragraph."""
        k = bisect.bisect_right(starts, index) - 1
        token = tokens[k]
        offset = index - starts[k]
        return token, offset, token.readings[offset] if token.kind == "han" else None

    for found in _YI_BU.finditer(flat):
        index, char = found.start(), found.group()
        token, offset, reading = reading_at(index)
        if reading not in ("yī", "bù") or index + 1 >= len(flat):
            continue
        next_char = flat[index + 1]
        next_reading = reading_at(index + 1)[2]
        if next_reading is None:
            continue  # before a pause or a non-Han character: the tone of its own
        before = flat[index - 1] if index else ""
        if char == "一":
            word = token.simplified or token.text
            if before in ORDINAL_BEFORE or before in NUMERALS or (before and before in "十百千万") \
                    or next_char in NUMERALS or (offset == len(word) - 1 and len(word) > 1):
                continue
            if before and before == next_char:
                spoken = "yi"
            else:
                spoken = SPOKEN.get(("一", 4 if next_char == "个" else tone_of(next_reading)))
        else:
            spoken = SPOKEN.get(("不", tone_of(next_reading)))
        if spoken:
            written = token.written or token.readings
            token.written = written
            token.spoken = _replace(token.spoken or written, offset, spoken)
    if show_spoken:
        for token in block.tokens:
            if token.spoken:
                token.readings = token.spoken


def style_readings(block: Block, style: str) -> None:
    """Respell every reading of the block in the chosen style (the model holds tone marks until now)."""
    if style == "marks":
        return
    for token in block.tokens:
        if token.kind == "han":
            token.readings = tuple(None if r is None else _spell_cached(r, style) for r in token.readings)
            if token.spoken:
                token.written = tuple(None if r is None else _spell_cached(r, style) for r in token.written)
                token.spoken = tuple(None if r is None else _spell_cached(r, style) for r in token.spoken)


@lru_cache(maxsize=4096)
def _spell_cached(syllable: str, style: str) -> str:
    return spell(syllable, style)
