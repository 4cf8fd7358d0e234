"""Word tables for the generated issues: plain English with hyphenation points, names, glosses, places.

Hyphenation points are marked with ``·`` (the dictionary points where a typesetter may break a word).
None of the words is ``by`` or a masthead role, so no generated fragment reads as a byline or an editor.
"""

from __future__ import annotations

from types import MappingProxyType

_HYPHENATED = """
gov·ern·ment se·cu·ri·ty de·fense mil·i·tary in·tel·li·gence pol·i·cy dip·lo·mat·ic eco·nom·ic strat·e·gy
an·a·lysts re·la·tions co·op·er·a·tion pres·sure in·ves·ti·ga·tors of·fi·cials ca·pa·bil·i·ties sup·port
ex·er·cis·es ne·go·ti·a·tions leg·is·la·ture in·vest·ment semi·con·duc·tors de·moc·ra·cy elec·tions
part·ners in·ter·na·tion·al re·gion·al mar·i·time sur·veil·lance ag·gres·sion co·er·cion in·cur·sions
air·space de·ter·rence asym·met·ric war·fare al·li·ance pro·pos·al min·is·try pub·lic tech·nol·o·gy
sup·ply re·sil·ience ca·pac·i·ty re·forms in·sti·tu·tions par·lia·ment de·bate vot·ers cam·paign
pros·e·cu·tors es·pi·o·nage op·er·a·tions re·cruit·ment in·flu·ence nar·ra·tive com·mu·ni·ca·tion
sanc·tions ex·ports tar·iffs nec·es·sary sig·nif·i·cant con·sis·tent un·prec·e·dent·ed grow·ing lim·it·ed
re·cent broad·er con·tin·ued for·mer se·nior ci·vil·ian na·tion·al ex·pand strength·en un·der·score
ap·proved an·nounced em·pha·sized ar·gued sug·gest·ed re·vealed con·firmed de·clined re·mains
im·por·tant in·creas·ing·ly ac·tiv·i·ties in·fra·struc·ture re·sources ob·serv·ers ter·ri·to·ry
is·lands neigh·bors com·mu·ni·ty frame·work com·mit·ment
"""

_SHORT = """
the of and to in on for with that its their a an more than as at from also while which have has were was
is are not over under between across after before new other many most both each only still even
"""

HYPHENATION: MappingProxyType[str, tuple[int, ...]] = MappingProxyType(
    {
        word.replace("·", ""): tuple(
            index - count for count, (index, char) in enumerate((i, c) for i, c in enumerate(word) if c == "·")
        )
        for word in _HYPHENATED.split()
    }
)
"""Each long word and the offsets where it may be hyphenated."""

LONG_WORDS: tuple[str, ...] = tuple(HYPHENATION)
SHORT_WORDS: tuple[str, ...] = tuple(_SHORT.split())

PLACES: tuple[str, ...] = ("Taiwan", "China", "Beijing", "Taipei", "Washington", "Tokyo", "Japan", "Kinmen")
ACRONYMS: tuple[str, ...] = ("KMT", "DPP", "PLA", "PRC", "US", "ROC", "CCP")
COMPOUNDS: tuple[str, ...] = ("cross-strait", "long-term", "US-Taiwan", "so-called", "high-level", "state-run")
RANGES: tuple[str, ...] = ("2015-2016", "1995-96", "2021-2025")
NUMBERS: tuple[str, ...] = ("2019", "2020", "16", "174", "$13.96", "$100,000")

SENTENCE_STARTS: tuple[str, ...] = (
    "The",
    "This",
    "In",
    "Both",
    "Officials",
    "Analysts",
    "Such",
    "Many",
    "Taiwan",
    "Beijing",
    "Washington",
    "Observers",
    "Meanwhile",
    "Still",
)

GLOSSES: tuple[tuple[str, str | None, str], ...] = (
    ("Wang Yi", None, "王毅"),
    ("Tsai Ing-wen", None, "蔡英文"),
    ("Xi Jinping", None, "習近平"),
    ("Ma Ying-jeou", None, "馬英九"),
    ("Chen Shui-bian", None, "陳水扁"),
    ("Deng Xiaoping", None, "鄧小平"),
    ("Mainland Affairs Council", "MAC", "大陸委員會"),
    ("Military Intelligence Bureau", "MIB", "軍情局"),
    ("Legislative Yuan", None, "立法院"),
    ("Ocean Affairs Council", None, "海洋委員會"),
)
"""``(term, abbreviation, hanzi)``: rendered ``term (hanzi)`` or ``term (ABBR, hanzi)``."""

FIRST_NAMES: tuple[str, ...] = ("Jane", "Alice", "Daniel", "Thomas", "Grace", "Bob", "Mei-ling", "Wallace")
SURNAMES: tuple[str, ...] = ("Chen", "Lin", "Wang", "Huang", "Roe", "Doe", "Miller", "Gregson", "Smith", "Lee")
HONORIFICS: tuple[str, ...] = ("Dr.", "Lt. Gen. (USMC, ret.)", "Ambassador", "Col. (ret.)")
NICKNAMES: tuple[str, ...] = ("Chip", "Bud", "Kim")

BIO_ROLES: tuple[str, ...] = (
    "a research fellow at the Global Taiwan Institute",
    "an associate professor of political science at National Chengchi University",
    "a senior non-resident fellow at the Global Taiwan Institute",
    "a former official of the Mainland Affairs Council",
    "the executive director of the Global Taiwan Institute",
)

EDITOR_ROLES: tuple[str, ...] = (
    "Editor-in-Chief",
    "Staff Editor",
    "Copy Editor",
    "Associate Editor",
    "Managing Editor",
    "Deputy Editor",
)

HEADING_NOUNS: tuple[str, ...] = (
    "Security",
    "Deterrence",
    "Cooperation",
    "Espionage",
    "Relations",
    "Resilience",
    "Influence",
    "Strategy",
    "Elections",
    "Partners",
    "Conclusion",
    "Narrative",
    "Warfare",
    "Infrastructure",
)
HEADING_WORDS: tuple[str, ...] = (
    "Taiwan’s",
    "New",
    "Regional",
    "Maritime",
    "Growing",
    "Economic",
    "Limited",
    "Asymmetric",
    "Public",
    "Broader",
    "Cross-Strait",
    "Diplomatic",
)

CAPTION_SOURCES: tuple[str, ...] = ("US-Taiwan Business Council", "Ministry of National Defense", "Taiwan News")
PUBLISHERS: tuple[str, ...] = ("Global Taiwan Institute", "Taiwan Policy Forum")
STREETS: tuple[str, ...] = ("Jefferson Place NW,", "Massachusetts Avenue NW,", "K Street NW,")
