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

from .chars import TONE_MARKS, is_han
from .model import Block
from .names import SURNAME_READINGS
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
                decision.confidence < CEDICT_OVERRULED_AT or _syllable(current) == _syllable(decision.reading)):
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
    """pypinyin's readings, then CC-CEDICT's where it knows the word with one reading only, or
    lists it twice with and without a neutral tone (its usual reading: `usual_reading`), or gives
    pypinyin's reading of a character alone only for certain words (`bound_reading`); a word
    CC-CEDICT does not have (the segmenter joined 很漂亮, 王先生, 爸爸妈妈) takes those readings
    for its parts (`_by_parts`); and the offsets of the characters the model is to read
    (`_model_offsets`)."""
    converted = _convert_plain(words)
    overrides, confirmed = phrase_overrides(), confirmed_words()
    result = []
    for word, (readings, sources) in zip(words, converted):
        bound = bound_reading(word) if len(word) == 1 else None
        override = overrides.get(word) or usual_reading(word) or ((bound,) if bound else None)
        if override is not None:
            readings, sources = override, tuple("cedict" if r else None for r in override)
        elif word in confirmed:  # what pypinyin read by default is CC-CEDICT's too; its phrases stay phrases
            sources = tuple("cedict" if source == "default" else source for source in sources)
        elif len(word) > 2:
            readings, sources = _by_parts(word, readings, sources)
        result.append((readings, sources, _model_offsets(word, readings, sources)))
    return result


def _by_parts(word: str, readings: Readings, sources: Sources) -> tuple[Readings, Sources]:
    """A word CC-CEDICT does not have, read by its parts where CC-CEDICT reads a part its own way
    (王先生 → 王 + 先生 xiānsheng, 很漂亮 → 很 + 漂亮 piàoliang, 爸爸妈妈 → bàba + māma). The
    word is cut into as few parts as pypinyin's phrases and those words allow (`_parts`). An
    AABB word (漂漂亮亮) keeps its full tones, as GB/T 16159 and the dictionaries write it."""
    overrides = phrase_overrides()
    tables = neutral_tables()
    if not tables or word in tables.whole:
        return readings, sources
    if _cedict_reads(word, readings):
        return readings, sources  # a word CC-CEDICT has, read as it reads it (蒙蒙亮 mēngmēngliàng, not 蒙蒙 "drizzle" + 亮)
    parts = _parts(word)
    if len(word) == 4 and word[0] == word[1] and word[2] == word[3] and (
            parts != [(0, 2), (2, 4)] or not (_neutral_doubled_noun(word[:2]) and _neutral_doubled_noun(word[2:]))):
        return readings, sources  # 漂漂亮亮, 说说笑笑, not 爸爸妈妈 (two people)
    names = tables.names
    found = [(start, end, overrides.get(word[start:end]) or usual_reading(word[start:end])
              or _other_reading(word[start:end], readings[start:end], word)) for start, end in parts
             if word[start:end] not in names]
    found = [(start, end, part) for start, end, part in found if part is not None]
    if not found:
        return readings, sources
    readings, sources = list(readings), list(sources)
    for start, end, part in found:
        readings[start:end] = part
        sources[start:end] = ["cedict"] * (end - start)
    # a character the cut leaves alone, read by a pypinyin phrase that the cut parts from it (落下来:
    # pypinyin's 落下 làxià, "leave behind", where the word is 落 + 下来), takes its own usual reading,
    # for the model to check
    inside = {k for start, end in parts for k in range(start, end)}
    for k, source in enumerate(sources):
        if source == "phrase" and k not in inside:
            alone = _alone(word[k])
            if alone is not None:
                readings[k], sources[k] = alone, "default"
    return tuple(readings), tuple(sources)


def _alone(char: str) -> str | None:
    """pypinyin's usual reading of a character on its own."""
    from .plain import convert_plain

    return convert_plain([char])[0][0]


def _cedict_reads(word: str, readings: Readings) -> bool:
    """Whether CC-CEDICT has the word and reads it as `readings` (in tone marks) in one of its entries."""
    from .dictionary import cedict
    from .syllables import tone_marks

    return any(tone_marks(pinyin.lower()) == tuple(readings) for pinyin, _, _ in cedict().get(word, ()))


def _other_reading(part: str, readings: Readings, word: str) -> tuple[str, ...] | None:
    """CC-CEDICT's one reading of the two-character part of a three-character joined word, where
    pypinyin read the part otherwise (小角色: pypinyin's phrase 小角色 xiǎo jiǎo sè against CC-CEDICT's
    角色 juésè; 同行者 tóng xíngzhě); None where they agree, where CC-CEDICT reads the part more than
    one way, and in longer words (pypinyin's idioms know better: 面面相觑 xiāng, 家长里短 cháng)."""
    from .dictionary import cedict

    if len(part) != 2 or len(word) != 3 or any(p[:1].isupper() for p, _, _ in cedict().get(part, ())):
        return None  # and not where CC-CEDICT has a name or a proper noun among its entries (中式 Zhōngshì)
    found = _one_reading(part)
    return found if found is not None and len(found) == 2 and found != tuple(readings) else None


def _parts(word: str) -> list[tuple[int, int]]:
    """(start, end) of the parts of two or more characters, in the cut of `word` into the fewest
    pieces that are words (the segmenter's dictionary, pypinyin's phrases, CC-CEDICT's words with
    their own reading) or single characters (心脏 + 病发, not 心 + 脏病 + 发)."""
    from pypinyin.constants import PHRASES_DICT
    from rjieba import has_word

    known = phrase_overrides()
    pairs = neutral_tables().pairs
    best: list[tuple[int, tuple]] = [(len(word) + 1, ())] * len(word) + [(0, ())]
    for start in range(len(word) - 1, -1, -1):
        for end in range(len(word), start, -1):
            piece = word[start:end]
            if end - start > 1 and (piece not in known and piece not in pairs and piece not in PHRASES_DICT
                                    and not has_word(piece) or end - start == len(word)):
                continue
            count, cut = best[end][0] + 1, ((start, end),) + best[end][1]
            if count < best[start][0] or count == best[start][0] and _preferred(word, cut, best[start][1], known, pairs):
                best[start] = (count, cut)
    return [(start, end) for start, end in best[0][1] if end - start > 1]


ASPECT = frozenset("着了过")
"""Aspect particles: one that ends a joined word is a piece of its own (凑合 + 着)."""


def _preferred(word: str, cut: tuple, other: tuple, known: dict, pairs: dict) -> bool:
    """Between two cuts with as many pieces: the one with more characters in words CC-CEDICT
    reads its own way (记录 + 下来, not 记 + 录下来), then the one that leaves an aspect particle
    at the end on its own (凑合 + 着, not 凑 + 合着), then the one whose last pieces are longest
    (backward maximum matching: 跳 + 下来, 洗 + 衣服, 掉 + 头发)."""
    def key(pieces: tuple) -> tuple:
        own = sum(end - start for start, end in pieces if word[start:end] in known or word[start:end] in pairs)
        particle = word[-1] in ASPECT and pieces[-1][0] == len(word) - 1  # 凑合 + 着, not 凑 + 合着
        return own, particle, [end - start for start, end in reversed(pieces)]
    return key(cut) > key(other)


@lru_cache(maxsize=1)
def neutral_tables() -> tuple:
    """dictionary.neutral_tables(), or () without the dictionary package."""
    from .dictionary import neutral_tables as tables

    try:
        return tables()
    except Exception:  # noqa: BLE001 - without the dictionary package, pypinyin alone decides
        return ()


@lru_cache(maxsize=1)
def usual_readings() -> dict[str, tuple[str, ...]]:
    """The usual reading of each word CC-CEDICT lists with and without a neutral tone (东西
    dōngxi, 不是 bù shì): from the votes of Tatoeba's translations where there were enough
    (annotate/data/neutral_usual.tsv, made by bench/neutral_senses.py); else the full reading
    where CC-CEDICT's entries make it the main one (`dictionary._full_is_main`: 土地 tǔdì, 老公
    lǎogōng), else the neutral one, which CC-CEDICT keeps for the everyday word (告诉 gàosu,
    故事 gùshi, 地道 dìdao). A complement (起来, 过去) is full alone and neutral after a verb.
    Context may change it (`add_neutral_tones`)."""
    from importlib import resources

    tables = neutral_tables()
    if not tables:
        return {}
    usual = {word: (full if full_is_main or after_verb else neutral)
             for word, (neutral, full, after_verb, full_is_main) in tables.pairs.items()}
    for line in resources.files("annotate").joinpath("data/neutral_usual.tsv").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            word, reading = line.split("\t")[:2]
            if word in usual:
                usual[word] = tuple(reading.split())
    return usual


def usual_reading(word: str) -> tuple[str, ...] | None:
    return usual_readings().get(word)


@lru_cache(maxsize=1)
def bound_readings() -> dict[str, str]:
    """dictionary.bound_readings(), or {} without the dictionary package."""
    from .dictionary import bound_readings as table

    try:
        return table()
    except Exception:  # noqa: BLE001 - without the dictionary package, pypinyin alone decides
        return {}


def bound_reading(char: str) -> str | None:
    """What a character reads alone where pypinyin's reading is CC-CEDICT's for certain words only
    (倔 juè, not jué of 倔强)."""
    return bound_readings().get(char)


@lru_cache(maxsize=1)
def confirmed_words() -> frozenset[str]:
    """Words CC-CEDICT reads one way only, as pypinyin does (尊重 zūnzhòng, 散散步 sàn sàn bù)."""
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
    if len(word) > 1 and all(source == "cedict" for source in sources) and any(
            reading == _neutral(reading) for reading in readings):
        return ()  # a word CC-CEDICT writes with a neutral tone is its everyday word, read as it says (亲家 qìngjia)
    surname = len(word) > 1 and sources[0] == "cedict" and SURNAME_READINGS.get(word[0]) == readings[0] \
        and _chinese_name(word)  # 曾国藩 Zēng, 单县 Shàn: a name's surname, as CC-CEDICT reads it
    return tuple(
        offset for offset, char in enumerate(word)
        if char in polyphones and sources[offset] in MODEL_DECIDES and not (offset == 0 and surname)
        and not (char in EVERYDAY and sources[offset] == "default")
        and (sources[offset] != "cedict" or _open(char, readings[offset])))


@lru_cache(maxsize=4_096)
def _chinese_name(word: str) -> bool:
    """Whether every CC-CEDICT entry of `word` is a name (capitalised), read one way."""
    from .dictionary import cedict

    entries = cedict().get(word, ())
    return bool(entries) and all(p[:1].isupper() for p, _, _ in entries) and len({p for p, _, _ in entries}) == 1


@lru_cache(maxsize=4_096)
def _open(char: str, reading: str) -> bool:
    """Whether the model could change a CC-CEDICT word's reading of `char`: only to another
    syllable (see CEDICT_OVERRULED_AT), so not where every reading it chooses among is this
    syllable in some tone (相 xiāng/xiàng, 正 zhèng/zhēng: 257 of the model's 623 characters).
    11% of 西游记's targets are not asked for that reason."""
    from .polyphones import model

    if reading == _neutral(reading):
        return False  # a neutral tone CC-CEDICT writes: the everyday word's (疙瘩 gēda, 软和 ruǎnhuo)
    syllable = _syllable(reading)
    return any(_syllable(option) != syllable for option in model().candidates[char][1])


def _syllable(reading: str) -> str:
    """The syllable a CC-CEDICT reading may not be changed away from by the model: without its
    tone, and the erhua r of 劲儿 jìnr, 一点儿 as the syllable ér it is a weak form of (the model,
    trained on encyclopaedia text, reads every 儿 ér)."""
    syllable = _neutral(reading)
    return "er" if syllable == "r" else syllable


def _neutral(syllable: str) -> str:
    """The syllable without its tone mark: fà → fa."""
    return unicodedata.normalize("NFC", "".join(
        c for c in unicodedata.normalize("NFD", syllable) if c not in TONE_MARKS))


def _replace(values: tuple, index: int, value) -> tuple:
    return values[:index] + (value,) + values[index + 1:]


ADVERBS_BEFORE_JIANG = {"或", "必", "即", "也", "还", "就", "又", "终", "则", "都", "亦", "将"}


WORD_RULE_CHARACTERS = frozenset("以为应")
"""The characters `_apply_word_rules` reads (以…为, 为 "is", 应 "should"; and 将令, looked for whole)."""


def apply_context_rules(block: Block) -> None:
    """Rules over neighbouring words, for what a word alone cannot decide:

    - 以 … 为 …: a stand-alone 为 in a clause that a stand-alone 以 opens reads wéi
      (以宁波为基地, 以阿里为中心, 以网易、海康威视等为代表); elsewhere it stays as read (为人民 wèi),
      unless nothing after it in its clause can be a verb (该站为一座地下车站: wéi, `_copula`).
    - 或将令宁波…: jieba joins 将令 ("military order", jiànglìng); after an adverb it is
      将 jiāng "will" + 令 lìng "make".
    - a classifier before the noun it counts reads as CC-CEDICT gives it for that noun (一场电影
      chǎng, 一场大雨 cháng, 这是只小猫 zhī: `_classifiers`).
    - a verb and its object that make one word, with 了 between them, read as the word
      (遭了难 zāonàn, 着了凉 zháoliáng: `_separated`).
    - a name no dictionary has, after a word for a person's role, or before a title or 是 and a
      role, begins with a surname (画家仇英 Qiú, 任弼时同志 Rén, 解缙是明代的大学士 Xiè:
      `_surnames_beside_roles`).
    - 吗, 啦 and 吧 inside a clause are no particles (摆吗奈撒 mǎ, 啦啦操 lā, 杏吧社区 and 吧台 bā:
      `_particles_inside`).
    """
    text = paragraph_text(block)
    if "将令" in text or not WORD_RULE_CHARACTERS.isdisjoint(text):  # else no walk over the paragraph's words
        _apply_word_rules(block.tokens)
    add_neutral_tones(block, text)
    if not counted_with().keys().isdisjoint(text):
        _classifiers(block, text)
    _apply_pattern_rules(block, text)
    _read_sayings(block, text)
    if not PARTICLE_CHARACTERS.isdisjoint(text):
        _particles_inside(block, text)
    if "了" in text:
        _separated(block)
    if ROLE_THEN_SURNAME.search(text) or SURNAME_BEFORE_TITLE.search(text):
        _surnames_beside_roles(block, text)
    if "传" in text:
        _biographies(block, text)
    if "少" in text:
        _few(block, text)
    if not GIVEN_NAME_READINGS.keys().isdisjoint(text):
        _given_names(block)


GIVEN_NAME_READINGS = {"乐": "lè"}
"""Characters read one way in a person's given name (李乐, 陈乐怡 Lè, as 快乐), whatever the context
model reads them elsewhere (音乐 yuè; the surname 乐 Yuè opens the name, and keeps its reading)."""


def _given_names(block: Block) -> None:
    """A person's name no dictionary has, of two or three characters, opening with a common surname
    (`SURNAMES`) where the segmenter tags it a person's name, reads its given name by
    `GIVEN_NAME_READINGS` (我叫李乐, 陈乐怡: lè); so does a nickname of one such character doubled (乐乐)."""
    from .dictionary import cedict
    from .names import SURNAMES

    for token in block.tokens:
        word = token.simplified or token.text
        if token.kind != "han" or not 2 <= len(word) <= 3 or word in cedict():
            continue
        nickname = len(word) == 2 and word[0] == word[1] and word[0] in GIVEN_NAME_READINGS
        if nickname or word[0] in SURNAMES and _person(word):
            wanted = [GIVEN_NAME_READINGS.get(char) if i or nickname else None for i, char in enumerate(word)]
            for i, reading in enumerate(wanted):
                if reading and token.readings[i] != reading:
                    token.readings = _replace(token.readings, i, reading)
                    token.sources = _replace(token.sources, i, "rule")


YOUNG_AFTER = "年女爷妇壮儿将校尉帅东奶卿保傅林阳先妻男主"
"""What follows 少 in words where it is young, shào (少年, 少女, 少爷, 少校, 少林, 少先队)."""
YOUNG_BEFORE = "年老青阔恶大二三"
"""What comes before 少 in words where it is young, shào (年少, 老少, 青少年, 阔少, 二少)."""


def _few(block: Block, text: str) -> None:
    """少 where the context model read it shào "young" without a word to say so: alone, or opening or
    ending a token no dictionary has and no name (少雨, 人烟|少, 少|时间, 少进, 人烟|烟少), it is shǎo
    "few, little". A word keeps its reading (少年, 年少, 少校), and so does a name (刘少奇), and a token
    with 少 inside it (亚少赛: the Asian youth games)."""
    from .dictionary import cedict

    starts, tokens = block.token_offsets(), block.tokens
    wanted: dict[int, str] = {}
    for found in re.finditer("少", text):
        p = found.start()
        k = _token_index(starts, p)
        token = tokens[k]
        word = token.simplified or token.text
        offset = p - starts[k]
        if offset not in (0, len(word) - 1) or token.readings[offset] != "shào" or token.sources[offset] != "model" \
                or text[p + 1:p + 2] in YOUNG_AFTER or p and text[p - 1] in YOUNG_BEFORE:
            continue
        if len(word) == 1 or word not in cedict() and not (_word_tag(word) or "").startswith("nr"):
            wanted[p] = "shǎo"
    set_readings_at(block, wanted, "rule")


BIOGRAPHY_END = re.compile(r"[》〉」』”\"。，、；：！？,;:!?)）]|[里中](?![国路场间])|$")


def _biographies(block: Block, text: str) -> None:
    """传 alone after a person's name, ending a clause or a title (诸葛亮传, 《李白传》, 在毛泽东传里), is
    a biography, zhuàn; before anything else it is the verb (张三传球, 小王传了一个消息: chuán)."""
    tokens, starts = block.tokens, block.token_offsets()
    for i in range(1, len(tokens)):
        token = tokens[i]
        if (token.simplified or token.text) != "传" or token.readings[0] == "zhuàn":
            continue
        previous = tokens[i - 1]
        if previous.kind == "han" and _person(previous.simplified or previous.text) \
                and BIOGRAPHY_END.match(text, starts[i] + 1):
            token.readings = ("zhuàn",)
            token.sources = ("rule",)


def _read_sayings(block: Block, text: str) -> None:
    """A saying CC-CEDICT has reads as it gives it, where the segmenter cut it up or a comma
    parts it (吃一堑，长一智 zhǎng; 人不可貌相 xiàng; 大事化小，小事化了 liǎo); the rules are for
    free text, and a saying's reading is the dictionary's."""
    from .dictionary import sayings

    if len(text) < 5:
        return
    index, folded = sayings(), text.replace(",", "，")
    wanted: dict[int, str] = {}
    for start, token in zip(block.token_offsets(), block.tokens):  # a saying begins where a word does
        if token.kind != "han":
            continue
        for word, reading in index.get(folded[start:start + 2], ()):
            if folded.startswith(word, start):
                wanted.update((start + offset, syllable) for offset, (char, syllable) in enumerate(zip(word, reading))
                              if char != "，")
    set_readings_at(block, wanted, "cedict", keep_credit=("phrase", "cedict", "rule", "default", "model"))


PARTICLE_CHARACTERS = frozenset("吗啦吧")
_PARTICLE = re.compile("[吗啦吧]")


def _particles_inside(block: Block, text: str) -> None:
    """吗, 啦 and 吧 end a clause as particles (好吗, 来啦, 走吧); where one has a character of
    its clause after it, or ends a noun the segmenter made one word, it is something else:

    - 吗 before a character is a sound in a foreign name (摆吗奈撒 mǎ, as 吗啡; 干吗 stays má);
    - 啦 before a character is lā (替啦谭莫, 啦啦操), but not in a doubled exclamation (好啦好啦);
    - 吧 is "bar", bā, where a noun comes before it and its clause goes on (杏吧社区; 奔跑吧兄弟
      stays the particle), or where it begins a dictionary word with the character after it (吧台,
      吧主). Not where the segmenter joined it to a noun: jieba has 书吧 but also 电影吧, and
      我们去看电影吧 is the particle.
    """
    from .dictionary import cedict

    starts, tokens = block.token_offsets(), block.tokens
    wanted: dict[int, str] = {}
    for found in _PARTICLE.finditer(text):
        position, char = found.start(), found.group()
        before, after = text[position - 1:position] if position else "", text[position + 1:position + 2]
        k = _token_index(starts, position)
        token = tokens[k]
        if token.kind != "han" or token.sources[position - starts[k]] == "cedict":
            continue
        goes_on = is_han(after)
        if char == "吗":
            if goes_on and before != "干":
                wanted[position] = "mǎ"
        elif char == "啦":
            if goes_on and before == after != "啦" or position >= 3 and text[position - 2] == "啦" != before \
                    and text[position - 3] == before:
                wanted[position] = "la"  # 好啦好啦
            elif goes_on:
                wanted[position] = "lā"
        else:
            head = tokens[k - 1].simplified or tokens[k - 1].text if goes_on and k and position == starts[k] else ""
            if head and is_han(head[-1]) and _noun(head) or goes_on and "吧" + after in cedict():
                wanted[position] = "bā"
    set_readings_at(block, wanted, "rule")


def _noun(word: str) -> bool:
    """Whether the segmenter tags `word` as nouns and CC-CEDICT, where it has the word, does not
    give it first as a verb (回家 "to return home" is tagged a noun; 书 "book", and last "to write")."""
    import rjieba

    from .dictionary import cedict

    return all(tag.startswith("n") for _, tag in rjieba.tag(word)) and not any(
        senses.startswith("to ") for _, _, senses in cedict().get(word, ()))


ROLES = ("(?:画家|学者|作家|诗人|词人|思想家|哲学家|科学家|数学家|物理学家|化学家|史学家|历史学家|政治家|军事家|"
         "教育家|书法家|音乐家|艺术家|文学家|名将|将领|将军|英雄|皇帝|大臣|宰相|丞相|太守|刺史|知府|知县|总督|巡抚|主席|"
         "总理|部长|教授|院士|学士|烈士|演员|歌手|导演|运动员|选手|记者|医生|先生|女士|小姐|老师|名叫|叫做|名为|叫)")
ROLE_BEFORE_NAME = re.compile(ROLES + "$")
"""What names a person just before the name: 画家仇英, 作家查良镛, 名将种师道."""
TITLES_AFTER_NAME = ("(?:同志|先生|女士|小姐|教授|老师|主席|总理|部长|书记|将军|院士|博士|医生|师傅|校长|"
                     "经理|总统|同学|等人|夫妇|夫人|局长|县长|市长|省长)")
"""What follows a person's name as a title (任弼时同志, 解老师, 肖方等人)."""
AFTER_NAME = re.compile(TITLES_AFTER_NAME + "|是[^，。；！？]{0,12}?" + ROLES)
"""A title, or 是 and a role in the same clause, after a name: 任弼时同志, 解缙是明代的大学士."""
SURNAME_BEFORE_TITLE = re.compile("[" + "".join(SURNAME_READINGS) + "].{1,2}(?:" + AFTER_NAME.pattern + ")")
"""A surname, one or two characters, and a title or 是 and a role: only then are a paragraph's words looked at."""
ROLE_THEN_SURNAME = re.compile(ROLES + "[" + "".join(SURNAME_READINGS) + "]")
"""A role and a surname after it somewhere in a paragraph: only then are its words looked at."""


def _surnames_beside_roles(block: Block, text: str) -> None:
    """A word of two or three characters that no dictionary has, after a word that names a
    person's role (画家仇英, 学者解缙, 名将种师道, 英雄单雄信), or before a title, 等人, or 是 and a role
    in its clause, where the segmenter tags it a person's name (任弼时同志, 肖方等人, 解缙是明代的大学士;
    not 曾任县长), is that person's name: its first character, a surname read otherwise than usual,
    takes the surname's reading."""
    from .dictionary import cedict

    tokens, starts = block.tokens, block.token_offsets()
    for i in range(len(tokens)):
        token = tokens[i]
        word = token.simplified or token.text
        reading = SURNAME_READINGS.get(word[:1])
        if reading is None or token.kind != "han" or not 2 <= len(word) <= 3 or word in cedict() \
                or word[:2] in cedict():
            continue  # (任何人, 解放军: a word of the dictionary's, not a name)
        if not (i and ROLE_BEFORE_NAME.search(tokens[i - 1].simplified or tokens[i - 1].text)) and not (
                AFTER_NAME.match(text, starts[i] + len(word)) and _person(word)):
            continue
        if token.readings[0] != reading:
            token.readings = (reading,) + token.readings[1:]
            token.sources = ("rule",) + token.sources[1:]


def _person(word: str) -> bool:
    """Whether the segmenter tags `word`, alone, as one person's name (任弼时, 肖方; not 曾任 "once
    served as", before a title as a name would be: 曾任县长)."""
    return (_word_tag(word) or "").startswith("nr")


@lru_cache(maxsize=4096)
def _word_tag(word: str) -> str | None:
    """The part of speech the segmenter gives `word` when it takes the word whole, or None where it
    cuts it in pieces."""
    import rjieba

    tags = rjieba.tag(word)
    return tags[0][1] if len(tags) == 1 else None


def _separated(block: Block) -> None:
    """A verb-object word (离合词) with the aspect particle 了 between its parts reads as the word
    does where CC-CEDICT reads it one way: 遭了难 zāonàn (not nán), 着了凉 zháoliáng, 露了一手
    lòu yī shǒu, 嚼了舌头 jiáo. The verb is the last character of the token before 了, where that
    token is one character or no dictionary word (the segmenter's 上露 of 晚会上露了一手); the
    object is the next token, or the next two, up to three characters in all, and not a particle
    (衣服干了吗: 干吗 gànmá is no verb and object here), nor a number alone (划了一下午: not 划一). Not a doubled verb
    (看了看), a complement (停了下来, 转了去), nor a classifier with its noun after it (打了场硬仗:
    not 打场 "thresh"); an object that is a word of its own keeps its reading (脱了衣服 yīfu)."""
    from .dictionary import cedict

    tokens, overrides, classifiers = block.tokens, phrase_overrides(), counted_with()
    for i in range(1, len(tokens) - 1):
        if tokens[i].text != "了" or tokens[i].readings != ("le",) or tokens[i - 1].kind != "han":
            continue
        before = tokens[i - 1]
        verb = before.simplified or before.text
        if len(verb) > 1 and verb in cedict():
            continue
        if _doubled_around(tokens, i, verb[-1]):
            continue
        objects, length = [], 0
        for k, token in enumerate(tokens[i + 1:i + 3], i + 1):
            text = token.simplified or token.text
            length += len(text)
            if token.kind != "han" or length > 3 or text in PARTICLE_CHARACTERS or not objects and (
                    text[0] == verb[-1] or text[0] in DIRECTIONAL
                    or len(text) == 1 and text in classifiers and k + 1 < len(tokens) and tokens[k + 1].kind == "han"):
                break
            objects.append(token)
            word = verb[-1] + "".join(t.simplified or t.text for t in objects)
            if len(word) == 2 and word[1] in NUMERALS:
                continue  # a number counts what follows: 划了一下午 is no 划一 "uniform" (露了一手 goes on to 露一手)
            reading = overrides.get(word) or _one_reading(word)
            if reading is None or len(reading) != len(word):
                continue
            if before.readings[-1] != reading[0]:
                before.readings = before.readings[:-1] + (reading[0],)
                before.sources = before.sources[:-1] + ("rule",)
            at = 1
            for part in objects:
                wanted, own = reading[at:at + len(part.text)], part.simplified or part.text
                at += len(part.text)
                if part.readings != wanted and not (len(own) > 1 and own in cedict()):
                    part.readings = wanted
                    part.sources = tuple("rule" for _ in wanted)


def _doubled_around(tokens: list, i: int, verb: str) -> bool:
    """A verb doubled around 了 before its object (撇了撇嘴, 挑了挑眉) is the verb of the word
    that the second one makes with the object: both take that word's reading where CC-CEDICT
    reads the word one way (撇嘴 piězuǐ, so 撇了撇嘴 is piě, not the piē of 撇了 "cast aside").
    True where the token after 了 repeats the verb (the caller then looks for no object)."""
    from .dictionary import cedict

    after = tokens[i + 1]
    text = after.simplified or after.text
    if after.kind != "han" or text[0] != verb:
        return False
    words = [text]
    if len(text) == 1 and i + 2 < len(tokens) and tokens[i + 2].kind == "han":
        following = tokens[i + 2].simplified or tokens[i + 2].text
        words = [verb + following] if len(following) > 1 and following in cedict() \
            else [verb + following, verb + following[0]]  # (转了转|眼珠: 眼珠 is the object, not 转眼 "in a flash")
    reading = next((r for r in map(_one_reading, words) if r is not None), None) if len(words[0]) > 1 else None
    before, second = tokens[i - 1], after
    if reading is None:
        # no word to ask: a verb a rule has read gives its reading to its double (数了数钱 shǔ)
        decided = [token.readings[at] for token, at in ((before, -1), (second, 0)) if token.sources[at] == "rule"]
        if len(decided) == 1:
            reading = (decided[0],)
    if reading is None or _neutral(reading[0]) == reading[0]:
        return True
    if before.readings[-1] != reading[0]:
        before.readings = before.readings[:-1] + (reading[0],)
        before.sources = before.sources[:-1] + ("rule",)
    if second.readings[0] != reading[0]:
        second.readings = (reading[0],) + second.readings[1:]
        second.sources = ("rule",) + second.sources[1:]
    return True


DIRECTIONAL = frozenset("来去上下进出回过起开到")
"""What begins a verb's complement of direction or result (停了下来, 转了去, 看了起来)."""


@lru_cache(maxsize=4_096)
def _one_reading(word: str) -> tuple[str, ...] | None:
    """CC-CEDICT's reading of a word it reads one way only (its names aside), in tone marks."""
    from .dictionary import cedict
    from .syllables import tone_marks

    readings = {tuple(tone_marks(p.lower())) for p, _, _ in cedict().get(word, ()) if not p[:1].isupper()}
    return readings.pop() if len(readings) == 1 else None


def _classifiers(block: Block, text: str) -> None:
    """A classifier alone or after a numeral or demonstrative (只, 一场, 这把), before a noun that
    CC-CEDICT counts with it ("CL:部[bu4],場|场[chang3]" in 电影's entry), or before a word ending
    in one (小猫), reads as that entry gives it: 一场电影 chǎng, 一场大雨 cháng, and 只 whose 一 was
    left out, 这是只小猫 zhī, not zhǐ "only", which comes before verbs and adverbs."""
    tokens = block.tokens
    table = counted_with()
    starts = block.token_offsets()
    for found in _classifier_characters().finditer(text):
        i = _token_index(starts, found.start())
        if i + 1 >= len(tokens) or starts[i + 1] != found.end():
            continue  # not the end of its token
        token, following = tokens[i], tokens[i + 1]
        word = token.simplified or token.text
        if token.kind != "han" or following.kind != "han" or \
                not all(c in NUMBERS or c in DEMONSTRATIVES for c in word[:-1]) or \
                len(word) > 1 and token.sources[-1] == "cedict":
            continue  # a word the dictionary reads itself keeps its reading (这个 zhège)
        noun = following.simplified or following.text
        counted = table[word[-1]]
        reading = counted.get(noun) or len(noun) > 1 and (counted.get(noun[1:]) or counted.get(noun[-1]))
        if reading and token.readings[-1] != reading:
            token.readings = token.readings[:-1] + (reading,)
            token.sources = token.sources[:-1] + ("rule",)


DEMONSTRATIVES = frozenset("这那哪每某各该此")


@lru_cache(maxsize=1)
def _classifier_characters() -> re.Pattern:
    return re.compile(f"[{''.join(sorted(counted_with()))}]")


@lru_cache(maxsize=1)
def counted_with() -> dict[str, dict[str, str]]:
    """dictionary.classifier_readings(), or {} without the dictionary package."""
    from .dictionary import classifier_readings

    try:
        return classifier_readings()
    except Exception:  # noqa: BLE001 - without the dictionary package, the model decides
        return {}


DEGREE_ADVERBS = "很|真|挺|太|好|多么|特别|非常|十分|最|更|比较|有点儿?|有些|那么|这么|怪"
DEGREE_BEFORE = re.compile(f"(?:{DEGREE_ADVERBS}|不)(?:有|没有|没)?$")
"""A degree adverb, alone or before 有/没有: what comes next is said of someone (很精神, 真地道,
太大意, 很有精神)."""
MODALS = frozenset("要想会能可敢肯愿该应得在从到向往对给把被让叫为于由跟和与同比像")
"""Modal verbs and prepositions, after which 起来, 过去 are words of their own (我想过去: to go
over; 在过去: in the past), not complements."""
_DOUBLED = re.compile(r"(.)\1")
PERSON_AFTER = re.compile("(?:我|你|您|他|她|咱|大家|谁)")
"""A person after a doubled character that can be a verb makes it the doubled verb (等等我, 谈谈你:
the verb, where CC-CEDICT's 等等 is "etc.")."""
_V_YI_V = re.compile(r"(.)一\1")
NUMBERS = frozenset("一二两三四五六七八九十百千万亿零〇第")


def add_neutral_tones(block: Block, text: str) -> None:
    """Neutral tones that depend on the words around them (GB/T 16159-2012 and CC-CEDICT):

    - a word CC-CEDICT lists with and without a neutral tone takes the neutral one after a
      degree adverb (很精神 jīngshen "lively", 太大意 dàyi "careless"), a complement takes it
      after a verb (站起来 qilai, 跑过去 guòqu; but 我们过去吧 guòqù);
    - a doubled verb is neutral on its second syllable (试试 shìshi, 想想 xiǎngxiang), and so is
      a doubled kinship noun CC-CEDICT lacks; words CC-CEDICT has (偷偷 tōutōu) are as it says;
    - 一 between a doubled verb is neutral (看一看 kàn yi kàn);
    - 着 after a one-character verb is the aspect particle zhe, where the segmenter joined it
      with the next word (拍着手 is 拍 + 着手 to it, not zhuóshǒu "to set about");
    - 地 on its own between a word and a verb is the adverbial particle de (真正地理解).
    """
    tables = neutral_tables()
    if not tables:
        return
    pairs, verbs, verbal, kin, doubled = tables.pairs, tables.verbs, tables.verbal, tables.kin, tables.doubled
    wanted: dict[int, str] = {}
    starts = block.token_offsets()
    _pairs_in_context(block, text, starts, pairs, verbal, wanted)
    _cut_directional(block, text, starts, verbal, wanted)
    _cut_after_degree(block, starts, wanted)
    for found in _DOUBLED.finditer(text):
        char, start = found.group(1), found.start()
        if text[start - 1:start] in (char, "一") or text[start + 2:start + 3] in (char, "的") or _in_aabb(text, start):
            continue  # not AAA, AABB, nor 一推|推倒 (one push, pushed over), nor 顺顺的 (smooth: it describes)
        if _inside_word(block, starts, start):
            continue  # ABB that the dictionary has: 笑吟吟, 香喷喷, 眼睁睁 (full tones)
        before_object = _verb_doubled_before_object(block, starts, start)
        before_person = char in verbal and PERSON_AFTER.match(text, start + 2) is not None
        if char not in verbs and char not in kin and not before_object and not before_person:
            continue
        if found.group() in doubled and text[start + 2:start + 3] == "看" and char in verbs:
            wanted[start + 1] = _neutral(_reading_at(block, starts, start) or char)
            continue  # 数数看 shǔshu kàn "count and see": the doubled verb (数数 alone may be 数数 shǔshù, count numbers)
        if found.group() in doubled and not before_object:
            if _cut_in_two(block, text, starts, start):  # a word CC-CEDICT has, as it reads it (说|说 shuōshuo)
                wanted[start + 1] = (phrase_overrides().get(found.group()) or usual_reading(found.group()))[1]
            elif before_person and _doubled_word(block, starts, start):  # 等等我: the verb, not "etc."
                wanted[start + 1] = _neutral(_reading_at(block, starts, start) or char)
            continue
        if not _doubled_word(block, starts, start) and not (
                (before_person or _after_subject(block, starts, start) or _AFTER_BA.search(text, 0, start) and text[start - 1] != "得")
                and _cut_in_two(block, text, starts, start, known=False)):
            continue  # (找|找他, 我找|找钥匙, 把地扫|扫: a verb cut in two by the segmenter)
        first = _verb_reading(text[start] + text[start + 2]) if before_object else None
        if first:
            wanted[start] = first  # 散散心 sànsanxīn, as 散心 reads 散
        first = first or _reading_at(block, starts, start)
        if first:
            wanted[start + 1] = _neutral(first)
    for found in _V_YI_V.finditer(text):
        char, start = found.group(1), found.start()
        if is_han(char) and char not in NUMBERS and text[start - 1:start] != "一":
            wanted[start + 1] = "yi"  # 看一看, and a verb CC-CEDICT does not know as one (幌一幌); not 一步一步, 一定一定
    if "得" in text:
        _de(block, text, starts, verbal, wanted)
    tokens = block.tokens
    for found in re.finditer("[地着]", text):
        i = _token_index(starts, found.start())
        token = tokens[i]
        if token.text == "地" and 0 < i < len(tokens) - 1 and _adverbial_de_alone(tokens[i - 1], tokens[i + 1], verbs):
            wanted[starts[i]] = "de"  # 真正|地|理解: a word, 地, a verb (the places 土地, 当地 are words)
        elif found.group() == "地" and found.start() == starts[i] and len(token.text) >= 2 and 0 < i \
                and _adverbial_de_joined(tokens[i - 1], token.simplified or token.text, verbs):
            wanted[starts[i]] = "de"  # 好奇|地问, 失望|地走了: the segmenter joined 地 to the verb after it
        if found.start() == starts[i] and token.kind == "han" and len(token.text) == 2 \
                and (token.simplified or token.text)[0] == "着" and i and token.readings[0] == "zhuó" \
                and _holds_state(tokens[i - 1], verbs):
            wanted[starts[i]] = "zhe"  # 拿|着手, 他空|着手: not after a modal (要|着力 zhuólì, 应|着眼)
        elif token.text == "着" and i + 1 < len(tokens) and len(tokens[i + 1].text) == 1 \
                and _zhao_word(text[found.start() - 1:found.start()], text[found.start() + 1], verbal):
            wanted[starts[i]] = "zháo"  # 双脚|着|地, 平稳|着|地: the word 着地, cut in two, with no verb before it
    set_readings_at(block, wanted, "rule")


def _zhao_word(before: str, after: str, verbal: frozenset) -> bool:
    """Whether 着 and the character after it make a word CC-CEDICT reads zháo (着地, 着火) and the
    character before 着 is no verb, nor a word with the character after (扫|着|地 is sweeping the
    floor, zhe: 扫地 is a word)."""
    from .dictionary import cedict

    entries = cedict().get("着" + after)
    return bool(entries) and entries[0][0].startswith("zhao2 ") and before not in verbal \
        and before not in STATES_HELD and not (before and before + after in cedict())


def _holds_state(previous, verbs: frozenset) -> bool:
    """Whether the token before the segmenter's 着手, 着眼… ends in a verb or in an adjective that takes 着
    (`STATES_HELD`), alone or joined to what comes before it in a word no dictionary has (拿|着手,
    他空|着手, 吴握|着手), and is no modal (要|着力 zhuólì, 应|着眼); 开始|着手, 准备|着手 are words."""
    from .dictionary import cedict

    word = previous.simplified or previous.text
    return previous.kind == "han" and (word[-1] in verbs or word[-1] in STATES_HELD) and word[-1] not in MODALS \
        and (len(word) == 1 or word not in cedict() and not (_word_tag(word) or "").startswith("d"))


STATES_HELD = frozenset("空光赤红湿")
"""Adjectives that take the aspect particle 着 of a state kept up (空着手, 光着脚, 红着脸): before the
segmenter's 着手, 着眼, it is zhe, as after a verb."""

_AFTER_BA = re.compile("把[^，。；！？把]{1,6}$")
"""把 and its object just before a place in the clause: what follows is the verb (把地扫|扫), unless
得 comes between and what follows describes (把火吹得烘烘乱发)."""


def _adverbial_de_alone(previous, following, verbs: frozenset) -> bool:
    """Whether a token 地 on its own between `previous` and `following` is the adverbial particle:
    after a word of two or more characters that is no place's (块, 片 before it make 地 land), and
    before a verb (真正|地|理解), a verb and what the segmenter joined to it where the word before
    is no noun (轻声|地|唱着歌), or anything but 的, 之 and 是 where the word before is an
    adjective or adverb (害羞|地|低下了头)."""
    before = previous.simplified or previous.text
    return previous.kind == "han" and len(before) >= 2 and before[-1] not in LAND_BEFORE \
        and following.text != "是" and (
            _glossed_as_verb(following) or _verb_first(following, verbs) and not _noun_tagged(previous)
            or _adverbial_tagged(previous) and following.kind == "han" and following.text[0] not in "的之")


def _verb_first(token, verbs: frozenset) -> bool:
    """Whether the token is a verb and what the segmenter joined to it, a phrase the dictionary
    does not have (唱着歌, 跑过去看): its first character a verb."""
    from .dictionary import cedict

    word = token.simplified or token.text
    return token.kind == "han" and len(word) >= 2 and word[0] in verbs and word not in cedict() \
        and word[:2] not in cedict()


def _noun_tagged(token) -> bool:
    """Whether the segmenter tags the token's word as a noun or a place (中华|地, 佛|地: the land)."""
    return (_word_tag(token.simplified or token.text) or "")[:1] in ("n", "s")


def _adverbial_tagged(token) -> bool:
    """Whether the segmenter tags the token's word as an adjective or an adverb (害羞, 频繁, 经常,
    时不时), after which 地 is the adverbial particle; not a word with 天 (漫天|地, 天不收|地不管)."""
    word = token.simplified or token.text
    return "天" not in word and _word_tag(word) in ("a", "ad", "an", "d", "z", "i", "l")


def _adverbial_de_joined(previous, word: str, verbs: frozenset) -> bool:
    """Whether `word`, a token 地X the dictionary does not have (地问, 地走了), is the adverbial 地
    joined to the verb X after a word of two or more characters (好奇|地问 hàoqí de wèn), not the
    ground after a verb of motion (落下|地来, 跳下|地去) nor 地 set against 天 (天清|地爽)."""
    from pypinyin.constants import PHRASES_DICT

    from .dictionary import cedict

    before = previous.simplified or previous.text
    return previous.kind == "han" and len(before) >= 2 and "天" not in before \
        and before[-1] not in DOWN_TO_THE_GROUND and (len(word) == 2 or len(word) == 3 and word[2] in "了着过") \
        and word[:2] not in cedict() and word[:2] not in PHRASES_DICT and (word[1] in verbs or _verb_word(word[1]))


DOWN_TO_THE_GROUND = frozenset("下上离出到落倒在于满遍入进回过起开从自向往朝个块片")
"""Last characters of a word after which 地 is the ground (落下地来, 跳下地去, 风从地起, 一个地煞)."""
POTENTIAL_COMPLEMENTS = frozenset("去来见着到起住开完过动上下及")
"""The complements of a verb's potential form V得C (看得见, 来得及), where 得 is de."""
LAND_BEFORE = frozenset("块片亩的这那")
"""What comes before 地 the land, dì, not the adverbial de: a classifier, 的, a demonstrative (这块地是谁的)."""
DE_WORDS_AFTER = frozenset("到了出知以分罪意逞手病奖益失当体力宜法劲救胜势票主数悉闲空令遇")
"""Characters after which 得 begins a word of its own (得到, 得了, 得罪, 得令, 得遇): dé."""
DE_WORDS_BEFORE = frozenset("获取赢记觉懂晓值显使免难舍不非由恨怪见懒省落乐")
"""Characters before which 得 ends a word of its own (获得, 记得, 值得, 不得): as that word has it."""
DOUBLED_VERB = re.compile(r"([\u3400-\u9fff])[一了]?\1")
"""A doubled verb (剪一剪, 修修): after a thing and 得, "must" (指甲得剪一剪了)."""
FEELING_OBJECTS = frozenset("心气惊急神意火")
"""Objects that make a verb and its object a feeling (伤心, 生气, 吃惊, 着急, 发火), which takes a complement."""
CAUSING = ("令人", "令爱", "令尊", "令堂", "令郎")
"""令 after 得 that is not 得令 "receive an order", dé: 好得令人难以拒绝 (makes one…), 救得令爱 (your daughter)."""
ADVERBS_BEFORE_NOT = frozenset("尚还也都就才又再已亦仍却易")
"""Adverbs before 不得, where 不得 is "may not", bùdé (尚不得见, 轻易不得), not what cannot be done."""
PERSONS = frozenset("我你他她它咱")
"""Pronouns after 得 that begin the clause a complement is (急得我睡不着, 气得他直跺脚)."""
NOT_BEFORE_COMPLEMENT = ADVERBS_BEFORE_NOT | frozenset("何么时")
"""Adverbs and question words before 得 + pronoun, where 得 is "get" (如何得他归顺, 却得你两个来接)."""
CLAUSE_END = frozenset("，。！？；,.!?;")
"""Punctuation that ends a clause: 急不得。 "cannot be hurried" (bùde) ends one."""
RESULT_STATE = re.compile("[\u3400-\u9fff]{1,2}不[着下出动了完来去起上见到住开拢]|直(?![接到达播至飞线辖属])[\u3400-\u9fff]|团团转")
"""What follows 得 when it brings about a state, not "must": a verb that cannot (睡不着, 吃不下, 说不出, 合不拢嘴),
直 and a verb (直跺脚, 直哭), 团团转."""
MUST_BEFORE = frozenset("早先马赶多少再好自亲快另")
"""Non-verbs that follow 得 "must" (我明天得早起, 你得好好学习, 你得自己决定, 你得亲自去, 这事得快点儿办, 数据线得另外买,
过敏，得少出门)."""
SUBJECT_ADVERBS = frozenset("还就也都总可又才只天们事人家子前")
"""Adverbs, and the ends of subjects and of times, that 得 "must" follows (我还得去, 明天得走, 我们得走,
这件事得快办, 孩子得早睡, 吃饭前得先洗手) although they can be verbs too (还 huán)."""
PREPOSITIONS_AHEAD = frozenset("从在跟向往替")
"""Prepositions after an adverb and 得: what must be done, and where or with whom (估计得从外面招人, 还得跟他说)."""
CLOCK = re.compile("[零一二两三四五六七八九十\\d]+点(?:半|钟|[零一二三四五六七八九十\\d]+分?)?")
"""A time by the clock, which the segmenter tags a number (六点, 八点半): a time, after which 得 is must."""
LATER = re.compile("[晚慢](?:一?点|些)")
"""Later, slower, after 得 "must" (他得晚点儿到, 下山的时候得慢一点儿), as 早 and 快 are (`MUST_BEFORE`)."""
HOW_MUCH = re.compile("很|真|太|非常|特别|十分|相当|挺|更|越来越|厉害|要命|不行|够呛|不得了|出奇|整[夜天晚宿]|一[夜宿]|满[头脸身]")
"""How much something was done, after a verb and 得 (咳嗽得厉害, 咳嗽得整夜睡不好): a complement."""
HOW_OFTEN = re.compile("每(?:天|日|周|星期|个?月|年|次|隔)|天天")
"""How often, after 得 "must" (垃圾得每天倒, 被子得每个月晒一晒)."""
WHEN_AHEAD = re.compile("(?:下|这|本|上)?个?(?:周|星期|礼拜)[一二三四五六日天末]|(?:下|这|本)个?月|最后|最先|事先|事后|提前|月底|年底|周末")
"""When a thing must be done, after 得 "must" and the thing (冷冻食品得最后拿, 方案得下周五之前交)."""
DURATION = re.compile("(?:[一二两三四五六七八九十半几]|好几)+(?:多|来)?(?:个(?:多|来)?(?:小时|月|星期|钟头)|小时|天|年|周|分钟|星期)")
"""A length of time after 得 that no verb is before: what it takes (开车得三个小时, 这活儿得两天), děi."""
MUST_AFTER = ("一定", "肯定", "可能", "估计", "看来", "恐怕", "也许", "大概", "必须", "至少", "现在", "马上", "以后", "然后",
              "首先", "早上", "晚上", "上午", "下午", "中午", "周末", "今晚", "平时", "平常", "今后", "将来", "往后")
"""Adverbs and words of time of two characters after which 得 before a verb is "must" (你一定得来,
明天可能得下雨, 我现在得走了), though their last character can be a verb (定得 "can settle" in 定得我的风势)."""


DONE_BEFORE = re.compile("了[，,]$")
"""A clause ending in 了 before 得 that opens the next: what has happened, then what one must do
(手机没电了，得借别人的; an old text's 今在阴司，得受…, 吹过苦海，得登彼岸 are "got to", dé)."""
CONDITION_BEFORE = re.compile("(?:的话|不然|否则|要不|要不然|所以|因此|那么|这样的话)[，,]$")
"""A condition or a consequence ending the clause before 得 that opens one: what follows is what one
must do (下雨的话，得准备雨伞; in an old text 得 opening a clause is "get to", dé: 得见菩萨)."""


def _de(block: Block, text: str, starts: list[int], verbal: frozenset, wanted: dict[int, str]) -> None:
    """得 between two characters: after a verb it links a complement, de (说得对, 跑得快); after
    a subject or an adverb, before a verb, it is "must", děi (我得换, 我还得去). Words with their
    own 得 (获得, 记得, 得到, 不得不) and 得 before 了 (dé: obtained) keep their reading."""
    from .dictionary import cedict

    overrides, whole = phrase_overrides(), neutral_tables().whole
    for found in re.finditer("得", text):
        p = found.start()
        before, after = text[p - 1:p], text[p + 1:p + 2]
        k = _token_index(starts, p)
        token = block.tokens[k]
        word = token.simplified or token.text
        prior = text[p - 2:p - 1]  # before 不
        cannot = before == "不" and prior not in ("得", "是") and prior not in ADVERBS_BEFORE_NOT and (
            prior in verbal and not _ends_thing(block, starts, p - 2) or is_han(prior) and after in CLAUSE_END)
        if len(word) > 1 and (word in overrides or word in whole or word in confirmed_words() or word in cedict()) \
                and not (cannot and word in ("不得了", "不得") and starts[k] == p - 1):
            if len(word) == 3 and p == starts[k] + 1 and word[0] in verbal and word[2] in POTENTIAL_COMPLEMENTS:
                wanted[p] = "de"  # 看得见, 听得见, 过得去: as CC-CEDICT writes 33 such words (来得及, 睡得着) and 4 not
            continue  # a word of its own, read as the dictionary reads it: 只得 zhǐdé, 总得 zǒngděi
        inner = _inner_word(word, p - starts[k])
        if inner is not None:
            if inner != token.readings[p - starts[k]]:
                wanted[p] = inner  # 个人所得税: 所得税 suǒdéshuì, a word of the dictionary's inside the token
            continue
        if cannot and after not in ("不", "已", "而"):
            wanted[p] = "de"  # what cannot be done: 记不得 jìbude, 记|不得了 (不得不, 不得已; 好得不得了)
            continue
        if re.match("[上下进出回过起开][来去]", text[p + 1:p + 3]):
            if before in verbal and text[p - 2:p] not in MUST_AFTER and before not in SUBJECT_ADVERBS \
                    and before not in "若如倘":  # (若得出来: if he can get out, dé)
                wanted[p] = "de"  # the potential form before a directional complement: 拿得出来, 走得过去
                continue
            if (before in PERSONS or before == "们") and text[p + 3:p + 4] != "的":
                wanted[p] = "děi"  # 我得出去一趟, 我们得回去: must (我得出来的结论: obtained)
                continue
        if before in DE_WORDS_BEFORE and RESULT_STATE.match(text, p + 1):
            wanted[p] = "de"  # 她乐得合不拢嘴: the state a feeling brought about (乐得 lèdé "be glad to")
            continue
        if (p == 0 or before in CLAUSE_END) and is_han(after) and after not in DE_WORDS_AFTER \
                and _must_opening_clause(block, text, starts, k, p, verbal):
            wanted[p] = "děi"  # opening a clause, before a verb or a length of time: 有易碎品的话，得告诉我们; 得有处方;
            # 得打一针, 得订个包间; 现在堵车，得四十分钟; 九点上班，得|打卡 (得缩头时且缩头: dé)
            continue
        if not is_han(before) or not is_han(after) \
                or after in DE_WORDS_AFTER and text[p + 1:p + 3] not in CAUSING \
                and not _word_opens(block, text, starts, k, p, verbal) \
                or before in DE_WORDS_BEFORE \
                or text[p + 1:p + 4] in ("来不易", "来全不"):
            continue  # (得来不易, 得来全不费工夫: dé, obtained)
        adverb = before in SUBJECT_ADVERBS or text[p - 2:p] in MUST_AFTER
        if p == starts[k] + 1 and len(word) <= 3 and _subject_thing(block, k, before, len(word) == 2) \
                and not RESULT_STATE.match(text, p + 1) \
                and (after in verbal or after in MUST_BEFORE or _time_follows(block, k) or DURATION.match(text, p + 1)
                     or _doer_follows(block, k, alone=False) or _manner_then_verb(block.tokens, k + 1)):
            wanted[p] = "děi"  # 这个药得涂薄薄一层: a thing after a demonstrative, joined to 得 by the segmenter: must
        elif p == starts[k] + 2 and _verb_object_before(text, p, verbal) and (
                after in verbal or after in MUST_BEFORE or DURATION.match(text, p + 1) or HOW_OFTEN.match(text, p + 1)):
            wanted[p] = "děi"  # 洗牙得|半年一次, 拔完牙得|等: a verb and its object joined to 得, as 倒车得慢 (no complement)
        elif p > starts[k] and not adverb and after != "不" and before not in PERSONS:
            wanted[p] = "de"  # the segmenter joined it to the word before: a complement (富得, 累得, 跑得快)
        elif not adverb and (text[p + 2:p + 3] != "得" or _complement_at(block, text, starts, p + 3)) \
                and _must_after_word(block, text, starts, k, p, verbal):
            wanted[p] = "děi"  # 头发得修一修了, 下次得早点来, 倒车得慢: no complement can follow these (得死得生: obtain)
        elif (before in verbal or after in PERSONS and before not in NOT_BEFORE_COMPLEMENT) and not adverb:
            wanted[p] = "de"  # 跑得快; 急得我睡不着 (what it did to someone)
        elif not adverb and before not in PERSONS and before != "们" and RESULT_STATE.match(text, p + 1):
            wanted[p] = "de"  # 担心得睡不着觉, 伤心得吃不下饭, 急得直跺脚: the state it brought about
        elif not adverb and _feeling_before(block, starts, k, p):
            wanted[p] = "de"  # 伤心得哭了, 激动得说: what a feeling made one do
        elif not adverb and before not in PERSONS and before != "们" and len(token.text) == 1 \
                and _so_much(block.tokens, k + 1):
            wanted[p] = "de"  # 雨下得这么大, 他跑得那么快: how much
        elif not adverb and _verb_word_before(block, starts, k, p, verbal) and HOW_MUCH.match(text, p + 1):
            wanted[p] = "de"  # 咳嗽得厉害, 咳嗽得整夜睡不好: how much it was done
        elif after in verbal or after in MUST_BEFORE or LATER.match(text, p + 1) or _verb_follows(block, starts, k, p) \
                or _adverb_then_verb(block, starts, k, p) \
                or adverb and (after in PERSONS or after in PREPOSITIONS_AHEAD or _doer_follows(block, k)) and before != "才" \
                or len(token.text) == 1 and _this_way(block.tokens, k + 1) \
                or DURATION.match(text, p + 1) \
                or (adverb or before in PERSONS) and HOW_OFTEN.match(text, p + 1):
            wanted[p] = "děi"  # 我得走; 这件事得你自己去办 (it must be you; 才得你母亲相见 is dé, "then could")


def _must_opening_clause(block: Block, text: str, starts: list[int], k: int, p: int, verbal: frozenset) -> bool:
    """Whether 得 at `p`, opening its clause (the `k`th token), is "must" by what follows it: a word "must"
    takes (`MUST_BEFORE`), 有, a verb and a number or 个 (得打一针, 得订个包间), a length of time (堵车，得四十分钟);
    a verb the segmenter took whole, after a condition (下雨的话，得准备雨伞) or where 得 stands alone and no 时
    follows the verb (九点上班，得|打卡; an old text's 得缩头时 is dé); a verb of one character with more after
    it, after a condition or a clause that ends in 了 (手机没电了，得借别人的)."""
    after, alone = text[p + 1:p + 2], len(block.tokens[k].text) == 1
    if after in MUST_BEFORE or after == "有" or after in verbal and text[p + 2:p + 3] in ("一", "两", "几", "个") \
            or DURATION.match(text, p + 1):
        return True
    condition = CONDITION_BEFORE.search(text, 0, p) is not None
    if _verb_word_follows(block, starts, k, p) and (
            condition or p and alone and text[starts[k + 1] + len(block.tokens[k + 1].text):][:1] != "时"):
        return True
    return alone and (condition or DONE_BEFORE.search(text, 0, p) is not None) and _one_verb_then_more(block, k)


def _verb_and_thing(pair: str, verbal: frozenset) -> bool:
    """Whether two characters are a verb and a thing it takes (洗牙, 倒车, 吃饭: the thing an
    `_object_character`, not a feeling: 伤心), not a verb and its result (看完, 吃饱, 长大)."""
    return pair[0] in verbal and _object_character(pair[1]) and pair[1] not in FEELING_OBJECTS


def _verb_object_before(text: str, p: int, verbal: frozenset) -> bool:
    """Whether the two characters before 得 at `p` are a verb and its thing (`_verb_and_thing`: 洗牙得,
    拔牙得) and no state it brought about follows (`RESULT_STATE`)."""
    return _verb_and_thing(text[p - 2:p], verbal) and not RESULT_STATE.match(text, p + 1)


def _must_after_word(block: Block, text: str, starts: list[int], k: int, p: int, verbal: frozenset) -> bool:
    """Whether 得 at `p`, beginning its token (the `k`th), is "must" by the word before it, a word no
    complement follows:

    - a thing: a word of two or more characters the segmenter tags a common noun and CC-CEDICT does
      not gloss as a verb (头发得修一修了, 门票得提前买; not 交流, 歌唱, which the segmenter tags nouns,
      nor a name: 小明得满分 is dé; nor a word CC-CEDICT lacks: 前闻得说), a longer word CC-CEDICT
      glosses only as a thing (做俯卧撑得坚持住, whatever the segmenter tags it), or a time (下次得早点来),
      before a verb, a doubled verb, an adverb that "must" takes (`MUST_BEFORE`), how often (垃圾得每天倒)
      or a time (衣服得下周才能做好);
    - a verb and its object in one word (倒车, 唱歌, 开车): its complement needs the verb again
      (唱歌唱得好), so 得 right after it is "must" (倒车得慢, 开车得小心), unless a noun follows,
      what is won (跳水得金牌), or the state it brought about (`RESULT_STATE`); not a feeling (伤心得哭了,
      生气得发抖: `FEELING_OBJECTS`)."""
    from .dictionary import cedict

    word = _word_before(block, starts, k, p)
    if word == "的" and len(block.tokens[k].text) == 1 and not RESULT_STATE.match(text, p + 1):
        return _verb_word_follows(block, starts, k, p) or text[p + 1:p + 2] in MUST_BEFORE  # 五十岁以上的|得|体检
    if len(word) == 1 and k > 1 and (block.tokens[k - 2].simplified or block.tokens[k - 2].text) == "的" \
            and not RESULT_STATE.match(text, p + 1):
        return _verb_follows(block, starts, k, p) or text[p + 1:p + 2] in verbal and len(block.tokens[k].text) == 1 \
            and (_word_tag(text[p + 1]) or "")[:1] == "v" \
            or len(block.tokens[k].text) == 1 and _doer_follows(block, k)  # 下午的会|得|开到几点, 它的饭|得|你自己喂
    if len(word) < 2 or RESULT_STATE.match(text, p + 1):
        return False
    if _time_word(word) or _whole_noun(word) or len(word) > 2 and _thing(word):
        return text[p + 1:p + 2] in verbal or text[p + 1:p + 2] in MUST_BEFORE or _verb_follows(block, starts, k, p) \
            or LATER.match(text, p + 1) is not None or DOUBLED_VERB.match(text, p + 1) is not None \
            or _when_follows(text, p + 1) \
            or starts[k] + len(block.tokens[k].text) == p + 1 and (
                _time_follows(block, k) or _doer_follows(block, k) or _manner_then_verb(block.tokens, k + 1)
                or _one_verb_follows(block.tokens, k))  # 套餐得|带
    if len(word) == 2 and word in cedict() and _verb_word(word) and _verb_and_thing(word, verbal):
        if len(block.tokens[k].text) > 1:
            return True  # the segmenter joined what follows to 得 (倒车|得慢): no noun
        following = block.tokens[k + 1] if k + 1 < len(block.tokens) else None
        return following is not None and following.kind == "han" and not (_word_tag(
            following.simplified or following.text) or "").startswith("n")
    if len(word) == 2 and _verb_and_thing(word, verbal) and _when_follows(text, p + 1):
        return True  # 养狗|得|每天带它出去: a verb and its thing no dictionary has whole, then how often or when
    return False


def _when_follows(text: str, q: int) -> bool:
    """Whether how often, when, or how long something must be done begins at `q` (`HOW_OFTEN`,
    `WHEN_AHEAD`, `DURATION`: 垃圾得每天倒, 方案得下周五之前交, 这活儿得两天)."""
    return any(pattern.match(text, q) is not None for pattern in (HOW_OFTEN, WHEN_AHEAD, DURATION))


DOERS = frozenset(("经理", "老师", "医生", "大夫", "家长", "领导", "父母", "大人", "本人", "老板", "师傅", "主任", "校长",
                   "你", "您", "我", "他", "她", "我们", "你们", "他们", "她们", "咱们", "大家", "自己"))
"""Who must do a thing, named between 得 "must" and the verb (报销单得经理签字, 这事得你自己去办)."""


def _manner_then_verb(tokens: list, j: int) -> bool:
    """Whether the `j`th token says how or when (a doubled measure, 一点一点; an adverb or a time of two
    or more characters: the segmenter's m, d, ad, t; or 一步|一步 in two tokens) and a verb follows it
    (水得|一点一点|加, 做咖啡得|一步|一步|来): after a thing and 得, must (an old text's 幸得|就|把 "fortunately could" has 就 alone)."""
    if j + 1 >= len(tokens) or tokens[j].kind != "han" or tokens[j + 1].kind != "han":
        return False
    word = tokens[j].simplified or tokens[j].text
    tag = _word_tag(word)
    following = tokens[j + 1].simplified or tokens[j + 1].text
    if word in MANNERS:
        return (_word_tag(following) or "").startswith("v") or _verb_word(following)  # 这样用, 这么吃 (not 这么大)
    if _step_by_step(tokens, j):
        return j + 2 < len(tokens) and tokens[j + 2].kind == "han" \
            and _predicate(tokens[j + 2].simplified or tokens[j + 2].text)  # 一步|一步|来, cut in two
    how = len(word) > 1 and tag in ("d", "ad", "t") or tag == "m" and len(word) == 4 and word[:2] == word[2:]
    return how and _predicate(following)


MANNERS = frozenset(("这样", "那样", "这么", "那么", "如此"))
"""Words of manner or of degree: before a verb, how it must be done (器材得这样用, děi); before an
adjective, how much (雨下得这么大, de)."""


def _this_way(tokens: list, j: int) -> bool:
    """Whether the `j`th token is 这样, 这么… (`MANNERS`), or 一步|一步 cut in two, and a verb follows
    (我得|这么|做, 房子得|一步|一步|来: must); an old text's adverbs before a verb (他得|永住|常存, "could
    live for ever") are not asked."""
    return j < len(tokens) and ((tokens[j].simplified or tokens[j].text) in MANNERS or _step_by_step(tokens, j)) \
        and _manner_then_verb(tokens, j)


def _step_by_step(tokens: list, j: int) -> bool:
    """Whether the `j`th token and the next are the same 一 + a measure, cut in two (一步|一步, 一点|一点)."""
    if j + 1 >= len(tokens):
        return False
    word = tokens[j].simplified or tokens[j].text
    return len(word) == 2 and word[0] == "一" and (tokens[j + 1].simplified or tokens[j + 1].text) == word


def _so_much(tokens: list, j: int) -> bool:
    """Whether the `j`th token is 这么, 那么… (`MANNERS`) and an adjective follows (雨下得|这么|大): a complement."""
    return j + 1 < len(tokens) and (tokens[j].simplified or tokens[j].text) in MANNERS and tokens[j + 1].kind == "han" \
        and _word_tag(tokens[j + 1].simplified or tokens[j + 1].text) == "a"


def _doer_follows(block: Block, k: int, alone: bool = True) -> bool:
    """Whether the token after 得, the `k`th, names who must do it (`DOERS`) and a verb or a word of how
    follows (报销单得|经理|签字, 这份表得|家长|亲自|填): must, after a thing. Where 得 is joined to the
    character before it (not `alone`), a pronoun of one character is left out: an old text's
    医得|他|好 is "can cure him"."""
    tokens = block.tokens
    if k + 2 >= len(tokens) or tokens[k + 1].kind != "han" or tokens[k + 2].kind != "han" \
            or (tokens[k + 1].simplified or tokens[k + 1].text) not in DOERS \
            or not alone and len(tokens[k + 1].text) == 1:
        return False
    following = tokens[k + 2].simplified or tokens[k + 2].text
    if following == "自己" and k + 3 < len(tokens) and tokens[k + 3].kind == "han":
        following = tokens[k + 3].simplified or tokens[k + 3].text  # 它的饭得|你|自己|喂
    return _predicate(following) or _when_or_how(following)


def _word_opens(block: Block, text: str, starts: list[int], k: int, p: int, verbal: frozenset) -> bool:
    """Whether 得 at `p` is a token of its own and the next token, a word of two or more characters,
    begins right after it, after a feeling, a verb, a time or 的: 紧张|得|手心出汗 is no 得手 (dé), nor
    以上的|得|体检 得体, nor 六点|得|出门 得出: the segmenter took 手心, 体检, 出门 whole (after an adverb it may be:
    怎么|得|出来, 有缘|得|遇, dé)."""
    if len(block.tokens[k].text) != 1 or k + 1 >= len(block.tokens) or starts[k + 1] != p + 1 \
            or block.tokens[k + 1].kind != "han" or len(block.tokens[k + 1].text) < 2:
        return False
    return text[p - 1:p] == "的" or _feeling_before(block, starts, k, p) \
        or _verb_word_before(block, starts, k, p, verbal) or _time_before(block, starts, k, p)


def _one_verb_then_more(block: Block, k: int) -> bool:
    """Whether the token after 得, the `k`th, is a verb of one character the segmenter tags so, with more
    of its clause after it (，得|借|别人的手机: must), and not one an old text's 得 "could, came to" takes
    (得见, 得遇, 得脱, 得知: `OLD_AFTER_DE`)."""
    tokens = block.tokens
    return _one_verb_follows(tokens, k) and k + 2 < len(tokens) and tokens[k + 2].kind == "han" \
        and (tokens[k + 1].simplified or tokens[k + 1].text) not in OLD_AFTER_DE


def _one_verb_follows(tokens: list, k: int) -> bool:
    """Whether the token after the `k`th is one character the segmenter tags a verb (套餐得|带: 带 is no
    verb in CC-CEDICT's first four senses, "band, belt…")."""
    return k + 1 < len(tokens) and len(tokens[k + 1].text) == 1 and tokens[k + 1].kind == "han" \
        and _word_tag(tokens[k + 1].simplified or tokens[k + 1].text) == "v"


OLD_AFTER_DE = frozenset("见遇脱免知闻道罪命成生活死救胜归回还")
"""Verbs after which a clause-opening 得 is an old text's "could, came to, got to" (得见, 得遇, 得脱, 得生), dé."""


def _complement_at(block: Block, text: str, starts: list[int], q: int) -> bool:
    """Whether a complement begins at `q`, after a second 得: an adjective taken whole, or how much
    (图表得做得|清楚: must, then de; an old text's 得死得生, "to die or live", has none)."""
    if q >= len(text):
        return False
    if HOW_MUCH.match(text, q):
        return True
    k = _token_index(starts, q)
    token = block.tokens[k]
    return starts[k] == q and token.kind == "han" and len(token.text) > 1 \
        and _word_tag(token.simplified or token.text) in ("a", "ad")


def _time_before(block: Block, starts: list[int], k: int, p: int) -> bool:
    """Whether 得 at `p` begins its token right after a time (明天, 六点: the segmenter's t, or `CLOCK`)."""
    word = _word_before(block, starts, k, p)
    return len(word) > 1 and _time_word(word)


def _time_word(word: str) -> bool:
    """Whether the segmenter tags the word a time (明天, 平时), or it is a time by the clock (`CLOCK`: 六点)."""
    return _word_tag(word) == "t" or CLOCK.fullmatch(word) is not None


def _verb_word_before(block: Block, starts: list[int], k: int, p: int, verbal: frozenset) -> bool:
    """Whether 得 at `p` begins its token right after a verb of two characters that takes no thing
    (咳嗽, 发烧: CC-CEDICT's first sense "to …", not a verb and its object as 倒车, 洗牙)."""
    word = _word_before(block, starts, k, p)
    return len(word) == 2 and _verb_word(word) and not _verb_and_thing(word, verbal)


def _feeling_before(block: Block, starts: list[int], k: int, p: int) -> bool:
    """Whether 得 at `p` begins its token right after a feeling: a word the segmenter tags an
    adjective (激动, 着急), or a verb and its object that make one (伤心, 生气: `FEELING_OBJECTS`)."""
    word = _word_before(block, starts, k, p)
    return len(word) == 2 and (_word_tag(word) in ("a", "an", "ad") or word[1] in FEELING_OBJECTS and _verb_word(word))


@lru_cache(maxsize=256)
def _classifier(char: str) -> bool:
    """Whether CC-CEDICT glosses the character as a classifier (颗 "classifier for small spheres…"),
    or it is 个 (这颗, 这个, 那些)."""
    from .dictionary import cedict

    return char == "个" or any(gloss.startswith("classifier") or "/classifier" in gloss
                               for _, _, gloss in cedict().get(char, ()))


def _time_follows(block: Block, k: int) -> bool:
    """Whether the token after the `k`th is a time the segmenter tags so (我买的药得饭后吃)."""
    return k + 1 < len(block.tokens) and block.tokens[k + 1].kind == "han" and _word_tag(
        block.tokens[k + 1].simplified or block.tokens[k + 1].text) == "t"


def _subject_thing(block: Block, k: int, char: str, alone: bool) -> bool:
    """Whether `char`, beginning the `k`th token, is a thing (`_object_character`, not a feeling) that
    is, or ends, its clause's subject: after a demonstrative alone or with its classifier (这个药,
    那药; not 这菜咸得, where 这菜 is the subject), after 的 (自费的药), or ending a thing with the word
    before it (充电|宝, 深水|区), these only where the token is the thing and 得 `alone` (not
    阳世间|方得享): no verb's object; or opening its clause, before an adverb or a verb and its result
    (药得|按时|吃, 牙得|刷|干净). After no such word, an old text's adverb may look like a thing (方得,
    幸得: "only then could", "fortunately could")."""
    if not _object_character(char) or char in FEELING_OBJECTS:
        return False
    if not k or block.tokens[k - 1].kind != "han":
        # 药得按时吃, 牙得刷干净: the thing opens the clause, its subject, and an adverb or a verb with
        # its result follows (an old text's 方得|成功, 幸得|此间, 今得|见 "only then could",
        # "fortunately", "now may" have neither)
        tokens = block.tokens
        following = tokens[k + 1] if k + 1 < len(tokens) else None
        if not alone or k and (tokens[k - 1].text or " ")[-1] not in CLAUSE_END or following is None \
                or following.kind != "han":
            return False
        verb = following.simplified or following.text
        result = tokens[k + 2] if k + 2 < len(tokens) else None
        tag = _word_tag(verb)
        return tag == "d" or tag in ("a", "ad", "i") and result is not None and result.kind == "han" \
            and _predicate(result.simplified or result.text) \
            or len(verb) == 1 and _predicate(verb) and result is not None \
            and (result.simplified or result.text) in RESULTS_DONE
    previous = block.tokens[k - 1]
    text = previous.simplified or previous.text
    if text[0] in "这那" and (len(text) == 1 or len(text) == 2 and _classifier(text[1])):
        before = block.tokens[k - 2] if k > 1 else None
        return before is None or before.kind != "han" or (before.simplified or before.text) in PERSONS
    return alone and (text == "的" or len(text) > 1 and (_thing(text + char) or (_word_tag(text) or "") in ("n", "ns")))


RESULTS_DONE = frozenset({"干净", "清楚", "完", "好", "掉", "一下", "一遍", "了", "整齐", "仔细"})
"""What a verb is done to after 得 "must" and a thing (牙得刷|干净, 牌得洗|干净|了, 药得吃|完)."""


def _word_before(block: Block, starts: list[int], k: int, p: int) -> str:
    """The word of Han characters just before 得 at `p`, where 得 begins its token (the `k`th); else ""."""
    if not k or starts[k] != p or block.tokens[k - 1].kind != "han":
        return ""
    previous = block.tokens[k - 1]
    return previous.simplified or previous.text


@lru_cache(maxsize=4_096)
def _thing(word: str) -> bool:
    """Whether CC-CEDICT has the word, and no sense of any of its readings is a verb ("to …")."""
    from .dictionary import cedict

    entries = cedict().get(word)
    return bool(entries) and not any(_verb_sense(sense) for _, _, gloss in entries for sense in gloss.split("/"))


@lru_cache(maxsize=1_024)
def _object_character(char: str) -> bool:
    """Whether a character can be a verb's object, a thing: the segmenter does not tag it a verb, an
    adjective, an adverb, a pronoun, a preposition or a conjunction, and no reading CC-CEDICT gives it
    is first a verb (车, 歌, 饭; not 高, 行, 计, 怎)."""
    from .dictionary import cedict

    entries = [gloss for pinyin, _, gloss in cedict().get(char, ()) if not pinyin[:1].isupper()]  # not a surname
    tag = _word_tag(char) or "v"
    return bool(entries) and tag[:1] not in ("v", "a", "d", "r", "p", "c") and not any(
        _verb_sense(gloss.split("/")[0]) for gloss in entries)


def _inner_word(word: str, offset: int) -> str | None:
    """The reading CC-CEDICT gives the character at `offset` of a token it does not list, inside
    the longest word of three or more characters it reads one way that covers that character
    (个人所得税: 所得税 suǒdéshuì); None where there is none. Two-character words are left out:
    跑得到 holds 得到, but is the verb and its potential complement."""
    for length in range(min(len(word) - 1, 6), 2, -1):
        for start in range(max(0, offset - length + 1), min(offset, len(word) - length) + 1):
            reading = _one_reading(word[start:start + length])
            if reading is not None and len(reading) == length:
                return reading[offset - start]
    return None


def _verb_word_follows(block: Block, starts: list[int], k: int, p: int) -> bool:
    """Whether 得 at `p` ends its token, the `k`th, and the next token is a verb of two or more
    characters, as CC-CEDICT glosses it or the segmenter tags it (告诉, 准备; not 见 of 得见, which an
    old text writes for "get to see")."""
    if k + 1 >= len(block.tokens) or starts[k + 1] != p + 1 or len(block.tokens[k + 1].text) < 2:
        return False
    following = block.tokens[k + 1]
    return _glossed_as_verb(following) or (_word_tag(following.simplified or following.text) or "").startswith("v")


def _ends_thing(block: Block, starts: list[int], q: int) -> bool:
    """Whether the character at `q` ends a word of two or more characters that is no verb or
    adjective (`_predicate`): 水量 of 水量不得超过 (bùdé, "must not"), not 吃 of 吃不得 nor 马虎 of 马虎不得."""
    k = _token_index(starts, q)
    token = block.tokens[k]
    word = token.simplified or token.text
    return token.kind == "han" and len(word) > 1 and starts[k] + len(word) == q + 1 and not _predicate(word)


def _adverb_then_verb(block: Block, starts: list[int], k: int, p: int) -> bool:
    """Whether 得 at `p`, beginning its token (the `k`th), is followed by an adverb the segmenter tags
    so, joined to it or a word of its own, and then by a verb or adjective (`_predicate`): 咱们得常聚聚,
    你得经常锻炼 (děi): a dictionary's adverb, and a verb of two or more characters (an old text's
    可得|真经|返 is "can obtain", dé, and its 他得|永住|常存 "may", which the segmenter tags adverbs)."""
    from .dictionary import cedict

    if starts[k] != p:
        return False
    token = block.tokens[k]
    word = token.simplified or token.text
    if len(word) > 1:
        adverb, following = word[1:], k + 1
    else:
        if k + 1 >= len(block.tokens) or block.tokens[k + 1].kind != "han":
            return False
        adverb, following = block.tokens[k + 1].simplified or block.tokens[k + 1].text, k + 2
    if following >= len(block.tokens) or block.tokens[following].kind != "han" \
            or _word_tag(adverb) not in ("d", "i", "ad") or adverb not in cedict():
        return False
    verb = block.tokens[following].simplified or block.tokens[following].text
    return len(verb) > 1 and _predicate(verb)


def _verb_follows(block: Block, starts: list[int], k: int, p: int) -> bool:
    """Whether 得 at `p` ends its token, the `k`th, and the next token is a word CC-CEDICT first
    glosses as a verb ("to …"), or a token of four or more characters that no dictionary has and
    that opens with one (他得工作, 我们得讨论, 我就得|下地干活)."""
    from .dictionary import cedict

    if k + 1 >= len(block.tokens) or starts[k + 1] != p + 1:
        return False
    following = block.tokens[k + 1]
    word = following.simplified or following.text
    return _glossed_as_verb(following) or following.kind == "han" and len(word) > 3 and _verb_word(word[:2]) \
        and word not in cedict()  # 下地干活, a token no dictionary has: its first word is the verb


def _after_subject(block: Block, starts: list[int], start: int) -> bool:
    """Whether the token before the doubled character at `start` is a personal pronoun, or a
    modal, an adverb or a word of time (`VERB_CUES`): 我找|找钥匙, 你再找|找, 我去|去来, where a
    doubled verb can stand; not the doubled words that describe (圆丢丢, 火光烘烘)."""
    k = _token_index(starts, start)
    if not k or starts[k] != start:
        return False
    previous = block.tokens[k - 1]
    word = previous.simplified or previous.text
    return previous.kind == "han" and (word in SUBJECTS or word in VERB_CUES)


def _doubled_word(block: Block, starts: list[int], start: int) -> bool:
    """Whether the doubled character at `start` is a word of its own, or with one more character
    (试试, 试试看, 聊聊天): not two words that meet (省|省长, 在|在前), nor part of a name (李思思)."""
    k = _token_index(starts, start)
    token = block.tokens[k]
    if starts[k] == start and len(token.text) == 1 and starts[k + 1] == start + 1 and k + 1 < len(block.tokens):
        # 晒|晒太阳, 爬|爬山: the verb, then the word it makes with its object
        following = block.tokens[k + 1]
        return len(following.text) >= 2 and following.kind == "han" and _glossed_as_verb(following) \
            and not token.note_ids and not following.note_ids and following.name is None
    return token.kind == "han" and starts[k] in (start, start - 1) and starts[k + 1] - start in (2, 3) \
        and len(token.text) <= 3 and not token.note_ids and token.name is None


def _verb_doubled_before_object(block: Block, starts: list[int], start: int) -> bool:
    """Whether an AA word CC-CEDICT has (点点 "speck") is here the doubled verb of the word AB
    that A makes with what follows (点点头: 点头 "to nod"), in a token AAB CC-CEDICT does not have
    (散散步 it has, and reads sàn sàn bù)."""
    from .dictionary import cedict

    k = _token_index(starts, start)
    token = block.tokens[k]
    word = token.simplified or token.text
    return starts[k] == start and len(word) == 3 and word not in cedict() and _verb_word(word[0] + word[2])


DEGREE_WORDS = frozenset("很 真 挺 太 好 特别 非常 十分 比较 有点 有点儿 有些 那么 这么 不".split())


def _cut_after_degree(block: Block, starts: list[int], wanted: dict[int, str]) -> None:
    """After a degree adverb, a word CC-CEDICT writes with a neutral tone that the segmenter cut
    into two characters (很|和|气: 和气 héqi "friendly") reads as CC-CEDICT has it. Only there: two
    one-character tokens elsewhere are usually two words (那|是, 自|在)."""
    tokens, overrides = block.tokens, phrase_overrides()
    for i, degree in enumerate(tokens[:-2], 1):
        if (degree.simplified or degree.text) not in DEGREE_WORDS:
            continue
        first, second = tokens[i], tokens[i + 1]
        if len(first.text) != 1 or len(second.text) != 1 or first.kind != "han" or second.kind != "han":
            continue
        reading = overrides.get((first.simplified or first.text) + (second.simplified or second.text))
        if reading and reading[1] and reading[1] == _neutral(reading[1]) and reading[0] != reading[1]:
            wanted[starts[i]], wanted[starts[i + 1]] = reading


def _cut_in_two(block: Block, text: str, starts: list[int], start: int, known: bool = True) -> bool:
    """Whether the AA at `start` was cut by the segmenter into two tokens of one character each
    (你们说|说这), its character in everyday use (one of HSK's 3,000: not a syllable of a name the
    segmenter did not know, 答耳麻八|剌|剌), not an adverb or attribute (…的, …地), and (`known`)
    a word CC-CEDICT reads."""
    word, k = text[start:start + 2], _token_index(starts, start)
    if starts[k:k + 3] != [start, start + 1, start + 2] or text[start + 2:start + 3] in ("的", "地") \
            or not _everyday(word[0]) or known and (phrase_overrides().get(word) or usual_reading(word)) is None:
        return False
    return all(token.kind == "han" and not token.note_ids and token.name is None for token in block.tokens[k:k + 2])


def _everyday(char: str) -> bool:
    """Whether the character is one of HSK 3.0's 3,000 (the 2021 standard's list for reading)."""
    from .dictionary import hsk_characters

    try:
        return char in hsk_characters("2021")
    except Exception:  # noqa: BLE001 - without the HSK package, no character is known to be everyday
        return False


def _inside_word(block: Block, starts: list[int], start: int) -> bool:
    """Whether the two characters from `start` are inside a token of three or more characters that
    CC-CEDICT or pypinyin's phrase dictionary has (笑吟吟, 血淋淋, 眯眯眼, 光溜溜): the dictionary's
    word, read as it reads it; not a doubled verb before 看 "try and see" (试试看 shìshi kàn, as the
    doubled verb is everywhere else)."""
    from pypinyin.constants import PHRASES_DICT

    from .dictionary import cedict

    k = _token_index(starts, start)
    word = block.tokens[k].simplified or block.tokens[k].text
    after = start - starts[k] + 2
    return after <= len(word) and len(word) >= 3 and (word in cedict() or word in PHRASES_DICT) \
        and word[after:after + 1] != "看"


def _in_aabb(text: str, start: int) -> bool:
    """Whether the doubled character at `start` is part of AABB (高高兴兴, 干干净净, 摆摆摇摇); not
    after 好好, the adverb "properly", before a doubled verb (好好想想, 好好学学), nor beside an AA
    noun CC-CEDICT reads with a neutral second syllable (问问妈妈, 奶奶看看: a verb and a person)."""
    after, before = text[start + 2:start + 4], text[start - 2:start] if start >= 2 else ""
    return len(after) == 2 and after[0] == after[1] and not _neutral_doubled_noun(after) \
        or len(before) == 2 and before[0] == before[1] and before[0] != "好" and not _neutral_doubled_noun(before)


@lru_cache(maxsize=256)
def _neutral_doubled_noun(word: str) -> bool:
    """Whether the AA word is a noun, a person or a thing, that CC-CEDICT reads with a neutral
    second syllable (妈妈 māma, 哥哥 gēge, 星星 xīngxing), which no half of an AABB word is (兴兴,
    净净; 往往 wǎngwǎng of 来来往往 is full; 叨叨 dāodao of 唠唠叨叨 is a verb, 蓬蓬 of 蓬蓬结结 describes):
    a kinship term, or a word the segmenter tags as a common noun or a name."""
    from .dictionary import cedict

    if not any(pinyin.split()[-1].endswith("5") for pinyin, _, _ in cedict().get(word, ()) if not pinyin[:1].isupper()):
        return False
    return word[0] in neutral_tables().kin or _word_tag(word) in ("n", "nr", "nz")


@lru_cache(maxsize=1)
def _complement_starts() -> frozenset[str]:
    """First characters of the words listed twice whose neutral reading is a complement after a
    verb (出来, 过去, 起来): where the segmenter may cut one in two (转过|来)."""
    return frozenset(word[0] for word, (_, _, after_verb, _) in neutral_tables().pairs.items() if after_verb)


def _cut_complement(word: str, tokens: list, i: int, pairs: dict) -> str | None:
    """The complement (过来) that a verb token ending with its first character (转过) and the next
    token starting with its second (来) make, if they make one."""
    if i + 1 >= len(tokens) or tokens[i + 1].kind != "han":
        return None
    complement = word[1] + (tokens[i + 1].simplified or tokens[i + 1].text)[0]
    return complement if complement in pairs and pairs[complement][2] else None


def _cut_directional(block: Block, text: str, starts: list[int], verbal: frozenset, wanted: dict[int, str]) -> None:
    """A directional complement CC-CEDICT reads with a neutral tone (下来 xiàlai, 回去 huíqu) that
    the segmenter cut in two after a verb (停下|来看): its second syllable is neutral, as there."""
    pattern = _directionals()
    if pattern is None:
        return
    tokens = block.tokens
    for found in pattern.finditer(text):
        first = found.start()
        i = _token_index(starts, first)
        token = tokens[i]
        if i + 1 < len(tokens) and starts[i + 1] == first + 1 and len(token.text) == 2 and token.kind == "han" \
                and (token.simplified or token.text)[0] in verbal:
            wanted[first + 1] = phrase_overrides()[found.group()][1]  # the verb's token keeps its own reading


@lru_cache(maxsize=1)
def _directionals() -> re.Pattern | None:
    """The directional complements (…来, …去) CC-CEDICT reads with a neutral tone."""
    words = sorted(word for word, reading in phrase_overrides().items()
                   if len(word) == 2 and word[0] in "上下进出回过起开" and word[1] in "来去" and len(reading) == 2
                   and _neutral(reading[1]) == reading[1])
    return re.compile("|".join(words)) if words else None


def _pairs_in_context(block: Block, text: str, starts: list[int], pairs: dict, verbal: frozenset,
                      wanted: dict[int, str]) -> None:
    from .dictionary import cedict
    from .syllables import tone_marks

    tokens = block.tokens
    overrides, whole = phrase_overrides(), neutral_tables().whole
    for i, token in enumerate(tokens):
        if token.kind != "han":
            continue
        word = token.simplified or token.text
        if word in pairs:
            offset = 0
        elif word in overrides or word in whole:
            continue  # a word of its own: 看起来 kànqilai
        elif len(word) == 3 and word[1:] in pairs:
            offset, word = 1, word[1:]
        elif len(word) == 3 and word[:2] in pairs:
            word = word[:2]
            offset = 0
        elif len(word) == 4 and word[2:] in pairs and word not in cedict() and _verb_word(word[:2]):
            offset, word = 2, word[2:]  # a verb and its object joined: 讨回|公道
        elif len(word) == 2 and word[1] in _complement_starts() and (cut := _cut_complement(word, tokens, i, pairs)):
            offset, word = 1, cut  # the segmenter cut a complement in two (转过|来)
        else:
            continue
        neutral, full, after_verb, _ = pairs[word]
        position = starts[i] + offset
        before = text[max(0, position - 4):position]
        if after_verb:
            verb = before[-2:-1] if before[-1:] == "了" else before[-1:]  # 晕了过去
            joined = None
            # 想出来了: a verb with its complement (a modal would have no 了 after it)
            complement = verb in MODALS and text[position + len(word):position + len(word) + 1] == "了"
            if verb in MODALS and not complement:  # 想起来 xiǎng qilai: a word of its own, where 想 is "think", not "want to"
                entries = [p for p, _, _ in cedict().get(verb + word, ()) if not p[:1].isupper()]
                joined = overrides.get(verb + word) or usual_reading(verb + word) or (
                    tone_marks(entries[0]) if entries else None)
            if joined is not None and len(joined) == len(word) + 1:
                reading = joined[1:]
            else:
                # (端|过去 inside one token of the segmenter's: a verb its tagger knows, 端 "carry")
                verb_like = verb in verbal or offset == 1 and (_word_tag(verb) or "")[:1] == "v"
                reading = neutral if complement or verb_like and verb not in MODALS else full
        elif DEGREE_BEFORE.search(before) and "pronoun" not in _reading_kinds(word):
            reading = neutral  # 很精神; not 好人家 "a good family" (no adverb of degree before a pronoun)
        else:
            following = tokens[i + 1] if i + 1 < len(tokens) and not offset else None
            if offset == 1 and _noun(text[position - 1]) or offset == 2:
                sense = "noun"  # a noun joined before it makes it a compound's head: 门把手 bǎshou, 羊下水 xiàshui;
                # a verb joined before it, its object: 讨回公道 gōngdào
            else:
                sense = _sense_in_context(text, position, position + len(word), tokens[i - 1] if i else None,
                                          tokens[i - 2] if i > 1 else None, following)
            which = _reading_kinds(word).get(sense) if sense else None
            if which is None:
                continue
            reading = neutral if which == "neutral" else full
            if reading == usual_reading(word):
                continue  # as the word alone reads: the dictionary's, not a rule's
        for k, syllable in enumerate(reading):
            wanted[position + k] = syllable
    # the segmenter may join the degree adverb to the word's first character: a word listed twice
    # (很大|方, 太大|意) takes its neutral reading, a word CC-CEDICT reads one way with a neutral
    # tone (很快|活 hěn kuàihuo) its own
    bounds = set(starts)
    for found in _after_degree().finditer(text):
        (start, end), word = found.span(2), found.group(2)
        if start in bounds or end not in bounds or _inside_word(block, starts, start):
            continue  # (桂太夫人: 太夫人 is the dictionary's word, not 太 + 夫人)
        if word in pairs:
            if pairs[word][2] or "pronoun" in _reading_kinds(word):
                continue
            reading = pairs[word][0]
        else:
            reading = overrides[word]
        for k, syllable in enumerate(reading):
            wanted[start + k] = syllable


@lru_cache(maxsize=1)
def _after_degree() -> re.Pattern:
    """A degree adverb and, right after it, a word CC-CEDICT lists twice (`neutral_tables().pairs`)
    or a two-character word it reads one way with a neutral second syllable (快活, 暖和, 漂亮)."""
    neutral = (word for word, reading in phrase_overrides().items()
               if len(word) == 2 and len(reading) == 2 and reading[1] == _neutral(reading[1]))
    words = sorted({*neutral_tables().pairs, *neutral}, key=lambda word: (-len(word), word))
    return re.compile(f"({DEGREE_ADVERBS})({'|'.join(words)})")


VERB_CUES = frozenset("去 来 要 想 会 能 可以 应该 应当 该 肯 敢 愿意 就 才 又 再 便 正 正在 已经 曾 曾经 将 将要 "
                      "一起 一同 容易 终于 马上 即将 刚 刚刚 一直 总是 经常 常常 从来 千万 纷纷 立刻 赶紧 只好 "
                      "开始 准备 别 不要 不用 甭 "
                      "今天 明天 昨天 今年 明年 去年 现在 下个月 上个月 下周 本月 后天 将来 今后 春天 夏天 秋天 冬天".split())
"""Words after which a word listed twice is the verb it can be: modals and adverbs (领去受用 shòuyòng
"enjoy", 很容易上头 shàngtóu "go to one's head"), and words of time (明年开通 kāitōng "open", 秋天结实
jiēshí "bear fruit")."""
DEGREE_CHARACTERS = frozenset("很真最太挺更不也都还")
"""Adverbs the segmenter joins to a modal after them (很会, 真能, 不要): 很会摆设 is 会 + the verb;
pronouns it joins so too (你别丧气)."""
CAUSATIVES = frozenset("让 使 叫 令")
"""Verbs whose object is the subject of the next word (让我受用一生): a pronoun after them opens a predicate."""
NOUN_BEFORE = re.compile("(?:的|[一二两三四五六七八九十几这那每某哪此][个位块片条件种些张把只座间家门户]"
                         "|很多|许多|好多|不少|所有|各种|什么)$")
"""What makes the next word a noun: 的, a number or demonstrative with its classifier (一条地道 dìdào),
a word of quantity (很多地道)."""
LOCALISERS = frozenset("里内中")
"""After a word, they make it a place, a noun (地道里 dìdào "in the tunnel")."""
ARRIVED_AT = re.compile("(?:到|在)[我你他她它]?$")
"""到 or 在, and a person, before a word: it is where one comes or is (走到我跟前 gēnqián, 在地道里)."""
SUBJECTS = frozenset("我 你 您 他 她 它 咱 我们 你们 他们 她们 它们 咱们 大家".split())
"""Personal pronouns: at the start of a clause, the subject, after which a word is said of it (他下场休息)."""
SPEECH_AFTER = frozenset("：:“「\"")
"""What follows a verb of saying (说道：“…”)."""
PREPOSITIONS = frozenset("给对跟帮让叫被替向和与同")
"""Prepositions after which a word is a person, where it can be one (给人家, 对人家)."""
PERSON_OBJECT = frozenset("管怪骂欺笑学求")
"""Verbs whose object is a person (别管人家的事, 学人家), so that a word that can be one is one."""
SUBJECT_NEXT = frozenset("不也都就还才又可没已说要会在是的")
"""Adverbs and verbs that follow a subject (人家不想去, 人家说), and 的 that follows a person (人家的)."""
OPENS_CLAUSE = re.compile(r"(?:^|[，。；！？：,.;!?:“”\"「」])$")
EXCLAMATION_AFTER = frozenset("，！,!")
"""What follows a word said alone as an exclamation (乖乖，这么贵！ guāiguai)."""


def _sense_in_context(text: str, start: int, end: int, previous, before_previous, following) -> str | None:
    """Which kind of word (`_reading_kinds`) the words around a word listed twice make it, or None
    where they say nothing:

    - "speech": a colon or an opening quotation mark after it (说道：“…” shuōdào "to say");
    - "exclaim": said alone, opening a clause and followed by a comma or an exclamation mark
      (乖乖，这么贵！);
    - "motion": 去 or 来 after it (跳下水去: a verb of motion, not 讨盘缠去, where it is the object);
    - "verb": an aspect particle or the complement's 得 after it (受用了, 摆设得很漂亮), a modal,
      an adverb or a word of time before it
      (领去受用, 明年开通), or a personal pronoun that opens the clause (他下场休息) or follows a
      causative verb (让我受用一生): the word is said of someone, so it is the verb it can be, or
      the adjective;
    - "noun": 的, a classifier or a word of quantity before it (一条地道, 很多地道), an object
      after a verb and 了 (挖了地道) that is not an attribute (吃了地道的菜), or 里, 内, 中 after
      it (从地道里), which make it a place where no noun is told from a verb ("place": 门道里 méndào
      "doorway", not méndao "knack");
    - "pronoun": opening a clause or after a preposition, and followed by an adverb, a verb or 的
      (人家不想去 rénjia, 给人家 rénjia; not 人家庄院 rénjiā "household"); after a verb whose
      object is a person (别管人家的事), or after 是 and before 的 (这是人家的东西);
    - "noun" too: after 有 (有出息了 chūxi, what one has)."""
    after = text[end:end + 1]
    before = text[max(0, start - 4):start]
    name = (previous.simplified or previous.text) if previous is not None else ""
    if after in SPEECH_AFTER:
        return "speech"
    if after in EXCLAMATION_AFTER and OPENS_CLAUSE.search(text[:start]):
        return "exclaim"
    if after in ("去", "来"):
        return "motion"
    if before[-1:] == "有":
        return "noun"  # 有出息了: what one has
    if (name[-1:] == "是" or name[-1:] in PERSON_OBJECT) and after == "的":
        return "pronoun"  # 这是人家的东西: someone else's
    if after in ("了", "着", "过") or name in VERB_CUES or following is not None and following.text == "得" \
            or len(name) == 2 and (name[0] in DEGREE_CHARACTERS or name[0] in PERSONS) and name[1:] in VERB_CUES:
        return "verb"
    if name in SUBJECTS and (before_previous is None or before_previous.kind == "punct"
                             or before_previous.text in CAUSATIVES):
        return "verb"
    if NOUN_BEFORE.search(before) or before[-1:] == "了" and before[-2:-1] in neutral_tables().verbal and after != "的" \
            or after in CLAUSE_END and previous is not None and len(name) == 2 and _glossed_as_verb(previous):
        return "noun"
    if after in LOCALISERS or ARRIVED_AT.search(before) and after != "的":
        return "place"
    if (OPENS_CLAUSE.search(text[:start]) or name in PREPOSITIONS) and (
            after in SUBJECT_NEXT or following is not None and _glossed_as_verb(following)):
        return "pronoun"
    if name[-1:] in PERSON_OBJECT and (after in SUBJECT_NEXT or OPENS_CLAUSE.search(text[:end + 1])):
        return "pronoun"
    return None


def _glossed_as_verb(token) -> bool:
    """Whether CC-CEDICT's first sense of the token's word is a verb ("to …")."""
    return token.kind == "han" and _verb_word(token.simplified or token.text)


def _verb_reading(word: str) -> str | None:
    """The reading of the first character of a two-character word, as CC-CEDICT reads the word."""
    from .dictionary import cedict
    from .syllables import tone_marks

    entries = [pinyin for pinyin, _, _ in cedict().get(word, ()) if not pinyin[:1].isupper()]
    return tone_marks(entries[0].lower())[0] if entries else None


def _verb_word(word: str) -> bool:
    """Whether CC-CEDICT's first sense of the word is a verb ("to …")."""
    from .dictionary import cedict

    entries = cedict().get(word)
    return bool(entries) and _verb_sense(entries[0][2].split("/")[0])


def _verb_sense(sense: str) -> bool:
    """Whether a CC-CEDICT sense is a verb's: "to …", after any label in brackets ("(coll.) to …")."""
    return re.sub(r"^\([^)]*\) ", "", sense).startswith("to ")


ADJECTIVE = re.compile(r"^[a-z-]+(?:ful|ous|ive|able|ible|ic|less|ish)$")
"""An English adjective by its ending (authentic, careless, terrible, generous): a gloss's first sense."""
PRONOUN_SENSE = re.compile(r"^(?:he|she|they|I|me|other people|sb else)(?=$|,| or | \()")
SPEECH_SENSE = re.compile(r"\b(?:say|said|speak|tell|quoted)\b")
PLACE_SENSE = re.compile(r"^(?:doorway|gateway|tunnel|passage(?:way)?|corridor|room|hall|courtyard|yard|entrance|"
                         r"street|lane|alley|road|path|field|area|region|place|site|space|the front)\b")
"""A first sense that is a place (门道 méndào "doorway", 地道 dìdào "tunnel"): the reading 里, 内, 中 after the word ask for."""
MOTION_SENSE = re.compile(r"^to (?:go|come|leave|enter|return|get (?:in|out|off|on))\b")


@lru_cache(maxsize=512)
def _reading_kinds(word: str) -> dict[str, str]:
    """For each sense `_sense_in_context` can find ("verb", "noun", "speech", "pronoun", "motion"), the
    reading ("neutral" or "full") of a word listed twice (`neutral_tables().pairs`) that CC-CEDICT
    glosses so, where one of its two readings is and the other is not:

    - a verb has "to …" as its first sense, or else among its first two (下场 xiàchǎng "to leave
      the stage" / xiàchang "the end", 下水 xiàshuǐ "to go into the water" / xiàshui "offal");
      where neither reading is a verb, an adjective (a first sense of one word with an adjective's
      ending: 地道 dìdao "authentic" / dìdào "tunnel", 大意 dàyi "careless") stands for it;
    - the noun is the other reading of a verb or an adjective;
    - a verb of saying has "say", "speak", "tell" or "quoted" in a sense (说道 shuōdào "to say
      (the quoted words)" / shuōdao "to discuss");
    - a pronoun begins a sense with "he", "I", "other people" (人家 rénjia / rénjiā "household");
    - a verb of motion has a sense "to go", "to come", "to leave", "to enter" (下水 xiàshuǐ "to go
      into the water"): the one 去 and 来 follow;
    - an exclamation has one as its first sense (乖乖 guāiguai "goodness gracious!");
    - a place is the noun, or else the reading whose first sense is a place (门道 méndào "doorway" /
      méndao "knack"): the one 里, 内, 中 after the word ask for."""
    from .dictionary import EXCLAIMED, cedict
    from .syllables import tone_marks

    neutral, full, _, _ = neutral_tables().pairs[word]
    found: dict[str, dict[str, bool]] = {key: {} for key in ("verb", "verb2", "adjective", "speech", "pronoun",
                                                             "motion", "exclaim", "place")}
    for pinyin, _, gloss in cedict().get(word, ()):
        senses = [re.sub(r"^\([^)]*\) ", "", sense).strip() for sense in gloss.split("/")]
        marks = tone_marks(pinyin.lower())
        for name, reading in (("neutral", neutral), ("full", full)):
            if marks == reading:
                for key, value in (("verb", senses[0].startswith("to ")),
                                   ("verb2", any(sense.startswith("to ") for sense in senses[:2])),
                                   ("adjective", any(ADJECTIVE.match(sense) for sense in senses[:2])),
                                   ("speech", any(SPEECH_SENSE.search(sense) for sense in senses)),
                                   ("pronoun", any(PRONOUN_SENSE.match(sense) for sense in senses)),
                                   ("motion", any(MOTION_SENSE.match(sense) for sense in senses)),
                                   ("exclaim", bool(EXCLAIMED.match(gloss))),
                                   ("place", bool(PLACE_SENSE.match(senses[0])))):
                    found[key][name] = found[key].get(name, False) or value

    def one(key: str) -> str | None:
        values = found[key]
        if len(values) == 2 and values["neutral"] != values["full"]:
            return "neutral" if values["neutral"] else "full"
        return None

    kinds = {}
    verb = one("verb") or one("verb2") or one("adjective")
    if verb:
        kinds["verb"] = verb
        kinds["noun"] = "full" if verb == "neutral" else "neutral"
    place = kinds.get("noun") or one("place")
    if place:
        kinds["place"] = place
    for key in ("speech", "pronoun", "motion", "exclaim"):
        if one(key):
            kinds[key] = one(key)
    return kinds


def _token_index(starts: list[int], position: int) -> int:
    """The index of the token holding the character at `position` (`starts`: block.token_offsets())."""
    return bisect.bisect_right(starts, position) - 1


def _reading_at(block: Block, starts: list[int], position: int) -> str | None:
    k = _token_index(starts, position)
    token = block.tokens[k]
    return token.readings[position - starts[k]] if token.kind == "han" else None


def _apply_word_rules(tokens: list) -> None:
    from .dictionary import cedict
    from .rules import ANSWERED

    opened_by_yi = False
    for i, token in enumerate(tokens):
        if token.kind == "punct" and not CLAUSE_END.isdisjoint(token.text):
            opened_by_yi = False
            continue
        word = token.simplified or token.text
        last = len(word) - 1
        if word == "以":
            opened_by_yi = True
        elif word[:1] == "为" and opened_by_yi and not token.note_ids \
                and (word == "为" or len(word) == 2 and word not in cedict()):
            _rule_syllable(token, 0, "wéi")
            opened_by_yi = False  # 以…为准, and 以…为|宜 where the segmenter joins 为宜
        elif word[-1:] == "为" and not token.note_ids and token.readings[-1:] == ("wèi",) and _copula(tokens, i):
            _rule_syllable(token, last, "wéi")
        elif word[:1] == "为" and len(word) > 1 and not token.note_ids and token.readings[:1] == ("wèi",) \
                and _copula(tokens, i, inside=word[1:]):
            _rule_syllable(token, 0, "wéi")
        elif word == "应" and token.readings == ("yìng",) \
                and (_modal_before_verb(tokens, i) or _one_verb_after(tokens, i)):
            _rule_syllable(token, 0, "yīng")
        elif len(word) == 2 and word[0] == "应" and token.readings[:1] == ("yìng",) and not token.note_ids \
                and word not in cedict() and word[1] not in ANSWERED and _predicate(word[1]):
            _rule_syllable(token, 0, "yīng")  # 学生|应穿|校服: the segmenter joined the modal to its verb
        elif len(word) == 2 and word[1] == "应" and token.readings[1:] == ("yìng",) and not token.note_ids \
                and _joined_modal(tokens, i):
            _rule_syllable(token, 1, "yīng")
        elif word == "将令" and i and (tokens[i - 1].simplified or tokens[i - 1].text)[-1:] in ADVERBS_BEFORE_JIANG:
            token.readings = ("jiāng", "lìng")
            token.sources = ("rule", "rule")


def _rule_syllable(token, offset: int, reading: str) -> None:
    """Read the token's syllable at `offset` as a word rule decided (`_apply_word_rules`)."""
    token.readings = _replace(token.readings, offset, reading)
    token.sources = _replace(token.sources, offset, "rule")


SENTENCE_END = frozenset("。！？!?")
"""Punctuation that ends a sentence, not only a clause (`CLAUSE_END`)."""
RANGE_WORD = "至"
"""What joins the two ends of a range in words (九点至五点), which is no verb after 为 (a dash or a
tilde is punctuation or a symbol, which `_copula` never takes for a word)."""
NOT_COPULA_BEFORE = frozenset(("是", "都是", "就是", "只是", "也是", "全是", "还是", "只", "专", "特", "正"))
"""Words before 为 after which it is "for" whatever follows (这都是为你, 这是为大家, 只为芭蕉扇, 专为这妖怪)."""


def _copula(tokens: list, i: int, inside: str = "") -> bool:
    """Whether 为 ending the `i`th token, alone after its subject or joined to it in a word no
    dictionary has (该山为), is wéi "is" because nothing in the rest of its clause can be a verb or
    an adjective, nor is a word no noun that an aspect particle follows (为学生上了一堂课; not 为人了):
    wèi "for" is a preposition, whose object a verb must follow (该站为一座地下车站, 末班车时间为晚上
    十一点, 繁殖期为每年四至六月; 他为人民服务, 这是为你好 are wèi). Not at a clause's start (为国家，
    为人民) unless the clause ends its sentence (海拔两千余米，为省内最高峰。), nor before a pronoun.
    `inside`: what the segmenter joined to 为 in a word no dictionary has (为|鹭科 of
    白鹭为鹭科白鹭属的鸟类), read as the rest's first word."""
    from .dictionary import cedict

    word = tokens[i].simplified or tokens[i].text
    previous = tokens[i - 1] if i else None
    opening = False  # 为 opens a clause after a comma
    if inside:
        if word in cedict() or len(word) > 3 or not all(map(is_han, word)):
            return False
        word = "为"
    if len(word) > 1:
        if len(word) > 3 or word in cedict() or word[-2:] in cedict() or not all(map(is_han, word)) \
                or word[:-1] in NOT_COPULA_BEFORE or word[0] in PERSONS \
                or _predicate(word[:-1]) and _word_tag(word[:-1]) not in ("d", "t", "tg"):
            return False  # (是因为: 因为 is a word; 专为, 我为: for; 愿为市鞍马, 尚思为国: a verb wants it
            # for; 现为 "now is", a time, is no verb)
    else:
        opening = previous is not None and previous.kind == "punct" and previous.text in ("，", ",")
        titled = previous is not None and previous.kind == "punct" and previous.text in ("》", "」", "』", "”")
        if previous is None or previous.kind != "han" and not opening and not titled \
                or (previous.simplified or previous.text) in NOT_COPULA_BEFORE:
            return False
    rest = [inside] if inside else []
    closes = True  # the clause ends its sentence
    for token in tokens[i + 1:]:
        if token.kind == "punct" and not CLAUSE_END.isdisjoint(token.text):
            closes = not SENTENCE_END.isdisjoint(token.text)
            break
        if token.kind == "han":
            rest.append(token.simplified or token.text)
        elif token.kind == "punct" and rest:
            return False  # a quotation or a bracket: too much to read into
    if opening and not closes:
        return False  # opening a clause, 为 is "is" only where its clause ends the sentence (…两千余米，为省内最高峰。)
    if closes and len(rest) == 1 and len(rest[0]) == 1 and (_word_tag(rest[0]) or "")[:1] == "a":
        return True  # 和气为贵, 还是早点去为好: is (counted) the best, the dearest
    if not rest or rest[0][:1] in PERSONS and rest[0] not in PLACES_OF_OURS or rest[0][:1] in "甚何啥" \
            or rest[0][:2] in ("大家", "别人", "人们", "自己", "我们", "你们", "他们"):
        return False
    person = previous is not None and (previous.simplified or previous.text)[-1:] in PERSONS | {"们"}
    described = False  # what follows is what a 的 describes
    if "的" in rest and closes and not person and not _verb_before(tokens, i):
        last = len(rest) - rest[::-1].index("的")
        if not ASPECT.intersection(rest[:last]):
            # what a 的 describes: 为|鹭科白鹭属的|鸟类 (我为妻子写的一首, 讲述了一位教师为孩子们坚守的故事,
            # 为这事发了好大的火: for)
            rest, described = rest[last:], True
    if not rest or any(rest[k + 1] in ASPECT and ((_word_tag(word) or "n")[:1] not in ("n", "r", "m", "q")
                                                  or len(word) > 1 and not _thing(word))
                       for k, word in enumerate(rest[:-1])):
        return False  # a word an aspect particle follows is a verb (为学生上了一堂课, 为消费者节省了: the
        # segmenter's noun 节省 is a verb to CC-CEDICT; not 为人了)
    blocking = [word for word in rest if word != RANGE_WORD and _predicate(word)
                and not (described and len(rest) == 1 and _thing(word))]  # (的|壮举: a thing, whatever its tag)
    blocking += [word for n, word in enumerate(rest) if n and _spends(word, rest[n + 1:n + 2])]
    # an adjective before the noun that ends the clause describes it (为宋代著名女词人, 为…的重要资料),
    # and so does any one word between a 的 and that noun (为这里的|旅游|旺季; 为公司的|发展|做|贡献 is for)
    return not blocking or closes and _noun_word(rest[-1]) and (
        all(_adjective(word) for word in blocking) or described and len(rest) == 2)


def _spends(word: str, following: list[str]) -> bool:
    """Whether `word`, after the thing 为 is for, is 过 "celebrate, spend" and the thing it takes, alone
    before a noun or in a token no dictionary has (为大熊猫|过生日, 为孩子|过|节): a verb, so 为 is "for",
    not the aspect particle 过."""
    from .dictionary import cedict

    if word == "过":
        return bool(following) and _thing(following[0])
    return len(word) > 2 and word[0] == "过" and word not in cedict() and _thing(word[1:])


PLACES_OF_OURS = frozenset(("我国", "我省", "我市", "我县", "我区", "我校", "我院"))
"""我 + a place: a noun after 为, not a pronoun (该湖为我国第二大淡水湖)."""


def _adjective(word: str) -> bool:
    """Whether the segmenter tags the word an adjective and CC-CEDICT does not first gloss it as a verb."""
    return (_word_tag(word) or "")[:1] == "a" and not _verb_word(word)


def _noun_word(word: str) -> bool:
    """Whether the segmenter tags the word a noun (词人, 资料) and it is no verb or adjective."""
    return (_word_tag(word) or "")[:1] == "n" and not _predicate(word)


def _verb_before(tokens: list, i: int) -> bool:
    """Whether a word before the `i`th token in its clause can be a verb (`_predicate`): 为 after it
    is inside what that verb takes (讲述了一位教师为孩子们坚守的故事), not its clause's own verb."""
    for token in reversed(tokens[:i]):
        if token.kind == "punct" and not CLAUSE_END.isdisjoint(token.text):
            return False
        if token.kind == "han" and _predicate(token.simplified or token.text):
            return True
    return False


def _modal_before_verb(tokens: list, i: int) -> bool:
    """Whether 应, the `i`th token, alone, is the modal yīng "should" because a verb of two or more
    characters follows it (`_predicate`: 雨天路滑，应减速慢行; 游客应提前出发), or follows a word of when
    or how (`_when_or_how`: 滤网应每月更换, 应立即停止使用): yìng "answer, respond" takes a
    person or a thing (应了一声), and makes words of its own with what it answers (应邀, 应战)."""
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    if following is None or following.kind != "han" or len(following.text) < 2:
        return False
    word = following.simplified or following.text
    if _predicate(word):
        return True
    verb = tokens[i + 2] if i + 2 < len(tokens) else None
    return _when_or_how(word) and verb is not None and verb.kind == "han" and len(verb.text) > 1 \
        and _predicate(verb.simplified or verb.text)


def _one_verb_after(tokens: list, i: int) -> bool:
    """Whether 应, the `i`th token, alone, comes before a verb of one character that is no word with
    it (`rules.ANSWERED`), a verb or adjective (`_predicate`), after its subject (面团|应|揉|至光滑): the modal yīng."""
    from .rules import ANSWERED

    following = tokens[i + 1] if i + 1 < len(tokens) else None
    if not i or following is None or following.kind != "han" or len(following.text) != 1 \
            or tokens[i - 1].kind != "han":
        return False
    char = following.simplified or following.text
    return char not in ANSWERED and _predicate(char)


def _when_or_how(word: str) -> bool:
    """Whether a word says when, how often or how (立即, 每月, 明天): a dictionary's word the segmenter tags an
    adverb, or a time, or how often (`HOW_OFTEN`), which may come between a modal and its verb (滤网应每月更换)."""
    from .dictionary import cedict

    tag = _word_tag(word)
    return tag == "d" and word in cedict() or tag == "t" or HOW_OFTEN.fullmatch(word) is not None


def _joined_modal(tokens: list, i: int) -> bool:
    """Whether 应 ending the `i`th token, joined by the segmenter to the thing before it in a word no
    dictionary has (蒸汽阀|应 of 蒸汽阀应定期清洗), is the modal yīng: as `_modal_before_verb`, where
    the character before it is a thing (`_object_character`; not 以应 "so as to answer")."""
    from .dictionary import cedict

    word = tokens[i].simplified or tokens[i].text
    return word not in cedict() and _object_character(word[0]) and _modal_before_verb(tokens, i)


PLACE_ENDS = frozenset("内外间")
"""Localisers that make a place of the character before them in a word no dictionary has (省内, 校外):
no verb."""


@lru_cache(maxsize=4_096)
def _predicate(word: str) -> bool:
    """Whether a word can be a clause's verb or adjective: the segmenter tags it or a part of it so,
    or CC-CEDICT first glosses it as a verb; of a word CC-CEDICT lacks and no place (`PLACE_ENDS`), the
    longest word of two or more characters ending it, its head (减速慢行: 慢行; not 死火山: 火山), or where
    none does, any of its characters (叫辆, 课买本, 救师; not a number's: 四至六月)."""
    import rjieba
    from .dictionary import cedict

    if _verb_word(word) or any(tag[:1] in ("v", "a") for _, tag in rjieba.tag(word)):
        return True
    if word in cedict() or word[0] in NUMBERS or len(word) == 2 and word[1] in PLACE_ENDS:
        return False
    head = next((word[i:] for i in range(1, len(word) - 1) if word[i:] in cedict()), None)
    if head is not None:
        return _verb_word(head)
    return any(_verb_sense(gloss.split("/")[0]) for char in word for pinyin, _, gloss in cedict().get(char, ())
               if not pinyin[:1].isupper())


def _after_thing(block: Block, starts: list[int], p: int) -> bool:
    """Whether 得 at `p` begins its token right after a word of two or more characters the segmenter
    tags a time (平时) or a noun (`_whole_noun`: 家长, 手机卡); a complement's 得 follows a verb or an
    adjective (长得, 生活得, 工作得)."""
    from .dictionary import cedict

    word = _word_before(block, starts, _token_index(starts, p), p)
    return len(word) > 1 and _word_tag(word) == "t" and word in cedict() or _whole_noun(word)


def _whole_noun(word: str) -> bool:
    """Whether the segmenter tags a word a common noun that is no verb: a dictionary's word CC-CEDICT
    does not gloss as a verb (`_noun`: 家长, 头发), or a longer word it lacks that ends in a thing
    (`_object_character`) and can be no verb (`_predicate`); not a pair of characters it lacks (而气 of
    而气得快疯了), nor a clause joined whole (网速慢)."""
    from .dictionary import cedict

    if _word_tag(word) != "n" or len(word) < 2:
        return False
    return _noun(word) if word in cedict() else len(word) > 2 and _object_character(word[-1]) and not _predicate(word)


def _neutral_kept(current: str | None, wanted: str) -> bool:
    """Whether `current` is the neutral tone of the syllable a rule wants (hong for hǒng)."""
    return current is not None and current == _neutral(current) and _syllable(current) == _syllable(wanted)


def _apply_pattern_rules(block: Block, text: str) -> None:
    from .dictionary import cedict
    from .rules import matches

    found: dict[int, str] = {}
    starts = None
    for position, reading, _, degree in matches(text):
        if degree is not None:
            starts = starts or block.token_offsets()
            k = _token_index(starts, degree)
            word = block.tokens[k].simplified or block.tokens[k].text
            if starts[k] != degree and word not in ENDING_IN_DEGREE and word in cedict():
                continue  # the degree adverb ends a dictionary word: 能够|重新 chóngxīn, 认真|重写 (not 花太|长时间)
        found.setdefault(position, reading)  # the first rule that reads a character wins
    for position in [position for position, reading in found.items() if reading == "de" and text[position] == "得"]:
        starts = starts or block.token_offsets()
        if _after_thing(block, starts, position):
            del found[position]  # 家长|得|多配合, 平时|得少吃: no complement follows a thing (`_de` reads it)
    if found:
        # a rule chooses a syllable, not a tone: the neutral tone of a word CC-CEDICT reads one
        # way stays (糊弄 hùnong, 卖弄 màinong); the words it reads two ways (下水, 东西) are the
        # rules' to choose between
        starts, tokens = starts or block.token_offsets(), block.tokens
        overrides = phrase_overrides()
        for position in list(found):
            k = _token_index(starts, position)
            token = tokens[k]
            if token.kind != "han":
                continue
            word, offset = token.simplified or token.text, position - starts[k]
            by_dictionary = token.sources[offset] in ("cedict", "phrase")
            if len(word) >= 4 and _idiom_agreed(word):
                # an idiom both dictionaries read whole, and alike (供不应求 yìng, 崭露头角 lù):
                # the rules are written for free text, and the idiom's reading is theirs
                del found[position]
            elif len(word) > 1 and found[position] in CLAUSE_PARTICLES and by_dictionary:
                del found[position]  # a word that ends a clause is no particle: 去酒吧。 jiǔbā, 咯咯 gēgē
            elif word in overrides:
                if by_dictionary and _neutral_kept(token.readings[offset], found[position]):
                    del found[position]
            elif position and text[position - 1] == text[position] and _neutral_kept(token.readings[offset], found[position]):
                del found[position]  # 哄哄他: the second syllable of a doubled verb stays neutral (a rule reads 哄 + person)
    # a dictionary word that already reads a character so keeps the credit for it
    set_readings_at(block, found, "rule", keep_credit=("phrase", "cedict"))


ENDING_IN_DEGREE = frozenset({"越来越", "愈来愈", "不够", "足够", "不太", "不很", "不甚"})
"""Words that end in a degree adverb and are one (越来越长, 不够长, 不太长 cháng), unlike 能够, 认真, 只好."""

CLAUSE_PARTICLES = frozenset({"ba", "li", "lo", "o"})
"""The readings of the rules for a particle that ends a clause (吧 ba, 哩 li, 咯 lo, 哦 o)."""


@lru_cache(maxsize=4_096)
def _idiom_agreed(word: str) -> bool:
    """Whether pypinyin's phrase dictionary and CC-CEDICT both read `word` one way, the same way."""
    from pypinyin.constants import PHRASES_DICT

    phrase = PHRASES_DICT.get(word)
    return phrase is not None and tuple(options[0] for options in phrase) == _one_reading(word)


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
