"""Chinese-character glosses: the seed's answer key, hand-written cases, scripts, and linear time."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gtbparse._glosses
from benchmark_loader import load_benchmark
from gtbparse import Article, Emphasis, Footnote, Gloss, Issue, Link, Paragraph, Script, Section
from gtbparse._glosses import are_script_variants, find_glosses, script_of, settle_scripts

CORPUS = Path(__file__).resolve().parent / "corpus"
CASES: list[dict[str, Any]] = json.loads((CORPUS / "gloss_cases.json").read_text(encoding="utf-8"))["cases"]


BENCH = load_benchmark("gloss_accuracy")
HOLDOUT: list[dict[str, Any]] = BENCH.load_cases(CORPUS / "gloss_holdout.json")


def _places(issue: Issue) -> Iterator[Paragraph | Footnote]:
    """Paragraphs, then the main point, then the footnotes of each item, article by article."""
    for article in issue.articles:
        yield from article.passages()


def _distinct(issue: Issue) -> list[Gloss]:
    first: dict[tuple[str, str], Gloss] = {}
    for place in _places(issue):
        for gloss in place.glosses:
            first.setdefault((gloss.term, gloss.hanzi), gloss)
    return list(first.values())


def _row(gloss: Gloss) -> dict[str, Any]:
    return {"term": gloss.term, "abbreviation": gloss.abbreviation, "hanzi": gloss.hanzi, "script": str(gloss.script)}


# --- the seed ----------------------------------------------------------------------------------------------------


def test_seed_glosses_match_the_answer_key(seed_issue: Issue, gold: dict[str, Any]) -> None:
    # settle_scripts is idempotent: a no-op once the build stage applies it itself.
    found = [_row(gloss) for gloss in _distinct(settle_scripts(seed_issue))]
    assert found == gold["glosses"]


def test_seed_scripts_by_characters_alone(seed_issue: Issue, gold: dict[str, Any]) -> None:
    """Before settling, a gloss is ambiguous exactly when its characters are written alike in both scripts."""
    expected = {(row["term"], row["hanzi"]): row["script"] for row in gold["glosses"]}
    for gloss in _distinct(seed_issue):
        if gloss.script is Script.AMBIGUOUS:
            assert script_of(gloss.hanzi) is Script.AMBIGUOUS
            assert expected[(gloss.term, gloss.hanzi)] == "traditional"  # the script of the rest of the issue
        else:
            assert str(gloss.script) == expected[(gloss.term, gloss.hanzi)]
    scripts = {gloss.script for gloss in _distinct(seed_issue)}
    assert Script.SIMPLIFIED in scripts  # 胡锦涛


def test_seed_gloss_offsets(seed_issue: Issue, seed_text: str) -> None:
    glosses = [(place, gloss) for place in _places(seed_issue) for gloss in place.glosses]
    assert glosses
    for place, gloss in glosses:
        start, end = gloss.at
        covered = place.text[start:end]
        assert gloss.term in covered, covered
        assert covered.lstrip('“"').startswith((gloss.term, gloss.hanzi)), covered
        assert covered.endswith((")", "]")), covered
        assert seed_text[gloss.span[1] - 1] in ")]"
        assert seed_text[gloss.span[0] : gloss.span[1]].count(gloss.hanzi[0]) >= 1


def test_seed_reversed_and_square_bracket_forms(seed_issue: Issue) -> None:
    glosses = [gloss for place in _places(seed_issue) for gloss in place.glosses]
    reversed_form = [
        place.text[gloss.at[0] : gloss.at[1]]
        for place in _places(seed_issue)
        for gloss in place.glosses
        if place.text[gloss.at[0]] in '"“'
    ]
    assert '"中國共產黨" as Communist Party of China (CPC)' in reversed_form
    square = [gloss for gloss in glosses if gloss.abbreviation == "DPW"]
    assert [gloss.hanzi for gloss in square] == ["中央軍委政治工作部"]


def test_seed_alias_from_a_former_name(seed_issue: Issue) -> None:
    bri = [gloss for place in _places(seed_issue) for gloss in place.glosses if gloss.abbreviation == "BRI"]
    assert [gloss.aliases for gloss in bri] == [("One Belt, One Road",)]


# --- hand-written cases ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_hand_written_case(case: dict[str, Any]) -> None:
    text: str = case["text"]
    links = []
    for anchor in case.get("links", []):
        start = text.index(anchor)
        links.append(Link(anchor, None, at=(start, start + len(anchor))))
    found = find_glosses(text, links)
    expected = [
        {
            "term": item["term"],
            "hanzi": item["hanzi"],
            "abbreviation": item.get("abbreviation"),
            "aliases": tuple(item.get("aliases", ())),
            "script": item["script"],
            "note": item.get("note"),
        }
        for item in case["glosses"]
    ]
    got = [
        {
            "term": gloss.term,
            "hanzi": gloss.hanzi,
            "abbreviation": gloss.abbreviation,
            "aliases": gloss.aliases,
            "script": str(gloss.script),
            "note": gloss.note,
        }
        for gloss in found
    ]
    assert got == expected
    for gloss in found:
        assert gloss.hanzi in text[gloss.at[0] : gloss.at[1]]


def test_enough_hand_written_cases() -> None:
    assert len(CASES) >= 15
    assert any(not case["glosses"] for case in CASES)  # at least one negative case


@pytest.mark.parametrize("text", ["In 2020 (the year of the election), nothing changed.", "(see above)", "(2020)", ""])
def test_brackets_without_characters_are_not_glosses(text: str) -> None:
    assert find_glosses(text) == ()


def test_gloss_offsets_point_into_the_text() -> None:
    text = "Later, Premier Cho Jung-tai’s (卓榮泰) office replied."
    (gloss,) = find_glosses(text)
    assert text[gloss.at[0] : gloss.at[1]] == "Cho Jung-tai’s (卓榮泰)"


# --- the held-out corpus ----------------------------------------------------------------------------------------

# What the extractor reached on gloss_holdout.json (see benchmarks/gloss_accuracy.py): every case fully right.
# First run, before any change: 60/78 of the cases written before reading the code, 23/30 of the second batch;
# the second batch scored 29/30 after the first round of fixes, before the change it then prompted.
HOLDOUT_FULLY_RIGHT_FLOOR = 108


def test_holdout_is_large_and_varied() -> None:
    assert len(HOLDOUT) >= 50
    batches = {case["written"] for case in HOLDOUT}
    assert batches == {"before-reading-the-code", "after-first-fixes"}
    glosses = [gloss for case in HOLDOUT for gloss in case["glosses"]]
    assert sum(1 for case in HOLDOUT if not case["glosses"]) >= 4  # negative cases
    assert sum(1 for case in HOLDOUT if len(case["glosses"]) > 1) >= 8  # several glosses in one sentence
    assert sum(1 for case in HOLDOUT if case.get("links")) >= 4
    assert {gloss["script"] for gloss in glosses} == {"traditional", "simplified", "ambiguous"}
    assert sum(1 for gloss in glosses if gloss.get("note")) >= 5
    assert sum(1 for gloss in glosses if gloss.get("aliases")) >= 2
    assert sum(1 for gloss in glosses if gloss.get("abbreviation")) >= 15


def test_holdout_accuracy_floor() -> None:
    result = BENCH.evaluate(HOLDOUT)
    failing = [failure["name"] for failure in result["failures"]]
    assert result["fully_right"] >= HOLDOUT_FULLY_RIGHT_FLOOR, failing
    assert result["spurious"] == 0
    assert result["found"] == result["glosses"]
    for field, (right, scored) in result["fields"].items():
        assert right == scored, field


def test_hand_written_cases_score_fully_right_in_the_benchmark() -> None:
    """The benchmark and the per-case test above agree on the corpus written with the code."""
    result = BENCH.evaluate(CASES)
    assert result["fully_right"] == len(CASES)


# --- general rules for the term ----------------------------------------------------------------------------------


def _terms(text: str) -> list[str]:
    return [gloss.term for gloss in find_glosses(text)]


def test_an_emphasised_or_linked_run_bounds_the_term() -> None:
    text = "Memories of the May 2013 Guang Da Xing No. 28 (廣大興28號) case; readers of Liberty Times (自由時報) knew."
    ship = text.index("Guang")
    paper = text.index("Liberty")
    ship_end, paper_end = ship + len("Guang Da Xing No. 28"), paper + len("Liberty Times")
    emphasis = (
        Emphasis("Guang Da Xing No. 28", at=(ship, ship_end)),
        Emphasis("Liberty Times", at=(paper, paper_end)),
    )
    assert [gloss.term for gloss in find_glosses(text, emphasis=emphasis)] == ["Guang Da Xing No. 28", "Liberty Times"]
    link = Link("Guang Da Xing No. 28", None, at=(ship, ship_end))
    assert next(gloss.term for gloss in find_glosses(text, (link,))) == "Guang Da Xing No. 28"


def test_two_acronyms_with_a_space_are_one_abbreviation() -> None:
    [gloss] = find_glosses("The Discipline Inspection Commission (CMC DIC, 中央軍委紀律檢查委員會) met.")
    assert (gloss.term, gloss.abbreviation) == ("Discipline Inspection Commission", "CMC DIC")


def test_an_emphasised_title_with_a_lowercase_word_is_whole() -> None:
    # Found by blind issue 45: ``issued *Made in China 2025* (中国制造2025)`` glossed ``China 2025``.
    text = "The State Council issued Made in China 2025 (中国制造2025) in May."
    start = text.index("Made")
    emphasis = (Emphasis("Made in China 2025", at=(start, start + len("Made in China 2025"))),)
    assert [gloss.term for gloss in find_glosses(text, emphasis=emphasis)] == ["Made in China 2025"]


def test_full_width_brackets() -> None:
    assert _terms("The Ministry of National Defense（國防部） said so.") == ["Ministry of National Defense"]
    assert _terms("Kuomintang（KMT，中國國民黨）") == ["Kuomintang"]


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("The ministry translates “國家安全” as national security.", ["national security"]),
        ("He renders “統戰” as united front work, which Beijing denies.", ["united front work"]),
        ("She translates “中國共產黨” as Communist Party of China (CPC).", ["Communist Party of China"]),
        # a function word opening what follows: no term
        ("Xi promotes “中國夢” as a slogan.", []),
        ("They use “一國兩制” as the model.", []),
        # the English in brackets after the characters: a quoted translation or a name, not a description
        (
            "He cited “兩岸一家親” (“both sides of the strait are one family”) again.",
            ["both sides of the strait are one family"],
        ),
        ("They reject the “九二共識” (1992 Consensus) now.", ["1992 Consensus"]),
        ("Council, “赴港旅遊注意事項” (travel advisory), March 2024.", []),
        ("He said “統戰” (see above) later.", []),
    ],
)
def test_reversed_forms(text: str, terms: list[str]) -> None:
    assert _terms(text) == terms


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        # a common word that is capitalised only because it opens the sentence
        ("Columnist Lin Cho-shui (林濁水) disagreed.", ["Lin Cho-shui"]),
        ("Reformers Hu Yaobang (胡耀邦) and Zhao Ziyang (赵紫阳) fell.", ["Hu Yaobang", "Zhao Ziyang"]),
        ("Memories of Sun Yat-sen (孫中山) remain.", ["Sun Yat-sen"]),
        ("He left. Economist Justin Yifu Lin (林毅夫) stayed.", ["Justin Yifu Lin"]),
        # ... but an English given name opens the name, and a name of a place or body is kept whole
        ("Frank Hsieh Chang-ting (謝長廷) returned.", ["Frank Hsieh Chang-ting"]),
        ("Lee Kuan Yew (李光耀) visited Taipei.", ["Lee Kuan Yew"]),
        ("Executive Yuan (行政院) officials agreed.", ["Executive Yuan"]),
        ("Greater Bay Area (大湾区) plans were shelved.", ["Greater Bay Area"]),
        ("South China Sea (南海) claims overlap.", ["South China Sea"]),
        ("Friends of the Earth (地球之友) protested.", ["Friends of the Earth"]),
        # not at the start of a sentence, a capitalised run is not cut by the lexicon
        ("They joined the Sunflower Movement (太陽花學運) in 2014.", ["Sunflower Movement"]),
        # an institution, an acronym or ``and`` leading into a person's name
        ("Taiwan Affairs Office Zhu Fenglian (朱凤莲) said so.", ["Zhu Fenglian"]),
        ("He met the PRC Wang Yang (汪洋) twice.", ["Wang Yang"]),
        ("Sun Yat-sen and Chiang Kai-shek (蔣介石) met.", ["Chiang Kai-shek"]),
        ("Tensions with Bosnia and Herzegovina (波士尼亞與赫塞哥維納) eased.", ["Bosnia and Herzegovina"]),
        ("Radio Free Asia (自由亞洲電台) reported it.", ["Radio Free Asia"]),
        # possessives: an owner is dropped, a collective plural is part of the name
        ("The People’s Republic of China (中华人民共和国) was founded in 1949.", ["People’s Republic of China"]),
        ("China’s Ministry of Commerce (商务部) announced it.", ["Ministry of Commerce"]),
        # a number after a determiner is part of the name; after a preposition it is not
        ("The 1992 Consensus (九二共識) was disputed.", ["1992 Consensus"]),
        ("In 2005 Lien Chan (連戰) went to Beijing.", ["Lien Chan"]),
        # a leading number stays in the term only when the characters have it too
        ("Since the 2014 Umbrella Movement (雨傘運動), little changed.", ["Umbrella Movement"]),
        ("The 228 Incident (二二八事件) is remembered.", ["228 Incident"]),
        # and a month and year before a name never are part of it
        ("Memories of the May 2013 Guang Da Xing No. 28 (廣大興28號) case linger.", ["Guang Da Xing No. 28"]),
        ("The May Fourth Movement (五四運動) shaped it.", ["May Fourth Movement"]),
        # ``and the`` joins two names; inside a title with a lowercase word it is the title's
        ("The pact between the KMT and the Taiwan People’s Party (台灣民眾黨) held.", ["Taiwan People’s Party"]),
        ("The Ministry of Science and Technology (科技部) agreed.", ["Ministry of Science and Technology"]),
        # a participle before a lowercase term governs it
        ("Groups began organizing recall votes (罷免) early.", ["recall votes"]),
        ("It banned pork containing ractopamine (萊克多巴胺) then.", ["ractopamine"]),
        ("The money laundering (洗錢) case grew.", ["money laundering"]),
        # ... and so does a verb after its subject, but not a name leading the term or an adjective
        ("Beijing praised united front work (統戰工作) again.", ["united front work"]),
        ("They fear gray zone tactics (灰色地帶戰術) most.", ["gray zone tactics"]),
        ("The US arms sales (對台軍售) grew.", ["US arms sales"]),
        ("Its PLA armed forces (武裝部隊) grew.", ["PLA armed forces"]),
        # a title before an institution noun is part of the name; initials standing for given names are the name's
        (
            "Many went, and the Taipei Economic and Cultural Representative Office in Japan (台北駐日經濟文化代表處) "
            "helped.",
            ["Taipei Economic and Cultural Representative Office in Japan"],
        ),
        ("Minister of Economic Affairs J.W. Kuo (郭智輝) spoke.", ["J.W. Kuo"]),
        ("Secretary of State Antony J. Blinken (布林肯) spoke.", ["Antony J. Blinken"]),
        # a list inside a name after ``of`` keeps its comma; a compound with an institution noun is no title
        (
            "It joined the Bureau of Standards, Metrology and Inspection (標準檢驗局) in May.",
            ["Bureau of Standards, Metrology and Inspection"],
        ),
        (
            "The Directorate-General of Budget, Accounting and Statistics (DGBAS, 行政院主計總處) said.",
            ["Directorate-General of Budget, Accounting and Statistics"],
        ),
        ("UN Secretary-General Antonio Guterres (古特雷斯) spoke.", ["Antonio Guterres"]),
        (
            "It joined the Guangdong–Hong Kong–Macao Greater Bay Area (粵港澳大灣區) plan.",
            ["Guangdong–Hong Kong–Macao Greater Bay Area"],
        ),
        ("He met Wang, Li and Zhang Wei (張偉) there.", ["Zhang Wei"]),
        # an em dash without spaces, ``and with`` and ``and`` before an acronym end a name
        ("The phrase was not new—Tsai Ing-wen (蔡英文) used it.", ["Tsai Ing-wen"]),
        (
            "It works with Dresden and with National Cheng Kung University (國立成功大學) now.",
            ["National Cheng Kung University"],
        ),
        ("It has asked Taipower and CPC Corporation (台灣中油) to act.", ["CPC Corporation"]),
        ("The Research and Development Center (研發中心) opened.", ["Research and Development Center"]),
        # ``for`` after no institution noun opens the name; after one it is the name's own
        ("They met in Xiamen for the Straits Forum (海峡论坛) again.", ["Straits Forum"]),
        (
            "The Foundation for the Defense of Democracies (保衛民主基金會) said.",
            ["Foundation for the Defense of Democracies"],
        ),
        ("The Guidelines for National Unification (國家統一綱領) lapsed.", ["Guidelines for National Unification"]),
        # Japanese glosses write kana among the kanji; kana alone are no gloss
        ("The annual Japan–Taiwan Exchange Summit (日台交流サミット) met.", ["Japan–Taiwan Exchange Summit"]),
        ("Lawmaker Hayashida Sakura (林田さくら) said so.", ["Hayashida Sakura"]),
        ("The summit (サミット) met.", []),
        # ``then-`` is no part of the name; two acronyms with a space are one abbreviation; a number and the
        # connectors after it are no part of a name the characters do not number
        ("The then-Council of Agriculture (COA, 行政院農業委員會) said.", ["Council of Agriculture"]),
        ("Under Art. 5 of the Electricity Act (電業法) rates rose.", ["Electricity Act"]),
        ("It met the 11th Legislative Yuan (立法院) first.", ["Legislative Yuan"]),
        ("The ruling party (the Democratic Progressive Party, 民進黨) won.", ["Democratic Progressive Party"]),
        ("The KMT (under Chairman Eric Chu, 朱立倫) lost.", ["Eric Chu"]),
        ("Wang Yi (王毅, Foreign Minister) said so.", ["Wang Yi"]),
        ("Hou You-yi (侯友宜, the mayor of New Taipei) said so.", ["Hou You-yi"]),
        ("State-owned CPC Corporation (台灣中油) agreed.", ["CPC Corporation"]),
        # a plural possessive describes the term; a singular one names an owner
        ("Local farmers’ associations (農會) protested.", ["farmers’ associations"]),
        ("Its workers' unions (工會) grew.", ["workers' unions"]),
        # a possessive inside the quotation marks belongs to the sentence
        ("Under the “New Southbound Policy’s” (新南向政策) terms, trade grew.", ["New Southbound Policy"]),
        ("The “united front” (統戰) work went on.", ["united front"]),
        ("They visited the island’s largest port (最大港口) first.", ["largest port"]),
        # a capitalised plural possessive opening a name describes; a name's own possessive is an owner's
        ("She edits the Workers’ Voice (勞動者之聲) weekly.", ["Workers’ Voice"]),
        ("The Veterans' Affairs Council (退輔會) objected.", ["Veterans' Affairs Council"]),
        ("They studied the United States’ Taiwan Relations Act (台灣關係法) closely.", ["Taiwan Relations Act"]),
        ("Taiwan’s Military Intelligence Bureau (軍情局) agreed.", ["Military Intelligence Bureau"]),
        # a hedge is not part of a lowercase term
        ("They fear so-called lawfare (法律戰) most.", ["lawfare"]),
    ],
)
def test_term_rules(text: str, terms: list[str]) -> None:
    assert _terms(text) == terms


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        # a lowercase word inside a title introduced by a determiner or a possessive
        ("They launched the Made in Taiwan 2030 (台灣製造2030) drive.", ["Made in Taiwan 2030"]),
        (
            "It passed the Act for Smart Ports through Public-Private Partnership (智慧港口條例) in May.",
            ["Act for Smart Ports through Public-Private Partnership"],
        ),
        ("Beijing’s Made in China 2025 (中国制造2025) plan stalled.", ["Made in China 2025"]),
        # ... also with an adjective or two after the determiner
        (
            "They cited the amended Act Governing Relations with Hong Kong and Macau (香港澳門關係條例) again.",
            ["Act Governing Relations with Hong Kong and Macau"],
        ),
        ("Beijing’s new Made in China 2035 (中国制造2035) plan stalled.", ["Made in China 2035"]),
        # ... but not when the characters are those of a short name, which no such title has
        ("They built the new Third LNG Terminal at Guantang (觀塘) late.", ["Guantang"]),
        # ... but not without one, nor when the run ends in a person's name
        ("He praised the Summit in Taipei and Lai Ching-te (賴清德) alike.", ["Lai Ching-te"]),
        ("Officials met in Taipei with Lai Ching-te (賴清德) twice.", ["Lai Ching-te"]),
        ("He was elected Speaker in 2020 Yu Shyi-kun (游錫堃) said.", ["Yu Shyi-kun"]),
        # a proper name, demonym or acronym directly before a short lowercase phrase
        ("A fault at the Hsinta power plant (興達電廠) spread.", ["Hsinta power plant"]),
        ("A fault in the Penghu–Taiwan undersea cable (台澎海底電纜) spread.", ["Penghu–Taiwan undersea cable"]),
        ("Rules for Vietnamese workers (越南移工) changed.", ["Vietnamese workers"]),
        ("He angered KMT legislators (國民黨立委) again.", ["KMT legislators"]),
        ("Taoyuan airport (桃園機場) reopened.", ["Taoyuan airport"]),
        # ... not an owner, a function word, a title, a common word opening the sentence, or the end of a longer name
        ("They visited Taiwan’s largest port (最大港口) first.", ["largest port"]),
        ("Ordinary citizens (老百姓) were angry.", ["citizens"]),
        ("He met President elect (總統當選人) Lai.", ["elect"]),
        ("Staff of the New Taipei city government (新北市政府) left.", ["city government"]),
        # a lone demonym with the lowercase word that qualifies it ...
        ("It courted overseas Chinese (華僑) abroad.", ["overseas Chinese"]),
        ("Few ethnic Chinese (華人) voted.", ["ethnic Chinese"]),
        # ... but not a function word, quantifier or verb before it
        ("Many Chinese (中國人) travel.", ["Chinese"]),
        ("He said Chinese (中國人) buyers left.", ["Chinese"]),
        ("It named Taiwanese (台灣人) officials.", ["Taiwanese"]),
        ("The Taiwanese (台灣人) voted.", ["Taiwanese"]),
    ],
)
def test_term_rules_across_lowercase_words(text: str, terms: list[str]) -> None:
    assert _terms(text) == terms


@pytest.mark.parametrize(
    ("text", "abbreviation", "note"),
    [
        ("Taiwan Sugar Corporation (Taisugar, 台灣糖業公司) agreed.", "Taisugar", None),
        ("The Ministry of Commerce (Mofcom, 商务部) objected.", "Mofcom", None),
        # a piece of one word only, or letters the term's words do not begin, stay a note
        ("Taiwan Sugar Corporation (Sugar, 台灣糖業公司) agreed.", None, "Sugar"),
        ("National Taiwan University (Taida, 台大) agreed.", None, "Taida"),
        ("Lee Teng-hui (Lee, 李登輝) agreed.", None, "Lee"),
    ],
)
def test_clipped_short_name_is_the_abbreviation(text: str, abbreviation: str | None, note: str | None) -> None:
    (gloss,) = find_glosses(text)
    assert (gloss.abbreviation, gloss.note) == (abbreviation, note)


def test_titles_abbreviated_before_a_name_are_no_sentence_end() -> None:
    assert _terms("He praised Lt. Gen. Analyst Wang (王).") == ["Analyst Wang"]
    assert _terms("He left. Analysts Wang Dan (王丹) stayed.") == ["Wang Dan"]


def test_full_width_comma_inside_a_phrase() -> None:
    (slogan,) = find_glosses("The slogan “Unite, Resist” (團結，抗爭) spread.")
    assert (slogan.term, slogan.hanzi, slogan.aliases) == ("Unite, Resist", "團結，抗爭", ())
    (island,) = find_glosses("The island (臺灣，台灣) was named.")
    assert (island.hanzi, island.aliases) == ("臺灣", ("台灣",))  # two scripts of one name stay apart
    (party,) = find_glosses("The Kuomintang (國民黨，KMT) won.")
    assert (party.hanzi, party.abbreviation) == ("國民黨", "KMT")


def test_letter_after_digits_in_characters() -> None:
    (drill,) = find_glosses("The drills “Joint Sword-2024A” (聯合利劍-2024A) began.")
    assert (drill.term, drill.hanzi, drill.note) == ("Joint Sword-2024A", "聯合利劍-2024A", None)


def test_without_the_lexicon_the_rules_that_need_it_stand_down(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gtbparse._glosses, "english_lexicon", lambda: None)
    assert _terms("Ideologue Cai Qi (蔡奇) spoke.") == ["Ideologue Cai Qi"]  # cannot tell the word is common
    assert _terms("Taiwan Affairs Office Zhu Fenglian (朱凤莲) said so.") == ["Zhu Fenglian"]  # syllables suffice
    assert _terms("Chinese Foreign Minister Wang Yi’s (王毅) visit") == ["Wang Yi"]


# --- scripts -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hanzi", "script"),
    [
        ("國民黨", Script.TRADITIONAL),
        ("国民党", Script.SIMPLIFIED),
        ("王毅", Script.AMBIGUOUS),
        ("人民", Script.AMBIGUOUS),
        ("迅雷-2020", Script.AMBIGUOUS),
    ],
)
def test_script_of(hanzi: str, script: Script) -> None:
    assert script_of(hanzi) is script


def test_script_variants() -> None:
    assert are_script_variants("胡錦濤", "胡锦涛")
    assert are_script_variants("国民党", "國民黨")
    assert not are_script_variants("王毅", "王逸")  # another name, not another script
    assert not are_script_variants("胡錦濤", "胡錦濤")
    assert not are_script_variants("胡錦濤", "胡锦")


def _issue(*texts: str) -> Issue:
    paragraphs = tuple(Paragraph(text, glosses=find_glosses(text)) for text in texts)
    return Issue(articles=(Article(title="A", sections=(Section(None, paragraphs),)),))


def _scripts(issue: Issue) -> list[Script]:
    return [gloss.script for place in _places(issue) for gloss in place.glosses]


def test_settle_scripts_follows_the_issue() -> None:
    issue = _issue(
        "Foreign Minister Wang Yi (王毅) met", "the Kuomintang (國民黨) and the Democratic Progressive Party (民進黨)"
    )
    assert _scripts(issue) == [Script.AMBIGUOUS, Script.TRADITIONAL, Script.TRADITIONAL]
    settled = settle_scripts(issue)
    assert _scripts(settled) == [Script.TRADITIONAL] * 3
    assert settle_scripts(settled) == settled


def test_settle_scripts_majority_simplified() -> None:
    issue = _issue("Wang Yi (王毅), Wang Huning (王沪宁) and Li Keqiang (李克强) and Hu Jintao (胡錦濤)")
    assert _scripts(settle_scripts(issue)) == [
        Script.SIMPLIFIED,
        Script.SIMPLIFIED,
        Script.SIMPLIFIED,
        Script.TRADITIONAL,
    ]


@pytest.mark.parametrize("text", ["Wang Yi (王毅)", "Wang Yi (王毅), Hu Jintao (胡錦濤) and Wang Huning (王沪宁)"])
def test_settle_scripts_leaves_undecided_issues_alone(text: str) -> None:
    issue = _issue(text)
    assert _scripts(settle_scripts(issue)) == _scripts(issue)
    assert Script.AMBIGUOUS in _scripts(settle_scripts(issue))


def test_settle_scripts_reaches_items_main_points_and_footnotes() -> None:
    def place(text: str) -> Paragraph:
        return Paragraph(text, glosses=find_glosses(text))

    item = Article(
        title="Item",
        sections=(Section(None, (place("the Kuomintang (國民黨)"),)),),
        main_point=place("Wang Yi (王毅)"),
        footnotes=(Footnote(1, "Ko Wen-je (柯文哲)", glosses=find_glosses("Ko Wen-je (柯文哲)")),),
    )
    issue = Issue(articles=(Article(title="Review", items=(item,)),))
    assert _scripts(settle_scripts(issue)) == [Script.TRADITIONAL] * 3


# --- robustness and time -----------------------------------------------------------------------------------------

_ALPHABET = st.sampled_from([*"Aa Zz-’'“”\"(),.[]王毅國民党 \n1", "Wang ", "Yi", "President ", "(MIB, ", " as "])


@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_any_text_gives_well_formed_glosses(text: str) -> None:
    for gloss in find_glosses(text):
        start, end = gloss.at
        assert 0 <= start < end <= len(text)
        assert gloss.term
        assert gloss.hanzi
        assert gloss.hanzi in text[start:end] or gloss.hanzi.replace(" ", "") in text[start:end].replace(" ", "")


_SIZE = 200_000
_PATHOLOGICAL = {
    "prose": "Chinese Foreign Minister Wang Yi (王毅) met the Taiwan People’s Party (TPP, 台灣民眾黨). ",
    "hanzi": "中華民國忠義同志會\n",
    "open brackets": "(",
    "brackets with hanzi": "(中)",
    "unclosed quotes": "“(中) ",
    "capitalised runs": "Aa " * 100 + "(中) ",
    "sentence openers": "Ideologue Cai Qi (蔡奇) and Wang Yi (王毅). ",
    "short forms": "Gen. " * 100 + "Aa Bb (中) ",
    "inner lowercase words": "the Aa in " * 50 + "(中) ",
    "names before lowercase words": "Aa bb Cc dd (中) ",
    "clipped short name": "Aa Bb Cc Dd (Abcd, 中) ",
    "reversed": '"中" as ',
    "square": "[中, ",
}


@pytest.mark.parametrize("unit", _PATHOLOGICAL.values(), ids=_PATHOLOGICAL.keys())
def test_large_inputs_take_linear_time(unit: str) -> None:
    small = unit * (_SIZE // len(unit) // 4)
    large = unit * (_SIZE // len(unit))
    started = time.perf_counter()
    find_glosses(small)
    small_time = time.perf_counter() - started
    started = time.perf_counter()
    find_glosses(large)
    large_time = time.perf_counter() - started
    assert large_time < 5.0
    # Four times the input takes about four times as long; a quadratic scan would take sixteen.
    assert large_time < 10 * small_time + 0.1
