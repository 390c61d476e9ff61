"""`navigator route`: one consultation, or one household, from options or the resident's words."""

from __future__ import annotations

import argparse
import io
import json
import sys

from ..loading import Loaded
from ..messages import suggest
from ..render import json as render_json, text as render_text
from ..text import printable_json
from .common import EXIT_OK, UserError

def _read_stdin(limit: int = 100_000) -> str:
    """The resident's words from standard input, as UTF-8 (bad bytes replaced), at most `limit`
    characters: a pipe must not fill the memory."""
    stream = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace") \
        if hasattr(sys.stdin, "buffer") else sys.stdin
    return stream.read(limit)


def _route(loaded: Loaded, args: argparse.Namespace) -> int:
    from ..intake import take
    from ..search import ConcernMatcher

    ruleset = loaded.ruleset
    if args.text == "-":
        args.text = _read_stdin()
    if args.text is not None and not args.text.strip():
        raise UserError("NAV-C603")
    if args.text is None and not args.concern and not args.person:
        raise UserError("NAV-C604")
    for cid in args.concern + ([args.main] if args.main else []):
        _known_concern(ruleset, cid)
    answers = dict(_answer(ruleset, a) for a in args.answer)
    persons = [_person(ruleset, text, i) for i, text in enumerate(args.person, start=1)]
    matcher = ConcernMatcher(ruleset.common.concerns)
    intake = take(ruleset, matcher, args.municipality, args.text or "", args.concern, answers, persons, args.main)
    if not intake.case.all_concerns() and not intake.danger.detected:
        raise UserError("NAV-C606")
    from ..engine import route

    result = route(ruleset, intake.case)
    if args.format == "json":
        print(printable_json(json.dumps(render_json.as_json(ruleset, result, intake), ensure_ascii=False, indent=2)))
    else:
        print(render_text.as_text(ruleset, result, intake))
    return EXIT_OK


def _known_concern(ruleset, cid: str) -> None:
    if ruleset.common.concern(cid) is None:
        raise UserError("NAV-C605", concern=cid, suggestion=suggest(cid, [c.id for c in ruleset.common.concerns]))


def _person(ruleset, text: str, index: int):
    """--person 母:care,guardianship:who=elder → a household member (本人 is the one who came)."""
    from ..engine import Person

    relation, _, rest = text.partition(":")
    concerns, _, given = rest.partition(":")
    if not relation.strip() or not concerns.strip():
        raise UserError("NAV-C612", given=text)
    ids = tuple(c.strip() for c in concerns.split(",") if c.strip())
    for cid in ids:
        _known_concern(ruleset, cid)
    answers = dict(_answer(ruleset, a.strip()) for a in given.split(",") if a.strip())
    return Person(f"p{index}", relation.strip(), ids, answers, client=relation.strip() == "本人")


def _answer(ruleset, text: str) -> tuple[str, str]:
    qid, sep, value = text.partition("=")
    question = ruleset.common.question(qid)
    if not sep or question is None:
        raise UserError("NAV-C607", given=text)
    if question.option(value) is None:
        values = [o.value for o in question.options]
        raise UserError("NAV-C608", question=qid, value=value, options=", ".join(values),
                        suggestion=suggest(value, values, fallback_list=False))
    return qid, value
