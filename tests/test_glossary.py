"""Glossary files: what they accept, and a one-line error for each malformed row."""
from __future__ import annotations

from pathlib import Path

import pytest

from annotate.errors import GlossaryError
from annotate.glossary import load
from annotate.syllables import parse_pinyin

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("term, written, expected", [
    ("数字经济", "shùzì jīngjì", ("shù", "zì", "jīng", "jì")),
    ("西安", "Xī'ān", ("xī", "ān")),
    ("千丝万缕", "qiānsī-wànlǚ", ("qiān", "sī", "wàn", "lǚ")),
    ("绿色", "lv4 se4", ("lǜ", "sè")),
    ("绿色", "lu:4se4", ("lǜ", "sè")),
    ("C端", "C duān", (None, "duān")),
    ("阿里巴巴", "Ālǐbābā", ("ā", "lǐ", "bā", "bā")),
    ("一点儿", "yīdiǎnr", ("yī", "diǎn", "r")),  # erhua: 儿 is read r, one reading per character
    ("一点儿", "yīdiǎn", None),
])
def test_parse_pinyin(term, written, expected):
    if expected is None:
        with pytest.raises(GlossaryError, match="syllables"):
            parse_pinyin(written, term, "g.tsv:2")
    else:
        assert parse_pinyin(written, term, "g.tsv:2") == expected


def write(tmp_path, text, name="x.tsv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text, message", [
    ("term\tpinyin\n数字\tshùzì\n", r"x\.tsv:1: header has no 'gloss' column"),
    ("term\tgloss\tcolour\n数字\tdigit\tred\n", r"x\.tsv:1: unknown column 'colour'"),
    ("term\tgloss\n# comment\n\n数字\t\n", r"x\.tsv:4: empty gloss for 数字"),
    ("term\tgloss\n\tdigit\n", r"x\.tsv:2: empty term"),
    ("term\tgloss\n数字\tdigit\textra\n", r"x\.tsv:2: 3 cells but the header has 2 columns"),
    ("term\tgloss\tpinyin\n数字经济\tdigital economy\tshùzì\n", r"x\.tsv:2: pinyin 'shùzì' has 2 syllables but 数字经济 has 4"),
    ("term\tgloss\tpinyin\n数字\tdigit\tshuxyz\n", r"x\.tsv:2: 'shuxyz' in pinyin 'shuxyz' is not pinyin"),
    ("term\tgloss\ttraditional\n数字\tdigit\t數\n", r"x\.tsv:2: traditional form 數 has 1 characters, term 数字 has 2"),
    ("term\tgloss\n数字\tdigit\n数字\tnumber\n", r"x\.tsv:3: duplicate term 数字 \(first at .*x\.tsv:2\)"),
])
def test_malformed_rows_name_file_and_line(tmp_path, text, message):
    with pytest.raises(GlossaryError, match=message):
        load([write(tmp_path, text)])


def test_not_utf8(tmp_path):
    path = tmp_path / "x.tsv"
    path.write_bytes("term\tgloss\n数字\tdigit\n".encode("gb18030"))
    with pytest.raises(GlossaryError, match=r"x\.tsv: byte \d+: not valid UTF-8"):
        load([path])


def test_directory_loads_every_tsv_and_ids_are_unique(tmp_path):
    write(tmp_path, "term\tgloss\tpinyin\n数字\tdigit\tshùzì\n", "a.tsv")
    write(tmp_path, "term\tgloss\tpinyin\n树枝\tbranch\tshùzhī\n熟知\tknow well\tshúzhī\n", "b.tsv")
    glossary = load([tmp_path])
    assert [e.id for e in glossary.entries] == ["gl-shuzi", "gl-shuzhi", "gl-shuzhi-2"]


def test_shipped_glossary_covers_the_seed():
    glossary = load([ROOT / "glossary"])
    terms = {e.term for e in glossary.entries}
    assert len(terms) >= 30
    for needed in ["数字经济", "工业互联网", "赋能", "阿里巴巴国际站", "eWTP", "C2M", "询盘", "弯道超车", "大树底下好乘凉",
                   "张建锋", "张勇", "吴向进", "林承亮", "刘宁波", "阿里云", "淘宝", "天猫", "网易", "海康威视"]:
        assert needed in terms
    assert all(e.gloss for e in glossary.entries)
    han_entries = [e for e in glossary.entries if any("\u4e00" <= c <= "\u9fff" for c in e.term)]
    assert all(e.pinyin for e in han_entries), "every Chinese term carries its pinyin"


def test_check_finds_a_syllable_the_character_cannot_have(tmp_path):
    """`系统  zhōngguó  system` passed `glossary check`, and the build put zhōng guó over 系统:
    each syllable must be a reading of its character (pypinyin's heteronyms, CC-CEDICT's for the
    term, or a neutral tone; r for 儿), in a glossary and in readings.tsv (issue 23)."""
    from click.testing import CliRunner

    from annotate.cli import main

    folder = tmp_path / "glossary"
    folder.mkdir()
    (folder / "terms.tsv").write_text(
        "term\tpinyin\tgloss\n"
        "告诉\tgàosu\tto tell\n"          # a neutral tone CC-CEDICT writes
        "东西\tdōngxi\tthing\n"
        "女儿\tnǚ'ér\tdaughter\n"
        "一点儿\tyīdiǎnr\ta little\n"      # erhua
        "行长\tháng zhǎng\tbank president\n"  # heteronyms both
        "系统\tzhōngguó\tsystem\n"          # line 7: wrong syllables, the right count
        "银行\tyínxíng\tbank\n",            # passes: xíng is a reading of 行, if not the bank's (the check
                                            # knows a character's readings, not which one a word takes)
        encoding="utf-8")
    (folder / "readings.tsv").write_text("term\tpinyin\n长\tzhǎng\n为\tguó\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["glossary", "check", str(folder)])
    assert result.exit_code == 4
    rows = [line for line in result.output.splitlines() if "does not fit" in line]
    assert rows == [
        f"{folder / 'readings.tsv'}:3: the override of 为 does not fit it: 为 is never read guó (its readings: wèi, "
        "wéi, or a neutral tone)",
        f"{folder / 'terms.tsv'}:7: pinyin 'zhōngguó' does not fit 系统: 系 is never read zhōng (its readings: jì, xì, "
        "or a neutral tone); 统 is never read guó (its readings: tǒng, or a neutral tone)",
    ], result.output
