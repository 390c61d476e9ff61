"""The file format, written once: every object's keys, which are required, and their types.

The readers (files/common.py, rules.py, contacts.py, danger.py, scenarios.py) take their key
lists from here, and files/schema.py builds schema/*.json and the key tables of docs/format.md
from the same tables (`navigator schema --write`; tests/test_schema.py fails when they drift).
Adding an optional key is one line here, one in the reader that reads it, and the model field.

Types (what the schema asks; the readers check the same and report with a position):
  id        lower-case ASCII id (ID_PATTERN)      text     a non-empty line of text
  prose     text that may span lines              texts    a text or a list of texts
  ids       an id or a list of ids (at least one) int      a whole number in `low..high`
  date      YYYY-MM-DD                            bool     true or false
  url       http(s)://…                           enum     one of `values`
  end       the file's last line, `end: true`     condition  a `when:` (see CONDITION)
  answers   {question: value or [values]}         words    {name: [texts]}
  object    a mapping of `shape`                  list     a list of `shape`
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
LINE_GROUPS = ("police", "ambulance", "child", "dv", "crisis", "sexual", "consultation")


@dataclass(frozen=True)
class Key:
    name: str
    type: str
    required: bool = False
    doc: str = ""
    shape: "Shape | None" = None        # for object and list
    nullable: bool = False              # `key:` left empty reads as absent
    low: int = 0                        # for int
    high: int = 0
    values: tuple[str, ...] = ()        # for enum


@dataclass(frozen=True)
class Shape:
    """One kind of mapping: `what` names it in problems ("a rule")."""

    what: str
    keys: tuple[Key, ...]
    doc: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(k.name for k in self.keys)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(k.name for k in self.keys if k.required and k.type != "end")

    @property
    def optional(self) -> tuple[str, ...]:
        return tuple(k.name for k in self.keys if not k.required or k.type == "end")

    def key(self, name: str) -> Key:
        return next(k for k in self.keys if k.name == name)


def req(name: str, type: str, doc: str = "", **more) -> Key:
    return Key(name, type, True, doc, **more)


def opt(name: str, type: str, doc: str = "", **more) -> Key:
    return Key(name, type, False, doc, **more)


END = req("end", "end", "the file's last line, end: true: a file cut off or saved half-way lacks it and is refused")

# ---- pieces shared by several files

CONDITION = Shape("a condition", (
    opt("concern", "texts", "one of these concerns is selected"),
    opt("answer", "answers", "every named question is answered with (one of) the value(s)"),
    opt("all", "list", "every condition holds"),
    opt("any", "list", "at least one condition holds"),
    opt("not", "condition", "the condition does not hold"),
), doc="exactly one of its keys")

SOURCE = Shape("a source", (
    req("file", "text", "the plan's file in ../shared/seeds"),
    req("section", "text", "heading path, parts joined by ' > '"),
    opt("quote", "prose", "verbatim words of the plan"),
))

# ---- rules/common.yaml

CONCERN = Shape("a concern", (
    req("id", "id"),
    req("label", "text", "the name shown to staff"),
    opt("description", "prose", nullable=True),
    opt("keywords", "texts", "how residents talk; one form of each is enough"),
    opt("weak", "texts", "keywords that count only when another word or an example of the same concern backs them up"),
    opt("examples", "texts", "what residents say about this concern; the nearest examples propose candidates (候補) when no keyword matches"),
))

OPTION = Shape("an option", (
    req("value", "text"),
    req("label", "text"),
    opt("keywords", "texts", "words in the resident's text that suggest this answer"),
    opt("first", "texts", "emergency line ids this answer puts before all others (in the order the danger kind found gives)"),
))

QUESTION = Shape("a question", (
    req("id", "id"),
    req("prompt", "text"),
    req("options", "list", shape=OPTION),
    req("concerns", "texts", "asked when one of these concerns is selected"),
))

CITATION = Shape("a national line's source", (
    req("operator", "text"),
    req("url", "url"),
    req("verified", "date", "the day the page was read"),
    opt("how", "text", "which page was checked and how"),
), doc="the operator's public page this line was checked against")

EMERGENCY = Shape("an emergency line", (
    req("id", "id"),
    req("name", "text"),
    req("phone", "text"),
    opt("when", "condition", "also shown when this holds"),
    opt("note", "prose", nullable=True),
    opt("group", "enum", "line group: which kind of national line this is (rules/danger.yaml puts groups first)",
        values=LINE_GROUPS),
    opt("hours", "text", "hours as published, with the date they were read"),
    opt("free", "bool", "the call costs nothing"),
    opt("source", "object", shape=CITATION),
))

COMMON_FILE = Shape("the common file", (
    req("concerns", "list", "the taxonomy, in display order", shape=CONCERN),
    req("questions", "list", "follow-up questions, asked only where they change the route", shape=QUESTION),
    req("emergency", "list", "national lines only, each cited to its operator's public page", shape=EMERGENCY),
    END,
), doc="rules/common.yaml: concerns, follow-up questions and national emergency lines")

# ---- rules/danger.yaml

DANGER_KIND = Shape("a danger kind", (
    req("id", "id"),
    req("label", "text"),
    req("lines", "texts", "emergency line ids (rules/common.yaml), first first"),
    opt("cues", "texts", "count on their own; A+B: both in one sentence; @name: a word group"),
    opt("now_cues", "texts", "count only when the nearest time word says now"),
    opt("alone_cues", "texts", "count only when no other kind is found"),
    opt("history", "bool", "past time words do not cancel this kind's cues"),
    opt("now_only", "bool", "recent time words (昨日, したことがある) cancel this kind's cues too"),
    opt("examples", "texts", "utterances of this kind: a text nearer to one of them than to any ordinary one shows it"),
    opt("needs", "texts", "word groups (words:) one of which must stand in the text for the weighing of words to show this kind (a child's danger names a child); cues are not affected"),
    opt("not_by", "texts", "word groups (words:) naming someone else as the one who harms (息子に, 兄から): when the text names one of them and none of needs, this kind's cues do not count (a son's violence to his mother is not DV)"),
    opt("yields", "texts", "recent, over, reported and/or habitual: its lines come after the other kinds found when every cue that showed it was told as recent or past (recent), the text has an over word (over), or it reports someone's words (reported) or says it happens again and again (habitual) and none of the cues was told as now"),
    opt("answer", "text", "the danger question's option pre-selected when this kind is found (default: the file's answer)"),
    opt("urgent", "texts", "the order of an answer's first lines (110, 119) for this kind (default: their order in lines)"),
))

DANGER_LISTS = ("now", "past", "recent", "ended", "again", "negation", "harmless", "fiction", "real", "over", "reported", "habitual", "ordinary")

DANGER_FILE = Shape("the danger file", (
    opt("question", "text", "the question asked whenever a cue fires"),
    opt("answer", "text", "its option pre-selected then, unless the first kind found names its own"),
    opt("words", "words", "word groups used as @name in cues"),
    opt("now", "texts", "time words that say now (今, さっき, 今夜)"),
    opt("past", "texts", "time words of the past (昔, 以前): the nearest before a cue decides"),
    opt("recent", "texts", "words of a recent or told experience (昨日, この前, したことがある): they cancel only the now_only kinds' cues"),
    opt("ended", "texts", "words saying it is over (もう終わったこと, 今は落ち着いています): after a cue told as past, in its sentence or the next, they cancel it even for a history kind"),
    opt("again", "texts", "words saying it has come back (同じ気持ちが戻ってきて, ぶり返して): after a cue told as past, in its sentence or the two next, the cue counts as now again"),
    opt("negation", "texts", "a denial right after a cue (a few kana later) cancels it"),
    opt("harmless", "texts", "words a cue or time word inside them does not count in"),
    opt("fiction", "texts", "a sentence with one of these words (映画, ニュース) is about something seen or read: no cue in it counts"),
    opt("real", "texts", "words that say it is not a story or a joke (冗談じゃなくて, 本気で): a sentence with one of them is read even beside a fiction word; a fiction word followed by みたい, みたく, っぽ or のような (ドラマみたいな話) is a likeness, not a story"),
    opt("over", "texts", "words that say the one who harms has gone or the person is safe now (もう出て行った, 避難中): the yields kinds' lines come after the others"),
    opt("reported", "texts", "words that report what someone wrote or said (と書いてありました, と発言): a kind that yields to reported, shown only by words not told as now, comes after the others"),
    opt("habitual", "texts", "words that say it happens again and again or was said or sent (毎晩, と言われ, メール): a kind that yields to habitual, shown only by words not told as now, comes after the others"),
    opt("ordinary", "texts", "utterances that are no danger (counter-examples): a text nearest to one of them raises nothing by example"),
    opt("danger_concerns", "texts", "concern ids whose examples tell of danger (dv, abuse): the other concerns' examples are the ordinary consultations the words of a text are weighed against"),
    req("kinds", "list", "in this order their lines come first", shape=DANGER_KIND),
    END,
), doc="rules/danger.yaml: danger cues, shared by every municipality (optional)")

DANGER_EXAMPLES_FILE = Shape("the danger examples file", (
    opt("examples", "words", "{danger kind id: [utterances of that kind]}, added to the kind's examples"),
    opt("ordinary", "texts", "utterances that are no danger (counter-examples), added to danger.yaml's"),
    opt("harmless", "texts", "words in a harmless sense (今の職場, 自殺予防), added to danger.yaml's harmless: (danger.yaml stays under the file size limit)"),
    END,
), doc="rules/danger_examples.yaml: utterances of each danger kind and ordinary ones, and harmless words (optional)")

DANGER_SENTENCES_FILE = Shape("the danger sentences file", (
    opt("danger", "words", "{danger kind id: [sentences telling of that danger]}: what the weighing of letters learns danger from"),
    opt("ordinary", "texts", "sentences that are no danger: what it learns the ordinary from"),
    END,
), doc="rules/danger_sentences/*.yaml: labelled sentences for the last fallback, the weighing of letters (optional; any number of files, each kept small)")

EXAMPLES_FILE = Shape("the concern examples file", (
    opt("examples", "words", "{concern id: [utterances of that concern]}: the nearest-example fallback (候補) also looks in these; unlike common.yaml's examples they never back a weak word"),
    opt("keywords", "words", "{concern id: [more keywords]}: matched as common.yaml's keywords are (common.yaml stays under the file size limit)"),
    END,
), doc="rules/examples/*.yaml: more example utterances and keywords of each concern (optional; any number of files)")

# ---- rules/<id>.yaml

MUNICIPALITY = Shape("the municipality", (
    req("id", "id", "the file's name without .yaml"),
    req("name", "text"),
    req("prefecture", "text"),
    req("plan", "text", "the plan's title"),
    req("seed", "text", "the plan's file in ../shared/seeds"),
    req("fallback", "id", "the contact shown when no rule fires"),
    opt("general_window", "id", "the most general window (the fallback's when absent)", nullable=True),
))

RULE = Shape("a rule", (
    req("id", "id"),
    req("concern", "id"),
    opt("when", "condition", "the rule fires only when this holds"),
    req("refer", "ids", "the contacts it sends the resident to, in order"),
    req("priority", "int", "smaller comes first", low=1, high=999),
    req("program", "text"),
    req("reason", "prose"),
    req("source", "object", shape=SOURCE),
    opt("last_verified", "date", "the day the rule was last checked against the current plan", nullable=True),
    opt("verified_by", "text", "who checked it: a department or role, never a person's name", nullable=True),
))

RULES_FILE = Shape("a rules file", (
    req("municipality", "object", shape=MUNICIPALITY),
    req("rules", "list", shape=RULE),
    END,
), doc="rules/<municipality>.yaml: one municipality's rules")

# ---- contacts/<id>.yaml

CONTACT_TEXT = ("department", "phone", "address", "hours", "notes")
CONTACT_DATES = ("valid_from", "valid_until", "last_verified")

SLOT = Shape("an opening time", (
    req("days", "text", "the weekdays it is open, one character each: 月火水木金土日"),
    opt("week", "int", "only this week of the month (1 = 第1): 毎月第1月曜日 is days: 月, week: 1", low=1, high=5),
    req("opens", "text", "HH:MM"),
    req("closes", "text", "HH:MM, later than opens"),
    opt("note", "text", "日時備考, as the plan writes it (e.g. 祝日の場合は翌週の月曜日)"),
), doc="one opening time as the plan states it; holidays are not known, so say them in note")

CONTACT = Shape("a contact", (
    req("id", "id"),
    req("window", "text", "the window's name as the plan gives it"),
    req("organization", "text"),
    opt("department", "text", nullable=True),
    opt("phone", "text", "only as the plan gives it, e.g. 0270-27-2748", nullable=True),
    opt("address", "text", nullable=True),
    opt("hours", "text", nullable=True),
    opt("notes", "prose", nullable=True),
    req("source", "object", shape=SOURCE),
    opt("valid_from", "date", nullable=True),
    opt("valid_until", "date", nullable=True),
    opt("last_verified", "date", nullable=True),
    opt("verified_by", "text", "who checked it last: a department or role, never a person's name", nullable=True),
    opt("availability", "list", "opening times only where the plan states them (cited by source); "
        "absent: not stated", shape=SLOT),
))

CONTACTS_FILE = Shape("a contacts file", (
    req("municipality", "id"),
    req("contacts", "list", shape=CONTACT),
    END,
), doc="contacts/<municipality>.yaml: one municipality's windows")

# ---- tests/scenarios/*.yaml

PERSON = Shape("a person", (
    req("relation", "text"),
    opt("concerns", "texts"),
    opt("answers", "answers"),
    opt("client", "bool", "the one who came (来談者)"),
    opt("age", "int", low=0, high=120),
))

EXPECT = Shape("expect", (
    opt("top", "int", "how many first referrals are looked at (3)", low=1, high=50),
    opt("contacts", "texts", "contacts that must be among the first `top`"),
    opt("emergency", "bool", "whether emergency lines are shown"),
    opt("found", "texts", "concerns the text must be read as"),
    opt("absent", "texts", "contacts that must not be among the first `top`"),
    opt("household", "words", "{relation: [concerns]} the text must be read as"),
))

SCENARIO = Shape("a scenario", (
    req("name", "text"),
    opt("text", "text", "what the resident said"),
    opt("concerns", "texts"),
    opt("answers", "answers"),
    opt("persons", "list", shape=PERSON),
    req("expect", "object", shape=EXPECT),
))

SCENARIO_FILE = Shape("a scenario file", (
    req("municipality", "id"),
    req("scenarios", "list", shape=SCENARIO),
))

# Each shipped kind of file, by its schema's name.
FILES = {"common": COMMON_FILE, "danger": DANGER_FILE, "danger_examples": DANGER_EXAMPLES_FILE, "danger_sentences": DANGER_SENTENCES_FILE,
         "examples": EXAMPLES_FILE, "rules": RULES_FILE, "contacts": CONTACTS_FILE}

# Keys whose text may span lines (a quote follows the plan's own line breaks); any other text
# must be one line, as it is shown on one.
PROSE = tuple(dict.fromkeys(k.name for shape in (SOURCE, CONCERN, EMERGENCY, RULE, CONTACT)
                            for k in shape.keys if k.type == "prose"))

# Keys of the mappings nested inside others, so a key written one level too far left is named
# as misplaced (a dedented `quote:` is not a misspelt `notes:`).
NESTED = {"source": SOURCE.names, "expect": EXPECT.names, "when": CONDITION.names,
          "municipality": MUNICIPALITY.names}
