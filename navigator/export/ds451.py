"""デジタル庁 DS-451-4「実装データモデル 行政サービス・制度」as CSV, one row per window, and back.

The columns are 表1「行政サービス・制度のデータ項目定義」of DS-451-4 (正式版 2022-03-31,
JDA-DM/GIF 451_実装データモデル_行政/md/451-4_ad_rule.md), in its order and spelling, then
navigator's own columns, as the guide's own example (ミラサポplus 制度ナビ, §4.1 表2) adds its
own. お困りごと uses DS-491-1 §3.2's classes and サービス種別 §3.3's 相談. 連絡先情報 writes the
core model's 連絡先 items (430 ContactPoint: 連絡先電話番号, 連絡先住所) as `項目名: 値` joined by
「；」. Columns the plans say nothing about stay empty (docs/interop.md says which and why).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from ..model import Contact, Plan, RuleSet
from . import concerns_of, plans

COLUMNS = (
    "制度所管組織", "タイトル（制度名）", "サブタイトル（通称）", "制度番号", "元制度番号", "制度変更区分",
    "根拠法令", "地域群", "地域", "概要", "内容", "対象者", "用途・対象物", "収入条件", "家族構成条件",
    "対象者条件", "従業員条件", "資本金条件", "創業年条件", "給付上限額", "最大金利", "借入限度額", "償還期限",
    "最大補助率", "費用", "予算枠の有無", "申請届出方法", "募集時期", "公募開始日", "公募終了日", "公募備考",
    "手続書類", "電子申請の有無", "添付ファイル名称", "添付ファイル名", "詳細参照先", "詳細URL", "標準産業分類",
    "ステージとアクション", "事業ステージ", "お困りごと", "サービス種別", "災害名", "キーワード",
    "実施組織・支援機関", "お問い合わせ先", "お問合わせ先一覧", "連絡先情報", "公開開始日", "公開終了日",
    "最終更新日", "表示優先度",
)
OWN = ("市町村ID", "窓口ID", "受付時間", "出典ファイル", "出典の節", "出典の引用", "確認者", "有効開始日", "有効期限")
HEADER = COLUMNS + OWN
SUMMARY_MAX = 100    # 概要: 100文字以内
CONTENT_MAX = 500    # 内容: 500文字以内
# DS-491-1 §3.2 お困りごと分類, for navigator's concerns (navigator's judgement; docs/interop.md)
TROUBLE = {
    "poverty": "お金", "legal": "お金", "housing": "住まい", "employment": "仕事",
    "childcare": "子育て・教育", "school": "子育て・教育",
    "abuse": "医療福祉", "dv": "医療福祉", "guardianship": "医療福祉", "care": "医療福祉", "disability": "医療福祉",
    "hikikomori": "医療福祉", "youngcarer": "医療福祉", "kokoro": "医療福祉", "carer": "医療福祉",
    "isolation": "医療福祉", "mobility": "医療福祉",
}
OTHER = "その他暮らしに関すること"
PHONE_ITEM, ADDRESS_ITEM = "連絡先電話番号", "連絡先住所"


def rows(ruleset: RuleSet, only: str | None = None) -> list[dict[str, str]]:
    return [_row(plan, c) for plan in plans(ruleset, only) for c in plan.contacts.values()]


def _row(plan: Plan, c: Contact) -> dict[str, str]:
    troubles = []
    for concern in concerns_of(plan, c):
        label = TROUBLE.get(concern, OTHER)
        if label not in troubles:
            troubles.append(label)
    row = dict.fromkeys(HEADER, "")
    row.update({
        "制度所管組織": c.organization, "タイトル（制度名）": c.window, "制度番号": c.id,
        "概要": summary(c.notes or ""), "内容": c.notes or "",
        "詳細参照先": f"{plan.municipality.plan} {c.source.section or ''}".strip(),
        "お困りごと": ";".join(troubles), "サービス種別": "相談" if troubles else "",
        "お問い合わせ先": c.department or "", "連絡先情報": contact_point(c.phone, c.address),
        "最終更新日": _iso(c.last_verified),
        "市町村ID": plan.municipality.id, "窓口ID": c.id, "受付時間": c.hours or "",
        "出典ファイル": c.source.file or "", "出典の節": c.source.section or "", "出典の引用": c.source.quote or "",
        "確認者": c.verified_by or "", "有効開始日": _iso(c.valid_from), "有効期限": _iso(c.valid_until),
    })
    return row


def summary(text: str) -> str:
    """概要 (≤100字): the first sentence when it fits, else the text cut with 「…」."""
    if len(text) <= SUMMARY_MAX:
        return text
    first = text[: text.find("。") + 1] if "。" in text else ""
    return first if 0 < len(first) <= SUMMARY_MAX else text[: SUMMARY_MAX - 1] + "…"


def contact_point(phone: str | None, address: str | None) -> str:
    return "；".join(f"{item}: {value}" for item, value in ((PHONE_ITEM, phone), (ADDRESS_ITEM, address)) if value)


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def as_csv(table: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=HEADER, lineterminator="\r\n")   # RFC 4180
    writer.writeheader()
    writer.writerows(table)
    return out.getvalue()


def write(table: list[dict[str, str]], path: Path) -> Path:
    # UTF-8 with a BOM: Excel, which most offices open CSV with, reads Japanese correctly only so
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(as_csv(table), encoding="utf-8-sig", newline="")
    return path


# ---- back: a DS-451-4 CSV → contact fields -------------------------------------------------


class ReadError(ValueError):
    pass


def read(path: Path) -> list[dict[str, str]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ReadError(type(exc).__name__) from exc
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in ("制度所管組織", "タイトル（制度名）") if c not in (reader.fieldnames or [])]
    if missing:
        raise ReadError(f"列 {'、'.join(missing)} がありません")
    return list(reader)


def contacts(table: list[dict[str, str]], mid: str) -> list[dict]:
    mine = [r for r in table if (r.get("市町村ID") or "") == mid]
    found = []
    for n, r in enumerate(mine or table, start=1):
        phone, address = _parse_contact_point(r.get("連絡先情報") or "")
        found.append({
            "id": (r.get("窓口ID") or "").strip() or f"{mid}-{n:02d}",
            "window": r.get("タイトル（制度名）") or None, "department": r.get("お問い合わせ先") or None,
            "organization": r.get("制度所管組織") or None, "phone": phone, "address": address,
            "hours": r.get("受付時間") or None, "notes": r.get("内容") or None,
            "source": {k: r.get(col) for k, col in (("file", "出典ファイル"), ("section", "出典の節"),
                                                     ("quote", "出典の引用")) if r.get(col)},
            "last_verified": r.get("最終更新日") or None, "verified_by": r.get("確認者") or None,
            "valid_from": r.get("有効開始日") or None, "valid_until": r.get("有効期限") or None,
        })
    return found


def _parse_contact_point(text: str) -> tuple[str | None, str | None]:
    values = {}
    for part in text.split("；"):
        item, sep, value = part.partition(": ")
        if sep:
            values[item.strip()] = value.strip()
    return values.get(PHONE_ITEM), values.get(ADDRESS_ITEM)
