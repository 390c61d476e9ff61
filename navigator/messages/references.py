"""Messages about references between entries and files (E3xx), national lines and danger cues (E32x)."""

from . import Both, _add

# ---- E3xx: references -------------------------------------------------------------

_add("NAV-E301", "{kind}の id「{id}」が重複しています（最初は {first} 行目）",
     "duplicate {kind} id '{id}' (first at line {first})",
     "どちらかの id を変えるか、重複した項目を消してください", "rename or remove one of them",
     kind="rule", id="asaka-poverty-jiritsu", first=10)
_add("NAV-E302", "選択肢の値「{value}」が重複しています", "duplicate option value '{value}'",
     "値を変えるか、片方を消してください", "rename or remove one", value="child")
_add("NAV-E303", "質問「{question}」が、ない相談の種類「{concern}」に対して聞かれます",
     "question '{question}' is asked for unknown concern '{concern}'",
     "{suggestion}", "{suggestion}", question="who", concern="abuze",
     suggestion="「abuse」の書き間違いではありませんか")
_add("NAV-E304", "{owner}相談の種類「{concern}」はありません", "{owner}unknown concern '{concern}'",
     "{suggestion}（相談の種類は rules/common.yaml の concerns にあります）",
     "{suggestion} (concerns are listed in rules/common.yaml)",
     owner=Both("ルール「asaka-housing」の", "rule 'asaka-housing' is for "), concern="housin",
     suggestion="「housing」の書き間違いではありませんか")
_add("NAV-E305", "答えの条件に、ない質問「{question}」が書かれています",
     "an answer condition names unknown question '{question}'",
     "{suggestion}（質問は rules/common.yaml の questions にあります）",
     "{suggestion} (questions are listed in rules/common.yaml)", question="whoo",
     suggestion="「who」の書き間違いではありませんか")
_add("NAV-E306", "質問「{question}」に選択肢「{value}」はないので、この条件は決して成り立ちません",
     "question '{question}' has no option '{value}', so this can never match",
     "{suggestion}", "{suggestion}", question="who", value="elderly",
     suggestion="「elder」の書き間違いではありませんか")
_add("NAV-E307", "市町村の id「{id}」がファイル名「{mid}」と違います",
     "municipality id '{id}' differs from the file name '{mid}'",
     "ファイル名を {id}.yaml にするか、id を直してください", "rename the file to {id}.yaml or change the id",
     id="asak", mid="asaka")
_add("NAV-E308", "{owner}が、ない窓口「{contact}」を指しています", "{owner} refers to unknown contact '{contact}'",
     "{suggestion}（窓口は contacts/{mid}.yaml にあります）", "{suggestion} (contacts are in contacts/{mid}.yaml)",
     owner=Both("ルール「asaka-poverty-jiritsu」", "rule 'asaka-poverty-jiritsu'"),
     contact="asaka-fukushi-sodn", mid="asaka", suggestion="「asaka-fukushi-sodan」の書き間違いではありませんか")
_add("NAV-E310", "{kind}の id「{id}」は {first} でも使われています", "{kind} id '{id}' is also used at {first}",
     "id はすべての市町村を通して一つだけにします。市町村名を頭に付けてください（例: asaka-…）",
     "ids are unique across municipalities: prefix them with the municipality",
     kind="contact", id="fukushi-sodan", first="contacts/ageo.yaml:3:5")
_add("NAV-E311", "窓口ファイルには市町村「{owner}」とありますが、ファイル名は「{mid}」です",
     "contacts file says municipality '{owner}' but is named '{mid}'",
     "municipality: {mid} に直すか、ファイル名を直してください", "make them agree", owner="ageo", mid="asaka")

# ---- E32x: national lines and danger cues (rules/common.yaml emergency, rules/danger.yaml)

_add("NAV-E320", "危険の種類「{kind_id}」が、ない緊急連絡先「{line}」を指しています",
     "danger kind '{kind_id}' names unknown emergency line '{line}'",
     "rules/common.yaml の emergency にある id を書いてください（{lines}）", "use an id from emergency: {lines}",
     kind_id="violence_now", line="polise", lines="police, ambulance, …")
_add("NAV-E321", "手がかり「{cue}」の「{group}」という言葉のまとまりは words: にありません",
     "cue '{cue}' uses unknown word group '{group}'",
     "words: に書いたまとまりの名前を @ の後に書いてください（{groups}）", "define it under words: ({groups})",
     cue="@kid+叩かれ", group="@kid", groups="@child, @partner")
_add("NAV-E322", "手がかり「{cue}」に、空白や記号を除くと空になる部分があります",
     "cue '{cue}' has a part that is empty once spaces and punctuation are dropped",
     "+ の前後に言葉を書いてください", "write a word on both sides of +", cue="夫+")
_add("NAV-E323", "番号の種類（group）「{group}」はありません", "unknown line group '{group}'",
     "使えるもの: {groups}", "groups: {groups}", group="crises", groups="police, ambulance, child, dv, crisis, sexual, consultation")
_add("NAV-E324", "危険の種類「{kind_id}」に手がかりがありません", "danger kind '{kind_id}' has no cues",
     "cues・now_cues・alone_cues のどれかに言葉を書いてください", "give it cues, now_cues or alone_cues", kind_id="sexual")
_add("NAV-E325", "危険のときに聞く質問「{question}」がないか、答え「{answer}」がその選択肢にありません",
     "danger question '{question}' is unknown or '{answer}' is not one of its options",
     "common.yaml の questions にある id と、その選択肢の value を書いてください（{options}）",
     "name a question of common.yaml and one of its option values ({options})",
     question="dangr", answer="yes", options="danger: yes, no")
_add("NAV-E326", "出典の url は https:// か http:// で始めてください", "url must start with https:// or http://",
     "運営者のページのアドレスをそのまま貼ってください", "paste the address of the operator's page")
_add("NAV-E327", "free の値は true か false にしてください", "free must be true or false",
     "無料なら true、通話料がかかるなら false、わからなければ行ごと消してください",
     "true when the call is free, false when not; leave it out when not stated")
_add("NAV-E328", "{key} の値は true か false にしてください", "{key} must be true or false",
     "その決まりを使う種類なら true、使わないなら false（書かなければ false）。history・now_only の意味は docs/format.md",
     "true when the kind uses that rule, false (the default) when not; see docs/format.md for history, now_only",
     key="history")
_add("NAV-E329", "例文の危険の種類「{kind_id}」は rules/danger.yaml の kinds にありません",
     "danger examples name unknown kind '{kind_id}'",
     "kinds にある id を書いてください（{kinds}）", "use a kind id of rules/danger.yaml ({kinds})",
     kind_id="sucide", kinds="violence_now, medical, suicide, …")
_add("NAV-E330", "yields に書けるのは recent・over・reported・habitual だけです（「{value}」）", "yields takes only recent, over, reported and habitual ('{value}')",
     "recent: 昨日・先週・したことがあると話したとき、over: over の言葉（もう出て行った・避難中）があるとき、reported: 人の書いた・話した言葉の報告（と書いてありました）、habitual: 繰り返し（毎晩）や言われた・送られた言葉（と言われ・メール）で、今のことではないとき、ほかの種類の番号を先にします",
     "recent: told as recent or past; over: the text has an over word; then the other kinds' lines come first",
     value="recnt")
_add("NAV-E331", "質問「{question}」の選択肢「{value}」の first が、ない緊急連絡先「{line}」を指しています",
     "option '{value}' of question '{question}' puts unknown emergency line '{line}' first",
     "rules/common.yaml の emergency にある id を書いてください（{lines}）", "use an id from emergency: {lines}",
     question="danger", value="now", line="polise", lines="police, ambulance, …")
_add("NAV-E332", "{key} の言葉のグループ「{group}」は words にありません", "{key} names unknown word group '{group}'",
     "words: にあるグループ名を書いてください（{groups}）", "name a group of words: ({groups})",
     key="needs", group="chld", groups="child, partner, ex, …")
