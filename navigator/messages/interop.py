"""Messages of review, export and new (issue 17): the review worklist (T72x), availability (E240), the commands (C62x)."""

from . import Both, _add

# ---- interop: review worklist (T72x), review / export / new commands (C62x) -----------

_add("NAV-T720", "{today} から {within} 日以内に確認の要る窓口・ルールはありません",
     "nothing is due for review within {within} days of {today}", within=30, today="2026-12-02")
_add("NAV-T721", "{today} から {within} 日以内: 未確認 {never} 件、確認期限切れ {overdue} 件、期限が近いもの {due} 件",
     "within {within} days of {today}: {never} never verified, {overdue} overdue, {due} due soon",
     "計画や担当課に確かめたら navigator review --mark ファイル:行 で確認済みにします",
     "after checking one, mark it with navigator review --mark FILE:LINE",
     within=30, today="2026-12-02", never=3, overdue=1, due=2)
_add("NAV-T722", "{kind}「{id}」（{name}）: 最終確認日の記録がありません（未確認）",
     "{kind} '{id}' ({name}): never verified (no last_verified)",
     kind=Both("窓口", "contact"), id="asaka-fukushi-sodan", name="福祉の総合相談")
_add("NAV-T723", "{kind}「{id}」（{name}）: 確認期限 {due} を {days} 日過ぎています（最終確認日 {last}、確認者 {by}）",
     "{kind} '{id}' ({name}): {days} days past its review date {due} (last verified {last} by {by})",
     kind=Both("窓口", "contact"), id="asaka-fukushi-sodan", name="福祉の総合相談", due="2026-04-01", days=245,
     last="2025-04-01", by="福祉相談課")
_add("NAV-T724", "{kind}「{id}」（{name}）: 確認期限 {due} まであと {days} 日（最終確認日 {last}、確認者 {by}）",
     "{kind} '{id}' ({name}): due for review on {due}, in {days} days (last verified {last} by {by})",
     kind=Both("ルール", "rule"), id="asaka-poverty-jiritsu", name="生活困窮者・世帯の自立支援", due="2026-12-20",
     days=18, last="2025-12-20", by="記録なし")
_add("NAV-T725", "記録なし", "not recorded")
_add("NAV-T726", "{path}: {kind}「{id}」を {today} に確認済みにしました", "{path}: {kind} '{id}' marked verified on {today}",
     path="contacts/asaka.yaml", kind=Both("窓口", "contact"), id="asaka-fukushi-sodan", today="2026-12-02")
_add("NAV-T727", "{path} に書き出しました（{tables}）", "wrote {path} ({tables})", path="hsds/", tables="services 28")
_add("NAV-T728", "{path} を作りました", "created {path}", path="rules/newtown.yaml")
_add("NAV-T729", "まだ足りないもの: {missing}", "still missing: {missing}",
     "足してから navigator check で確かめてください", "fill them in, then run navigator check",
     missing="name, prefecture")

_add("NAV-E240", "受付日時（availability）の {key} の書き方が違います: 「{value}」",
     "availability's {key} is written wrongly: '{value}'",
     "days は 月火水木金土日 の字（例: 月水金）、opens・closes は 13:00 のように書き、closes を opens より後にします",
     "days: weekday characters such as 月水金; opens and closes as 13:00, closes after opens",
     key="opens", value="午後1時")
_add("NAV-C621", "確認済みにする窓口・ルールが見つかりません: {target}", "no contact or rule found for {target}",
     "navigator review が示す ファイル:行 か、窓口・ルールの id を指定してください",
     "give FILE:LINE as navigator review prints it, or a contact or rule id", target="contacts/asaka.yaml:999")
_add("NAV-C622", "{path} の「{id}」を書き換えられません（{detail}）", "cannot edit '{id}' in {path} ({detail})",
     "その項目に last_verified: 年-月-日 を手で書いてください", "write last_verified: YYYY-MM-DD into that entry by hand",
     path="contacts/asaka.yaml", id="asaka-fukushi-sodan", detail="the entry is written on one line")
_add("NAV-C623", "{path} に書き出せません（{detail}）", "cannot write to {path} ({detail})",
     "書き込めるフォルダを指定してください", "give a folder you can write to", path="out/", detail="Permission denied")
_add("NAV-C624", "{path} を読み込めません（{detail}）", "cannot read {path} ({detail})",
     "HSDS のフォルダ（services.json などのあるもの）か DS-451 の CSV を指定してください",
     "give an HSDS folder (with services.json …) or a DS-451 CSV file", path="hsds/", detail="services.json がありません")
_add("NAV-C625", "市町村「{mid}」のファイルはもうあります（{path}）", "municipality '{mid}' already exists ({path})",
     "別の id にするか、今のファイルを直接直してください", "choose another id or edit the existing files",
     mid="asaka", path="rules/asaka.yaml")
_add("NAV-C626", "市町村の id「{mid}」は使えません", "'{mid}' cannot be a municipality id",
     "半角の英小文字・数字・ハイフンで書いてください（例: kawaguchi）", "use lower-case letters, digits and hyphens",
     mid="川口市")
