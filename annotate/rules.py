"""Reading rules over the text around a polyphone: explainable corrections of the dictionary
and the context model, each one line with its reason.

A rule is a regular expression over the paragraph (in simplified characters) whose group
`c` (or `d`, in a second alternative) is the character it reads; where two rules read one
character the first in the list wins. The rules run after the model and before the glossary, so
only a glossary entry or readings.tsv can overrule them. Each rule names the pattern a
grammar or a dictionary gives for the reading, not a sentence it was tuned on.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .names import SURNAME_READINGS

HAN = "\u3400-\u9fff"
PRONOUN = "(?:我们|你们|他们|她们|它们|咱们|大家|自己|人民|我|你|您|他|她|它|咱)"
NUMERAL = "[一二两三四五六七八九十几百千万每半]"
DEGREE = ("(?:非常|特别|比较|十分|相当|有点儿?|有些|稍微|略微|很|最|太|更|挺|真|(?<![计相])较|(?<![省忽侵战粗约大简策谋攻方韬领史要概])略|"
          "极|甚|颇|绝|(?<![只正刚恰幸还友最美良爱叫问和讨要交修做办学看说弄搞])好|(?<![很许好])多|越|够)")
"""Degree adverbs (多 as in 多难 "how hard", not the quantity 很多, 许多, 好多; 略 as in 略长 "a little
long", not 省略, 战略)."""
SPAN = "(?:一(?![定直起样般共点下些切律旦向概同齐道块])|[二三四五六七八九十])"
"""A number after 东西 "east and west" (东西三十里, 东西一千里), not the 一 of 一定, 一直, 一样…"""
ADDRESS = "(?:先生|女士|小姐|老师|教授|医生|大夫|同学|经理|师傅|老板|律师|警官|叔叔|阿姨|伯伯|大爷|大妈|大娘|大姐|大哥|奶奶|爷爷)"
"""How a person is addressed after the surname (解老师, 盖叔叔, 单大爷)."""
TITLE = "(?:" + ADDRESS + "|主任|书记|总|家)"
PUPILS = ("(?:妹妹|弟弟|哥哥|姐姐|儿子|女儿|孙子|孙女|外孙|侄子|侄女|爸爸|妈妈|爷爷|奶奶|姥姥|老伴|妻子|丈夫|学生|同学|"
          "徒弟|小朋友|孩子|小孩|宝宝|娃娃|新人|新手|村民|农民|工人|姑娘|小伙子|年轻人|老人|大伙|朋友|邻居)")
"""Whom one teaches (妈妈教妹妹唱歌, 爷爷教孙子下棋)."""
SKILLS = ("(?:唱|跳|写|画|读|说|叫|念|认|学|用|做|下棋|骑|游|开车|弹|拉|打|包|织|缝|算|背|种|养|剪|编|烧|煮|炒|玩|修|拍|钓|滑|"
          "踢|走路|飞|跑|捉|抓|找|做饭|上网|发|查|洗|叠|扎|系|穿)")
"""What one is taught to do."""
NOT_LONG = "校家县市部省班队组团厂院局处科站所社会师兄首酋族成生增延助滋擅专特见"
"""Characters before 长 in words where it is zhǎng, a head or growing (校长, 成长), not the "long" set
against 短."""
COUNTED_BEFORE = "多少人分次岁函系变参倍级总无单复负整小奇偶指点位页字号算"
"""Characters before 数 in nouns where it is shù (人数, 次数, 分数, 函数), not the verb "count", shǔ."""
NUMBER_WORD_AFTER = "学字据量目码值额位组列理"
"""Characters after 数 in nouns where it is shù (数学, 数字, 数据, 数量), not the verb "count", shǔ."""
DISASTER = "遇遭落避受殉罹患灾苦危空海国蒙排发责非刁于劫逢救脱出厄险死挨邅相逃"
"""Characters before 难 in words where it is a disaster, nàn (遇难, 避难, 脱难, 逃难)."""
POTENTIAL = "干吃跑走逃躲受做办看写拿搬用住睡喝管治救帮忍活好完"
"""Verbs before 得了 as "can manage" (干得了 gàn de liǎo, 跑得了), not 得了 "obtained" (他得了第一; 赢得了,
夜来得了: the verb 赢得, the time 夜来)."""
KNOCK_DOWN = "吹推打摔跌绊撞放扳砍踢拉扑哭睡坐醉跪晕砸压翻筑击颠病弄"
"""Verbs after which 倒 is the result, fall (吹倒, 睡倒), not the adverb."""
NOT_STAY = "[等期招接对款虐看优善厚宽亟有相静守坐以急留管款]"
"""Characters before 待 in words where it is dài (等待, 招待, 管待)."""
ADVERBIAL = ("(?:高兴|认真|仔细|努力|大声|小声|小心|耐心|热情|开心|愉快|激动|兴奋|主动|积极|迅速|"
             "突然|逐渐|不断|不停|明显|清楚|详细|简单|自然|用心|专心|静静|默默|悄悄|渐渐|轻轻|"
             "紧紧|深深|好好|慢慢|快快|偷偷|狠狠|满意|生气|无奈|坚定|勇敢|安静|平静|顺利|飞快)")

MANNER = ("(?:很好|更好|较好|良好|友好|完好|幸运|不幸|意外|惊讶|奇怪|礼貌|坚决|断然|果断|熟练|流利|正确|准确|成功|彻底|充分|"
          "深入|全面|真正|广泛|直接|公开|热烈|激烈|强烈|猛烈|疯狂|拼命|严肃|严格|冷静|轻松|不耐烦|耐心)")
"""Words of manner before 地 (很好地读懂, 幸运地), more of them than ADVERBIAL, so with PLACE_AFTER kept out."""
PLACE_AFTER = "[区址点方图球铁上下面板毯震理位域带壳质势貌形标主产皮道]"
"""What 地 begins a word of the earth with (地区, 地址, 地方): after it, 地 is dì, not the adverbial de."""


@dataclass(frozen=True, slots=True)
class Rule:
    pattern: re.Pattern
    reading: str
    why: str
    trigger: str
    """The characters the rule can read: a paragraph with none of them needs no search."""
    needs: str = ""
    """Text every match holds (精神, 土地): a paragraph without it needs no search either."""
    degree_first: bool = False
    """The rule's first alternative begins with a degree adverb (DEGREE): where a match does, it
    holds only where that adverb begins a word of the segmenter's, not where it ends one (能够|重新,
    认真|重写, 太太|重新, 只好|重启). Said by the rule, not guessed from its pattern."""


DOUBLED_VERB_READINGS = {"量": "liáng", "数": "shǔ", "称": "chēng", "缝": "féng", "弹": "tán", "和": "huó",
                         "削": "xiāo", "钻": "zuān", "扇": "shān", "铺": "pū", "卷": "juǎn"}
"""Characters whose verb has a reading of its own (量 liáng "measure", 量 liàng "amount"): doubled
with 了 or 一 between (量了量, 数一数, 称了一称) the character is that verb."""
DOUBLED_ALONE = frozenset("量称")
"""Of those, the ones that are the verb doubled without 了 or 一 too (量量血压, 称称体重); not 芭蕉扇|扇,
钢钻|钻, 一卷卷, 代数|数 (a noun, a measure word, then the verb or the measure again)."""

PONDER_BEFORE = "(?:(?<=[再复我你他她在得想])|(?<=琢磨|仔细))"
"""What comes before 琢磨 "ponder", zuómo: an adverb, a subject, a modal, itself (再琢磨, 他琢磨, 得琢磨, 琢磨琢磨)."""
PONDER_AFTER = "(?:琢磨|一下|着|了|过|出|透|这|那|怎么|什么|半天)"
"""What comes after 琢磨 "ponder": itself doubled, an aspect, an object (琢磨琢磨, 琢磨着, 琢磨这件事)."""


def _rule(pattern: str, reading: str, why: str, needs: str = "", degree_first: bool = False) -> Rule:
    read = re.search(r"\(\?P<c>(\[[^\]]+\]|.)\)", pattern).group(1)
    return Rule(re.compile(pattern), reading, why, read.strip("[]"), needs, degree_first)


ANSWERED = "邀聘征战考试付用对急变酬声答运届允和承许验了着过下门时景名道诺诏募"
"""What follows 应 where it is yìng "answer, respond" (应邀, 应聘, 应付, 应声, 应了一声, 应道)."""
OWN_DE = "值只恨舍记懂觉晓显免获取赢博难使总不省懒乐落认见"
"""Characters before 得 in words of its own (值得, 只得, 懒得, 认得): no "must" there."""

TOWARDS_THEN_ACT = ("着[^，。！？；]{1,8}?(?:喊|叫|笑|说|吼|骂|嚷|招手|挥手|点头|摇头|开枪|开火|跑|走|冲|扑|来|去|"
                    "飞|赶|眨眼|吐|哭|吹|鞠躬|敬礼|前进)")
"""着 and what one faces or heads for, then what one does towards it (冲着门口大喊, 奔着灯光走去)."""
TO_THE_CENTRE = "(?:调|选|派|升|上调)?(?:到|往|入|和|与|及|、|同)中央(?![公广大电银空商位处部区])"
"""地方 before the centre it is set against (从地方调到中央, 地方和中央): the regions, dìfāng."""

RULES = [
    _rule(rf"{ADVERBIAL}(?P<c>地)(?=[{HAN}])", "de", "地 after an adverbial word, before a verb"),
    _rule(rf"([{HAN}])\1(?P<c>地)(?=[{HAN}])", "de", "地 after a reduplicated word (慢慢地)"),
    _rule(rf"{MANNER}(?P<c>地)(?=[{HAN}]|[，,])(?!{PLACE_AFTER})", "de",
          "很好地读懂, 幸运地，: 地 after a word of manner (成功地区 is dì)"),
    _rule(rf"({NUMERAL}[{HAN}])(?:又|接|连)\1(?P<c>地)(?=[{HAN}])", "de", "一天又一天地, 一个接一个地: one after another"),
    _rule(rf"({NUMERAL}[{HAN}])\1(?P<c>地)(?=[{HAN}])", "de", "地 after 一步一步"),
    _rule(r"(?<!因)(?P<c>为)[^，。；！？]{1,12}所(?![以有在谓得属长])", "wéi", "为…所 + verb: passive"),
    _rule(rf"(?<=难)(?P<c>为)(?={PRONOUN}(?:了|啦|啊|吧|[，。！？]|$))", "wei",
          "真难为你了, 别难为他了: 难为 nánwei, make things hard for (the segmenter cuts 真难|为)"),
    _rule(rf"(?<![以认成作视称选变化改更行])(?P<c>为)(?!我[国省市县区校院]){PRONOUN}", "wèi",
          "为 + person: for someone (为我国 is a place: 为我国争光 is decided by what follows)"),
    _rule(r"(?P<c>着)(?=(?:什么|啥|哪门子)急)", "zháo", "着什么急: 着急 with 什么 inside"),
    _rule(r"(?<=[急试忙抢争赶笑哭等盼吵闹])(?P<c>着)(?=想)", "zhe", "急着想知道, 试着想: verb + 着 + 想 (为人着想 is zhuóxiǎng)"),
    _rule(r"(?<=[上下]身)(?P<c>着)(?=[^，。；！？]{0,6}(?:裤|衫|衣|裙|服|装|外套|大衣|夹克|毛衣))", "zhuó",
          "上身着白衬衫, 下身着牛仔裤: wearing (a written description)"),
    _rule(r"(?<=怎么|如何|好好|耐心)(?P<c>教)(?=[都也，。！？；了]|$|得)", "jiāo", "怎么教都不听: teach"),
    _rule(r"(?:眼珠子?|眼睛)一?(?P<c>转)(?![向过到身头移])", "zhuàn", "眼珠一转, 眼睛转动: roll (the eyes)"),
    _rule(r"(?P<c>为)(?=\d|[一二两三四五六七八九十百千万零]+(?:[百千万亿]|[个%％]|平方|公|米|年|人|摄氏度|度|倍|吨|千克|克|元|美元|欧元))", "wéi",
          "为 + amount: is"),
    _rule(r"(?<=[选称评改分定成作视认列立封名号变化转译更渡唤呼结裁碾招收])(?P<c>为)(?!了|什么|何|此)", "wéi",
          "选为, 称为, 改为, 国号为, 过渡为, 结为兄弟, 招为驸马: as, into"),
    _rule(r"(?P<c>为)(?=官(?![兵员方吏府场僚]))", "wéi", "为官清廉: to serve as an official (为官兵 is wèi)", needs="为官"),
    _rule(rf"(?<![转改])[变化转]([{HAN}]{{1,3}}?)(?P<c>为)(?![他她我你您它们人了着何什])(?=[{HAN}])", "wéi",
          "变废为宝, 化悲痛为力量, 变被动为主动: turn X into Y"),
    _rule(r"(?:依次|其次|(?:向|至|到)[东南西北上下左右内外前后])(?P<c>为)(?![了着过他她它我你您人何什])", "wéi",
          "依次为, 其次为, 自西向东为: is, are (in this order)"),
    _rule(rf"(?<=[{POTENTIAL}])(?P<c>得)(?=了(?!解|不起|不得))", "de", "干得了, 吃得了: can (the potential complement)", needs="得了"),
    _rule(rf"(?<=[{POTENTIAL}]得)(?P<c>了)(?!解|不起|不得)", "liǎo", "干得了, 跑得了: can manage", needs="得了"),
    _rule(r"(?<![懂记觉值晓舍认显免省使不])(?P<c>得)了", "dé", "得了: obtained (懂得了, 记得了, 记不得了 keep their de)", needs="得了"),
    _rule(r"(?P<c>得)(?=过(?:[一两几三四五]?[次回个项届场])?大?(?:奖|病|冠军|金牌|银牌|第一))", "dé",
          "得过奖, 得过病: obtained, once (not 得 'must' before the verb 过)", needs="得过"),
    _rule(rf"(?:{PRONOUN}|^|(?<=[时候前后，；：]))(?P<c>得)(?=[早快先马赶多再去来走好小注努认带拿买做写吃喝穿洗想看听说找问请帮给交等跟和叫让把在换留用]"
          r"|今天|明天|后天|今晚|现在|立刻|尽快|自己|一个人)",
          "děi", "subject + 得 + verb, 面试时得穿正装, 押一付三，得先交: must"),
    _rule(rf"(?<=[完好过掉]了)(?P<c>得)(?=[{HAN}])(?![了到出知罪意病奖])", "děi",
          "玩完了得收好, 吃完了得洗碗: after a thing done, must (了得 liǎodé 'extraordinary' ends a clause)"),
    _rule(r"(?P<c>重)(?=达|约|逾|[一二两三四五六七八九十几半\d]+(?:公斤|千克|克|吨|斤|磅))", "zhòng",
          "重达两吨, 重约五百克, 重三公斤: weighs (重一遍, 重写 are chóng)"),
    _rule(r"(?<=还)(?P<c>了)(?=得(?:[，。！？!?]|$))", "liǎo", "这还了得, 那还了得: how could this be (as CC-CEDICT's 了得 liǎode)"),
    _rule(r"(?<=还了)(?P<c>得)(?=[，。！？!?]|$)", "de", "这还了得: the 得 of 了得 liǎode"),
    _rule(r"(?<=[\u4e00-\u9fff])(?<![我你他她们咱您])(?P<c>得)(?=出奇(?!制胜))", "de",
          "亮得出奇, 安静得出奇: extraordinarily (a complement; 得出 déchū is no word here; 我们得出奇制胜 is must)"),
    _rule(rf"(?<=[{HAN}])(?<![{OWN_DE}])(?P<c>得)(?=用)", "děi",
          "开会得用投影仪, 这个得用胶水粘: must use (no complement begins with 用; 值得用, 懒得用 are words)"),
    _rule(rf"(?<=[{HAN}])(?<![{OWN_DE}来])(?P<c>得)(?=提前|事先|按时)", "děi",
          "签证得提前一个月办, 药得按时吃: must, before an adverb of when (来得提前 'came early' is a complement)"),
    _rule(r"(?<=[说讲])(?P<c>得)(?=[签换交买改找带拿办修补填缴付退赔]|等到|先[^，。；！？]|重新|提前)", "děi",
          "房东说得签一年的合同, 师傅说得换个零件: says one must (说得好, 说得重, 说得准 are complements)"),
    _rule(r"(?:(?<=[腿手脸腰])|(?<=脖子|胳膊|头发|指甲|睫毛|尾巴|耳朵|鼻子|身子|个子))(?P<c>长)(?=[，。！？；]|$)", "cháng",
          "这孩子腿长: long, said of the body (头发长了, grown, keeps 了)"),
    _rule(rf"(?<![{NOT_LONG}])(?P<c>长)(?=[，、；]?[^，。；！？]{{0,5}}短[，。；！？])"
          rf"|短[，、；]?[^，。；！？]{{0,5}}(?<![{NOT_LONG}])(?P<d>长)(?=[，。；！？]|$)",
          "cháng", "夜长，白天短; 白天短，夜里长: long, set against short"),
    _rule(r"(?<!可能)(?<=能)(?P<c>得)(?=[\u4e00-\u9fff])(?!了)", "dé", "谁先睡着谁就能得小红花, 不能得奖: get (可能得 is must)"),
    _rule(r"(?<=[这那])(?P<c>得)(?=多少|多久|多长时间|好几)|(?<=[\u4e00-\u9fff])(?<![值记觉懂获晓])(?P<d>得)(?=多长时间|多久(?!了))",
          "děi", "这得多少钱, 那得多久, 去火车站得多长时间: it takes, it costs"),
    _rule(rf"(?<=[{HAN}])(?<![{OWN_DE}])(?P<c>得)(?=[等花用要排](?:多久|多长时间|多少|好几|几[天个分小])|[等花用要排]上?[一两三四五六七八九十几半]+(?:个多?)?(?:小时|天|分钟))",
          "děi", "外卖得等多久, 得花多少钱, 得排两个小时: it takes"),
    _rule(r"(?:借|欠|到期)[^，。；！？不]{0,6}不(?P<c>还)", "huán", "借了不还, 到期不还要罚款: give back (not 还 'still')"),
    _rule(rf"(?<=[{HAN}])(?<![我你他她它们咱还就也都])(?P<c>得)(?=到处都?是)", "de",
          "扔得到处都是: the complement (the segmenter takes 得到 \"obtain\"; 我得到处找 is must)"),
    _rule(r"(?<=[我你他她们咱])(?P<c>得)(?=到处)", "děi", "我得到处找找: must (not 得到 \"obtain\")"),
    _rule(r"(?<=[我你您他她们咱])(?P<c>得)(?=到[^，。！？；了的]{1,8}去[办看买拿取问找交报领排查登挂])", "děi",
          "您得到人工窗口去办, 你得到医院去看看: must go to (他得到消息去了 is obtained)"),
    _rule(rf"(?<=[{HAN}])(?P<c>得)(?=(?P<verb>[{HAN}])一(?P=verb))", "děi", "草得除一除, 指甲得剪一剪: must, before a verb doubled with 一 (no complement is one)"),
    _rule(r"(?<=[一二两三四五六七八九十零\d])(?P<c>得)(?=[一二两三四五六七八九十零\d]|几(?![个天年次])|多少)", "dé",
          "三乘以四得十二, 十二减五得几, 二二得四: makes, equals (a number after a number)"),
    _rule(r"(?<![每人个])(?P<c>得)(?=[一二两三四五六七八九十百千几\d]+多?(?:块|元|万块|万元|千块|百块)钱?(?:左右|上下|吧|呢|呀|吗|[，。！？；]))",
          "děi", "打车得十块钱左右: it costs (每人得十块钱, each gets, is dé)"),
    _rule(r"(?:^|(?<=[，。！？；：]))[这那](?:个|件|些|条|张|台|块|把|双|本|辆|间|种|套|只|盆|瓶|根)?[^，。；！？得]{1,4}"
          r"(?<![值只恨舍记懂觉晓显免获取赢博难使总不])(?P<c>得)(?=[洗换修扔补剪做交改擦刷装拆赶送拿收搬还吃喝用放凭]|重新|好好|赶紧|马上|先|饭[前后]|提前|按时)", "děi",
          "这衣服得洗了, 这个垫圈得换个新的: a thing, then must (这衣服洗得干净 is de)"),
    _rule(rf"(?<=[{HAN}])(?<![获取赢记觉懂晓值显使免难舍我你他她它们咱您家己不事天周年月还就也都总可又才只子人次车歌话饭澡书票药路步课班])(?P<c>得)"
          rf"(?=[很太真非更挺好越不清快慢早晚多少高低大小较]|特别|相当|要命|要死)(?!不[出到偿了]|多少|多久)(?!(?:慢慢|好好|赶快|赶紧)(?!的))",
          "de", "verb + 得 + degree: complement (得多少钱, 得多久: it takes, must; a thing before it, "
          "下次得早点, 开车得小心, 这药得快吃: must)"),
    _rule(rf"(?P<c>还)(?=给{PRONOUN}(?:包|做|买|找|讲|洗|倒|送|拿|打|写|画|带|准备|介绍|修|煮|唱))", "hái",
          "还给它包扎: also, for it (not 还给我: give back)", needs="还给"),
    _rule(rf"(?P<c>还)(?={PRONOUN}|给|钱|书|债|款|欠|贷|房贷|车贷|账|帐|利息|本息|本金|信用卡|[个一]个?价)", "huán",
          "还 + person/给/钱/贷款: give back, repay"),
    _rule(r"(?<=[要得该能想去没先])(?P<c>还)(?=[一二两三四五六七八九十百千万几\d][一二两三四五六七八九十百千万几\d.]*(?:[元块本笔]|万元|千元|亿元))",
          "huán", "要还三千元, 得还两本书: repay, return (the adverb comes before the modal: 还要三千元)"),
    _rule(r"(?<=[再要得该能想去先])(?P<c>还)(?=回(?![答头忆想顾首味合应声收报复避]))", "huán",
          "傍晚再还回去, 得还回图书馆: give back (the adverb comes first: 还要回去)"),
    _rule(r"把[^，。；！？把]{1,8}(?P<c>还)(?=[了回到上给清完那这]|[，。；！？]|$)|(?P<d>还)(?=了(?![解不结得却])|上(?=[的了，。；！？]|$))",
          "huán", "把书还了, 还了书, 一个月内还上: give back (the adverb is not followed by 了)"),
    _rule(rf"(?<=[{HAN}])(?P<c>还)(?=[，。；！？,.;!?」”]|$)", "huán", "还 ending a clause: give back (the adverb never does)"),
    _rule(r"(?<=[未没不])(?P<c>还)(?=[者的])", "huán", "逾期未还者, 没还的书: not given back (the adverb comes before 没: 还没)"),
    _rule(r"(?P<c>和)(?=(?:了?一下|了)?(?:[一两几半][盆碗团块斤])?面(?:[做包擀蒸揉，。；！]|$)|泥|成(?:面团|面|团))", "huó",
          "和面, 和了一盆面, 和泥, 加水和成面团: knead, mix", needs="和"),
    _rule(r"(?<=一起|跟着)(?P<c>和)(?=[，。；！？]|$)", "hè", "大家一起和: join in the singing"),
    _rule(r"(?<![丰茂强繁兴昌旺鼎隆全极])(?P<c>盛)(?=出|饭|汤|菜|粥|[一两半几]?碗|到碗|在碗|满|好了)", "chéng",
          "盛饭, 盛出来: ladle, fill (茂盛, 盛开 are shèng)"),
    _rule(r"照(?:了|过|的)?(?:[一两几三四五六七八九十]|很多|不少|好多|许多)?[张个]?(?P<c>相)(?![互同应关似当反对比等信识])", "xiàng",
          "照几张相: take photographs (按照相关规定 is xiāng)", needs="照"),
    _rule(r"(?:请|休|放|度|销)[了过个一二两三四五六七八九十几天周月年的]{0,4}(?P<c>假)(?![装如使设话冒货象定的山币钞牙发])", "jià",
          "请了三天假, 放假: leave, holiday"),
    _rule(rf"{DEGREE}(?P<c>长)", "cháng", "degree adverb + 长: long", degree_first=True),
    _rule(r"(?<=[期时])(?P<c>长)(?=[而，。、；！？的达]|$)", "cháng", "周期长, 存续期长而, 用时长: long (a length of time)"),
    _rule(r"(?P<c>长)(?=[得了]?(?:这么|那么|这样|那样)(?:高|大|胖|壮))", "zhǎng", "你都长这么高了: grow (这么长 is cháng)"),
    _rule(r"(?P<c>长)(?=长了)", "zhǎng", "头发长长了: grew long"),
    _rule(r"(?:这么|那么|多么|这样|那样|一样)(?P<c>长)(?![大高成出得起了胖壮])", "cháng", "这么长, 那么长时间, 三条边一样长: so long, as long"),
    _rule(r"(?P<c>长)(?=[大高胖得出满成相]|什么样|的[高大胖]|[着著]|不[出高大])", "zhǎng", "长 + result: grow, look like"),
    _rule(r"(?P<c>长)(?=了?(?:[一两几满][片身脸层颗个块])?(?:肌肉|个子|个儿|痘|皱纹|膘|雀斑|霉|锈|青苔|老茧|茧子|冻疮|湿疹|疹|痱子|疖子|脓包|疮|癣|肉(?![丝条片块馅])))", "zhǎng",
          "长肌肉, 长个子, 长痘, 长霉: grow what no one calls long (长胡子, 长头发 may be long, and are left)"),
    _rule(r"(?P<c>长)(?=耳朵|腿|脖子|鼻子|尾巴|袖|裙|裤|椅|桌|凳|廊|篇|条|线|方形|发)", "cháng",
          "长 + a thing: long"),
    _rule(rf"(?:{NUMERAL}|[这那哪])(?P<c>只)(?![是有要能会好想得在不剩用管])", "zhī",
          "numeral or demonstrative + 只: measure word"),
    _rule(rf"(?<![落温时误偏高价视色反公级参钦出])(?P<c>差)(?=了?{NUMERAL}|了?\d)", "chà", "差 + number, 差了五度: short of, off by"),
    _rule(r"(?<![落温时误偏高价视色反公级参钦出派相])(?P<c>差)(?=多了|得多|得(?:太|很|更|挺)?远|远了|[些截]|点儿|多少|几)", "chà",
          "差多了, 差得远, 差些: worse, short of, by so much"),
    _rule(r"(?P<c>调)(?=[小大高低好整紧松亮暗])", "tiáo", "调 + result: adjust (调紧, 调亮)"),
    _rule(r"(?P<c>调)(?=[到成至在]?[零一二两三四五六七八九十几\d]+(?:度|档|格|分贝)|[到成为](?:静音|振动|震动|[^，。；！？]{1,4}模式))", "tiáo",
          "空调调到二十六度, 调成三档, 调成静音, 调到夜间模式: set (to a degree, a mode)"),
    _rule(r"(?:温度|水温|室温|音量|声音|亮度|焦距|频率|火候|口味|味道|座椅|后视镜|倒车镜|闹钟|角度|频道|灯光"
          r"|利率|汇率|税率|费率|价格|价钱|房价|油价|票价|电价|水价|工资|薪水|利息)[^，。；！？调]{0,4}(?P<c>调)(?![查动走换任职派度配运令集遣拨])",
          "tiáo", "水温不好调, 音量可以调, 后视镜也调一下, 利率又调了: adjust (a setting, a price)"),
    _rule(r"(?<![声曲音语腔格单基情笔步论强])(?P<c>调)(?=[^，。；！？]{0,2}[琴弦]|一下音|好音|了音)", "tiáo", "调琴, 调素琴, 调一调弦: tune an instrument"),
    _rule(r"(?<=[甚繁滋])(?P<c>蕃)|(?P<d>蕃)(?=[衍息盛昌茂殖庑])", "fán", "甚蕃, 蕃衍, 蕃盛: luxuriant, multiply (吐蕃 is bō, 蕃茄 fān)"),
    _rule(rf"{PRONOUN}(?P<c>将)(?=门|书|车|钱|他|她|我|你|这|那)", "jiāng", "subject + 将 + object: 把"),
    _rule(r"(?<=请)(?P<c>将)(?![军领士帅官])", "jiāng", "请将水龙头关好, 请将回执交回: 把 (请将军 is jiāngjūn)"),
    _rule(r"(?P<c>几)(?=经(?![常理济典营纪验费手销度线期络书历过]))", "jǐ",
          "这种茶几经失传, 几经周折: again and again (the segmenter's 茶几 'tea table' takes it; 茶几经常 is jī)"),
    _rule(r"(?P<c>转)(?=了?转?眼珠)", "zhuàn", "狐狸转了转眼珠, 转眼珠: roll the eyes"),
    _rule(r"(?<![代函整分复实虚质素奇偶倍小对指级系变参总负单])(?P<c>数)(?=一数|数)", "shǔ", "数一数, 数数看: count (代数数 is shù)"),
    _rule(rf"(?<![{COUNTED_BEFORE}])(?P<c>数)(?=红包|钞票|票子|零钱|星星|羊|绵羊|日子|手指|钱(?![财币庄粮]))", "shǔ",
          "数红包, 数星星, 数日子: count (what is counted follows; 无数星星 is shù)"),
    _rule(rf"(?<![{COUNTED_BEFORE}代])(?P<c>数)(?![{NUMBER_WORD_AFTER}是])"
          r"(?=[^，。；！？数]{1,4}?最)", "shǔ", "全村数他家最穷, 要数他最高: be reckoned the most"),
    _rule(rf"(?<![{COUNTED_BEFORE}数])(?P<c>数)(?=了|过|[不得]清|[不得]过来|着|一下|到|[对错清完]了|[不得][过完])",
          "shǔ", "数了, 数到, 数不清, 谁数对了: count (人数, 次数 are nouns)"),
    _rule(r"(?<![天太高领真航当悟])(?P<c>空)(?=着(?!手)|出(?:来|一|个|几|两|位|时间|地方|房间|座))", "kòng",
          "空着, 空出时间: vacant, to leave empty"),
    _rule(r"(?P<c>为)(?=人(?:[很真挺太非十极最不颇甚]|正直|老实|诚恳|和善|厚道|处世|师表|热情|坦率|随和|谦虚|忠厚|宽厚|谦和|谨慎"
          r"|豪爽|耿直|刚直|仗义|忠诚|善良|正派|低调|稳重|憨厚|朴实|清廉|怎么样|如何))",
          "wéi", "为人 + what one is like: conduct oneself", needs="为人"),
    _rule(r"(?<=[说猜料射击命考选相抽看])(?P<c>中)(?=了)", "zhòng", "说中了, 猜中了, 考中了: hit, be chosen", needs="中了"),
    _rule(r"(?<=正)(?P<c>中)(?=了|球门|篮筐|靶|红心|要害|下怀|目标|[^，。；！？间央心部午堂]{1,5}(?:之意|的心意|的计|计))", "zhòng",
          "一箭正中了, 正中球门, 正中他的计: hit squarely (正中间, 正中央 are zhōng)"),
    _rule(r"(?<![其之当空心手家集命期初年月日])(?P<c>中)(?=了?(?:[一二三头大特]等?奖|彩票|计|毒|枪|弹|状元|举人|进士|秀才|探花|榜眼|圈套|埋伏"
          r"|[一二两三四五六七八九十几\d][一二两三四五六七八九十百千万几\d]*(?:块|元|万|亿))"
          r"|了[^，。；！？]{1,8}(?:彩票|大奖|头奖|[一二三特]等奖)|了(?!解|结|却)[^，。；！？]{1,8}(?:计|圈套|埋伏))", "zhòng",
          "中了奖, 中计, 中毒, 中了五百万的彩票, 中了一千块钱, 中了秦国的反间计: hit by, win"),
    _rule(r"(?<=[投仅只连射])(?P<c>中)(?=了?[一二两三四五六七八九十几\d]+[球个次枪箭环])", "zhòng",
          "十投仅中两球, 连中三球: hit, score (a count of hits)"),
    _rule(rf"(?:选|称|推举|推选|任命|封|立|拜|认|奉|聘|评|尊|视)(?:{PRONOUN}|[^，。；！？为]{{1,3}})(?P<c>为)"
          r"(?!了|什么|何|止|此)", "wéi", "选他为代表, 拜他为师: as"),
    _rule(r"(?:改|降|升|贬|析|划|并|置|废)[^，。；！？为]{0,8}[府州县郡省市区道路军卫司镇乡国所](?P<c>为)(?!了|什么|何|止|此)",
          "wéi", "改潭州为长沙, 降镇远府为镇远州: (made) into"),
    _rule(r"(?<=[你我他她您们天])(?P<c>空)(?=不空)|(?<=[你我他她您们天]空不)(?P<d>空)", "kòng",
          "你空不空: free time (知空不空 is emptiness)", needs="空不空"),
    _rule(r"(?<=有)(?P<c>空)(?=[吗嘛呢没的，。？！]|$)", "kòng", "有空吗: free time", needs="有空"),
    _rule(rf"(?<![宗佛道请指领施助任家管说调传礼求赐讨受身言听])(?P<c>教)(?={PRONOUN})", "jiāo",
          "教 + person: teach (管教你, 请教他 are jiào)"),
    _rule(rf"(?<![宗佛道请指领施助任家管说调传礼求赐讨受身言听])(?P<c>教)(?=(?:(?:小|我的|你的|他的|她的)?{PUPILS}们?"
          r"|小[^\s，。；！？的]{1,3})(?:怎么|如何)?" + SKILLS + ")",
          "jiāo", "妈妈教妹妹唱歌, 爷爷教孙子下棋, 小乌龟教小兔子游泳: teach someone a skill (三藏教徒弟收了, "
          "the old novels' 教 'have someone do', is jiào)"),
    _rule(r"(?<![宗佛道请指领施助任家管说调传礼求赐讨受身言听])(?P<c>教)(?=[了过着书课给]|学生|汉语|中文|英语|数学|孩子)",
          "jiāo", "教了, 教书, 教学生: teach (请教, 宗教 are jiào)"),
    _rule(r"(?<![宗佛道请指领施助任家管说调传礼求赐讨受身言听新督主兰回正儒邪异国清景密喇拜祆圣])(?P<c>教)"
          r"(?=音乐|美术|体育|历史|地理|物理|化学|生物|语文|钢琴|画画|唱歌|跳舞|游泳|外语|日语|法语|德语|小学|中学|大学)",
          "jiāo", "在中学教体育, 她教钢琴: teach a subject (新教历史 is jiào)"),
    _rule(rf"(?<![{HAN}])(?P<c>曾)(?={TITLE})|(?<=[是叫和跟与请问])(?P<d>曾)(?={TITLE})", "zēng",
          "surname 曾 + title"),
    _rule(r"(?<=老)(?<!古老)(?P<c>曾)|(?<=叫)(?P<d>曾)(?![经几])", "zēng", "老曾, 他叫曾小明: the surname"),
    _rule(rf"(?<=[{HAN}])(?<![老小姓叫])(?P<c>曾)(?=[是有在与和被为任获去到来见说想做写受替看听住留担藏献吃把给对向于以用因遭当作发提表试学教拿跟同几让使令多])",
          "céng", "画曾藏于, 我也曾替, 可曾看见: once, before a verb or preposition (老曾, 姓曾, and 曾 + title, above, are zēng)"),
    _rule(rf"(?<![简清名菜账订保床被传])(?P<c>单)(?={TITLE})", "shàn", "surname 单 + title"),
    _rule(rf"(?:(?<![{HAN}])|(?<=[的是叫和跟与请问给对向位个找见让被同说])|(?<=同事|朋友|邻居|同学|老乡|房东|领导|司机|教练|护士))"
          rf"(?P<c>[仇区朴盖解华缪翟覃纪葛卜])(?={ADDRESS})", "",
          "仇先生, 解老师, 盖叔叔: a surname before how its bearer is addressed (解大哥的围 is rare enough)"),
    _rule(r"(?<=查)(?P<c>查)(?![理尔的])", "cha", "查查: look up, doubled, the second syllable neutral"),
    _rule(r"(?P<c>查)(?=查(?![理尔的]))", "chá", "查查: look up, doubled (pypinyin's phrase reads it as the surname; 查查的, a sound, stays)"),
    _rule(rf"(?<![调检审核巡排普抽盘追清复考侦搜彻备])(?P<c>查)(?={TITLE})", "zhā", "surname 查 + title"),
    _rule(r"(?<=姓)(?P<c>[曾单查仇区朴盖解任华纪缪翟覃])|(?<![百复单双])(?P<d>[曾查仇区朴盖解任华纪缪翟覃])(?=姓(?!名))", "",
          "姓区, 区姓: the surname reading (单姓 'a one-character surname' is dān)"),
    _rule(rf"(?<![从往向由横贯])东(?P<c>西)(?!方|边|部|面|南|北|走|向|两|长|宽|侧|线|{SPAN}|\d)",
          "xi", "东西 as a thing: neutral tone (东西一定要干净: 一 of an adverb)"),
    _rule(rf"(?<![从往向由横贯])东(?P<c>西)(?=方|边|部|面|南|北|走|向|两|长|宽|侧|线|{SPAN}|\d)"
          r"|(?<=[从往向由横贯]东)(?P<d>西)", "xī", "东西 as east and west: full tone (东西三十里)"),
    _rule(r"(?:没有?|打起|提起|振作|抖擞|抖搜|养|很有|挺有|真有|有)精(?P<c>神)"
          r"(?!病|上|文明|生活|世界|力量|状态|面貌|食粮|财富|分裂|失常|错乱|科|学|领袖|支柱|享受|压力|负担|污染|损失|需求)",
          "shen", "没精神, 打起精神: vigour, neutral tone (精神病, 精神文明 are jīngshén)", needs="精神"),
    _rule(r"(?<![种])精(?P<c>神)(?=(?:很|不|真|挺|特别|非常|十分|也|都)?(?:好|不错|饱满|十足|焕发|差)(?!处|像|看|听))",
          "shen", "精神很好, 精神不好: in good or poor form", needs="精神"),
    _rule(r"土(?P<c>地)(?=道[：:，,]|连忙|慌|叩头|跪)|(?:山神|城隍|当坊|本处|本园|本山|众)、?土(?P<d>地)(?![神公庙])",
          "di", "土地 the god: neutral tone (土地道：, 山神、土地; the land is tǔdì, and CC-CEDICT's 土地神, 土地公 Tǔdì)", needs="土地"),
    _rule(r"(?<=[跳钻跌坠推扑淬掉落沉潜])下(?P<c>水)|下(?P<d>水)(?=救|游|捞|洗|摸|捉|拿|了)", "shuǐ",
          "跳下水, 下水救人: into the water (猪下水, offal, is xiàshui)", needs="下水"),
    _rule(r"(?<!中央)(?<!中央[和与及、])地(?P<c>方)(?!政|法|官|戏|志|税|财|性|特|经|病|债|级|上的|自治|部队|各级)"
          rf"(?!{TO_THE_CENTRE})", "fang", "地方 as a place: neutral tone"),
    _rule(r"(?:(?<=中央)|(?<=中央[和与及、]))地(?P<c>方)|地(?P<d>方)(?=政|法|官|戏|志|税|财|性|特|经|病|债|级|自治|部队"
          rf"|{TO_THE_CENTRE})", "fāng", "地方政府, 中央地方, 从地方调到中央: local, regional, full tone"),
    _rule(r"(?<![联关体维派院心])(?P<c>系)(?=[好上紧着]|[不得][紧住上好牢]|鞋带|安全带|领带"
          r"|了?[一两几]?[条根个]?[红黄蓝绿白黑彩]?(?:丝带|带子|绳子?|围巾|腰带|蝴蝶结))", "jì", "系 + knot: tie (系着领带; 关系着, 心系着 are xì)"),
    _rule(r"(?<![暴揭披显袒败])(?P<c>露)(?=出|面|脸|馅|底|头(?!角))", "lòu", "露 in spoken compounds (露出, 露面; 露头角 is lù)"),
    _rule(r"(?<=[两三四六七八九十几])(?P<c>行)(?=[字泪诗树雁文，。、；！？]|$|代码|程序|数据|歌词)"
          r"|(?:(?<=一)(?=行(?:[字泪诗树雁]|大雁|白鹭|脚印|小字|大字|数字|代码|歌词))|(?<=[排站列分成][一两三四五六七八九十几]))(?P<d>行)", "háng",
          "两行, 一行字, 一行白鹭, 排成三行: rows (一行四众, 一行人, 五行 are xíng)"),
    _rule(r"(?<=一)(?P<c>行)(?=行(?![动为驶走政星人者程进]))|(?<=一行)(?P<d>行)(?![动为驶走政星人者程进])", "háng",
          "一行行秧苗, 一行行字: row after row (一行行动, 一行行人 are xíng)"),
    _rule(r"(?<=一)(?P<c>行)(?=一行)|(?<=一行一)(?P<d>行)(?![动为驶走政星人者程进])", "háng",
          "一行一行地插, 一行一行的字: row by row"),
    _rule(r"第[一二三四五六七八九十百几\d]+(?P<c>行)(?![动为驶走政星人者程])", "háng",
          "第三行: the third row, line (第一行动, 第八行政区 are xíng)"),
    _rule(r"(?<=[一二两三四五六七八九十几半这那每])(?P<c>担)(?![心任保忧当负])", "dàn",
          "一担水, 两担柴: the measure of a load on a carrying pole"),
    _rule(r"(?<![提])(?P<c>供)(?=[着著在]|上了)", "gòng", "供着, 供在桌上: set out as an offering"),
    _rule(r"(?<![提可以工])(?P<c>供)(?=出(?!口|售|租|借|版|资|[一二两三四五六七八九十\d]))", "gòng",
          "供出同伙, 把你供出来: confess, name (供出口, for export, is gōng)"),
    _rule(rf"(?:{DEGREE}|那么|这么|多么)(?P<c>横)(?=[，。！？的了,.!?]|$)", "hèng", "很横, 太横了, 那么横: rude, overbearing",
          degree_first=True),
    _rule(r"(?<![哽呜])(?P<c>咽)(?=[了下不着得]|一口|东西|口水|唾沫|饭|药|食物)", "yàn", "咽了, 咽不下: swallow (咽喉 is yān; 哽咽着, 呜咽着 are yè)"),
    _rule(rf"(?P<c>蒙)(?=着(?!了)|[上住]|了(?!{PRONOUN}|[，。！？]|$))", "méng",
          "蒙着眼, 蒙上, 蒙了一层灰: cover (被打蒙了 is mēng, dazed; 蒙了我, deceived)"),
    _rule(r"(?<=蒙)(?P<c>着)(?!了|[，。！？]|$)", "zhe", "蒙着眼睛, 蒙着被子: covering (蒙着了, guessed right, is zháo)"),
    _rule(r"(?:^|(?<=[，。！？；：“”「」]))(?P<c>咳)(?=[，！,!])", "hāi", "咳，你怎么又忘了！: the interjection (咳嗽 is ké)"),
    _rule(r"(?<![商思掂估酌较衡考])(?P<c>量)(?=[了好完]?(?:[一两几三四五]次)?个?(?:一下|一量|体温|身高|尺寸|血压|体重))"
          r"|(?<![商思掂估酌较衡考数质产重流能力容雨含总大])(?P<d>量)(?=了[^，。！？]{0,6}(?:高度|长度|宽度|深度|距离|温度|体重))", "liáng",
          "量 + what is measured: measure (商量一下 is shāngliang)"),
    _rule(r"(?P<c>背)(?=着[^，。！？]{1,4}(?:偷偷|悄悄|私下|私自|偷|瞒))", "bèi", "背着父母偷偷…: behind one's back"),
    _rule(r"(?:书包|背包|包袱|行李|篓子|筐)(?P<c>背)(?=好|上|起|在)", "bēi", "书包背好了: carry on the back (课文背好了, learnt by heart, is bèi)"),
    _rule(r"把[^，。；！？把背]{1,6}(?P<c>背)(?=[进回起]|到(?!第))", "bēi", "把新娘背进门, 把他背回家: carry on the back (把课文背到第三段 is bèi)",
          needs="把"),
    _rule(r"(?P<c>背)(?=了?[一两几]?个?[大小旧新]?(?:背包|书包|包袱|麻袋|筐|篓子|行李|孩子|包)(?![括含装]))", "bēi",
          "背了一个大包, 背行李: carry on the back"),
    _rule(rf"(?P<c>背)(?=着(?!手)|起|包|书包|在[^，。；！？]{{0,6}}[肩背身]上|{PRONOUN}[上下去回过到走])", "bēi",
          "背 + load, 背在肩上, 我背你上楼: carry on the back"),
    _rule(r"(?<![才就也没]找)(?P<c>着)(?=[一两几这那]?[件条双个身顶副])", "zhe",
          "verb + 着 + measure word: aspect (才找着那个: found)"),
    _rule(r"(?:(?<![子炮导枪飞氢原核流霰])|(?<=种子|珠子|石子|豆子|扣子|盖子|塞子))(?P<c>弹)(?=出(?![来去]?[的地]?[一两几]?[颗发枚粒]))",
          "tán", "弹出一个窗口, 从座椅上弹出, 把种子弹出去: pop up, eject (子弹出膛 is dàn)"),
    _rule(r"(?<=[向往朝][左右上下前后])(?P<c>划)", "huá", "向左划, 往上划, 手往后划: swipe, paddle"),
    _rule(r"(?P<c>藏)(?=量)", "cáng", "藏量, 蕴藏量: the amount held (in the ground), as 储藏 and 矿藏 read it"),
    _rule(rf"(?<![西宝三道经])(?P<c>藏)(?={PRONOUN}|[在于起着著了好宝头身到进入匿哪]|这儿|那儿|这里|那里|猫猫|猫儿)", "cáng", "藏 + object/在/于/起: hide, keep (现藏于)"),
    _rule(rf"(?:{DEGREE}|[他她我你不别])(?P<c>累)(?![积计])|(?<![积连拖牵累])(?P<d>累)(?=[了极死坏得着病倒垮晕瘫])", "lèi",
          "tired (积累了, 连累了 are the words 积累 jīlěi, 连累 liánlei)", degree_first=True),
    _rule(rf"(?:{DEGREE}|不)(?P<c>难)|(?<![{DISASTER}])(?P<d>难)(?=了|得很)", "nán", "difficult", degree_first=True),
    _rule(r"(?P<c>吧)(?=[，。！？,.!?\"”」]|$)", "ba", "吧 at the end of a clause: particle"),
    _rule(rf"(?:(?!多){DEGREE}|得)(?P<c>少)", "shǎo", "degree + 少: few (多少 is CC-CEDICT's duōshao, how many)", degree_first=True),
    _rule(r"(?<![音声器奏礼])(?P<c>乐)(?=疯|坏|死|了|呵|得|开花|子)", "lè", "乐 + result: happy; 乐子 fun"),
    _rule(r"(?P<c>乐)(?=评)", "yuè", "乐评人: music criticism"),
    _rule(r"(?<![强刚遒苍雄疾])(?P<c>劲)(?=儿|[真很太挺可好]?(?:大|小|足|不小|不足))", "jìn", "这鱼劲真大, 劲儿小: strength"),
    _rule(r"(?P<c>劲)(?=歌|爆|舞)|(?<=加)(?P<d>劲)(?=梁|肋|杆|板)", "jìng", "劲歌, 劲爆: strong, vigorous; 加劲梁: a stiffening girder"),
    _rule(r"(?:(?<=[使用费较加有没带的股把干起来差对上])|(?<=点儿)|(?<=一点))(?P<c>劲)(?![敌旅松草射歌爆舞梁肋])", "jìn",
          "使点儿劲, 很大的劲, 没劲, 来劲: strength, spirit, said alone (强劲, 劲敌 are jìng)"),
    _rule(r"(?P<c>空)(?=[当档]儿?)", "kòng", "空当儿, 空档: a gap"),
    _rule(r"(?<![天太高航])(?P<c>空)(?=座儿?|座位|床)", "kòng", "有个空座儿, 一张空床: vacant, not taken"),
    _rule(r"(?P<c>少)(?=点儿?|一点|些|了[一二两三四五六七八九十几半\d])", "shǎo", "少点儿, 少放一点, 号码少了一位: less, short of"),
    _rule(rf"(?<![{NOT_LONG}])(?P<c>长)(?=时间)", "cháng", "长时间: a long time (生长时间 is zhǎng)"),
    _rule(rf"(?<![{NOT_LONG}长年月天周])(?P<c>长)(?=约?[一二两三四五六七八九十百千万几半\d.]+多?(?:公里|千米|米|厘米|毫米|英里|里|尺|寸|丈|光年))",
          "cháng", "全线长三十二公里, 桥长五百米: so long (队长一米八, 一年长五厘米 are not)"),
    _rule(r"(?<![选抉])(?P<c>择)(?=干净|菜)", "zhái", "把菜叶择干净, 择菜: pick over (vegetables)"),
    _rule(r"(?:喝|吃|咽)[^。；！？烟辣味]{0,10}?(?P<c>呛)|(?P<d>呛)(?=了?[一两几]?口?[水奶])", "qiāng",
          "喝得太急，呛着了, 呛了一口水: choke on a drink (辣椒呛人, of a smell, is qiàng)"),
    _rule(r"(?P<c>没)(?=过了?(?:膝盖|脚踝|脚面|脚脖子|小腿|大腿|腰|胸口?|头顶|脖子|肩膀|车轮|轮胎|路面|桥面|堤坝|河堤))", "mò",
          "积水没过膝盖: rise above, submerge"),
    _rule(r"(?:^|(?<=[，。！？；：“」]))(?P<c>中)(?=了[！!。，？])", "zhòng", "射门！中了！: a hit (中 alone opening a clause)"),
    _rule(r"(?<=阻)(?P<c>吓)", "hè", "阻吓: deter (as 恐吓, 恫吓)"),
    _rule(r"(?P<c>削)(?=去?了?(?:官职|职务|爵位|兵权|封地|官爵|[职爵籍藩]))", "xuē", "削去官职, 削爵: strip of (an office)"),
    _rule(r"(?<=高)(?P<c>差)(?=[\d为达约仅])", "chā", "相对高差247米: a difference in height"),
    _rule(rf"{DEGREE}(?P<c>重)(?!(?<=多重)[国人性身标含意层因原影作打压任困])|(?P<d>重)(?=了|得很|得多|谢|赏|病|伤)", "zhòng",
          "degree + 重: heavy; 重谢, 重病 (多重国籍, 多重人格: multiple, chóng)", degree_first=True),
    _rule(r"(?<=[一二两三四五六七八九十百千万几])(?<![一二三四五六七八九十半来几]两)(?P<c>重)"
          r"(?![要大点视量任型工心伤病金兵罪创赏礼镇地读力度担压用])", "chóng",
          "九重天, 万重山, 几重门, 二重唱: layers, the measure word (三两重 is a weight, 一重大发现 is 重大)"),
    _rule(r"(?P<c>闷)(?=又热|热)|(?<=又)(?P<d>闷)(?=又热)", "mēn", "又闷又热, 闷热: stuffy (心里闷 is mèn)"),
    _rule(r"(?:空气|天气|屋里|屋子|房间|车里|车厢|电梯|教室|室内)里?(?:有点儿?|太|很|真|特别|好|非常)?(?P<c>闷)", "mēn",
          "空气很闷, 屋里太闷: stuffy air (心里闷 is mèn)"),
    _rule(r"(?<![计规策笔比谋区筹刻])(?P<c>划)(?=[了着过]?(?:[一两几]?[根个条只艘道]?)(?:龙舟|冲锋舟|[小木轻扁]?舟|[小木旱]?船|[竹木皮]?筏子?|桨|艇|火柴|玻璃|口子|伤口|血口子)|[破伤开]"
          r"|了?[一两几三四五]?刀)",
          "huá", "划龙舟, 划船, 划火柴, 划破, 鱼身上划几刀: row, strike, scratch, cut (计划, 划分, 划一道线 are huà)"),
    _rule(r"(?:[湖河江海水]上|[湖河江海]里)(?P<c>划)(?![分定算开拨款出归清界])", "huá", "在湖上划了一下午: row (on the water)"),
    _rule(r"把[^，。；！？把]{1,6}(?P<c>系)(?=在|到|上|好|紧|成|牢)", "jì", "把船系在木桩上: tie", needs="把"),
    _rule(r"(?<![联关体维派院心文学科理工医语])(?P<c>系)(?=在[^，。；！？]{1,8}上)", "jì", "气球系在椅子上: tied (中文系在三楼 is xì)"),
    _rule(r"(?<![开裂])(?P<c>缝)(?=[一了好上补着起]|衣|扣)", "féng", "缝一下, 缝了, 缝衣服: sew (一道缝 is fèng, a seam)"),
    _rule(r"(?P<c>削)(?=[了着好]?[一两几]?[个只根]?(?:苹果|梨|皮|铅笔|土豆|萝卜|水果))", "xiāo",
          "削苹果, 削了一个梨: pare (削弱, 削发 are xuē)"),
    _rule(r"(?<=么)(?P<c>干)(?![净燥杯脆])", "gàn", "这么干, 怎么干: do"),
    _rule(r"(?:(?<=好好|认真|努力|拼命|使劲|继续|接着|一起|亲自|埋头|实干|苦干|大胆|放手)|(?<=好好儿))(?P<c>干)(?=[，。！？；吧啊呀]|$)",
          "gàn", "我一定好好干, 接着干吧: do, work (晒干, 擦干, 很干 are gān)"),
    _rule(r"(?P<c>行)(?=[与和跟]行)|(?<=行[与和跟])(?P<d>行)", "háng", "行与行之间: lines, rows"),
    _rule(r"(?<=[我你他她])(?P<c>干)(?=还不行|就是了|就是|吧[，。！？]|[！]|$)", "gàn", "我干还不行吗, 我干就是了: do it"),
    _rule(r"(?:工作|活儿?|事儿?|作业|家务)[^，。；！？]{0,4}没(?P<c>干)(?![净燥透脆])", "gàn", "工作没干完: do (衣服没干 is gān, dry)"),
    _rule(r"比[^，。；！？长]{1,6}(?P<c>长)(?=[一二两三四五六七八九十几半\d]+(?:倍|米|公里|里|尺|厘米|毫米|英尺|码|分钟|小时|天|年|个月|周|秒)"
          r"|多了|得多|一些|一点|些)", "cháng", "这条河比那条长三倍: longer by (比我长两岁, older, is zhǎng)"),
    _rule(r"比[^，。；！？长]{1,6}(?P<c>长)(?=[一二两三四五六七八九十几半\d]+(?:岁|辈|级|届))", "zhǎng", "他比我长两岁: older by"),
    _rule(r"(?P<c>干)(?=[过了]?[这那哪]一?行)", "gàn", "干这行, 干过那一行: work in a trade"),
    _rule(r"(?P<c>干)(?=了?[这那一两三四五几半整]?[杯碗盅](?!子))|(?<=[这那一]杯[我你他她])(?P<d>干)(?=了)", "gān",
          "干了这杯酒, 干了三杯, 这杯我干了: drink up (干杯)"),
    _rule(r"(?:我|你|他|她|我们|你们|他们|她们|谁|活儿?|事儿?|工作)[也都就可还偏]?(?P<c>干)(?=[不得](?:了|完|动))", "gàn",
          "这活儿我干不了, 他干得完: do (衣服干不了 is gān, dry)"),
    _rule(r"(?:衣服|被子|裤子|头发|床单|鞋|袜子|地面|油漆|墙)[^，。；！？干]{0,4}(?P<c>干)(?=[不得](?:了|透))", "gān",
          "衣服一天干不了: dry"),
    _rule(r"(?:[我你他她谁]|[我你他她]们)[也都就可还偏]?不(?P<c>干)(?=[了。，！？」]|$)"
          r"|什么[^，。！？]{0,2}[也都]不(?P<d>干)", "gàn",
          "这活我不干, 什么都不干: do (衣服还不干 is gān, dry)"),
    _rule(r"(?P<c>粘)(?=着(?!性)|在|上|了|住|贴|好|牢|紧|起|到|成|得不?[牢住紧上])", "zhān", "粘 + 着/在/上/好, 粘得不牢: stick"),
    _rule(r"(?<=[冷冻热烫疼痛酸麻累])(?P<c>得)(?=手[都也直发冻])", "de", "冷得手都冻裂了: so cold that (得手 déshǒu is 'succeed')"),
    _rule(rf"(?<=[{HAN}])(?P<c>得)(?=手(?:洗|写|抄|缝|织|绘|工|动))", "děi",
          "衬衫得手洗, 这份表得手写: must, by hand (得手 déshǒu 'succeed' takes no 洗, 写 after it)"),
    _rule(r"(?:^|(?<=[把将的次，。！？]))面(?P<c>和)(?=[好得了成匀])", "huó",
          "把面和好, 面和得太软: knead (as CC-CEDICT's 和面; 表面和好 is hé)"),
    _rule(r"(?P<c>了)(?=不起|不得)|(?<=[可真就还得]不得)(?P<d>了)", "liǎo",
          "了不起, 了不得, 可不得了, 高兴得不得了 (挣挫不得了 is 不得 + le)"),
    _rule(r"(?<=不得)(?P<c>了)(?=了)", "liǎo", "不得了了: terrible", needs="不得了了"),
    _rule(r"(?<=不)(?P<c>应)(?![答对声])", "yīng", "不应: should not"),
    _rule(r"(?<=[国方])(?P<c>应)(?=共同|积极|及时|尽快|立即|进一步|加强|继续|采取|充分|切实|依法|认真|尊重|保持|遵守|承担|履行"
          r"|按照|根据)", "yīng", "各国应共同应对, 双方应加强: should (地方应急 is yìng)"),
    _rule(r"(?<=发生|所在|出事|着火|起火|停放|交汇|相交|接合|结合|连接)(?P<c>处)(?!理|置|分|罚|于|在|事|世|境|方)", "chù",
          "事故发生处, 两河交汇处: the place where (处理, 处于 are chǔ)"),
    _rule(r"(?P<c>为)(?=近年来|近年|历年|历史上|史上|有史以来|同期)", "wéi", "损失为近年来最大: is (the copula)"),
    _rule(rf"(?:{PRONOUN}|[们都也就还更亦均])(?P<c>应)(?=[{HAN}])(?![{ANSWERED}我你您他她它么的])", "yīng",
          "subject + 应 + verb: should (应邀, 应付, 应了一声, 应道 answer: yìng)"),
    _rule(r"(?<![答响反适对相效感呼供报照回接顺策必])(?P<c>应)(?=由|是|在|以|于|将|予|属|追溯|按照?|依法|依照|依据|及时|立即|尽快|尽早"
          r"|注意|加强|采取|保持|严格|充分|积极|进一步|根据|从|向|把|给|作为|看到|认识到|包括|具有|具备|符合|满足|遵守|遵循|视为)",
          "yīng", "应由, 应是, 应在, 应追溯至: should (a modal before a preposition or verb)"),
    _rule(rf"(?<![心内肝肾五器脾肺])(?P<c>脏)(?=衣|东西|水|话|了|兮|[盘碗杯鞋袜手脸])|{DEGREE}(?P<d>脏)", "zāng",
          "dirty (心脏 is zàng)"),
    _rule(r"(?P<c>汗)(?=[水珠流毛衫颜津])|(?<=[出流冒满身一把大虚盗冷热])(?P<d>汗)(?![国王庭位])", "hàn",
          "sweat (after a name, 汗 is a khan: hán)"),
    _rule(r"(?<=一)(?P<c>哄)(?=而[上散起入来去])", "hòng", "一哄而上, 一哄而散: in a rush (as CC-CEDICT's 一哄而散)"),
    _rule(r"(?P<c>哄)(?=[的地]一声)", "hōng", "哄的一声: with a roar of voices"),
    _rule(rf"(?<!起)(?P<c>哄)(?={PRONOUN}|孩子|小孩|骗|睡|了|著|着|得|到|将)", "hǒng", "哄 + person: coax, fool"),
    _rule(rf"把{PRONOUN}(?P<c>哄)|(?<![起一])(?P<d>哄)(?=[出回进上下过]?[来去]|走|好|开心|高兴|住)", "hǒng",
          "把她哄出去, 哄走, 哄好: coax (起哄, 一哄而散 are hòng)"),
    _rule(r"(?P<c>挑)(?=[^，。！？]{0,6}毛病|刺|选|食|一|个|了[一两三几个])", "tiāo", "挑 + fault/choice: pick"),
    _rule(r"(?<![单一])(?P<c>挑)(?=了?[，。！？；吧吗呀啊]|$|来挑去|一?挑)|(?<=挑一)(?P<d>挑)", "tiāo",
          "别挑了, 你自己挑, 随便挑吧, 挑一挑: choose, alone at a clause's end or doubled (挑拨, 挑战, 单挑, 剑尖一挑 are tiǎo)"),
    _rule(r"(?P<c>差)(?=事|使)", "chāi", "差事: errand"),
    _rule(r"(?:(?<=质量|成绩|水平|条件|效果|信号|态度|视力|听力|身体|记性|脾气|服务|环境|性能|口碑|手艺|素质|基础|体质|卫生|治安|能力"
          r"|隔音|音质|画质|网速|品质|口感|路况|运气|人缘|胃口|睡眠)"
          r"|(?<=记忆力))(?P<c>差)(?![别异距错额价值])", "chà", "质量差, 信号差, 睡眠质量差的人: poor (差别, 差异 are chā)"),
    _rule(r"(?<=[\u3400-\u9fff」』”’])(?P<c>哩)(?=[，。！？；」”』﹔,.!?;]|$)", "li", "哩 ending a clause: particle"),
    _rule(r"(?<=[耍婆股])(?P<c>子)", "zi", "耍子, 婆子, 一股子: suffix, neutral tone"),
    _rule(r"(?<=[忍不难割])(?P<c>舍)|(?<![宿校房农茅寒客馆精邻学村])(?P<d>舍)(?=了|死|命|身|弃|[药粥饭钱米衣])", "shě",
          "不舍, 舍了, 舍命, 舍药给穷人: give up, give away"),
    _rule(r"(?P<c>卷)(?=[去起走住来了])", "juǎn", "卷 + direction: roll up"),
    _rule(r"把[^，。；！？把]{1,6}一(?P<c>卷)(?=[，。！？；]|就)", "juǎn", "把袖子一卷，…: with a roll (买了一卷 is juàn)", needs="把"),
    _rule(r"(?<=[藤瓜纠])(?P<c>葛)|(?P<d>葛)(?=藤|籐|布|根)", "gé", "藤葛, 葛藤: the plant"),
    _rule(r"(?P<c>抡)(?=[起着著了开圆动刀棒拳锤斧])", "lūn", "抡 + what is swung: swing"),
    _rule(r"(?<=[既承])(?P<c>蒙)|(?P<d>蒙)(?=了?[父母师恩圣佛菩福])", "méng", "承蒙, 蒙了恩…: receive"),
    _rule(r"(?<![搞弄发打])(?P<c>蒙)(?=[住上着在])", "méng", "蒙住, 蒙上: cover (搞蒙了 is mēng)"),
    _rule(r"(?<=[孽牲])(?P<c>畜)|(?P<d>畜)(?=生|牲)", "chù", "畜生: beast"),
    _rule(r"(?<=[卸衣金王花鸡桂])(?P<c>冠)", "guān", "a crown, a cap"),
    _rule(r"(?P<c>挨)(?=[墙着近家个门户次肩])", "āi", "挨 + place: next to, one by one (挨肩, shoulder to shoulder)"),
    _rule(rf"(?<![{DISASTER}])(?P<c>难)(?=[到以免])", "nán", "难以, 难免: hard to (逃难到南方 is nàn)"),
    _rule(r"(?P<c>差)(?=[往人遣])|(?<![还只就])(?P<d>差)(?=(?:你|他|她|我|一个|[两几]个)[^，。；！？差]{0,6}[来去])", "chāi",
          "差人, 差往, 差你去: send (还差一个 is lacking: chà)"),
    _rule(r"(?<=[说做算路])(?P<c>差)(?=了)", "chà", "说差了, 把路差了: wrong"),
    _rule(r"(?P<c>耶)(?=[，。！？」”』,.!?])", "yé", "耶 ending a clause: particle"),
    _rule(r"把[^，。；！？把]{1,8}(?P<c>和)(?=在一起|匀)", "huò", "把水泥和沙子和在一起: mix"),
    _rule(r"暖(?P<c>和)", "huo", "暖和: neutral tone"),
    _rule(r"(?:别|不要|小心|当心|免得|省得|怕)[^，。；！？]{0,3}?(?<=[摔冻烫吓累饿噎碰撞伤凉冷气磕硌淋])(?P<c>着)"
          r"(?=[，。！？；了]|$|[你我他她]|孩子|宝宝|人)", "zháo", "别摔着, 小心烫着, 别吓着孩子: be hurt by (别站着 is zhe)"),
    _rule(rf"(?:别|不要|小心|当心|免得|省得|怕)[^，。；！？]{{0,3}}?(?<=[摔烫碰撞磕硌砸])(?P<c>着)(?=[{HAN}])(?![急想])", "zháo",
          "别磕着墙, 小心烫着手: hit against, be hurt on (a thing)"),
    _rule(r"(?<=不)(?P<c>着)(?![想落陆装手色墨眼边])|(?<=[睡找买够用见管摸猜碰赶]得)(?P<d>着)", "zháo",
          "找不着, 睡不着, 睡得着: reach, succeed"),
    _rule(r"(?<=没[找猜买借抓逮碰遇睡捞摸够])(?P<c>着)|(?<=没有[找猜买借抓逮碰遇睡捞摸够])(?P<d>着)", "zháo",
          "没找着, 没睡着: did not succeed (找着 zhǎozháo 'to find')"),
    _rule(r"(?<=[才就也]找)(?P<c>着)|(?<=找)(?P<d>着)(?=了|[。！？]|$|[^，。！？着]{1,4}了(?:[。！？，吗呢吧没]|$))", "zháo",
          "才找着, 找着了, 找着他了: found"),
    _rule(r"(?:发生了?|起了|有过|闹了)口(?P<c>角)|口(?P<d>角)(?=之争)", "jué", "发生口角: a quarrel (口角流涎 is jiǎo, the mouth's corner)"),
    _rule(r"(?P<c>倒)(?=着[拿走放挂写念读看开贴插戴])", "dào", "倒着拿, 倒着走: upside down, backwards"),
    _rule(r"(?:被[人他她我你]|(?<=别)|(?<=[别你他]想)|(?<=敢))(?P<c>蒙)(?=了[，。！？]|[我你他她人]|$)", "mēng",
          "被人蒙了, 别蒙我, 你别想蒙我: deceive (承蒙, 蒙他 'receive his kindness' are méng)"),
    _rule(rf"(?<=[{HAN}])(?<![接跟随沿顺忙本为])(?P<c>着)(?=了)", "zháo",
          "找着了, 吓着了: reach, succeed (the aspect's 着 takes no 了)", needs="着了"),
    _rule(r"(?<![各这那哪一几多某两每三四五六七八九十百千万此本品物该变杂兵语])(?P<c>种)"
          r"(?=(?:一?点儿?|一?些)?(?:[花树地菜田草瓜豆麦稻果茶竹苗粮棉麻]|水稻|玉米|红薯|地瓜|番薯|花生|高粱|谷子|甘蔗|芝麻|烟叶|土豆|蔬菜|庄稼|粮食|葡萄|西红柿|白菜|萝卜|辣椒|玫瑰))",
          "zhòng", "种 + a crop: plant (种点儿花; 人种水稻 too: 人种 'race' takes no crop)"),
    _rule(r"(?<=退[田耕牧渔])(?P<c>还)(?=[湖林草田海耕牧])", "huán", "退田还湖, 退耕还林: give back (the land)"),
    _rule(r"(?:(?<!其)(?<=[我你他她们咱])|(?<=自己|亲手|亲自))(?P<c>种)(?=的)", "zhòng",
          "他种的西瓜, 我们种的树, 您自己种的: planted by someone (这种的 is a kind)"),
    _rule(r"(?<=[这那哪每一两几半])(?P<c>场)(?=[大小暴急透]?(?:雨|雪|风|冰雹|霜|病|灾|洪水|洪灾|水灾|旱灾|火灾|灾难|浩劫|瘟疫|地震|虚惊|大战|战争))", "cháng",
          "这场雨, 一场大病, 这场洪灾, 一场大战: a spell of weather, a bout of illness, an event's course, as 现代汉语词典 "
          "and CC-CEDICT have it (一场球赛, 一场电影 are chǎng)"),
    _rule(r"(?:(?<=[瓜豆薯秧])|(?=蔓儿))(?P<c>蔓)(?![延生])|(?<=的)(?P<d>蔓)(?![延生菁草荆藤])", "wàn",
          "瓜蔓, 黄瓜的蔓: a vine (蔓延 is màn)"),
    _rule(r"(?<=[粮米谷])(?P<c>囤)|(?P<d>囤)(?=里|子|儿|尖)", "dùn", "粮囤, 囤里: a grain bin (囤积 is tún)"),
    _rule(r"(?<![各这那哪一几多某两每三四五六七八九十百千万此本品物人该变杂兵语])(?P<c>种)(?=了|着|过|满|下了)", "zhòng",
          "种了, 种满: plant (这种, 一种 are kinds)"),
    _rule(r"(?<![这那哪一二两三四五六七八九十几各某每多些此该同其本品物人有变兵语工特剧树火良杂稻麦菜])(?P<c>种)(?=在(?![这那哪]))",
          "zhòng", "水稻种在水田里: planted in (这种在, 物种在 are kinds)"),
    _rule(r"(?<=多)(?P<c>种)(?=了(?:[一二两三四五六七八九十百千几半\d]|好几|不少))", "zhòng",
          "多种了两亩: planted more (多种 'many kinds' is not followed by 了 and a number)"),
    _rule(r"(?<![里\d０-９号路巷家])(?P<c>弄)(?!堂|\d|社区)", "nòng", "弄: do, make (lòng only for an alley: 弄堂, 里弄, 596弄, 王家弄)"),
    _rule(rf"(?:{DEGREE}|[变])(?P<c>差)(?![错池异别距额])", "chà", "degree + 差: poor (有些差错, 差池 are chā)", degree_first=True),
    _rule(r"(?P<c>拧)(?=干|毛巾|衣服)", "níng", "拧 a cloth: wring"),
    _rule(r"(?:很|太|真|挺|特别|非常|脾气|性子|倍儿)(?P<c>拧)(?![开紧上下干成着一了])", "nìng", "脾气很拧: stubborn"),
    _rule(r"(?:很|太|真|挺|特别|非常|倍儿|贼)(?P<c>溜)(?![走出进达冰])", "liù", "说得倍儿溜, 很溜: fluent, smooth"),
    _rule(r"(?<=[麦草柴稻秸粮砖])(?P<c>垛)|(?<![城门])(?P<d>垛)(?=[得起成好]|了?[一几]?[个]?[垛堆])", "duò",
          "麦垛, 草垛, 垛得整齐: a stack, to stack (城垛, 门垛 are duǒ)"),
    _rule(r"(?P<c>拉)(?=了?[一两几]?[道条个]口子|破了?[手皮])", "lá", "拉了一道口子: cut, slit"),
    _rule(r"(?<=[碑上下])(?P<c>拓)(?=了?[一两几]?[张份]?[字碑帖片本])|(?P<d>拓)(?=碑|下来)", "tà",
          "碑上拓一张字, 拓碑: take a rubbing (开拓 is tuò)"),
    _rule(r"(?<=[一两几半小])(?P<c>撮)(?![^，。；！？]{0,2}(?:毛|胡|发|须|鬃|鬓|辫|羽|头发))", "cuō",
          "一撮盐, 一小撮人: a pinch, a handful (一撮胡子 is zuǒ)"),
    _rule(r"(?P<c>逮)(?=[住着到了]|个正着)", "dǎi", "逮住, 逮着: catch (逮捕 is dài)"),
    _rule(r"(?P<c>澄)(?=[一了着](?!清))", "dèng", "把水澄一会儿: let settle (澄清 is chéng)"),
    _rule(r"(?P<c>勒)(?=住?了?(?:马|缰|坐骑))", "lè", "勒马, 勒住马: rein in"),
    _rule(r"(?P<c>勒)(?=得|[紧死疼])", "lēi", "勒得太紧, 勒紧: tie tight (勒令, 勒索 are lè)"),
    _rule(r"(?P<c>扒)(?![开着下拉住])(?=了?[^，。；！？]{0,3}(?:钱包|口袋|手机|皮夹|钱))", "pá", "扒钱包: pick a pocket"),
    _rule(r"(?P<c>扒)(?=[着住在](?![饭粮])|开(?![锁])|上(?=[墙窗门车船]))", "bā", "扒着窗台, 扒住, 扒开: hold on to, push aside"),
    _rule(rf"(?<![{KNOCK_DOWN}])(?P<c>倒)(?=进|入|出|满|掉|水|酒|茶|咖啡|了?[一两半几]?[杯碗壶瓶盆桶]|点儿?(?:水|茶|酒|油|醋|酱油|咖啡|牛奶|果汁))"
          r"|[把将][^，。；！？把将]{0,6}[水酒油茶汤奶汁][^，。；！？把将]{0,3}?(?P<d>倒)(?=[在进入到掉了])", "dào",
          "倒 + liquid, direction or a vessel's measure, 倒点儿茶, 把水倒在: pour"),
    _rule(r"好(?P<c>处)(?!理|置|分|罚)", "chu", "好处: neutral tone"),
    _rule(r"[这那哪各]一(?P<c>行)(?=[的里中业当干工，。！？]|$)|(?:(?<=[干入])|(?<=做)(?=[这那]))(?:这|那)?一?(?P<d>行)(?![动为走程驶李人礼事者脚])", "háng",
          "这一行, 干这行: a trade"),
    _rule(r"(?P<c>看)(?=着点儿?)", "kān", "你看着点儿锅: keep an eye on"),
    _rule(r"(?P<c>看)(?=瓜地|瓜田|瓜棚|果园|菜园|仓库|库房|摊子|摊儿)", "kān", "去看瓜地, 看仓库: guard"),
    _rule(r"(?P<c>看)(?=孩子|小孩|门|家|守|管|护)"
          r"|(?<=[帮替][我你他她])(?P<d>看)(?=着|(?:一下|一会儿?)(?:孩子|小孩|门|家|行李|东西|包))", "kān",
          "看 + what is watched over, 帮我看着: look after"),
    _rule(r"(?<=圈地)(?P<c>转)|(?<=[绕兜打]圈)(?P<d>转)", "zhuàn", "一圈一圈地转, 绕圈转: go round"),
    _rule(r"(?P<c>转)(?=[不得]动)", "zhuàn", "门把手转不动, 轮子转得动: turn round"),
    _rule(r"(?:电扇|风扇|轮子|车轮|马达|电机|风车|陀螺|螺旋桨|齿轮|磨盘|硬盘|光盘|洗衣机)[^，。；！？转]{0,3}(?P<c>转)"
          r"(?![身头弯向换变让交告达账发载移])", "zhuàn", "电扇不转了, 轮子飞快地转: spin (a machine's wheel)"),
    _rule(r"(?:门|窗户?|窗子|房子|房间|楼|阳台|床头|屋子?|大楼)[^，。；！？]{0,2}?(?P<c>冲)(?=着|[东南西北](?![^，。；！？]{0,3}[跑去走]))",
          "chòng", "大门冲着马路, 窗户冲南: facing"),
    _rule(r"(?P<c>给)(?=排水)", "jǐ", "给排水: water supply and drainage"),
    _rule(r"(?P<c>转)(?=得很|[一两几半]?圈|个不停|着圈|了?[一二两三四五六七八九十几好数半]+个?[圈周])", "zhuàn",
          "转 + 圈/得很: spin (转一圈, 转了三圈)"),
    _rule(r"(?P<c>转)(?=了?(?:一|半|大半|好半|整整一)(?:天|会儿|下午|上午|晚上|整天))", "zhuàn",
          "在城里转了一天, 转一会儿: stroll about, for a while"),
    _rule(r"(?<=[在着])(?P<c>转)(?=[，。；！？,.;!?]|$)", "zhuàn", "在转, 转着 at a clause's end: turn round"),
    _rule(r"[绕围][^，。；！？]{1,8}(?P<c>转)(?=动?(?:[的了，。；！？,.;!?]|$))", "zhuàn",
          "绕着太阳转, 围着你转, 绕着太阳转动: revolve around (CC-CEDICT's 转动 is zhuǎndòng and zhuàndòng)"),
    _rule(r"把[^，。；！？把]{1,6}(?P<c>落)(?=在|下了)", "là", "把 A 落在: leave behind", needs="把"),
    _rule(r"(?<=别)(?P<c>落)(?=在(?![地水头身脸河海湖])|下)", "là", "东西别落在车上, 别落下: leave behind, fall behind"),
    _rule(r"(?:手机|钥匙|钱包|雨伞|伞|书包|包|帽子|手套|眼镜|外套|作业本|笔记本|练习本|作业|本子|课本|充电器|证件|身份证|护照)(?:好像|可能|大概|肯定|又|也|都|是不是)?(?P<c>落)(?=在|到)"
          r"|(?P<d>落)(?=下(?:我|你|他|她|我们|你们|他们|谁)(?![^，。；！？]{0,4}[来去]))", "là",
          "手机落在车上, 别落下我: left behind, left out (树叶落在地上 is luò)"),
    _rule(r"(?P<c>落)(?=在[^，。；！？]{0,6}(?:后面|后头|后边))", "là", "落在别人后面: fall behind"),
    _rule(r"(?P<c>落)(?=下了?(?:一大截|一截|好远|很远|很多课|不少课|功课|课))|(?P<d>落)(?=了?[一几好]?[大]?截)", "là",
          "落下了一大截, 落下功课: fall behind"),
    _rule(r"(?:坐|乘|搭)(?:船|车|飞机|汽车)[^，。；！？]{0,3}(?P<c>晕)(?!倒|过去|了过去)", "yùn", "一坐船就晕: motion sickness (打晕 is yūn)"),
    _rule(r"(?<=之心)(?P<c>度)(?=君子)", "duó", "以小人之心度君子之腹: to gauge"),
    _rule(r"(?:辣椒|西红柿|番茄|黄瓜|茄子|丝瓜|南瓜|冬瓜|豆角|果树|苹果树|桃树|梨树|枣树|葡萄|草莓)[^，。；！？结]{0,3}?(?P<c>结)"
          r"(?=了|得|满|出|[一二两三四五六七八九十几好很多不]|果)", "jiē", "辣椒结了好多, 桃树结得多: bear (fruit)"),
    _rule(r"(?P<c>结)(?=[了满出着]?的?(?:很多|许多|一些|不少|满|一树)?(?:果子|果实|果儿|瓜|籽|桃|苹果|葡萄|枣|梨|杏|柿子|橘子|石榴|荔枝|李子))", "jiē",
          "结 + fruit: bear fruit (结果 alone is jiéguǒ, a result)"),
    _rule(rf"{DEGREE}(?P<c>冲)(?![动突击锋刺浪洗])", "chòng", "很冲: blunt, strong (冲动 is chōngdòng)", degree_first=True),
    _rule(r"(?:说话|脾气|口气|语气|态度)(?P<c>冲)(?=[得，。！？；]|$)", "chòng", "他说话冲得很: blunt"),
    _rule(rf"(?P<c>冲)(?=着?{PRONOUN}|{TOWARDS_THEN_ACT})", "chòng", "冲我笑, 冲着他, 冲着门口大喊: towards someone, something"),
    _rule(r"(?<![很太真挺更最好越够慎沉严贵尊隆郑注看保稳庄繁珍侧偏着比体并加厚笨器敬自轻超过凝深负])(?P<c>重)(?=[说写做读画抄考填印拍录算装](?!量|要|视|点|大|心))", "chóng",
          "重说, 重写一遍: again (很重 is zhòng)"),
    _rule(r"(?<![好坏益长短用到此各住办去难妙惊别深远近出四相])(?P<c>处)(?=得(?:很|不|好|来|挺|非常|特别|还|[一二]般|怎么|怎样|如何))", "chǔ",
          "处得很好: get along (好处, 到处 keep their 处)"),
    _rule(r"(?:(?<=橡皮|软木)|(?<=[瓶胶]))(?P<c>塞)", "sāi", "橡皮塞, 瓶塞: a stopper"),
    _rule(r"(?<=[缝洞口孔眼耳朵])(?P<c>塞)(?=上|住)", "sāi", "把门缝塞上, 耳朵塞住: stop up (塞上, the frontier, is sài)"),
    _rule(r"(?<![堵阻闭搪茅边要])(?P<c>塞)(?=进|满|到|给|住|在|入|了|着|紧|得|红包|钱|[不得](?:进|满|下|住|上))", "sāi",
          "塞 + where to, 塞不进去: stuff, squeeze in"),
    _rule(rf"(?<=[{HAN}]性)(?P<c>地)(?=[{HAN}])(?![区带图球面质层貌形理位方主震下上毯址点段铁域势])", "de",
          "X性地 + verb: adverbial (创造性地)"),
    _rule(r"(?P<c>帖)(?=木[儿尔]|里帖木)", "tiē", "帖木儿: Timur, and Mongol names after him"),
    _rule(r"《[^》]{0,12}(?P<c>帖)》", "tiè", "a calligraphy model in a title (《平复帖》)"),
    _rule(r"(?P<c>呵)(?=叻)", "hē", "呵叻: Khorat, Thailand"),
    _rule(r"(?P<c>曲)(?=奇)", "qū", "曲奇: cookie"),
    _rule(r"(?P<c>倒)(?=竖)", "dào", "倒竖: stand on end"),
    _rule(r"(?P<c>倒)(?=在)", "dǎo", "倒在地上, 倒在旷野: fall (把水倒在 is dào, above)"),
    _rule(r"(?P<c>当)(?=[作成写建生卒葬]于)", "dāng", "此诗当作于晚年: should have been (当作 dàngzuò 'treat as' takes no 于)"),
    _rule(rf"{PRONOUN}(?P<c>当)(?={PRONOUN}是)", "dàng", "我当他是: take him for", needs="是"),
    _rule(rf"(?:{PRONOUN}|(?<=[还只就都]))(?P<c>当)(?={PRONOUN}(?:早就?|已经|还|不|没|忘|要|会)(?!面))", "dàng",
          "我当你早就知道了, 他当我不知道: think, wrongly"),
    _rule(r"把[^，。；！？把]{1,6}(?<![停妥适恰相正应])(?P<c>当)(?=[成作做]|[^时中初然前面年选心家天场兵班权官政])", "dàng",
          "把 A 当 B: take A for B", needs="把"),
    _rule(r"(?:(?<=[葵麻乌鸭])|(?<=[鲗沙]鱼))(?P<c>涌)(?![现入出动起来上进向去至流])", "chōng",
          "涌 in Cantonese place names (葵涌, 麻涌, 鲗鱼涌): a creek"),
    _rule(r"(?<=[月阏])(?P<c>氏)", "zhī", "大月氏, 阏氏: a people, a Xiongnu queen"),
    _rule(r"(?<=笑大)(?P<c>方)", "fāng", "见笑大方, 贻笑大方: to experts"),
    _rule(r"(?<=河)(?P<c>涌)(?![现入出动起来上进向去至])", "chōng", "河涌: a creek (in Guangdong)"),
    _rule(r"(?:任命|聘|擢升|晋升|升|推举|尊|奉|拜)(?P<c>为)(?![了着过他她它我你您人何什此止])", "wéi", "任命为, 晋升为: as"),
    _rule(r"(?P<c>会)(?=稽)", "kuài", "会稽: the old name of Shaoxing"),
    _rule(r"(?<=山|布)(?P<c>泊)", "pō", "梁山泊, 罗布泊: a lake"),
    _rule(r"(?<![湖山布血])(?P<c>泊)(?=[在于着了]|[岸港船]|地|位)", "bó", "船泊在岸边, 泊船: moor (湖泊 is pō)"),
    _rule(r"(?<=[一二两三四五六七八九十百千万几每])(?P<c>石)(?=[米粮谷麦粟]|等于)", "dàn", "一石米: a measure of grain"),
    _rule(r"(?<=[均原贬召讹即乃皆亦本实])(?P<c>为)(?![了着过他她它我你您人])", "wéi", "均为, 原为, 即为: is, as"),
    _rule(r"(?<!因)(?P<c>为)(?![了何什])(?=[^，。；！？为]{1,20}之一)", "wéi", "为…之一: is one of"),
    _rule(r"(?<!因)(?P<c>为)(?![了何什])(?=[^，。；！？为]{1,14}[科属][^，。；！？为]{0,14}(?:植物|动物|物种|种|生物)"
          r"|[^，。；！？为保救护养]{1,14}(?:植物|动物|生物)(?:[，。；]|$))", "wéi",
          "为…科…属的植物, 为多年生草本植物: is (a species, a living thing)"),
    _rule(r"(?<=[一几多两某此各每])(?P<c>处)(?![理置分罚在于境事决])", "chù", "一处, 各处: a place"),
    _rule(r"(?<!狼)(?P<c>藉)(?=此|以|由|着|口|于)", "jiè", "藉此, 藉由, 藉口: by means of, as 借 (狼藉 is jí)"),
    _rule(r"(?<=紧)(?P<c>挨)", "āi", "紧挨: right next to"),
    _rule(r"(?P<c>撒)(?=[在上满下入]|了?一地|得(?:满地|到处|一地))(?![^，。]{0,4}[尿溺])", "sǎ", "撒 + place: scatter (撒尿 is sā)"),
    _rule(r"(?:汤|水|粥|茶|酒|奶|油|饭|米|面|豆子|种子|汁|药)[^，。；！？]{0,2}?(?P<c>撒)(?=[了在到出得一满])", "sǎ",
          "别把汤撒了, 水撒了一地: spill (撒手, 撒娇 are sā)"),
    _rule(r"(?P<c>撒)(?=了?(?:[一些点把层儿]{1,3})?(?:种|盐|糖|花瓣|米|面粉|粉|胡椒|芝麻|土|沙子|药粉|葱花|香菜|孜然|花椒|辣椒|化肥|肥料))"
          r"|(?:盐|糖|化肥|肥料|种子|胡椒|葱花)[^，。；！？撒]{0,2}(?P<d>撒)(?=[多少太点些匀])", "sǎ",
          "撒种子, 撒盐, 化肥别撒太多: sprinkle, sow (撒网, 撒谎, 撒手 are sā)"),
    _rule(r"(?P<c>剥)(?=[了着开下掉好]?(?:[一两几]?[个根颗块])?(?:香蕉|橘子|桔子|花生|鸡蛋|蛋壳|皮|玉米|豆|葱|蒜|瓜子|栗子|核桃|糖纸|洋葱))",
          "bāo", "剥香蕉, 剥皮: peel (剥削, 剥夺 are bō)"),
    _rule(r"(?P<c>剥)(?=了|开|下来|下皮|掉|干净)", "bāo",
          "把皮剥了, 剥了衣服: peel, strip, the verb used alone (剥削, 剥落 are bō)"),
    _rule(r"(?<![刻克开盘斑辟毕活])(?P<c>剥)(?![削啄夺采落蚀离茧脱除剥])(?=[\u4e00-\u9fff])", "bāo",
          "剥莲蓬, 剥衣裳: the verb before what it peels or strips is bāo, as 现代汉语词典 gives it used alone "
          "(剥削, 剥夺, 剥落, 剥离, 盘剥 are bō)"),
    _rule(r"(?P<c>扎)(?=[了着起好]?(?:[一两几]?[条根个])?(?:辫子|小辫|头发|马尾|蝴蝶结|钢筋|腰带|皮带|绑腿|稻草人|草人|花圈|灯笼|风筝|扫帚|笤帚))|(?<=头发|辫子)(?P<d>扎)(?=[了着起好成在])",
          "zā", "扎辫子, 把头发扎起来, 扎钢筋, 扎腰带: tie (扎针 is zhā)"),
    _rule(r"(?P<c>扇)(?=风|凉|[了着][^，。；！？]{0,3}(?:风|耳光|巴掌)|[了着]?扇子|个不停|[了着]?[一两几]下)|(?<=[地着不停])(?P<d>扇)(?=[，。；！？]|$)", "shān",
          "扇风, 不停地扇, 扇扇子: to fan (扇子, 一扇门 are shàn)"),
    _rule(r"(?<=扇)(?P<c>扇)(?=子)", "shàn", "扇扇子: a fan, fanned"),
    _rule(r"(?P<c>扇)(?=了?(?:我|你|他|她|我们|你们|他们|自己|对方)?(?:一|两|几)?个?(?:耳光|嘴巴|巴掌))", "shān",
          "扇他一个耳光: slap"),
    _rule(r"(?<![一两几这那每门窗])(?P<c>扇)(?=[着动]翅膀|着[^，。；！？]{0,2}翅膀|动[着了])", "shān", "扇着翅膀: flap"),
    _rule(r"(?P<c>猫)(?=着?腰)", "máo", "猫着腰: stoop"),
    _rule(r"(?P<c>转)(?=得[^，。；！？]{0,2}(?:晕|快|慢)|晕|迷糊)", "zhuàn", "转得晕头转向, 转得飞快, 转晕了: spin"),
    _rule(r"(?<=的)(?P<c>角)(?![色逐斗儿])", "jiǎo", "鹿的角, 桌子的角: a horn, a corner (主角, 角色 are jué)"),
    _rule(r"(?<=[瓶罐盒器碗盘桶缸箱袋杯锅壶坛篮筐])(?P<c>盛)(?=放|装|着|满)", "chéng",
          "用瓶盛放, 用碗盛着: hold in a container (鲜花盛放 is shèng)"),
    _rule(r"(?<=[能可])(?P<c>盛)(?=[\d一二两三四五六七八九十几百千半]+多?(?:[升斗碗杯桶盆锅吨斤]|公[升斤]|毫升|千克))", "chéng", "能盛五十升水: hold (an amount)"),
    _rule(r"(?P<c>盛)(?=[饭米汤菜粥酒]|水(?!期)|[不得]下|了?[一两几半三四五六七八九十]{0,2}[大小满]?[碗盆勺盘杯锅桶缸])", "chéng",
          "盛饭, 盛一碗: fill a bowl"),
    _rule(r"(?P<c>弹)(?=片|壳|孔|坑)", "dàn", "弹片, 弹孔: of a projectile"),
    _rule(r"(?P<c>量)(?=取)", "liáng", "量取十毫升: measure out"),
    _rule(r"(?<=打)(?P<c>着)(?=了?火(?![把炬光苗焰堆]))", "zháo", "打着火: get the engine, the lighter going (打着火把 is zhe)"),
    _rule(r"(?<=[车船]就)(?P<c>晕)", "yùn", "一坐车就晕: travel sickness"),
    _rule(r"(?<=[一两几]辆)(?P<c>的)(?=[，。！？；]|$|回|去|到)", "dī", "打了一辆的回家: a taxi"),
    _rule(r"(?<=越)(?P<c>转)(?=越)", "zhuàn", "越转越快: spin"),
    _rule(r"(?<!的穿)(?<=穿)(?P<c>着)(?=很|挺|真|太|还挺|特别|非常|有点|不太|舒服|合适|暖和|凉快)", "zhe",
          "这件外套穿着很舒服: how it is to wear (他的穿着很朴素, attire, is zhuó)"),
    _rule(r"把[^，。；！？把]{1,6}(?P<c>和)(?=在[^，。；！？]{1,4}里|进)", "huò", "把药粉和在水里: mix in", needs="把"),
    _rule(r"(?P<c>拓)(?=片|本|下)|(?<=碑)(?P<d>拓)", "tà", "拓下, 拓片, 碑拓: a rubbing (开拓, 拓展 are tuò)"),
    _rule(r"(?<=[篾绳藤])(?P<c>扎)(?![针营根实])|用(?:纱布|绷带|布条|绳子|带子|皮筋)[^，。；！？扎]{0,8}(?P<d>扎)(?![针营根实啤])", "zā",
          "用竹篾扎了一个骨架, 用绷带把胳膊扎好: bind"),
    _rule(r"(?P<c>和)(?=着[^，。；！？]{0,2}唱)", "hè", "在旁边和着唱: sing along"),
    _rule(r"(?P<c>重)(?=[来做写画弹唱读说演拍]一?遍|来[，。！？；]|来吧)", "chóng", "重来一遍, 重来吧: again"),
    *(_rule(pattern.format(c=character), reading, f"{character}了{character}, {character}一{character}: the verb, {reading}")
      for character, reading in DOUBLED_VERB_READINGS.items()
      for pattern in (r"(?P<c>{c})(?=了一?{c}|一{c})" if character not in DOUBLED_ALONE else r"(?P<c>{c})(?=了?一?{c})",
                      r"(?<={c}[了一])(?P<c>{c})|(?<={c}了一)(?P<d>{c})")),
    _rule(r"(?<=[一二两三四五六七八九十几\d])(?P<c>行)(?=[一二两三四五六七八九十几\d]+列)", "háng", "三行四列, 五行三列: rows (of a table, a matrix)"),
    _rule(r"(?<=[水氧氢氮氯碳硫钠铁])(?P<c>分)(?=子)", "fēn", "水分子, 氧分子: a molecule (水分 + 子 is how pypinyin cuts it)"),
    _rule(r"(?<=式)(?P<c>为)(?=\s*[A-Za-z0-9])", "wéi", "化学式为 NaCl, 公式为 E=mc²: is"),
    _rule(r"(?<![正恰刚只还最])(?P<c>好)(?=发(?:于|部位|年龄|季节|人群))", "hào", "好发于, 好发部位: prone to (of an illness)"),
    _rule(r"(?<![这那哪各每一两二三几某本此该同多新])(?P<c>种)(?=[了过上完]?(?:疫苗|牛痘|痘苗|卡介苗))", "zhòng", "种疫苗, 种牛痘: vaccinate"),
    _rule(r"(?<![子炮导枪氢核原飞榴炸霰流])(?P<c>弹)(?=掉|了弹|一弹|了?一下|开(?!花))", "tán",
          "弹掉烟灰, 弹了弹, 弹开: flick, spring (子弹, 炮弹 are dàn)"),
    _rule(r"(?P<c>扎)(?=紧|成[一两几]?[捆束把])", "zā", "扎紧口袋, 扎成一捆: tie, bind (扎针, 扎营 are zhā)"),
    _rule(r"(?<![子炮导枪氢核原飞榴炸霰流])(?P<c>弹)(?=[^，。；！？]{1,6}(?:钢琴|吉他|琵琶|古筝))", "tán", "弹一个小时钢琴: play"),
    _rule(r"(?:钢琴|吉他|琴|琵琶|古筝)上?(?P<c>弹)(?!簧|性|力|片|壳|孔|药)", "tán", "在钢琴上弹了一首曲子: play"),
    _rule(r"(?P<c>弹)(?=了?(?:吉他|钢琴|琴|琵琶|古筝|曲子|[一几]首|一曲))|(?<=[在正始会想要])(?P<d>弹)(?=[，。；！？,.;!?]|$)",
          "tán", "弹 + instrument, 开始弹: play (子弹 is dàn)"),
    _rule(r"(?<![一亲密关迫急恳贴深确真热痛悲凄殷])(?P<c>切)(?=[菜肉成碎片块丝好下开]|了|一下|一刀|[两几]半|苹果|西瓜|蛋糕|面包|土豆|洋葱"
          r"|[一两几半][斤块片根个盘段截])",
          "qiē", "切 + food, 切成, 切一斤: cut (一切, 亲切, 切记 are qiè)"),
    _rule(r"(?<![这那哪一二两三四五六七八九十几各某每多些此该同其本品物人有变兵语工特剧树])(?P<c>种)"
          r"(?=[了着过满上下]|[树花草瓜豆稻麦]|蔬菜|庄稼|粮食|[苹橙番蕃西土玉棉茶竹葡桃梨][果子茄瓜豆米花叶树萄])",
          "zhòng", "种 + plant: grow (这种花, 一种树 are the classifier zhǒng)"),
    _rule(r"睡[^，。；！？觉]{0,6}(?P<c>觉)(?![得悟醒察])|(?<=一)(?P<d>觉)(?=醒来|睡到|到天亮)", "jiào",
          "睡了一个好觉, 睡八小时觉, 一觉醒来: sleep"),
    _rule(rf"(?<!{NOT_STAY})(?P<c>待)(?=在|下去(?=[吗呢吧了，。；！？]|$)|多久|多长|不住|不下|会儿|一会|很[久长])", "dāi",
          "待在, 待多久: stay (等待, 招待, 待人 are dài)"),
    _rule(rf"(?<!{NOT_STAY})(?P<c>待)(?=到(?:多晚|几点|很晚|半夜|深夜|晚上|凌晨|[一二两三四五六七八九十几\d]+点))", "dāi",
          "待到多晚, 待到十点: stay until a time of night (待到春暖花开 is dài, wait)"),
    _rule(rf"(?:(?:在|这里|那里|这儿|那儿|哪里|哪儿)[^，。；！？待]{{0,12}}|(?<=[再多想要还]))(?<!{NOT_STAY})(?P<c>待)"
          r"(?=[了得着](?![解以])|[一两三四五六七八九十几半0-9](?![切定]))", "dāi",
          "在那里待了三天, 再待几天: stay (待三五日, with no place, is classical: wait)"),
    _rule(r"[0-9一二两三四五六七八九十百千几多半](?:公|厘|毫|英)?[米尺寸里丈码](?P<c>长)|倍(?P<d>长)", "cháng",
          "两公尺长, 两倍长: long (a length)"),
    _rule(rf"(?:{DEGREE}|[变太真又])(?P<c>薄)(?![弱情荷利暮命])|(?<![单浅刻稀微淡菲鄙轻厚履])(?P<d>薄)"
          r"(?=[的纸片冰被衣布饼层膜织得]|一[点些层])", "báo", "很薄, 薄纸, 薄得像纸: thin (单薄, 刻薄, 如履薄冰 are bó)", degree_first=True),
    _rule(r"(?P<c>薄)(?=[赋税俸酬礼敛])", "bó", "轻徭薄赋, 薄礼, 薄酬: light, meagre (a written word's bó)"),
    _rule(r"(?<=[要得])(?P<c>薄)(?=[，。；！？]|$)", "báo", "切片要薄, 切得薄: thin, said of a thing ending its clause"),
    _rule(r"(?<=名)(?P<c>得)(?=自|于|名)|(?<=以)(?P<d>得)(?=名)", "dé", "县名得自一条河流, 以此得名: its name comes from"),
    _rule(r"以[^，。；！？以]{1,8}见(?P<c>长)", "cháng", "以理工科见长: be good at (见长 jiàncháng)"),
    _rule(r"(?<=[里上内中边旁前后])(?P<c>种)(?=有|满了?)", "zhòng", "校园里种有樱花, 院子里种满了花: planted (这种有毒 is zhǒng)"),
    _rule(r"(?P<c>刨)(?=[出坑土塌开]|了?[一两几]?个?[小大深浅]?[坑洞])", "páo", "刨 + earth, 刨了一个坑: dig"),
    _rule(r"(?:(?<=[红黑金黄银棕褐灰乌])|落了?)(?P<c>发)(?![生出现展动财明表给光亮芽烧抖愁笑火疯怒呆酵觉言达布射送行挥扬"
          r"炎烫胖福热霉紫青白黑红黄蓝绿暗灰软硬干酸臭麻凉冷苦涩])", "fà", "红发, 金发, 落发: hair (发黄, 发烫 are fā: to turn, to become)"),
    _rule(r"(?<=[风浪席])(?P<c>卷)|(?<![试答考问画书案一二三四五六七八九十上下全])(?P<d>卷)(?=[起走去来上住成着](?![子宗轴]))",
          "juǎn", "风卷, 卷起, 卷走: roll up, sweep (试卷, 第一卷 are juàn)"),
    _rule(r"[十百千万][来余多](?P<c>只)", "zhī", "十来只, 千余只: the classifier"),
    _rule(r"(?P<c>只)(?=此)", "zhǐ", "只此: only this (pypinyin's phrase reads zhī)"),
    _rule(r"(?P<c>当)(?=[的地]一声)", "dāng", "当的一声: a clang"),
    _rule(r"(?P<c>尽)(?=着(?:他|她|我|你|孩子|老人|客人|小的|人家)(?![们]?[力心]))", "jǐn", "你就尽着他吧: let someone have first (尽着力 is jìn)"),
    _rule(rf"(?P<c>尽)(?=[{HAN}])(?![早快先量管可着里前后底头东西南北他她你我它])|(?<![不未])(?P<d>尽)(?=着)", "jìn",
          "尽 + verb: all, entirely (尽是, 尽归, 尽诉); 尽了努力, 尽全力, 尽着力: exert to the full "
          "(尽管, 尽快, 尽里头, 尽他 \"let him\" are jǐn)"),
    _rule(r"(?<=[没有][事活])(?P<c>干)|(?<=不好)(?P<d>干)(?![净燥杯脆])", "gàn", "没事干, 有活干, 不好干: to do"),
    _rule(r"(?:非常|特别|比较|十分|相当|很|太|挺|最)(?P<c>干)(?![脆练部活事吗嘛什么啥劲])", "gān",
          "特别干, 太干了: dry (好干, 真干, 越干 may be gàn, do; 很干脆 keeps its reading)"),
    _rule(r"(?:衣服|衣裳|裤子|袜子|被子|床单|毛巾|头发|嘴唇|嗓子|喉咙|舌头|眼泪|油漆|墨水|地板|木板|桌面|地面|墙面|瓷砖|水泥"
          r"|[口嘴泉井河湖池墙漆水土地泪鞋])"
          r"(?:还|都|已经|快|没|就|也|全|早|已|快要){0,2}(?:没有|没)?(?P<c>干)(?=了|透|的|呢|吗|[，。；！？]|$)", "gān",
          "衣服还没干, 河水干了: dry"),
    _rule(rf"不(?P<c>干){PRONOUN}(?:们)?(?:的)?事", "gān", "不干你的事: none of your concern (相干)"),
    _rule(r"觔(?P<c>斗)", "dǒu", "觔斗: the old spelling of 筋斗 jīndǒu, somersault"),
    _rule(r"(?<=[香茶炕条矮案])(?P<c>几)(?![个次天年乎十百千分岁点])", "jī", "香几, 茶几: a small table"),
    _rule(r"(?<=[所馆私典])(?P<c>藏)(?![族语区文人历传布獒])", "cáng", "所藏, 馆藏: kept, collected"),
    _rule(r"(?P<c>柏)(?=树|木|油|枝)|(?<=[松古翠侧圆])(?P<d>柏)", "bǎi", "柏树, 松柏: cypress (柏林 is Bó)"),
    _rule(r"(?<=[润效功频速概税汇产])(?P<c>率)(?![领部军兵众队先])", "lǜ", "利润率, 效率: a rate"),
    _rule(rf"(?<=[{HAN}]{{2}})(?<![草坦直轻表统督粗真疏卫亲所自兜])(?P<c>率)(?=下降|上升|提高|降低|增加|增长|减少|[高低很较为达是的在不也都均已从由超仅只约]|[，。；！？、）]|$)",
          "lǜ", "犯罪率下降了, 出生率很高: a rate, before what is said of it (坦率, 亲率大军, 率国民军 are shuài)"),
    _rule(r"(?<![润效功频速概税汇产比增利率])(?P<c>率)(?=[领部众军兵师队]|代表团|[一二两三四五六七八九十百千万数几]+[万千百]?[人名骑艘])",
          "shuài", "率代表团, 率部, 率军: lead"),
    _rule(r"(?:(?<=[搞弄就全都傻])|(?<=下子))(?P<c>蒙)(?=了)", "mēng", "搞蒙了, 一下子就蒙了: confused, dazed (蒙了一层灰 is méng)"),
    _rule(r"(?<=参)(?P<c>将)", "jiàng", "参将: a military rank"),
    _rule(r"(?<=怀)(?P<c>揣)(?![摸测度])", "chuāi", "怀揣: carry in one's bosom"),
    _rule(rf"(?<=[{HAN}])(?<!吟)(?P<c>哦)(?=[，。！？」”』,.!?~]|$)", "o", "哦 ending a clause: particle"),
    _rule(rf"(?<=[{HAN}])(?<!吡)(?P<c>咯)(?=[，。！？」”』,.!?~]|$)", "lo", "咯 ending a clause: particle"),
    _rule(r"(?<![图螺铁铆鞋道])(?P<c>钉)(?=[在上进入住死牢好]|[了着](?!子)|[一两几]?个(?!子))", "dìng", "钉 + place, 钉了, 钉个钉子: nail (图钉 is dīng)"),
    _rule(r"(?<![店商床卧通地肉饭药当钱冰车在各])(?P<c>铺)(?=[上满开在成了着好])", "pū", "铺 + place, 铺了: spread"),
    _rule(r"(?P<c>泡)(?=馍|茶|澡|脚|饭)", "pào", "泡茶, 泡馍: soak"),
    _rule(r"(?:垃圾(?![桶箱车站])|剩饭|剩菜|脏水|泔水|洗脚水|洗澡水)[^，。；！？倒]{0,4}(?P<c>倒)(?![霉塌下闭地在])", "dào",
          "垃圾倒了吗, 垃圾得每天倒: dump, pour out (垃圾桶倒了 fell over)"),
    _rule(r"(?:墨|刀|剪刀|剪子|斧头|斧子|镰刀)[^，。；！？磨]{0,2}(?P<c>磨)", "mó", "把墨磨好, 刀磨快了: grind (ink), sharpen (磨面, of a mill, is mò)"),
    _rule(r"(?:(?<=重新)|(?<=[再要得先]))(?P<c>铺)(?=[，。！？；了好上]|$)", "pū", "地板得重新铺, 再铺上: lay, spread (a shop, a bunk is pù)"),
    _rule(r"(?:火|柴|炉子|煤|炭)[^，。；！？着]{0,2}(?P<c>着)(?=得|起来|旺)", "zháo", "火着得正旺, 柴火着起来了: burn"),
    _rule(r"(?P<c>冠)(?=帽|冕)", "guān", "冠帽: a cap"),
    _rule(r"(?P<c>炸)(?=广椒|鸡|鱼|酱|糕|丸|薯|虾|豆腐|油条|春卷|油糕|油饼|麻花|馓子|排骨|带鱼|藕盒|茄盒)", "zhá", "炸鸡, 炸酱: fried"),
    _rule(r"(?<=[续复])(?P<c>炸)|(?P<d>炸)(?=[\d一二两三四五六七八九十几半]+(?:分钟|秒钟?))", "zhá",
          "续炸3分钟, 复炸: fry again, fry for minutes"),
    _rule(r"(?:花生米?|鸡腿|鸡翅|鸡块|丸子|春卷|油条|薯条|茄子|豆腐|馒头片?|排骨|带鱼|小鱼|年糕|麻花|虾仁?|鱼块)"
          r"[^，。；！？炸]{0,2}(?P<c>炸)(?![弹药毁死伤裂开])", "zhá", "花生米炸一下, 把丸子炸了: fry a food (炸开, 炸死 are zhà)"),
    _rule(r"油锅?里?[^，。；！？]{0,2}(?P<c>炸)|(?P<d>炸)(?=[至到得]?[^，。；！？]?(?:金黄|酥|脆|焦)|[熟透])", "zhá",
          "放进油锅里炸, 炸至金黄: fry (锅炉炸了 is zhà)"),
    _rule(r"(?:(?<=[粥饭菜锅烤烧煎炒焖煮])|(?<=有点)|(?<=有点儿)|(?<=容易)|(?<=[都又快全别会要就]))(?P<c>糊)(?=了|[，。；！？]|$)", "hú",
          "粥糊了, 饭有点儿糊了, 火大容易糊: burnt (糊弄, 面糊 are hù)"),
    _rule(r"(?<=[脚手头身背膝])(?P<c>着)(?=地)", "zháo", "双脚着地: touch the ground"),
    _rule(r"(?<=[这那哪]一)(?P<c>着)(?![急凉迷火手想重实落眼力陆装色笔])", "zhāo",
          "这一着, 那一着: a move (in chess, in a fight; 这一着急 is zháojí)"),
    _rule(r"(?:(?<=[去来见吃喝看听说做想学用住到试当有写读玩遇买卖戴骑问教爱哭笑讲唱演谈受犯借租养练信帮救求闻尝骂夸提举办干搞修逛访拜输赢抓摸抱])"
          r"|(?<=经历|发生|出现|听说|遇到|见到|参加|学习|工作|生活|研究|讨论|考虑|尝试|担任|使用|访问|喜欢|效力|获得"
          r"|进行|举行|接受|体验|练习|检查|旅行|帮助|拜访|合作|调查|打听))"
          r"(?P<c>过)(?![来去年节冬河桥江海路街日程度分于期敏滤失错关境目夜瘾奖硬时问往继后渡头量半剩多少高低大小重长早晚快慢得]"
          r"|一下|[他她它我你][来去])",
          "guo", "verb + 过: the aspect particle, neutral tone (去过, 见过)"),
    _rule(rf"(?<=[又才却便即再帖])(?P<c>著)(?=[{HAN}])(?![恼些急慌忙])|(?P<d>著)(?=人[来去]|实)", "zhuó",
          "又著…, 著人来: send, order; 著实 (着 written 著)"),
    _rule(r"(?<=不)(?P<c>著)(?![想落陆装手色墨眼边名作称])|(?P<d>著)(?:(?=[恼急慌忙迷凉])|(?<=[睡猜找寻]著)(?=了))",
          "zháo",
          "睡不著, 找著了: reach, succeed (着 written 著)"),
    _rule(rf"(?<=[{HAN}])(?<![显名原编论专土卓巨遗拙新合译所昭衣执即不])(?P<c>著)"
          rf"(?=[{HAN}])(?![名作称述者录书陆手眼想重力落迷急凉火实有])", "zhe",
          "verb + 著: the aspect particle 着, as older and Taiwan texts write it (拿著)"),
    _rule(r"(?P<c>钻)(?=[上下进入出过来去到了著着得起]|天|风)", "zuān", "钻 + direction: bore into"),
    _rule(r"(?P<c>刹)(?=[不得]?住|车|闸)|(?<=[手脚])(?P<d>刹)", "shā", "刹不住, 刹车, 手刹: brake (古刹 is chà)"),
    _rule(r"(?P<c>转)(?=经筒|经轮)", "zhuàn", "转经筒: turn a prayer wheel"),
    _rule(r"(?<![电风金手冲钢台])(?P<c>钻)(?=[一两几]?个?[小大圆]?[洞孔眼])", "zuān", "钻一个孔, 钻个洞: drill a hole (电钻, 金刚钻 are zuàn)"),
    _rule(r"(?P<c>挑)(?=著|着(?!眉)|担|行李|水|柴|在|[入进到回]|起?[^，。！？]{0,4}(?:重担|担子))", "tiāo",
          "挑著, 挑担, 挑起重担: carry on a pole"),
    _rule(r"(?<=[却也甚忒])(?P<c>难)", "nán", "却难, 也难: hard"),
    _rule(r"(?<=[便即就又特专])(?P<c>差)(?=人|官|役|使|来|去|将|兵|大|小|天|鬼|神|仙)|(?<![相误偏落时温])(?P<d>差)(?=[来去])", "chāi",
          "便差, 差来的: send"),
    _rule(r"(?<=比)(?P<c>降)", "jiàng", "河道比降: a gradient (比降 is a fall's ratio)"),
    _rule(r"(?P<c>降)(?=妖|魔|龙伏虎)", "xiáng", "降妖除魔, 降龙伏虎: subdue (as CC-CEDICT's 降妖, 降魔)"),
    _rule(r"(?<=天)(?P<c>降)(?![服伏妖魔])", "jiàng", "天降: come down from heaven"),
    _rule(r"(?P<c>降)(?=了?(?:[一二两三四五六七八九十几半\d][一二两三四五六七八九十百千万亿几半\d.]*(?:[度成倍元块]|个百分点|摄氏度)"
          r"|(?:一场|几场|场)?[大小暴中]?(?:雨|雪|霜|冰雹))|(?:温|价|压|速|率|水位|成本|血压|体温|利率|工资|价格|费用)了?[一二两三四五六七八九十几半\d]"
          r"|[至到](?:零下|冰点|最低|历史|[一二两三四五六七八九十几半\d]))"
          r"|(?<=[温价压速率位本资])(?P<d>降)(?=了|得|到|至|下来|[一二两三四五六七八九十几半\d])",
          "jiàng", "降了五度, 降了一场雪, 气温降了, 降温三度, 可降至零下十度: fall, lower (投降, 敌人降了 are xiáng)"),
    _rule(r"(?P<c>丧)(?=了|命|身|尽|失|气|偶|着脸)", "sàng", "丧了, 丧命, 丧着脸: lose"),
    _rule(r"(?P<c>幢)(?=幡)", "chuáng", "幢幡: a temple banner"),
    _rule(r"(?<=[九弯委盘])(?P<c>曲)", "qū", "九曲, 委曲: winding"),
    _rule(r"(?<![歌乐戏作舞名金组插序题谱词小])(?P<c>曲)(?=着(?!重|力|眼|手)|起[腿膝身]|[腿膝])", "qū", "曲着腿, 曲膝: bend"),
    _rule(r"(?<=[根颗枚个])(?P<c>钉)", "dīng", "一根钉: a nail"),
    _rule(r"(?P<c>撇)(?=了|下|开)", "piē", "撇了, 撇下: cast aside"),
    _rule(r"(?P<c>芍)(?=药)", "sháo", "芍药: peony"),
    _rule(r"(?<=[直哀])(?P<c>号)(?=[，。！？；]|$)|(?P<d>号)(?=叫(?:[着了起声，。！？；]|$)|哭|啕|陶)", "háo", "疼得直号, 号叫: howl"),
    _rule(r"(?:麻将|牌)[^。！？]{0,10}(?P<c>和)(?=了|牌|啦)", "hú", "打麻将和了: win a hand"),
    _rule(r"(?<=[猪羊牛马鸡鸭鹅兔])(?P<c>圈)(?!子|起来|住)|(?<=[关赶][进回])(?P<d>圈)", "juàn", "猪圈, 鸡圈, 关进圈里: a pen"),
    _rule(r"(?<=[鸡鸭鹅猪羊牛马狗兔])(?P<c>圈)(?=起来|住)", "juān", "把鸡圈起来: shut animals in a pen (把菜地圈起来 is quān)"),
    _rule(r"(?P<c>奔)(?=[二三四五六七八九]十)", "bèn", "奔三十了: getting on for"),
    _rule(r"(?<=[脸头])(?P<c>涨)|(?P<d>涨)(?=红|得(?:通红|满脸|发紫|发红))", "zhàng", "脸涨得通红: swell, flush"),
    _rule(r"(?P<c>抹)(?=桌|布|干净|灶台)|(?<=把桌子|把桌面|把灶台)(?P<d>抹)", "mā", "抹桌子, 把桌子抹干净: wipe (抹眼泪 is mǒ)"),
    _rule(r"(?P<c>抹)(?=墙|了?(?:一层)?(?:灰|水泥|石灰|灰浆))", "mò", "抹墙, 抹了一层灰: plaster (抹了一层油 is mǒ)"),
    _rule(r"(?<=打)(?P<c>的)(?=去(?!年)|回家|到(?!底|了))", "dī", "打的去: take a taxi"),
    _rule(r"(?<![咀倒])(?P<c>嚼)", "jiáo", "嚼: chew (咀嚼 is jǔjué)"),
    _rule(r"(?<=长)(?P<c>吁)|(?P<d>吁)(?=了?一口气)", "xū", "长吁: sigh (呼吁 is yù)"),
    _rule(r"(?P<c>膀)(?=肿)", "pāng", "膀肿: swollen"),
    _rule(r"(?P<c>吐)(?=了(?:一[地晚夜身]|好几|[两三几]次|一次|很多|半天))|(?<=[呕想要直又还就车船])(?P<d>吐)(?=了?[，。！？]|$|就)",
          "tù", "吐了一地, 想吐: vomit (吐了一口气, 吐痰 are tǔ)"),
    _rule(r"(?<=掉)(?P<c>色)", "shǎi", "掉色: fade (CC-CEDICT: also pronounced shǎi; 现代汉语词典 diào//shǎi)"),
    _rule(r"(?<=眼)(?P<c>泡)", "pāo", "眼泡: the upper eyelid"),
    _rule(r"(?P<c>磨)(?=成?了?(?:面|粉|豆腐|豆浆|米))", "mò", "磨成面: grind in a mill"),
    _rule(r"(?<=[房屋子间位])(?P<c>空)(?=着|了(?:很久|好久|[一两几半]))", "kòng", "房子空着: left vacant"),
    _rule(r"(?<=把床)(?P<c>铺)(?=[好上平])", "pū", "把床铺好: make the bed"),
    _rule(r"(?P<c>卡)(?=在?了?(?:喉咙|嗓子|喉|牙))|(?<![刷信银磁打插])(?P<d>卡)(?=住(?!了?位置))", "qiǎ", "鱼刺卡在(了)喉咙里, 卡嗓子, 卡住: stuck"),
    _rule(r"(?:(?<=[里缝中])|(?<=里面|里头|中间))(?P<c>卡)(?=了|着)", "qiǎ", "管子里卡了一团头发, 里面卡了一枚硬币: stuck inside"),
    _rule(r"(?<=又)(?P<c>长)(?=了|高|胖|大)", "zhǎng", "头发又长了, 度数又长了: grow (again)"),
    _rule(r"(?P<c>处)(?=处看)", "chǔ", "你们先处处看: get along (处处 alone is chùchù, everywhere)"),
    _rule(r"(?:(?<=[还又仍都总老正也])|(?<=一直|仍然|还是))(?P<c>卡)(?=在)", "qiǎ",
          "物流还卡在中转站: stuck, after an adverb that makes it a verb (银行卡还在 is kǎ: the adverb follows the card)"),
    _rule(r"(?P<c>攒)(?=[着了过下够齐]|钱|起来|点儿?|一点|些|的钱)", "zǎn", "攒着, 攒钱, 攒下: save up, hoard"),
    _rule(r"(?P<c>攒)(?=[簇聚集眉])", "cuán", "攒簇, 攒聚, 攒眉: gather, knit together (人头攒动 is CC-CEDICT's)"),
    _rule(r"(?<=[被给])(?P<c>卡)(?=[住在了])|(?P<d>卡)(?=在[^，。；！？]{0,4}(?:不动|动不了|出不来|进不去|下不来|上不去|拔不出))",
          "qiǎ", "被卡在门口, 车卡在那儿不动了: stuck"),
    _rule(r"(?<![的张刷信银磁打插贺饭会员行用])(?P<c>卡)(?=在[^，。；！？]{1,8}(?:(?:里|中间|拐角|拐弯|缝|门口|半空|半路|半道|中)了?|了)(?:[，。；！？]|$))",
          "qiǎ", "床垫卡在楼梯拐角了, 卡在半路, 包裹卡在中转站了: stuck (你的卡在抽屉里 is kǎ, a card)"),
    _rule(r"(?:打印机|复印机|又|总|老|经常|常常)(?P<c>卡)(?=纸)|(?P<d>卡)(?=纸了)", "qiǎ", "打印机又卡纸了: jam (一张卡纸 is kǎ, card)"),
    _rule(rf"(?P<c>奔)(?=着[^，。！？]{{0,4}}(?:目标|方向|理想|未来)|{TOWARDS_THEN_ACT})", "bèn", "奔着目标, 奔着灯光走去: head for"),
    _rule(r"(?<=[考变学做得])(?P<c>差)(?=了|[，。！？]|$)|(?<![出派公钦差])(?P<d>差)(?=了(?:[，。！？]|$))", "chà",
          "考差了, 踢差了: badly (出差了 is chāi)"),
    _rule(r"(?P<c>得)(?=(?:慢慢|好好|赶快|赶紧|马上|立刻)(?!的))", "děi", "得慢慢治, 得好好学: must"),
    _rule(r"(?<=[背扛提拎抱拿挑驮搬拖]着)(?P<c>重)(?=重的)|(?<=[背扛提拎抱拿挑驮搬拖]着重)(?P<d>重)(?=的)", "zhòng",
          "背着重重的书包: heavy, what is carried (重重的困难 is chóngchóng, layer on layer)"),
    _rule(r"(?P<c>重)(?=重地[摔打拍砸踢叹关放点捶推撞咬])|(?<=重)(?P<d>重)(?=地[摔打拍砸踢叹关放点捶推撞咬])", "zhòng",
          "重重地摔: heavily (重重包围 is chóngchóng, in layers)"),
    _rule(r"(?<=[个些])(?P<c>空)(?=填|补|儿|里)", "kòng", "这个空填上: a blank"),
    _rule(r"(?P<c>倒)(?=了?[一两三四几]?[次趟]车)", "dǎo", "倒了两次车: change buses (倒车 'reverse' is dào)"),
    _rule(rf"(?P<c>琢)(?=磨{PONDER_AFTER})|{PONDER_BEFORE}(?P<d>琢)(?=磨)", "zuó",
          "琢磨琢磨, 再琢磨: ponder (琢磨成 'carve' is zhuómó)"),
    _rule(rf"(?<=琢)(?P<c>磨)(?={PONDER_AFTER})|{PONDER_BEFORE}琢(?P<d>磨)", "mo", "琢磨: ponder"),
    _rule(r"(?<=[一两三四五六七八九十几这那每])(?P<c>服)(?=药|中药|汤药)", "fù", "一服药: a dose"),
    _rule(r"(?:花|个)(?P<c>骨)(?=朵)", "gū", "花骨朵: a bud (骨朵, the mace, is gǔduǒ)"),
    _rule(r"(?<=[很真挺太不])(?P<c>禁)(?=[穿用洗晒磨摔]|得起|得住)", "jīn", "很禁穿: durable, bear (禁用 is jìn)"),
    _rule(r"(?<=[是很])(?P<c>卷)(?=的)", "juǎn", "头发是卷的: curly"),
    _rule(r"(?<=[是一个写])(?P<c>撇)(?![了下开])", "piě", "一撇, 是撇: the falling stroke"),
    _rule(r"(?:很|太|真|挺|非常|特别|比较|十分|相当|越来越|有点儿?|有些)(?P<c>散)(?=[的了，。！？；]|$)", "sǎn", "很散, 结构有点儿散: loose, scattered (散了 alone is sàn)"),
    _rule(r"(?:绳子|腿|杆子|竿|树枝|棍子|胳膊|筷子)(?P<c>折)(?=了)|(?<=[摔压踩掰撅碰撞砸跌])(?P<d>折)(?=了)", "shé",
          "绳子折了, 鱼竿折了, 腿摔折了: break, of itself or as the result of a fall, a blow (折断 is zhé)"),
    _rule(r"(?<=[开裂])(?P<c>缝)|(?:(?<=[的墙砖岩石指])|(?<=窗户|地板))(?P<d>缝)(?![补纫制合衣扣好上了一起着])", "fèng",
          "开缝, 裂缝, 裤子的缝开了, 窗户缝: a gap, a seam (the noun)"),
    _rule(r"(?<=[大怒厉])(?P<c>喝)(?=一声|道)", "hè", "大喝一声: shout"),
    _rule(r"(?:象棋|下棋)[^。！？]{0,12}(?P<c>车)", "jū", "象棋 … 车: the chariot, a chess piece"),
    _rule(r"(?:象棋|下棋)[^。！？]{0,12}(?<![互真长照首丞宰])(?P<c>相)(?![互同应关似当反对比等信识片机貌])", "xiàng",
          "象棋 … 相: the minister, a chess piece"),
    _rule(r"(?<=[里外])(?P<c>头)(?=[很有是的都也就，。！？；]|$)", "tou", "屋里头, 外头: inside, outside"),
    _rule(r"(?:(?<=[了是些点满身手脸有少多口摊滩])|(?<=点儿))(?P<c>血)(?=[，。！？；]|$)", "xiě",
          "沾满了血, 手上都是血: blood said alone, in speech (献血, 血液 are xuè)"),
    _rule(rf"(?<![{KNOCK_DOWN}])(?P<c>倒)(?=也|是|还|有|要|不|与|像|好|会|怪|嫌|觉得|显得|成了|说起)|(?<=得)(?P<d>倒)(?=容易|轻巧|轻松|简单)", "dào",
          "倒也, 倒是: adverb, on the contrary"),
    _rule(rf"(?<=[{KNOCK_DOWN}])(?P<c>倒)|(?<=[俱都全])(?P<d>倒)(?=了)", "dǎo",
          "推倒, 睡倒: fall, knock down"),
    _rule(r"(?<![相类近酷貌神形疑好恰])(?P<c>似)(?=的)", "shì", "…似的: as if (相似的 is sì)"),
    _rule(rf"(?<![{DISASTER}为困磨大一二三四五六七八九十百千矿临急留辩阻质躲魔])(?P<c>难)(?=[。！？，；]|$)", "nán",
          "难 ending a clause: hard (遇难, 避难, 八十一难 are nàn)"),
    _rule(rf"(?<![年青老])(?P<c>少)(?=的|[听说吃喝做花用看玩买抽睡穿带])|(?<![年青老多])(?P<d>少)(?=[{HAN}](?:点|一点|些))",
          "shǎo", "少吃, 少的, 少喂点儿: little, few, less"),
    _rule(r"(?<=[摔碰磕冻烫吓伤撞硌砸])(?P<c>着)(?=哪|什么|没)", "zháo", "摔着哪儿了, 碰着没有: be hurt"),
    _rule(r"(?P<c>散)(?=茶)", "sǎn", "散茶: loose tea (as against 团茶, pressed)"),
    _rule(r"(?<![有是])多(?P<c>少)(?=有点|有些|有一点|也|会|还|能|带|懂|知道|了解|受到|可以)", "shǎo",
          "多少 + 有点, 也, 会: somewhat, duōshǎo (how many is duōshao)", needs="多少"),
    _rule(r"(?<=的|赔|个)(?P<c>不)是(?=[，。；！、,.;!」”]|$)", "bú",
          "我的不是, 赔不是: a fault, bú shi (站的不是？ asks: isn't it)", needs="不是"),
    _rule(r"(?<=的不|赔不|个不)(?P<c>是)(?=[，。；！、,.;!」”]|$)", "shi", "我的不是, 赔不是: a fault, bú shi", needs="不是"),
    _rule(r"(?<=[大小])(?P<c>乘)(?=佛|教|经|法|[，。、；])", "shèng", "大乘, 小乘: a vehicle of Buddhism"),
    _rule(r"(?P<c>都)(?=指挥使|指挥司|督(?!促)|尉|护府|护(?:[，。、；）]|$)|御史|察院|转运使|统制|虞候)", "dū",
          "都督, 都尉, 都御史, 都指挥使: offices of old (都督促 is dōu)"),
    _rule(r"(?<![因])(?P<c>为)(?!了|何|什么)(?=[^，。；！？为]{0,8}(?:太守|刺史|县令|知县|知府|丞相|宰相|长史|将军|尚书|侍郎|御史"
          r"|节度使|参军|主簿|都尉|校尉|少监|大匠|郎中|员外郎|学士|太傅|太师|太保|少保|司马|司空|司徒|中书令|国相"
          r"|军师|先锋|元帅|统帅|主帅|盟主|首领|国师)"
          r"(?:[，。；！？、]|$))", "wéi", "为太守, 为将作少监: served as, an office of old, ending its clause"),
    _rule(r"(?P<c>长)(?=史(?![诗书料学前记实]))", "zhǎng", "长史: an office of old, zhǎngshǐ (现代汉语词典; not in CC-CEDICT)", needs="长史"),
    _rule(r"(?<=仆)(?P<c>射)", "yè", "仆射: an office of old, púyè", needs="仆射"),
    _rule(r"(?P<c>给)(?=事中)", "jǐ", "给事中: an office of old, jǐshìzhōng", needs="给事中"),
    _rule(r"(?P<c>将)(?=作(?:监|大匠|少匠|少监|院))", "jiàng", "将作监, 将作大匠: the office of works, jiàng", needs="将作"),
    _rule(r"(?<=卫)(?P<c>率)(?=[，。、；）]|$|府)", "shuài", "太子左卫率: an office of old, shuài", needs="卫率"),
    _rule(r"(?P<c>传)(?=出去|出来|开了|开来|遍了?|下去)", "chuán", "别传出去, 传开了: spread (the segmenter's 别传 is a biography)"),
    _rule(r"(?<![宣流相遗祖真口自谣失广盛誊家亲讹误经])(?P<c>传)(?=[》·•])", "zhuàn",
          "《春秋左氏传·桓公》, 《西域传》: a commentary, a biography, ending a book's title (《宣传》 is chuán)"),
    _rule(r"(?<=罢)(?P<c>相)(?![关互对])|(?<=[拜入国为任封])(?P<d>相)(?=[，。、；！？）」”]|$)", "xiàng",
          "罢相, 拜相, 国相, 为相: the chancellor's office (相关, 互为相 are xiāng)"),
    _rule(r"(?<![打个])冷(?P<c>战)", "zhàn", "冷战: cold war (打冷战, 打了个冷战: a shiver, lěngzhan)", needs="冷战"),
    _rule(r"(?<=[国禄史议部功卿士上中下])(?P<c>大)夫(?!人)", "dà",
          "郑国大夫, 光禄大夫, 御史大夫: an official of old, dàfū (CC-CEDICT's 光禄大夫 dàifu is a slip)"),
    _rule(r"(?<=[国禄史议部功卿士上中下])大(?P<c>夫)(?!人)", "fū", "郑国大夫, 光禄大夫: an official of old"),
    _rule(r"(?<![士卿上中下])(?P<c>大)夫(?!人)", "dài", "大夫: doctor"),
    _rule(r"(?<![士卿上中下])大(?P<c>夫)(?!人)", "fu", "大夫: doctor, neutral tone"),
    _rule(rf"{DEGREE}(?P<c>称)(?=[心职意身脚手体头]|{PRONOUN})", "chèn", "很称你的身材, 很称脚: fit (称 chēng: call, weigh)", degree_first=True),
    _rule(r"(?<![强单声语曲腔格情论笔基步音])(?P<c>调)(?=得)", "tiáo",
          "调得不错, 颜色调得太深: adjust, with a complement (强调得, 单调得 are diào words)"),
    _rule(r"(?<=[一二两三四五六七八九十几百千数])(?P<c>载)(?=[，。；！？、」』”）]|$|之|的|有余|光阴)", "zǎi",
          "三载, 十载: years"),
    _rule(r"(?<=光)(?P<c>晃)(?=得)|(?P<d>晃)(?=眼)", "huǎng", "阳光晃得, 晃眼: dazzle (摇晃 is huàng)"),
    _rule(r"(?<![摇晃])(?P<c>晃)(?=了?过[去来]|而过)", "huǎng",
          "从窗前晃过去, 一晃而过: flash past (摇摇晃晃过来 sways, huàng)"),
    _rule(rf"(?<=[在要会能先再又还去来帮替别起])(?P<c>数)(?![{NUMBER_WORD_AFTER}月年日周十百千万亿次倍人种个名代辈世遍回]|天(?![上空]))", "shǔ",
          "在数钱, 再数一遍: count, a verb after an auxiliary (数学, 数月, 数天 are shù)"),
    _rule(r"(?:不停|一直|飞快|不住|来回|滴溜溜|团团|骨碌碌|呼呼)地?(?P<c>转)(?=[，。；！？着]|$|个不停|起来)", "zhuàn",
          "不停地转: turn round and round (向左转 is zhuǎn)"),
    _rule(r"(?<=[会议席宴课戏])(?P<c>散)(?=了|场|席|会)", "sàn", "会议散了, 散场: break up (a meeting)"),
    _rule(r"(?:(?<=[发辫绳鞋带])|(?<=[发辫绳带][又都也全早])|(?<=[发辫绳带]又都))(?P<c>散)(?=了|开|着)", "sǎn",
          "头发散了, 鞋带又散了: come loose"),
    _rule(r"(?<=[一二两三四五六七八九十百千万几数])(?P<c>石)(?=[米面粮饭谷麦稻豆重]|[，。；！？哩」]|$)", "dàn",
          "一石米, 三十六石: a measure of grain (一石碑, 石猴 are shí)"),
    _rule(r"(?<=好好)(?P<c>处)(?=[，。！？；]|$)|(?P<d>处)(?=[得不]来)", "chǔ", "邻居之间要好好处, 处得来: get along"),
    _rule(r"(?<=[就都也又快])(?P<c>折)了", "shé", "一拉就折了: snap, break by itself (将枝梢折了 is zhé)"),
    _rule(r"(?:树枝|枝条|枝子|棍子|棍|杆子|竿子|竹竿|腿|胳膊|骨头|筷子|铅笔|尺子|树|苗|枝|绳子)[^，。；！？]{0,4}"
          r"(?<=[弄压撅掰踩碰摔])(?P<c>折)(?=了)", "shé",
          "把树枝弄折了, 筷子掰折了: broken (a long thing; 书弄折了, creased, is zhé)"),
    _rule(r"(?<![不很太真挺多那这么场得的])(?P<c>好)(?=哭|闹|赌(?!斗)|[这那]一?口(?![气水饭])|管闲事|面子|打扮|吹牛|喝酒|发脾气|撒谎|说谎|占便宜|骂人)",
          "hào", "这孩子好哭, 好面子, 就好这一口: be given to (好喝, tasty, is hǎo)"),
    _rule(r"(?P<c>场)(?=上?[^，。；！？]{0,3}(?:打|晒|扬|碾)(?:谷|麦|粮|豆|场))", "cháng", "在场上打谷子: a threshing floor"),
    _rule(r"(?<=家底)(?P<c>薄)", "báo", "家底薄: little laid by"),
    _rule(r"(?<=场)(?P<c>好)(?=斗|杀|战)", "hǎo", "这场好斗: what a fight (好斗, warlike, is hào)"),
    _rule(r"(?<=一生|生性|平生|生平|自幼|自小|从小|素来|向来|天性)(?P<c>好)(?=[\u4e00-\u9fff]{2})(?!看|听|吃|玩|像|多|久|的|了|在|运|人|日|处)",
          "hào", "一生好游历, 自幼好学, 生性好动: be fond of (一生好运 is hǎo: see the exceptions)"),
    _rule(r"(?:点|一会|一块|一下|这|那|哪|玩|事|味|边|空|头|画|信|面|样|活|好好|们|男孩|女孩|[枣杏桃梨瓜草芽条片盆碗盘罐瓶袋页歌曲调门座]|小孩)(?P<c>儿)"
          r"(?!童|子|女|科|歌|戏|时|孙|媳|郎)", "r", "erhua: 儿 joins the syllable before it (一点儿, 这点儿, 差点儿)"),
]


def _by_character(rules: list[Rule]) -> dict[str, list[int]]:
    """For each character some rule reads, the indices of those rules, in the list's order."""
    index: dict[str, list[int]] = {}
    for number, rule in enumerate(rules):
        for character in set(rule.trigger):
            index.setdefault(character, []).append(number)
    return index


_BY_CHARACTER = _by_character(RULES)
_DEGREE_AT = re.compile(DEGREE)
TRIGGERS = frozenset(_BY_CHARACTER)


def matches(text: str):
    """(position, reading, why, start) for each rule that applies in `text`; `start` is where the
    degree adverb that begins the match is, where it begins with one (Rule.degree_first), else None."""
    present = TRIGGERS.intersection(text)
    if not present:
        return
    # only the rules that can read a character the paragraph has, in the list's order
    for index in sorted({index for character in present for index in _BY_CHARACTER[character]}):
        rule = RULES[index]
        if rule.needs and rule.needs not in text:
            continue
        for match in rule.pattern.finditer(text):
            position = match.start("c") if match.start("c") >= 0 else match.start("d")
            begins_with_degree = rule.degree_first and match.start("c") >= 0 \
                and _DEGREE_AT.match(text, match.start()) is not None
            yield position, rule.reading or SURNAME_READINGS[text[position]], rule.why, \
                match.start() if begins_with_degree else None
