"""Sentence alignment of a Chinese text and its translation: beads of 0–4 sentences a side.

Analysis only: sentences in, beads out (no I/O, no output format).

Each sentence becomes a bag of features in one space shared by both languages: English stems
(lower-cased, Snowball-stemmed, stop words out) for the translation, and for the Chinese the
stems of each word's CC-CEDICT glosses; numbers (三十 and 30 and thirty are all `#30`), `?`,
`!` and quotation marks; the toneless pinyin of Chinese names against capitalised English words
(陈清扬 ↔ Chen Qingyang). A bead's lexical score is the cosine of its two sides' bags (a bag of
merged sentences is the sum of theirs, so every bead's cosine comes from the sentences' pairwise
dot products); its length score is Gale and Church's (1993); its type has a prior. Dynamic
programming finds the best sequence of beads in a band around a path first found over chunks
of sentences, so time and memory grow linearly with the text. A second pass may learn word
pairs from the first alignment's confident beads (Moore 2002: 韦小宝 → Trinket) and align again
(`Weights.learn`; off: on MAC-Dev it moves nothing and doubles the time).

Paragraph breaks on both sides are anchors: a bead that ends a paragraph on one side and not
on the other costs more. Beads the user fixed (`fixed`) hold, and the rest is aligned around them.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator

import numpy as np

from .chars import is_han

REVIEW_BELOW = 0.5
"""Beads less sure than this are for a person to check (`annotate review --beads`, the run's summary)."""


def unsure(bead) -> bool:
    """A bead of both sides (a Bead or a model Link), found by the aligner, that it is less sure of
    than REVIEW_BELOW: what the run's summaries count."""
    return bool(bead.source and bead.target) and not bead.fixed and bead.confidence < REVIEW_BELOW

BEADS = ((1, 1), (1, 2), (2, 1), (1, 3), (3, 1), (2, 2), (1, 4), (2, 3), (3, 2), (1, 5), (4, 1), (1, 0), (0, 1))
"""The kinds of bead: (Chinese sentences, translation sentences)."""


@dataclass(frozen=True, slots=True)
class Bead:
    """Sentences of the source and of the translation that translate each other."""

    source: tuple[int, ...]
    """0-based ids of the source sentences, consecutive; empty for a sentence the translator added."""
    target: tuple[int, ...]
    """0-based ids of the translation sentences, consecutive; empty for an omission."""
    confidence: float
    """How sure the aligner is, 0–1 (calibrated on MAC-Dev: about the share of such beads that are right)."""
    fixed: bool = False
    """Given by the user (a corrected alignment), not found by the aligner."""

    def notation(self) -> str:
        """`[0, 1]:[0]`, the alignment literature's notation."""
        return f"{list(self.source)}:{list(self.target)}"


@dataclass(frozen=True, slots=True)
class Weights:
    """The aligner's parameters, tuned on MAC-Dev (bench/align_mac.py)."""

    lexical: float = 14.0
    length: float = 1.0
    variance: float = 12.0
    """Gale and Church's s²: how much a translation's length varies around the expected ratio."""
    priors: dict = field(default_factory=lambda: {
        (1, 1): 0.0, (1, 2): -1.2, (2, 1): -1.2, (1, 3): -2.6, (3, 1): -4.5, (2, 2): -3.6, (1, 4): -3.6,
        (2, 3): -5.5, (3, 2): -3.0, (1, 5): -5.5, (4, 1): -6.5, (1, 0): -4.5, (0, 1): -4.5})
    paragraph: float = 3.0
    """Cost of a bead that ends a paragraph on one side only (both sides having paragraphs)."""
    band: int = 30
    """Half-width of the band around the coarse path, in sentences."""
    learn: bool = False
    """Learn word pairs from the first pass and align again."""
    tail: float = 1.5
    """What each sentence costs that one side has past the other's end (a translation of part of
    the text): cheaper than a one-sided bead (its prior), dearer than nothing, so that a whole
    translation's last sentences are never left over."""
    orphan: float = 3.0
    """What a bead of several source sentences costs when one of them meets nothing of the
    translation (its cosine with it under `ORPHAN_COSINE`, scaled by its length up to
    `ORPHAN_LENGTH`): the sign of a sentence the translator left out, merged into its neighbour's bead.
    In a bead of two, what the two share (a name, a word) counts for neither (see `_cells`)."""
    background: float = 1.0
    """How much of a sentence's average similarity to its neighbours in the band is taken off its
    beads' (a sentence of common words is a little like every other)."""


# ------------------------------------------------------------------ sentences

CHINESE_END = re.compile(r"(?:[。！？!?]+|…+|\.{3,})[”’」』）)】〕\"']*")


def split_chinese(text: str) -> list[str]:
    """A Chinese paragraph's sentences: after 。！？ and …, closing quotes and brackets kept with
    their sentence (他说：“好。”我走了。 → 他说：“好。” | 我走了。). The pieces concatenate to `text`."""
    if not text:
        return []
    pieces, start = [], 0
    for end in sentence_ends(text):
        pieces.append(text[start:end])
        start = end
    return pieces


NOT_BLANK = re.compile(r"\S")


def sentence_ends(text: str) -> Iterator[int]:
    """Where split_chinese's sentences of `text` end, the last at `len(text)` (blank text between
    two ends belongs to the next sentence, blank text at the end to the last one), found
    without copying the text."""
    start = pending = 0
    for match in CHINESE_END.finditer(text):
        end = match.end()
        if NOT_BLANK.search(text, start, end):
            if pending:
                yield pending
            pending = start = end
    if pending and (pending == len(text) or not NOT_BLANK.search(text, pending)):
        yield len(text)  # what follows the last end is blank: it belongs to the last sentence
    else:
        if pending:
            yield pending
        if text:
            yield len(text)


ABBREVIATIONS = frozenset("mr mrs ms dr st prof sr jr mt no vs etc inc ltd co gen col capt lt sgt rev hon "
                          "jan feb mar apr jun jul aug sep sept oct nov dec".split())
INSIDE_QUOTES = re.compile(r"(?<=[a-z0-9][.?!])([\"'”’]?)(\s+)(?=[\"'“‘]?[A-Z])")


def split_translation(text: str, language: str = "en") -> list[str]:
    """A translation paragraph's sentences, by sentencex (abbreviation-aware), then inside quotations,
    which sentencex keeps whole ("I went home. Then I slept." is two sentences, as translators and
    the alignment corpora count them): bench/english_segmenters.py measured boundary F1 on MAC-Dev
    at 0.989, against 0.919 for sentencex alone and 0.874 for pysbd. The pieces concatenate to `text`."""
    import sentencex

    pieces = [part for p in sentencex.segment(language.split("-")[0].lower(), text) if p for part in _inside(p)]
    if "".join(pieces) != text:  # keep every character: re-cut the text at the pieces' ends
        cut, start = [], 0
        for piece in pieces:
            at = text.find(piece.strip(), start)
            if at < 0:
                continue
            end = at + len(piece.strip())
            cut.append(text[start:end])
            start = end
        if start < len(text):
            if cut and not text[start:].strip():
                cut[-1] += text[start:]
            else:
                cut.append(text[start:])
        pieces = cut
    return [p for p in pieces if p] or ([text] if text else [])


def _inside(piece: str) -> list[str]:
    """A piece cut again where a sentence ends inside it (after a lower-case letter or digit, before
    a capital), not after an abbreviation (Mr. Smith)."""
    cuts = []
    for match in INSIDE_QUOTES.finditer(piece):
        word = re.search(r"([A-Za-z]+)[.?!]$", piece[:match.start()])
        if word and word.group(1).lower() in ABBREVIATIONS:
            continue
        cuts.append(match.end(1) + len(match.group(2)))
    parts, start = [], 0
    for cut in cuts:
        parts.append(piece[start:cut])
        start = cut
    parts.append(piece[start:])
    return [p for p in parts if p]


# ------------------------------------------------------------------ features

STOP_WORDS = frozenset("""
a an the and or but if of to in on at by for with from as into onto upon about over under than then so
is am are was were be been being do does did doing have has had having will would shall should can could
may might must not no nor it its it's this that these those there here what which who whom whose when
where why how all any each every some such own same other both either neither very too also just only
i me my mine we us our ours you your yours he him his she her hers they them their theirs one oneself
up down out off again further once s t d ll re ve m o y don didn doesn isn wasn aren weren hasn haven
hadn won wouldn shouldn couldn mustn mightn needn let get got
sb sth etc variant used also abbr classifier cl see lit fig esp old term form bound pr
""".split())
"""English words that say little about which sentence translates which (and CC-CEDICT's
abbreviations: sb, sth, abbr., CL, lit., fig.)."""
WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*")
QUOTES = frozenset("\"“”「」『』")
NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                     "ninety": 90, "hundred": 100, "thousand": 1000, "million": 1000000, "third": 3, "fourth": 4,
                     "fifth": 5})
del NUMBER_WORDS["one"], NUMBER_WORDS["zero"]  # "one" is a pronoun as often as a number
DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
CHINESE_NUMBER = re.compile("[零〇一二两三四五六七八九十百千万]+")
PARENTHESES = re.compile(r"\([^)]*\)")
SINGLE_QUOTE = re.compile(r"(?<![A-Za-z])['‘’]|['‘’](?![A-Za-z])")
"""A single quotation mark, not an apostrophe (didn't, the boys'): as British translators quote."""


@lru_cache(maxsize=1)
def stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


IRREGULAR = dict(pair.split(":") for pair in """
said:say says:say told:tell saw:see seen:see went:go gone:go came:come took:take taken:take gave:give
given:give knew:know known:know thought:think felt:feel found:find left:leave made:make got:get gotten:get
brought:bring bought:buy caught:catch taught:teach fought:fight sought:seek held:hold stood:stand
understood:understand sat:sit ran:run began:begin begun:begin wrote:write written:write spoke:speak
spoken:speak broke:break broken:break chose:choose chosen:choose drove:drive driven:drive ate:eat
eaten:eat fell:fall fallen:fall flew:fly flown:fly forgot:forget forgotten:forget froze:freeze
grew:grow grown:grow hid:hide hidden:hide kept:keep slept:sleep swept:sweep wept:weep lost:lose
meant:mean met:meet paid:pay sold:sell sent:send spent:spend built:build lent:lend bent:bend
rode:ride ridden:ride rose:rise risen:rise shook:shake shaken:shake sang:sing sung:sing sank:sink
stole:steal stolen:steal struck:strike swore:swear swam:swim threw:throw thrown:throw wore:wear
worn:wear won:win woke:wake drew:draw drawn:draw drank:drink drunk:drink heard:hear led:lead
lay:lie lain:lie laid:lay fed:feed fled:flee dug:dig hung:hang shot:shoot slid:slide spun:spin
stuck:stick stung:sting tore:tear torn:tear became:become forgave:forgive blew:blow blown:blow
bore:bear born:bear did:do done:do had:have has:have was:be were:be been:be is:be are:be am:be
children:child men:man women:woman feet:foot teeth:tooth mice:mouse geese:goose people:person
better:good best:good worse:bad worst:bad lab:laboratori
""".split())
SPEECH = frozenset("""
cried replied asked answered shouted exclaimed protested muttered whispered remarked retorted snapped yelled
screamed murmured insisted
""".split())
"""Verbs a translator puts in place of 说 and 道 around a quotation: in a translation, they count as "say"."""
"""Irregular English forms → the form whose stem CC-CEDICT's glosses give (said → say: 说 is
"to speak; to say"), so a past tense still meets its gloss."""


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    lower = word.lower()
    lower = IRREGULAR.get(lower, lower)
    return lower if lower == "laboratori" else stemmer().stemWord(lower)


def english_features(sentence: str) -> list[str]:
    """The features of a translation sentence: stems of its content words, numbers, `?`, `!`,
    quotation marks, and the joined spelling of runs of capitalised words (Chen Qingyang → chenqingyang)."""
    features = []
    capitals: list[str] = []
    for match in WORD.finditer(sentence):
        word = match.group()
        if word.endswith(("'s", "’s")):
            word = word[:-2]
        elif "'" in word:
            if word.lower().endswith("n't"):
                capitals = []
                continue  # didn't, couldn't: a negation, as stop words are
            if word[0].isupper():
                word = word.replace("'", "")  # Zhan'ao, as pinyin writes it without the apostrophe
        if word[0].isdigit():
            features.append("#" + word.replace(",", ""))
            capitals = []
            continue
        lower = word.lower()
        if lower in NUMBER_WORDS:
            features.append(f"#{NUMBER_WORDS[lower]}")
        if word[0].isupper():
            capitals.append(lower)
            if len(capitals) > 1:
                features.append("".join(capitals[-2:]))
        else:
            capitals = []
        if lower in SPEECH:
            features.append("say")
        elif lower not in STOP_WORDS and len(lower) > 1:
            features.append(stem(lower))
    features += [c if c in "?!" else '"' for c in sentence if c in "?!" or c in QUOTES]
    features += ['"'] * len(SINGLE_QUOTE.findall(sentence))
    return features


def _chinese_number(text: str) -> int | None:
    """三十 → 30, 两千五百 → 2500, 一九九八 → 1998; None when it is not a number as written."""
    if all(c in DIGITS for c in text):
        return int("".join(str(DIGITS[c]) for c in text)) if len(text) > 1 or text != "零" else 0
    total, current = 0, 0
    for char in text:
        if char in DIGITS:
            current = DIGITS[char]
        elif char in UNITS:
            unit = UNITS[char]
            if unit == 10000:
                total = (total + (current or 0)) * unit
            else:
                total += (current or 1) * unit
            current = 0
        else:
            return None
    return total + current


STEMS_PER_WORD = 12
PARTS = 0.75
"""The weight of the glosses of the dictionary words inside a word of three or more characters."""
FUNCTION_WORDS = frozenset("""
的 了 是 在 也 着 不 就 有 那 这 又 都 里 地 和 与 及 到 从 要 个 们 时 便 对 把 得 被 过 还 很 再 给 一 一个
之 而 且 以 于 其 为 则 乃 即 却 并 或 所 者 吗 呢 吧 啊 呀 哪 么 么 么 嘛 哈 些 这些 那些 这个 那个 这样 那样 就是 只是
也是 都是 还是 已经 可以 没有 不是 因为 所以 但是 可是 如果 虽然 然后 于是 自己 什么 怎么 这么 那么 一些 一样 一下
""".split())
"""Chinese function words whose CC-CEDICT glosses ("possessive particle", "completed action
marker") meet nothing in a translation: left out, so they add no noise to a sentence's bag."""


@lru_cache(maxsize=1)
def gloss_stems() -> dict[str, tuple[str, ...]]:
    """Each CC-CEDICT word → the stems of its glosses' content words, in all its readings
    (头发 → hair, head). Built once from the dictionary, shipped ready-made (dictionary._cached)."""
    from .dictionary import _cached

    return _cached("glossstems2", _build_gloss_stems)


def _build_gloss_stems() -> dict[str, tuple[str, ...]]:
    from .dictionary import cedict

    table = {}
    for word, entries in cedict().items():
        found: dict[str, None] = {}
        names = []
        for _pinyin, _traditional, senses in entries:
            for sense in senses.split("/"):
                if sense.startswith(("CL:", "variant of", "old variant", "see ", "used in")):
                    continue
                if sense.startswith("surname "):
                    names.append(sense[8:].lower())
                    continue
                for token in WORD.findall(PARENTHESES.sub(" ", sense)):
                    lower = token.lower()
                    if lower not in STOP_WORDS and len(lower) > 1 and not token[0].isdigit():
                        found.setdefault(stem(lower), None)
        stems = list(found)[:STEMS_PER_WORD] + [n for n in names if n not in found]
        if stems:
            table[word] = tuple(stems)
    return table


@lru_cache(maxsize=100_000)
def _toneless(word: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(word))


def chinese_features(sentence: str, learned: dict[str, tuple[str, ...]] | None = None) -> list[tuple[str, float]]:
    """The features of a Chinese sentence, each with its share of its word (see chinese_words)."""
    return [feature for word in chinese_words(sentence, learned) for feature in word]


def chinese_words(sentence: str, learned: dict[str, tuple[str, ...]] | None = None) -> list[list[tuple[str, float]]]:
    """Each word's features, with their shares of it: the stems of the word's glosses (a word
    with k stems gives each 1/√k), numbers, `?`, `!`, quotation marks, and for a word the
    dictionary lacks, its characters' glosses and its toneless pinyin whole and in parts
    (陈清扬 → chenqingyang, chen, qingyang)."""
    from .segment import cut

    from .names import SURNAMES

    words: list[list[tuple[str, float]]] = []
    previous = ""
    for word in cut(sentence):
        surname, previous = previous, word
        if not word.strip():
            continue
        if surname in SURNAMES and is_han(word[0]) and len(word) <= 2 and word not in FUNCTION_WORDS:
            words.append([(_toneless(surname + word), 1.0)])  # 陈 清扬: jieba cut the name; Chen Qingyang
        if not is_han(word[0]):
            if word in "?？":
                words.append([("?", 1.0)])
            elif word in "!！":
                words.append([("!", 1.0)])
            elif word in QUOTES:
                words.append([('"', 1.0)])
            else:
                for match in WORD.finditer(word):
                    token = match.group()
                    words.append([(("#" + token.replace(",", "")) if token[0].isdigit() else stem(token), 1.0)])
            continue
        found = _han_word(word)
        if found is None:
            continue
        features = list(found)
        if learned and word in learned and not _number(word):
            features += [(s, 1.0) for s in learned[word]]
        if features:
            words.append(features)
    return words


def _number(word: str) -> int | None:
    if CHINESE_NUMBER.fullmatch(word) and len(word) > 1 or word in ("两", "三", "四", "五", "六", "七", "八", "九", "十"):
        return _chinese_number(word)
    return None


@lru_cache(maxsize=200_000)
def _han_word(word: str) -> tuple[tuple[str, float], ...] | None:
    """The features of a Chinese word (see chinese_words): None for a function word, which has
    none; a word's once, however often the text has it."""
    stems_of = gloss_stems()
    number = _number(word)
    if number is not None:
        return ((f"#{number}", 1.0),)
    if word in FUNCTION_WORDS:
        return None
    stems = stems_of.get(word)
    features: list[tuple[str, float]] = []
    if stems is None and len(word) > 1:
        # a word the dictionary lacks: its characters' glosses, and its pinyin as a name
        spelled = _toneless(word)
        first = len(_toneless(word[0]))
        features += [(spelled, 1.0), (spelled[:first], 0.5), (spelled[first:], 0.5)]
        parts = [s for c in word for s in stems_of.get(c, ())[:3]]
        if parts:
            weight = 0.5 / math.sqrt(len(parts))
            features += [(s, weight) for s in parts]
    elif stems:
        weight = 1.0 / math.sqrt(len(stems))
        features += [(s, weight) for s in stems]
    if len(word) > 2 and PARTS:
        # the dictionary words inside a long word, as jieba's search mode finds them (工业互联网:
        # 工业, 互联, 互联网): a translator may render the parts of a compound
        for size in (2, 3):
            for start in range(len(word) - size + 1):
                part = word[start:start + size]
                part_stems = stems_of.get(part) if part != word else None
                if part_stems:
                    weight = PARTS / math.sqrt(len(part_stems))
                    features += [(s, weight) for s in part_stems]
    return tuple(features)


# ------------------------------------------------------------------ alignment

@dataclass(slots=True)
class _Side:
    lengths: np.ndarray
    """Characters of each sentence (spaces in the translation excluded)."""
    bags: list[dict[str, float]]
    ends: np.ndarray
    """1 where a sentence ends a paragraph."""


def _bags(features_per_sentence, idf) -> list[dict[str, float]]:
    bags = []
    for features in features_per_sentence:
        bag: dict[str, float] = defaultdict(float)
        for feature, weight in features:
            w = idf.get(feature)
            if w is not None:
                bag[feature] += weight * w
        bags.append(dict(bag))
    return bags


def align(source: list[str], target: list[str], *, source_ends: set[int] | None = None,
          target_ends: set[int] | None = None, fixed: list[Bead] | None = None,
          weights: Weights | None = None) -> list[Bead]:
    """Beads covering every sentence of both sides once, in order.

    `source_ends`/`target_ends`: indices of sentences that end a paragraph (anchors where both
    sides have them); `fixed`: beads that hold (a corrected alignment), aligned around."""
    weights = weights or Weights()
    if fixed:
        return _align_around(source, target, source_ends or set(), target_ends or set(), fixed, weights)
    if not source or not target:
        return [Bead((i,), (), 1.0) for i in range(len(source))] + [Bead((), (j,), 1.0) for j in range(len(target))]
    chinese = [chinese_features(s) for s in source]
    english = [[(f, 1.0) for f in english_features(t)] for t in target]
    learn = weights.learn and len(source) >= 20
    zh, en = _sides(source, target, chinese, english, source_ends, target_ends)
    if not learn:
        del chinese, english  # the bags hold what the features say: a long text's memory back
    beads, scores = _solve(zh, en, weights, bool(source_ends) and bool(target_ends))
    if learn:
        learned = _learn(beads, scores, source, english)
        if learned:
            chinese = [chinese_features(s, learned) for s in source]
            beads, scores = _align_once(source, target, chinese, english, source_ends, target_ends, weights)
    return [Bead(b.source, b.target, _confidence(b, s)) for b, s in zip(beads, scores)]


def _align_around(source, target, source_ends, target_ends, fixed, weights) -> list[Bead]:
    """Align the stretches between the fixed beads on their own; the fixed beads hold."""
    lone = [b for b in fixed if not b.source or not b.target]
    if lone:
        return _align_without(source, target, source_ends, target_ends, fixed, lone, weights)
    fixed = sorted(fixed, key=lambda b: (b.source[:1] or (-1,), b.target[:1] or (-1,)))
    beads: list[Bead] = []
    i = j = 0
    for bead in fixed + [None]:
        i_end = (bead.source[0] if bead.source else i) if bead else len(source)
        j_end = (bead.target[0] if bead.target else j) if bead else len(target)
        if i_end < i or j_end < j:
            raise ValueError(f"the fixed bead {bead.notation()} overlaps or crosses another")
        if i_end > i or j_end > j:
            part = align(source[i:i_end], target[j:j_end],
                         source_ends={k - i for k in source_ends if i <= k < i_end},
                         target_ends={k - j for k in target_ends if j <= k < j_end}, weights=weights)
            beads += [Bead(tuple(k + i for k in b.source), tuple(k + j for k in b.target), b.confidence)
                      for b in part]
        if bead is None:
            break
        beads.append(Bead(bead.source, bead.target, 1.0, fixed=True))
        i = bead.source[-1] + 1 if bead.source else i_end
        j = bead.target[-1] + 1 if bead.target else j_end
    return beads


def _align_without(source, target, source_ends, target_ends, fixed, lone, weights) -> list[Bead]:
    """Fixed one-sided beads (a sentence the user marked as untranslated) say where nothing of the
    other side goes, not where its neighbours' beads end: the text is aligned without their
    sentences, and they go back in between the beads around them."""
    drop_s = {i for b in lone for i in b.source}
    drop_t = {j for b in lone for j in b.target}
    keep_s = [i for i in range(len(source)) if i not in drop_s]
    keep_t = [j for j in range(len(target)) if j not in drop_t]
    new_s = {old: new for new, old in enumerate(keep_s)}
    new_t = {old: new for new, old in enumerate(keep_t)}

    def ends(kept: list[int], found: set[int]) -> set[int]:
        # a paragraph that ends with a dropped sentence ends with the kept one before it
        return {max((k for k, old in enumerate(kept) if old <= end), default=-1) for end in found} - {-1}

    rest = [Bead(tuple(new_s[i] for i in b.source), tuple(new_t[j] for j in b.target), b.confidence, b.fixed)
            for b in fixed if b.source and b.target]
    beads = align([source[i] for i in keep_s], [target[j] for j in keep_t], source_ends=ends(keep_s, source_ends),
                  target_ends=ends(keep_t, target_ends), fixed=rest or None, weights=weights)
    pending = sorted((Bead(b.source, b.target, 1.0, fixed=True) for b in lone),
                     key=lambda b: (b.source[0] if b.source else b.target[0]))
    result: list[Bead] = []
    for bead in beads:
        bead = Bead(tuple(keep_s[i] for i in bead.source), tuple(keep_t[j] for j in bead.target), bead.confidence,
                    bead.fixed)
        while pending and ((pending[0].source and bead.source and pending[0].source[0] < bead.source[0])
                           or (pending[0].target and bead.target and pending[0].target[0] < bead.target[0])):
            result.append(pending.pop(0))
        result.append(bead)
    return result + pending


def _idf(english, chinese) -> dict[str, float]:
    """Inverse document frequency over the translation's sentences, for features both sides have."""
    df = Counter(f for features in english for f in {f for f, _ in features})
    on_chinese = {f for features in chinese for f, _ in features}
    total = len(english) + 1
    return {f: math.log(total / (count + 0.5)) + 0.5 for f, count in df.items() if f in on_chinese}


def _align_once(source, target, chinese, english, source_ends, target_ends, weights):
    zh, en = _sides(source, target, chinese, english, source_ends, target_ends)
    return _solve(zh, en, weights, bool(source_ends) and bool(target_ends))


def _sides(source, target, chinese, english, source_ends, target_ends) -> tuple[_Side, _Side]:
    idf = _idf(english, chinese)
    zh = _Side(np.array([len(s.strip()) for s in source], dtype=np.float64), _bags(chinese, idf),
               _ends(len(source), source_ends))
    en = _Side(np.array([_length(t) for t in target], dtype=np.float64), _bags(english, idf),
               _ends(len(target), target_ends))
    return zh, en


def _solve(zh: _Side, en: _Side, weights: Weights, anchors: bool):
    return _dynamic(zh, en, _coarse_path(zh, en), weights, anchors)


def _length(sentence: str) -> int:
    """A translation sentence's length for the length match: its characters, punctuation included,
    spaces not (counting letters and digits only fitted MAC-Dev worse: 0.866 against 0.877 strict F1)."""
    return len(sentence.replace(" ", "").strip())


def _ends(count: int, ends: set[int] | None) -> np.ndarray:
    flags = np.zeros(count, dtype=np.int8)
    for k in ends or ():
        if 0 <= k < count:
            flags[k] = 1
    if count:
        flags[-1] = 1
    return flags


def _dot(a: dict, b: dict) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[k] for k, v in a.items() if k in b)


def _chunk_matrix(bags: list[dict[str, float]], cuts: np.ndarray, vocabulary: dict[str, int]) -> np.ndarray:
    """Chunks × features: the sum of each chunk's sentences' bags (a feature's column from
    `vocabulary`, which grows)."""
    chunks, columns, values = [], [], []
    for chunk, (a, b) in enumerate(zip(cuts[:-1], cuts[1:])):
        for k in range(a, b):
            for f, v in bags[k].items():
                chunks.append(chunk)
                columns.append(vocabulary.setdefault(f, len(vocabulary)))
                values.append(v)
    matrix = np.zeros((len(cuts) - 1, len(vocabulary)))
    np.add.at(matrix, (np.array(chunks, dtype=np.int64), np.array(columns, dtype=np.int64)), np.array(values))
    return matrix


def _coarse_path(zh: _Side, en: _Side) -> np.ndarray:
    """For each source sentence, the translation sentence the path is expected near: dynamic
    time warping over chunks of about √n sentences (so (n/√n)² = n cells), by the cosine of
    the chunks' bags, then interpolated sentence by sentence."""
    n, m = len(zh.bags), len(en.bags)
    size = max(8, int(math.sqrt(max(n, m))))
    count = max(1, round(n / size))
    zh_cuts = np.linspace(0, n, count + 1).round().astype(int)
    en_cuts = np.linspace(0, m, count + 1).round().astype(int)  # as many chunks a side: DTW pairs them

    vocabulary: dict[str, int] = {}
    zc = _chunk_matrix(zh.bags, zh_cuts, vocabulary)
    ec = _chunk_matrix(en.bags, en_cuts, vocabulary)
    width = len(vocabulary)
    zc = np.pad(zc, ((0, 0), (0, width - zc.shape[1])))
    zn = np.sqrt((zc * zc).sum(axis=1))
    en_norm = np.sqrt((ec * ec).sum(axis=1))
    zn[zn == 0] = 1.0
    en_norm[en_norm == 0] = 1.0
    rows, cols = len(zc), len(ec)
    cost = 1.0 - (zc @ ec.T) / (zn[:, None] * en_norm[None, :])
    total = [[math.inf] * (cols + 1) for _ in range(rows + 1)]  # lists: a cell at a time, numpy is slower
    total[0][0] = 0.0
    costs = cost.tolist()
    for p in range(1, rows + 1):
        above, here, row = total[p - 1], total[p], costs[p - 1]
        for q in range(1, cols + 1):
            here[q] = row[q - 1] + min(above[q - 1], above[q], here[q - 1])
    path = []
    p, q = rows, cols
    while p > 0 and q > 0:
        path.append((p - 1, q - 1))
        step = int(np.argmin([total[p - 1][q - 1], total[p - 1][q], total[p][q - 1]]))
        p, q = (p - 1, q - 1) if step == 0 else (p - 1, q) if step == 1 else (p, q - 1)
    # each source chunk's middle maps to the middle of the translation chunks it meets
    anchors_x, anchors_y = [0.0], [0.0]
    for p in range(rows):
        matched = [q for a, q in path if a == p]
        x = (zh_cuts[p] + zh_cuts[p + 1]) / 2
        y = (en_cuts[min(matched)] + en_cuts[max(matched) + 1]) / 2
        anchors_x.append(x)
        anchors_y.append(y)
    anchors_x.append(float(n))
    anchors_y.append(float(m))
    return np.interp(np.arange(n + 1), anchors_x, anchors_y)


def _dynamic(zh: _Side, en: _Side, centers: np.ndarray, weights: Weights, anchors: bool):
    """The best beads in the band around `centers`; returns (beads, per-bead (lexical, length, type))."""
    n, m = len(zh.bags), len(en.bags)
    band = weights.band
    lo = np.clip(np.round(centers).astype(int) - band, 0, m)
    hi = np.clip(np.round(centers).astype(int) + band, 0, m)
    # keep the band connected: each row reaches the next row's start
    for i in range(1, n + 1):
        lo[i] = min(lo[i], hi[i - 1])
        hi[i - 1] = max(hi[i - 1], lo[i])
    lo[0], hi[n] = 0, m
    lo[n] = min(lo[n], m)
    hi[0] = max(hi[0], 0)
    width = int((hi - lo).max()) + 1
    margin = 6
    # dot products of each source sentence with the translation sentences near its band
    span = width + 2 * margin
    base = np.minimum(lo[:-1], lo[1:]).astype(np.int64) - margin
    vocabulary: dict[str, int] = {}
    zh_sparse, en_sparse = _sparse(zh.bags, vocabulary), _sparse(en.bags, vocabulary)
    dots = _band_dots(zh_sparse, en_sparse, n, m, base, span)
    cumulative = np.concatenate([np.zeros((n, 1)), np.cumsum(dots, axis=1)], axis=1)
    # what each source sentence shares with the next (a name, a word; not MARKS), met in the translation near it
    shared_bags = [{f: min(v, after[f]) for f, v in bag.items() if f in after and f not in MARKS}
                   for bag, after in zip(zh.bags, zh.bags[1:])]
    shared = _band_dots(_sparse(shared_bags, vocabulary), en_sparse, max(n - 1, 0), m, base[:max(n - 1, 0)], span)
    shared_cumulative = np.concatenate([np.zeros((len(shared), 1)), np.cumsum(shared, axis=1)], axis=1)
    zh_self = _self_dots(zh_sparse, n, 5)
    en_self = _self_dots(en_sparse, m, 6)
    # each sentence's average cosine with the other side's sentences in its band
    zh_norms = np.sqrt(zh_self[:, 0]) if n else np.zeros(1)
    en_norms = np.sqrt(en_self[:, 0]) if m else np.zeros(1)
    columns = np.clip(base[:, None] + np.arange(span)[None, :], 0, max(m - 1, 0))
    valid = (base[:, None] + np.arange(span)[None, :] >= 0) & (base[:, None] + np.arange(span)[None, :] < m)
    denominator = zh_norms[:, None] * en_norms[columns]
    cosines = np.divide(dots, denominator, out=np.zeros_like(dots), where=(denominator > 0) & valid)
    zh_background = cosines.sum(axis=1) / np.maximum(valid.sum(axis=1), 1)
    zh_best = cosines.max(axis=1) if n else np.zeros(0)
    en_best = np.zeros(m)
    if m and n:
        np.maximum.at(en_best, columns[valid], cosines[valid])
    en_sum = np.bincount(columns[valid], weights=cosines[valid], minlength=m)
    en_seen = np.bincount(columns[valid], minlength=m)
    en_background = en_sum / np.maximum(en_seen, 1)
    zh_background_cum = np.concatenate([[0.0], np.cumsum(zh_background)])
    en_background_cum = np.concatenate([[0.0], np.cumsum(en_background)])
    zh_len = np.concatenate([[0.0], np.cumsum(zh.lengths)])
    en_len = np.concatenate([[0.0], np.cumsum(en.lengths)])
    ratio = _ratio(en_len[-1], zh_len[-1])
    zh_ends = np.concatenate([[1], zh.ends])  # zh_ends[i]: a bead ending before sentence i ends a paragraph
    en_ends = np.concatenate([[1], en.ends])
    zh_ends_cum = np.concatenate([[0], np.cumsum(zh.ends)])  # paragraph ends among the first i sentences
    en_ends_cum = np.concatenate([[0], np.cumsum(en.ends)])

    del columns, valid, denominator, cosines
    back = np.full((n + 1, width), -1, dtype=np.int8)
    beads = [b for b in BEADS if weights.priors.get(b) is not None]
    insertion = beads.index((0, 1)) if (0, 1) in beads else None
    kinds = [(t, a, b) for t, (a, b) in enumerate(beads) if a]  # (0, 1) reads its own row: swept below
    kind_ids = np.array([t for t, _, _ in kinds], dtype=np.int8)
    every = np.arange(width)
    sides = _Sides(lo, hi, width, base, span, cumulative, shared_cumulative, zh_self, en_self, zh_len, en_len, ratio,
                   zh_background_cum, en_background_cum, zh_ends, en_ends, zh_ends_cum, en_ends_cum,
                   n, m, anchors)
    tables = {(a, b): _length_table(sides, a, b, weights) for _, a, b in kinds}
    # each row's candidates come from rows above, shifted by the bead's width: one padded copy of
    # the scores lets every shift be a slice
    left, right = PAD
    padded = np.full((n + 1, left + width + right), -np.inf)
    padded[0, left] = 0.0
    score = padded[:, left: left + width]  # a view: the rows as the recursion fills them
    block = ROWS_AT_ONCE
    candidates = np.empty((len(kinds), width))
    for first in range(0, n + 1, block):
        rows = np.arange(first, min(first + block, n + 1))
        cells = [_cells(sides, rows, a, b, weights, tables[(a, b)]) for _, a, b in kinds]
        for r, i in enumerate(rows):
            count = hi[i] - lo[i] + 1
            for c, (_, a, b) in enumerate(kinds):
                shift = lo[i] - b - lo[i - a] if i >= a else width
                if i < a or abs(shift) >= width:
                    candidates[c] = -np.inf
                elif -left <= shift <= right:
                    np.add(padded[i - a, left + shift: left + width + shift], cells[c][r], out=candidates[c])
                else:  # a band that jumps further than the padding: shifted by hand
                    previous = np.full(width, -np.inf)
                    if shift > 0:
                        previous[:width - shift] = score[i - a, shift:]
                    else:
                        previous[-shift:] = score[i - a, :width + shift]
                    np.add(previous, cells[c][r], out=candidates[c])
            if kinds:
                row_back = candidates.argmax(axis=0)
                row_best = candidates[row_back, every]
                row_back = kind_ids[row_back]
            else:
                row_best = np.full(width, -np.inf)
                row_back = np.full(width, -1, dtype=np.int8)
            row_best[count:] = -np.inf
            row_back[~np.isfinite(row_best)] = -1
            if i == 0:
                row_best[0], row_back[0] = 0.0, -1
            if insertion is not None and count > 1:
                # a run of added translation sentences before cell k: the best of the cells l < k
                # plus what sentences l+1 … k cost, by a running maximum
                cost = np.zeros(count)
                cost[1:] = np.cumsum(np.full(count - 1, weights.priors[(0, 1)]))
                reach = np.maximum.accumulate(row_best[:count] - cost)
                via = np.full(count, -np.inf)
                via[1:] = reach[:-1] + cost[1:]
                better = via > row_best[:count]
                row_best[:count][better] = via[better]
                row_back[:count][better] = insertion
            score[i] = row_best
            back[i] = row_back
    # where the path ends: at the end of both texts, or, where one side's text runs on past the
    # other's last sentence (a translation of the first chapters only), where the shorter one ends
    found = []
    i, j = n, m
    if weights.tail:
        best = score[n, m - lo[n]] if lo[n] <= m <= hi[n] else -np.inf
        for k in range(n - TAIL_AT_LEAST + 1):  # the translation ends before the source does
            if lo[k] <= m <= hi[k] and score[k, m - lo[k]] - weights.tail * (n - k) > best:
                best, i, j = score[k, m - lo[k]] - weights.tail * (n - k), k, m
        for k in range(max(lo[n], 0), min(hi[n], m - TAIL_AT_LEAST) + 1):  # the source ends before the translation
            if score[n, k - lo[n]] - weights.tail * (m - k) > best:
                best, i, j = score[n, k - lo[n]] - weights.tail * (m - k), n, k
        found += [((k,), ()) for k in range(n - 1, i - 1, -1)] + [((), (k,)) for k in range(m - 1, j - 1, -1)]
    while i > 0 or j > 0:
        t = int(back[i, j - lo[i]])
        if t < 0:
            raise RuntimeError("alignment found no path through the band")
        a, b = beads[t]
        found.append((tuple(range(i - a, i)), tuple(range(j - b, j))))
        i, j = i - a, j - b
    found.reverse()
    deltas = [(en_len[tgt[-1] + 1] - en_len[tgt[0]] - ratio * (zh_len[src[-1] + 1] - zh_len[src[0]]))
              / math.sqrt(weights.variance * max(zh_len[src[-1] + 1] - zh_len[src[0]], 1.0) * max(ratio, 0.1))
              for src, tgt in found if src and tgt]
    lengths = iter(_log_two_tailed(np.array(deltas)).tolist())
    # each two-sided bead's dot product: its cells of `dots`, summed in order
    cells = [(k, p, q - base[p]) for k, (src, tgt) in enumerate(found) if src and tgt
             for p in src for q in tgt if 0 <= q - base[p] < span]
    bead_of, row, column = (np.array(c, dtype=np.int64) for c in zip(*cells)) if cells else (np.zeros(0, np.int64),) * 3
    bead_dots = np.bincount(bead_of, weights=dots[row, column], minlength=len(found)).tolist()
    result, details = [], []
    for k, (src, tgt) in enumerate(found):
        lexical = 0.0
        length = 0.0
        if src and tgt:
            dot = bead_dots[k]
            zn, en_n = zh_self[src[0], len(src) - 1], en_self[tgt[0], len(tgt) - 1]
            lexical = dot / math.sqrt(zn * en_n) if zn * en_n > 0 else 0.0
            length = next(lengths)
        isolated = 0.0
        if len(src) > 1 and tgt:  # the source sentence that meets least of the translation (see _orphans)
            en_n = en_self[tgt[0], len(tgt) - 1]
            def met(table, p: int) -> float:  # sentence p's row of `table` over the bead's translation
                return sum(float(table[p, q - base[p]]) for q in tgt if 0 <= q - base[p] < span)

            common = met(shared, src[0]) if len(src) == 2 else 0.0  # as in _cells: shared counts for neither
            for p in src:
                own = zh_self[p, 0] * en_n
                member = met(dots, p) - common
                cosine = member / math.sqrt(own) if own > 0 else 0.0
                isolated = max(isolated, float(_isolation(cosine, zh_len[p + 1] - zh_len[p])))
        result.append(Bead(src, tgt, 0.0))
        words = (sum(len(zh.bags[p]) for p in src), sum(len(en.bags[q]) for q in tgt))
        # how much better its sentences match some other sentence in the band than each other
        elsewhere = max([zh_best[p] for p in src] + [en_best[q] for q in tgt] + [0.0])
        details.append([lexical, length, (len(src), len(tgt)), words, max(0.0, float(elsewhere) - lexical),
                        float(isolated)])
    # the weaker of its neighbours' lexical scores: a wrong bead seldom comes alone
    for k, detail in enumerate(details):
        around = [details[x][0] for x in (k - 1, k + 1) if 0 <= x < len(details)]
        detail += [min(around) if around else detail[0], len(details)]
    return result, [tuple(detail) for detail in details]


PAD = (8, 16)
"""How far back and forth a row's band may move from the band of the rows its beads come from
and still be read by a slice (the band follows the text: a few cells a row)."""
ROWS_AT_ONCE = 1024
"""Rows of the dynamic programming whose bead scores are computed together (whole arrays at a
time, so that the row-by-row recursion only adds and compares)."""


@dataclass(slots=True)
class _Sides:
    """What the bead scores of `_dynamic` are computed from."""

    lo: np.ndarray
    hi: np.ndarray
    width: int
    base: np.ndarray
    span: int
    cumulative: np.ndarray
    shared_cumulative: np.ndarray
    zh_self: np.ndarray
    en_self: np.ndarray
    zh_len: np.ndarray
    en_len: np.ndarray
    ratio: float
    zh_background_cum: np.ndarray
    en_background_cum: np.ndarray
    zh_ends: np.ndarray
    en_ends: np.ndarray
    zh_ends_cum: np.ndarray
    en_ends_cum: np.ndarray
    n: int
    m: int
    anchors: bool


def _length_table(sides: _Sides, a: int, b: int, weights: Weights):
    """Gale and Church's length score of every (source length, translation length) pair that
    beads of a×b sentences can have, when there are fewer such pairs than cells: (codes of each
    row's source length, codes of each column's translation length, table); else None. The
    same function of the same numbers as cell by cell: no near tie can come out otherwise."""
    if not b:
        return None
    n, m = sides.n, sides.m
    if n < a:
        return None
    source = sides.zh_len[a:] - sides.zh_len[:-a]  # row i ≥ a: source[i - a]
    columns = np.arange(m + 1)
    target = sides.en_len[columns] - sides.en_len[np.clip(columns - b, 0, m)]
    source_values, source_codes = np.unique(source, return_inverse=True)
    target_values, target_codes = np.unique(target, return_inverse=True)
    if len(source_values) * len(target_values) > (n + 1) * sides.width:
        return None
    spread = np.sqrt(weights.variance * np.maximum(source_values, 1.0) * max(sides.ratio, 0.1))
    delta = (target_values[None, :] - sides.ratio * source_values[:, None]) / spread[:, None]
    return source_codes, target_codes, _log_two_tailed(delta)


def _cells(sides: _Sides, rows: np.ndarray, a: int, b: int, weights: Weights, table) -> np.ndarray:
    """What a bead of a×b sentences ending at each cell of `rows` adds to the path's score (its
    prior, lexical, length and paragraph scores); -inf where it cannot end there."""
    lo, hi, width, m = sides.lo, sides.hi, sides.width, sides.m
    out = np.full((len(rows), width), -np.inf)
    keep = rows >= a
    rows = rows[keep]
    if not len(rows):
        return out
    columns = lo[rows][:, None] + np.arange(width)[None, :]
    clipped = np.minimum(columns, m)
    start = np.clip(columns - b, 0, m)
    before = rows - a
    ok = (columns <= hi[rows][:, None]) & (columns - b >= lo[before][:, None]) & (columns - b <= hi[before][:, None])
    value = np.full(columns.shape, float(weights.priors[(a, b)]))
    if b:
        dot = np.zeros(columns.shape)
        dots_of = []
        for d in range(a):
            found = _span_dots(sides, sides.cumulative, rows - a + d, columns, b)
            dots_of.append(found)
            dot += found
        zh_norm = sides.zh_self[before, a - 1][:, None]
        en_norm = sides.en_self[np.clip(columns - b, 0, max(m - 1, 0)), b - 1] if m else np.zeros(columns.shape)
        product = zh_norm * en_norm
        cosine = np.divide(dot, np.sqrt(product, where=product > 0, out=np.ones(columns.shape)),
                           out=np.zeros(columns.shape), where=product > 0)
        if table is not None:
            source_codes, target_codes, scores = table
            length = scores[source_codes[before][:, None], target_codes[clipped]]
        else:
            lz = (sides.zh_len[rows] - sides.zh_len[before])[:, None]
            le = sides.en_len[clipped] - sides.en_len[start]
            spread = np.sqrt(weights.variance * np.maximum(lz, 1.0) * max(sides.ratio, 0.1))
            length = _log_two_tailed((le - sides.ratio * lz) / spread)
        if weights.orphan and a > 1:
            if a == 2:  # what the two share counts for neither: a shared name is not a translation of both
                common = _span_dots(sides, sides.shared_cumulative, rows - 2, columns, b)
                dots_of = [found - common for found in dots_of]
            value -= weights.orphan * _orphans(sides, rows, a, en_norm, dots_of)
        if weights.background:
            zb = ((sides.zh_background_cum[rows] - sides.zh_background_cum[before]) / a)[:, None]
            eb = (sides.en_background_cum[clipped] - sides.en_background_cum[start]) / b
            cosine = cosine - weights.background * (zb + eb) / 2
        value = value + weights.lexical * cosine + weights.length * length
    if sides.anchors:
        crossed = (sides.zh_ends[rows][:, None] != sides.en_ends[clipped]).astype(np.float64)
        if a > 1:
            crossed += (sides.zh_ends_cum[np.maximum(rows - 1, 0)] - sides.zh_ends_cum[before])[:, None]
        if b > 1:
            crossed += sides.en_ends_cum[np.clip(columns - 1, 0, m)] - sides.en_ends_cum[start]
        value = value - weights.paragraph * crossed
    out[keep] = np.where(ok, value, -np.inf)
    return out


def _span_dots(sides: _Sides, cumulative: np.ndarray, p: np.ndarray, columns: np.ndarray, b: int) -> np.ndarray:
    """For each cell: source sentence p's dot product (cumulative over its band: `sides.cumulative`,
    or `sides.shared_cumulative` for what it shares with the next) with the b translation
    sentences that end at the cell's column; 0 where they leave the band."""
    upper = columns - sides.base[p][:, None]
    lower = upper - b
    inside = (lower >= 0) & (upper <= sides.span)
    found = (cumulative[p[:, None], np.clip(upper, 0, sides.span)]
             - cumulative[p[:, None], np.clip(lower, 0, sides.span)])
    return np.where(inside, found, 0.0)


MARKS = frozenset('?!"')
"""Features a sentence split inside one quotation shares with its other half: still its own."""
ORPHAN_COSINE = 0.03
"""A source sentence whose cosine with its bead's translation is under this meets little of it:
on MAC-Dev, 4% of the sentences of gold beads of several source sentences are under 0.02, and
44% of the sentences whose translation was taken out (bench/align_omissions.py), as merged into
the next bead."""
ORPHAN_LENGTH = 10.0
"""Characters from which a source sentence that meets nothing costs in full: a short one ("嗯。")
has few features, and meets nothing even where it is translated."""


def _orphans(sides: _Sides, rows, a: int, en_norm, dots_of) -> np.ndarray:
    """For each cell of a bead of several source sentences, how much its most isolated source
    sentence meets nothing of the translation (0 to 1, see Weights.orphan). Only the source's: a
    translation sentence's cosine is as often low where the translator split a sentence in two."""
    worst = np.zeros(en_norm.shape)
    for d, found in enumerate(dots_of):
        p = rows - a + d
        own = sides.zh_self[p, 0][:, None] * en_norm
        cosine = np.divide(found, np.sqrt(own, where=own > 0, out=np.ones(own.shape)),
                           out=np.zeros(own.shape), where=own > 0)
        worst = np.maximum(worst, _isolation(cosine, (sides.zh_len[p + 1] - sides.zh_len[p])[:, None]))
    return worst


def _isolation(cosine, characters):
    """How much a source sentence of `characters` meets nothing of its bead's translation, its
    cosine with it being `cosine`: 0 to 1 (numbers or arrays)."""
    return np.minimum(characters / ORPHAN_LENGTH, 1.0) * np.maximum(0.0, 1.0 - cosine / ORPHAN_COSINE)


LETTERS_PER_CHARACTER = (2.0, 6.0)
"""The translation's letters per source character that a length match may assume: the text's own
ratio, held within these bounds (MAC's English: 2.4 to 3.6; the Bible's: 3.9), so that a
translation of half the text, or twice it, is not taken for a terse or wordy one."""


def _ratio(target_letters: float, source_characters: float) -> float:
    if not source_characters:
        return 1.0
    low, high = LETTERS_PER_CHARACTER
    return min(max(target_letters / source_characters, low), high)


TAIL_AT_LEAST = 3
"""Sentences one side must have past the other's end to be left over as such: fewer are a last
bead's, as translators join and split them."""


AT_ONCE = 200_000
"""Features matched against the other side's at once (memory grows with it, time does not)."""


def _sparse(bags: list[dict], vocabulary: dict[str, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The bags as (feature, sentence, value) arrays, sorted by feature and then sentence (a
    feature's number from `vocabulary`, which grows)."""
    names = [f for bag in bags for f in bag]
    for f in dict.fromkeys(names):
        vocabulary.setdefault(f, len(vocabulary))
    features = np.fromiter((vocabulary[f] for f in names), dtype=np.int64, count=len(names))
    sentences = np.repeat(np.arange(len(bags), dtype=np.int64), [len(bag) for bag in bags])
    values = np.fromiter((v for bag in bags for v in bag.values()), dtype=np.float64, count=len(names))
    order = np.lexsort((sentences, features))
    return features[order], sentences[order], values[order]


def _matches(keys: np.ndarray, low: np.ndarray, high: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each query r, the positions of the sorted `keys` in [low[r], high[r]): (query, position) pairs."""
    first = np.searchsorted(keys, low)
    counts = np.searchsorted(keys, high) - first
    query = np.repeat(np.arange(len(low)), counts)
    offsets = np.arange(len(query)) - np.repeat(np.cumsum(counts) - counts, counts)
    return query, np.repeat(first, counts) + offsets


def _band_dots(source, target, n: int, m: int, base: np.ndarray, span: int) -> np.ndarray:
    """[p, k]: the dot product of source sentence p and translation sentence base[p] + k, k < span
    (source and target: `_sparse` bags with one vocabulary)."""
    dots = np.zeros((n, span))  # where either side has no features
    f_en, q_en, v_en = target
    f_zh, p_zh, v_zh = source
    if not len(f_en) or not len(f_zh):
        return dots
    stride = m + span + 1
    keys = f_en * stride + q_en
    flat_dots = np.zeros(n * span)
    for start in range(0, len(f_zh), AT_ONCE):  # in parts: the matches of all at once take memory
        f, p, v = f_zh[start:start + AT_ONCE], p_zh[start:start + AT_ONCE], v_zh[start:start + AT_ONCE]
        query, found = _matches(keys, f * stride + np.maximum(base[p], 0), f * stride + np.maximum(base[p] + span, 0))
        rows = p[query]
        flat_dots += np.bincount(rows * span + (q_en[found] - base[rows]), weights=v[query] * v_en[found],
                                 minlength=n * span)
    return flat_dots.reshape(n, span)


def _self_dots(bags, count: int, most: int) -> np.ndarray:
    """[k, a-1]: the squared norm of the sum of sentences k … k+a-1 (bags: `_sparse`, of `count` sentences)."""
    table = np.zeros((max(count, 1), most))
    if not count:
        return table
    features, sentences, values = bags
    own = np.bincount(sentences, weights=values * values, minlength=count)
    # pair[k, d]: the dot product of sentences k and k + d (sorted by feature, then sentence: a
    # sentence d further on with the same feature is found by its key)
    pair = np.zeros((count + most, most))
    keys = features * (count + most) + sentences
    for d in range(1, most):
        for start in range(0, len(keys), AT_ONCE):
            part = keys[start:start + AT_ONCE]
            query, found = _matches(keys, part + d, part + d + 1)
            query += start
            pair[:, d] += np.bincount(sentences[query], weights=values[query] * values[found], minlength=count + most)
    table[:, 0] = own
    k = np.arange(count)
    for a in range(2, most + 1):
        last = k + a - 1
        inside = last < count
        crossed = np.zeros(count)
        for d in range(a - 1):
            crossed = crossed + pair[k + d, np.full(count, a - 1 - d)]
        grown = table[:, a - 2] + (own[np.minimum(last, count - 1)] + 2 * crossed)
        table[:, a - 1] = np.where(inside, grown, table[:, a - 2])
    return table


def _log_two_tailed(delta: np.ndarray) -> np.ndarray:
    """log P(|X| ≥ |δ|) for a standard normal X, floored: Gale and Church's length match."""
    values = _ERFC(np.abs(np.asarray(delta, dtype=np.float64)) / math.sqrt(2)).astype(np.float64)
    return np.log(np.maximum(values, 1e-12)).reshape(np.shape(delta))


_ERFC = np.frompyfunc(math.erfc, 1, 1)
"""The standard library's erfc over an array (numpy has none; scipy's would be a dependency of
30 MB for this one function)."""


def _learn(beads: list[Bead], details, source: list[str], english) -> dict[str, tuple[str, ...]]:
    """Word pairs the first alignment shows (Moore 2002): a Chinese word the dictionary lacks
    and an English stem that keep landing in the same confident beads."""
    from .segment import cut

    known = gloss_stems()  # only words the dictionary lacks: names translated by meaning (小玄子 → Misty)
    pairs: Counter = Counter()
    zh_count: Counter = Counter()
    en_count: Counter = Counter()
    for bead, (lexical, length, kind, *_) in zip(beads, details):
        if kind != (1, 1) and kind not in ((1, 2), (2, 1)) or lexical < 0.15 or length < -4:
            continue
        words = {w for p in bead.source for w in cut(source[p])
                 if len(w) > 1 and is_han(w[0]) and w not in known}
        stems = {f for q in bead.target for f, _ in english[q] if f[0].isalpha()}
        zh_count.update(words)
        en_count.update(stems)
        for w in words:
            for s in stems:
                pairs[(w, s)] += 1
    learned: dict[str, list[str]] = defaultdict(list)
    for (w, s), together in pairs.items():
        if together < 3:
            continue
        dice = 2 * together / (zh_count[w] + en_count[s])
        if dice >= 0.6:
            learned[w].append(s)
    return {w: tuple(s[:3]) for w, s in learned.items()}


CONFIDENCE = (0.836, 1.704, 0.669, -0.486, -3.334, 0.275, 0.324, -0.907, 1.981, 0.395, -3.762, -2.612, -2.295)
"""The confidence model's weights, in confidence_features's order (bench/align_omissions.py
--calibrate fits them)."""


def confidence_features(bead: Bead, detail) -> list[float]:
    """What a bead's confidence is computed from: 1 (the intercept), the lexical score, the length
    score (floored at −8), sentences past two, deficit, log(1 + the fewer features of the two
    sides), one-sided, isolated, the weaker neighbour's lexical score, 1-1, the text's smallness
    (1/√beads), and that times the lexical score and times isolated."""
    lexical, length, kind, words, deficit, isolated, neighbour, beads = detail
    one_sided = not bead.source or not bead.target
    small = 1.0 / math.sqrt(beads)  # a short text: few sentences to weigh words by, every cosine higher
    return [1.0, lexical, max(length, -8.0), sum(kind) - 2.0, deficit, math.log1p(min(words)), float(one_sided),
            isolated, neighbour, float(kind == (1, 1)), small, small * lexical, small * isolated]


def _confidence(bead: Bead, detail, weights: tuple[float, ...] = CONFIDENCE) -> float:
    """A bead's confidence: the probability that it is right, by a logistic model fitted on
    MAC-Dev's gold beads and on the same chapters with sentences taken out of their translation
    (bench/align_omissions.py), of its lexical and length scores, its size, how many features its
    sentences have, how much better they match some other sentence of the band than each other,
    whether it has one side only, and how little its most isolated source sentence meets of the
    translation. Calibration, each chapter scored by the model fitted on the other five: see
    bench/RESULTS.md."""
    z = sum(w * x for w, x in zip(weights, confidence_features(bead, detail)))
    return round(1.0 / (1.0 + math.exp(-z)), 3)
