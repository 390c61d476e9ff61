"""The blind measuring sets in bench/blind/ are frozen: any edit must show up as a failure.

They were written without looking at the matcher (see bench/blind/README.md) and are for
measuring only. This test also checks that every case uses the agreed label vocabulary, so a
bench that reads them can trust the fields. bench/dev/danger_dev.yaml is the tuning set: its
format is checked here too, but it is not frozen.
"""

import hashlib
from collections import Counter
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
BLIND = ROOT / "bench" / "blind"
DEV_DANGER = ROOT / "bench" / "dev" / "danger_dev.yaml"
DEV_DANGER2 = ROOT / "bench" / "dev" / "danger_dev2.yaml"

# Changing a blind file means it is no longer blind: write a new set instead of editing this table.
FROZEN_SHA256 = {
    "danger.yaml": "e6aa246370561503a93d543fc053181227cd1dc7bef750ada8b6a78a483ff953",
    "understanding.yaml": "4a59c98f166c04c718c73d2c3e1eeb488347b14cb7d84a2d723b68b245291fea",
}

CONCERNS = {
    "poverty", "housing", "employment", "abuse", "dv", "guardianship", "care", "disability",
    "childcare", "school", "hikikomori", "rehabilitation", "youngcarer", "disaster", "isolation",
    "unsure", "kokoro", "crime_victim", "consumer", "legal", "foreign", "rights", "mobility", "carer",
}
DANGER_KINDS = {"violence_now", "medical", "child", "dv", "suicide", "sexual"}
FIRST_GROUPS = {"police", "ambulance", "child", "dv", "crisis", "sexual"}
MUNICIPALITIES = {"maebashi", "isesaki", "ageo", "shimotsuke", "asaka"}
ANSWERS = {
    "who": {"child", "elder", "disabled", "adult"},
    "capacity": {"can_decide", "cannot_decide"},
    "seikatsu_hogo": {"yes", "no"},
    "housing_kind": {"lost_income", "refused", "adapt"},
    "age_group": {"child", "young", "middle"},
    "childcare_kind": {"pregnancy", "raising", "development"},
    "isolation_kind": {"lonely", "join"},
}
ROLES = {"来談者", "本人", "家族"}
PERSON_AGES = {"child", "young", "adult", "elder"}
DANGER_STYLES = {
    "direct", "indirect", "dialect", "hiragana", "typo", "halfwidth", "third_party", "desk_note",
    "child", "elderly", "foreign", "long", "ordinary", "ordinary_trap", "negated", "past_over", "news",
}
UNDERSTANDING_STYLES = {
    "natural", "desk_note", "hiragana", "dialect", "typo", "halfwidth", "third_party", "negation",
    "multi", "household", "foreign", "danger", "child", "elderly",
}


def _cases(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]


def _expected_first(kinds, now):
    """The labelling rule of COMMON.md, applied in priority order."""
    if "violence_now" in kinds:
        return "police"
    if now:
        return "ambulance"
    for kind, group in (("child", "child"), ("sexual", "sexual"), ("dv", "dv"), ("suicide", "crisis")):
        if kind in kinds:
            return group
    raise AssertionError(f"no line group for {kinds}")


@pytest.mark.parametrize("name", sorted(FROZEN_SHA256))
def test_blind_file_is_unchanged(name):
    digest = hashlib.sha256((BLIND / name).read_bytes()).hexdigest()
    assert digest == FROZEN_SHA256[name], f"bench/blind/{name} was edited; blind sets are frozen"


def test_no_unlisted_blind_files():
    present = {p.name for p in BLIND.iterdir() if p.name != "README.md"}
    assert present == set(FROZEN_SHA256)


def _check_danger_cases(cases):
    for case in cases:
        cid = case["id"]
        assert set(case) >= {"id", "style", "text", "danger", "kinds", "now"}, cid
        assert case["style"] in DANGER_STYLES, cid
        assert isinstance(case["text"], str) and case["text"].strip(), cid
        assert isinstance(case["danger"], bool) and isinstance(case["now"], bool), cid
        assert set(case["kinds"]) <= DANGER_KINDS, cid
        assert case["danger"] == bool(case["kinds"]), cid
        if case["danger"]:
            assert case["first"] in FIRST_GROUPS, cid
            assert case["first"] == _expected_first(case["kinds"], case["now"]), cid
        else:
            assert "first" not in case and not case["now"], cid
    ids = [c["id"] for c in cases]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("path,min_danger,min_ordinary", [
    (BLIND / "danger.yaml", 90, 90),
    (DEV_DANGER, 60, 40),
    (DEV_DANGER2, 80, 50),
])
def test_danger_set_labels_and_counts(path, min_danger, min_ordinary):
    cases = _cases(path)
    _check_danger_cases(cases)
    assert sum(c["danger"] for c in cases) >= min_danger
    assert sum(not c["danger"] for c in cases) >= min_ordinary
    kinds = Counter(k for c in cases for k in c["kinds"])
    assert set(kinds) == DANGER_KINDS, "every danger kind is covered"


def test_dev_and_blind_danger_sets_share_no_sentence():
    blind = {c["text"] for c in _cases(BLIND / "danger.yaml")}
    blind |= {c["text"] for c in _cases(BLIND / "understanding.yaml")}
    assert not blind & {c["text"] for path in (DEV_DANGER, DEV_DANGER2) for c in _cases(path)}


def _check_people(cid, people):
    assert isinstance(people, list) and people, cid
    for person in people:
        assert set(person) == {"role", "relation", "age_group", "concerns"}, cid
        assert person["role"] in ROLES and person["age_group"] in PERSON_AGES, cid
        assert isinstance(person["relation"], str) and person["relation"], cid
        assert set(person["concerns"]) <= CONCERNS, cid


def test_understanding_labels_and_counts():
    cases = _cases(BLIND / "understanding.yaml")
    for case in cases:
        cid = case["id"]
        assert set(case) >= {"id", "style", "municipality", "text", "concerns", "also_ok",
                             "danger", "answers"}, cid
        assert case["style"] in UNDERSTANDING_STYLES and case["municipality"] in MUNICIPALITIES, cid
        assert isinstance(case["text"], str) and case["text"].strip(), cid
        assert case["concerns"] and set(case["concerns"]) <= CONCERNS, cid
        assert set(case["also_ok"]) <= CONCERNS and not set(case["also_ok"]) & set(case["concerns"]), cid
        assert isinstance(case["danger"], bool), cid
        for question, value in case["answers"].items():
            assert value in ANSWERS[question], cid
        if case["style"] == "household":
            assert "people" in case, cid
        if "people" in case:
            _check_people(cid, case["people"])
    ids = [c["id"] for c in cases]
    assert len(ids) == len(set(ids))
    assert len(cases) >= 170
    per_concern = Counter(k for c in cases for k in c["concerns"])
    assert all(per_concern[k] >= 5 for k in CONCERNS), per_concern
    assert set(Counter(c["municipality"] for c in cases)) == MUNICIPALITIES


def _held_out_texts() -> set[str]:
    """Every sentence of the blind sets, of the dev sets the benches hold out (HELD_OUT) and of
    the weighings' validation set (VALIDATION), its spaces as the rules write them."""
    import runpy
    held = set()
    for bench in ("danger", "understanding"):
        found = runpy.run_path(str(ROOT / "bench" / f"{bench}.py"), run_name="held_out_check")
        for name in found["HELD_OUT"] | found.get("VALIDATION", set()):
            path = ROOT / "bench" / "dev" / (name if name.endswith(".yaml") else f"understanding_{name}.yaml")
            held |= {c["text"] for c in _cases(path)}
    held |= {c["text"] for name in FROZEN_SHA256 for c in _cases(BLIND / name)}
    return held | {" ".join(t.split()) for t in held}


def test_no_held_out_sentence_is_in_the_rules():
    """Examples and labelled sentences in rules/ come from tuning sets only: a held-out sentence
    copied there would be measured against itself."""
    def strings(node):
        if isinstance(node, str):
            yield node.strip()
        elif isinstance(node, dict):
            for v in node.values():
                yield from strings(v)
        elif isinstance(node, list):
            for v in node:
                yield from strings(v)
    shipped = {t for p in (ROOT / "rules").rglob("*.yaml") for t in strings(yaml.safe_load(p.read_text(encoding="utf-8")))}
    held = {t.strip() for t in _held_out_texts()}
    assert len(held) > 500 and len(shipped) > 1000
    assert sorted(held & shipped) == []

