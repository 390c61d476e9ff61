"""A synthetic national rule set in the shipped format: 1,741 municipalities × ~100 rules.

Each synthetic municipality is a textual copy of one shipped municipality (round robin), so
the files keep the real shape: comments, flow mappings, long Japanese reasons and quotes.
Ids are re-prefixed with the new municipality id; the template's rules are repeated with an
id suffix (-1, -2, …) and their own program name until there are RULES_EACH of them; its
contacts are kept as they are.
rules/common.yaml is copied unchanged.

    .venv/bin/python bench/synth.py OUT_DIR [COUNT]
"""

from __future__ import annotations

import random
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ("ageo", "asaka", "isesaki", "maebashi", "shimotsuke")
MUNICIPALITIES = 1741        # 1,718 市町村 and the 23 特別区
RULES_EACH = 100
PREFECTURES = ("北海道 青森県 岩手県 宮城県 秋田県 山形県 福島県 茨城県 栃木県 群馬県 埼玉県 千葉県 東京都 "
               "神奈川県 新潟県 富山県 石川県 福井県 山梨県 長野県 岐阜県 静岡県 愛知県 三重県 滋賀県 京都府 "
               "大阪府 兵庫県 奈良県 和歌山県 鳥取県 島根県 岡山県 広島県 山口県 徳島県 香川県 愛媛県 高知県 "
               "福岡県 佐賀県 長崎県 熊本県 大分県 宮崎県 鹿児島県 沖縄県").split()
_HEAD, _TAIL = "東西南北上下大小高山川田野原沢松杉桜富士白黒青赤新古本中若朝夕", "島崎浜岡井尾沢谷瀬森林木町津橋"
END = "\n# ファイルの終わりの印です。途中で切れたファイルを見分けるので、消さずに最後の行にしておいてください。\nend: true\n"
ITEM = re.compile(r"(?m)^  - id: ")


def split_items(text: str, key: str) -> tuple[str, list[str]]:
    """The file up to and including `key:`, and each `  - id:` item with what follows it."""
    head, _, body = text.partition(f"\n{key}:\n")
    body = body[:body.rindex("\n# ファイルの終わり")] + "\n"  # the closing lines are added back once, at the end
    parts = ITEM.split(body)
    return f"{head}\n{key}:\n{parts[0]}", ["  - id: " + p for p in parts[1:]]


def renamed(text: str, template: str, mid: str) -> str:
    return text.replace(f"{template}-", f"{mid}-")


def rules_text(template: str, mid: str, name: str, prefecture: str) -> str:
    head, items = split_items((ROOT / "rules" / f"{template}.yaml").read_text(encoding="utf-8"), "rules")
    head = re.sub(r"(?m)^  id: .*$", f"  id: {mid}", head)
    head = re.sub(r"(?m)^  name: .*$", f"  name: {name}", head)
    head = re.sub(r"(?m)^  prefecture: .*$", f"  prefecture: {prefecture}", head)
    rules = []
    for copy in range(RULES_EACH // len(items) + 1):
        for item in items:
            rules.append(_copy(item, copy) if copy else item)
    body = "".join(r if r.endswith("\n") else r + "\n" for r in rules[:RULES_EACH])
    return renamed(head + body + END, template, mid)


def _copy(item: str, copy: int) -> str:
    """Another rule like `item`: a new id and its own program name (else it would shadow it)."""
    first, rest = item.split("\n", 1)
    rest = re.sub(r"(?m)^(    program: .*)$", rf"\1（その{copy + 1}）", rest, count=1)
    return f"{first}-{copy}\n{rest}"


def contacts_text(template: str, mid: str) -> str:
    text = (ROOT / "contacts" / f"{template}.yaml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^municipality: .*$", f"municipality: {mid}", text)
    return renamed(text, template, mid)


def municipalities(count: int = MUNICIPALITIES) -> list[tuple[str, str, str]]:
    """(id, name, prefecture) spread evenly over the 47 prefectures; names are made up."""
    rng = random.Random(6)
    out = []
    for n in range(count):
        pref = n % len(PREFECTURES)
        name = rng.choice(_HEAD) + rng.choice(_TAIL) + rng.choice("市町村")
        out.append((f"m{pref + 1:02d}{n // len(PREFECTURES):03d}", name, PREFECTURES[pref]))
    return out


def generate(out: Path, count: int = MUNICIPALITIES) -> tuple[Path, Path]:
    """Write rules/ and contacts/ under `out`; return the two directories."""
    rules_dir, contacts_dir = out / "rules", out / "contacts"
    rules_dir.mkdir(parents=True, exist_ok=True)
    contacts_dir.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "rules" / "common.yaml", rules_dir / "common.yaml")
    for i, (mid, name, prefecture) in enumerate(municipalities(count)):
        template = TEMPLATES[i % len(TEMPLATES)]
        (rules_dir / f"{mid}.yaml").write_text(rules_text(template, mid, name, prefecture), encoding="utf-8")
        (contacts_dir / f"{mid}.yaml").write_text(contacts_text(template, mid), encoding="utf-8")
    return rules_dir, contacts_dir


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    generate(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else MUNICIPALITIES)


# ---- ten times the keywords ----------------------------------------------------------

# What residents put around a keyword: each keyword gets nine variants, so the matcher sees ten
# times as many keywords, longer on average, with many sharing their first characters.
KEYWORD_PREFIXES = ("家族の", "最近", "親の", "子どもの")
KEYWORD_ENDINGS = ("が心配", "で困っている", "のことで相談したい", "について", "がつらい")


def ten_times(concerns):
    """The concerns with every keyword (and example utterance) joined by its nine variants."""
    from dataclasses import replace

    def variants(word: str) -> list[str]:
        return [word, *(p + word for p in KEYWORD_PREFIXES), *(word + e for e in KEYWORD_ENDINGS)]
    return [replace(c, keywords=tuple(v for w in (c.label, *c.keywords) for v in variants(w)),
                    examples=tuple(v for e in c.examples for v in variants(e)))
            for c in concerns]


# ---- what residents say: the shipped scenarios --------------------------------------


def scenarios() -> list[dict]:
    """Every shipped scenario as written (text, concerns, answers)."""
    import yaml

    found = []
    for path in sorted((ROOT / "tests" / "scenarios").glob("*.yaml")):
        found += yaml.safe_load(path.read_text(encoding="utf-8"))["scenarios"]
    return found


def prefixes(count: int = 1000) -> list[str]:
    """`count` prefixes, evenly spread over every prefix of every scenario text, as typed."""
    every = [s["text"][:n] for s in scenarios() if s.get("text") for n in range(1, len(s["text"]) + 1)]
    step = len(every) / count
    return [every[int(i * step)] for i in range(count)]
