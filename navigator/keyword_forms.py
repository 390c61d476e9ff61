"""Keywords analysed once at load, like a resident's text: lemma, reading and content forms."""

from __future__ import annotations

from . import rule_forms
from .analysis import Word, _content_words, _fold_aru, _lemma, _load, _lock, normalize


def content_form(keyword: str) -> str:
    """The content-channel form of a keyword analysed by `keywords_forms` ("" if not analysed)."""
    return _CONTENT.get(keyword, "")


def _completed(keyword: str) -> str:
    """Stems written to stand for ない (払えな, 足りな, 仕事がなくな) completed, so that they
    match 払えず, 足りません like any ない."""
    if keyword.endswith("くな"):
        return keyword + "る"
    if keyword.endswith("な") and not keyword.endswith("んな"):
        return keyword + "い"
    return keyword


def keyword_forms(keyword: str) -> tuple[str, str, bool]:
    """(lemma string, reading string, whether the keyword ends in an open verb stem) of one
    keyword part, analysed like a resident's text."""
    return keywords_forms([keyword]).get(keyword, ("", "", False))


def keywords_forms(keywords) -> dict[str, tuple[str, str, bool]]:
    """keyword_forms for many keywords. Each is tokenized on its own (joined, the words at the
    joins were read differently: 出所 as でどころ), once when it needs no completion."""
    tokenizer = _load()
    if tokenizer is None:
        return {}
    forms = {}
    with _lock:
        for keyword in dict.fromkeys(keywords):
            if keyword in _FORMS:   # a matcher per scenario (navigator diff) analyses each once
                forms[keyword] = _FORMS[keyword]
                continue
            if (shipped := rule_forms.keyword(keyword)) is not None:   # analysed when the table was made
                forms[keyword] = _FORMS[keyword] = shipped[0]
                _CONTENT[keyword] = shipped[1]
                continue
            completed = _completed(keyword)
            raw = _keyword_words(tokenizer, keyword)
            full = raw if completed == keyword else _keyword_words(tokenizer, completed)
            last = raw[-1] if raw else None
            # 外に出 / 行け / 働け / 払え: a verb cut before its ending; ない after it completes it
            open_stem = bool(last and last[2][0] == "動詞" and last[2][5] != "終止形-一般")
            forms[keyword] = _FORMS[keyword] = ("".join(w[0] for w in full), "".join(w[1] for w in raw), open_stem)
            _CONTENT[keyword] = "".join(w.lemma for w in _content_words(w[3] for w in full))
    return forms


_FORMS: dict[str, tuple[str, str, bool]] = {}
_CONTENT: dict[str, str] = {}


def _keyword_words(tokenizer, text: str) -> list[tuple[str, str, tuple, Word]]:
    words = []
    for m in tokenizer.tokenize(text):
        pos = m.part_of_speech()
        surf = m.surface()
        if pos[0] in ("補助記号", "空白") or not surf.strip():
            continue
        lemma = _lemma(m.dictionary_form(), m.normalized_form(), pos, surf)
        if lemma:
            reading = normalize(m.reading_form())
            words.append((lemma, reading, pos, Word(m.begin(), m.end(), surf, lemma, reading, tuple(pos))))
    folded = _fold_aru([w[3] for w in words])
    return [(f.lemma, f.reading, w[2], f) for w, f in zip(words, folded) if f.lemma]
