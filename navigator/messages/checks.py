"""Messages of `navigator check`'s deeper checks (E4xx/W4xx) and of scenario files (E5xx)."""

from . import Both, _add

# ---- E4xx / W4xx: deeper checks (navigator check) ------------------------------------

_add("NAV-W401", "{kind}「{id}」に計画からの引用（quote）がありません", "{kind} '{id}' cites no quote from the plan",
     "source.quote に、根拠になる計画の文章をそのまま写してください",
     "add source.quote: the plan's own words it rests on", kind="rule", id="asaka-poverty-jiritsu")
_add("NAV-E402", "ルール「{rule}」はどんな相談でも使われません（質問 {questions} は相談の種類「{concern}」では聞かれません）",
     "rule '{rule}' can never fire (question(s) {questions} are not asked for concern '{concern}')",
     "common.yaml でその質問の concerns に「{concern}」を足すか、条件を直してください",
     "add the concern to the question's concerns in common.yaml",
     rule="asaka-housing", questions="who", concern="housing")
_add("NAV-E403", "ルール「{rule}」はどんな相談でも使われません（条件が互いに矛盾しています）",
     "rule '{rule}' can never fire (its condition contradicts itself)",
     "同じ質問に違う答えを両方求めていないか、条件（when）を見直してください",
     "e.g. two different answers to one question: fix the condition", rule="asaka-abuse-child")
_add("NAV-W404", "ルール「{rule}」は、ルール「{other}」（{line} 行目）と同じ案内を重ねているだけです",
     "rule '{rule}' is wholly shadowed by rule '{other}' (line {line})",
     "相手のルールが同じ事業・同じ窓口を同じかより高い優先度で案内します。どちらかを消すか、条件を絞ってください",
     "the other names the same program and contacts at the same or a better priority; remove or narrow one",
     rule="asaka-poverty-again", other="asaka-poverty-jiritsu", line=9)
_add("NAV-W405", "窓口「{contact}」はどのルールからも案内されません",
     "contact '{contact}' is not referred to by any rule",
     "ルールの refer に足すか、もうない窓口なら消してください",
     "refer to it from a rule, or remove it if the window no longer exists", contact="asaka-kominkan")
_add("NAV-E406", "窓口「{contact}」の電話番号の形が違います: 「{phone}」",
     "contact '{contact}' has a phone number in a wrong format: '{phone}'",
     "048-463-1111 のように半角数字とハイフンで書くか、計画に無ければ行ごと消してください",
     "write it like 0270-27-2748 (digits and hyphens), or leave it out", contact="asaka-fukushi-sodan",
     phone="048(463)1111")
_add("NAV-W407", "窓口「{contact}」の有効期限（valid_until: {date}）が過ぎています",
     "contact '{contact}' was valid until {date}",
     "窓口が閉じたか移ったかもしれません。今の計画を確かめて、直すか消してください",
     "check the current plan and update or remove it", contact="asaka-fukushi-sodan", date="2026-03-31")
_add("NAV-W408", "窓口「{contact}」は {date} からの窓口です（valid_from）",
     "contact '{contact}' is valid only from {date}",
     "今も案内に出ています。開設後に valid_from を消すか、開設してから足してください",
     "it is shown already; remove valid_from once it opens, or add it later",
     contact="asaka-new-window", date="2027-04-01")
_add("NAV-W409", "窓口「{contact}」を最後に確かめたのは {date} で、1 年以上前です",
     "contact '{contact}' was last verified on {date}, more than a year ago",
     "今の計画と照らして確かめ、last_verified を確かめた日に直してください",
     "check it against the current plan and update last_verified", contact="asaka-fukushi-sodan",
     date="2025-04-01")
_add("NAV-W410", "{mid}: {concerns} のルールがないので、総合窓口「{fallback}」に案内します",
     "{mid}: no rule for {concerns}; these go to the fallback window '{fallback}'",
     "計画に記載がなければこのままで構いません。記載があればルールを足してください",
     "fine where the plan says nothing about them; add a rule where it does",
     mid="asaka", concerns="housing, unsure", fallback="asaka-fukushi-sodan")

_add("NAV-W430", "ルール「{rule}」は条件の組み合わせが多すぎるため（{count} 通り。上限 {limit}）、働くことがあるか・"
     "ほかのルールに隠れていないかを確かめていません",
     "rule '{rule}' has too many cases to check ({count}; the limit is {limit}): not checked whether it can fire "
     "or is shadowed", "条件を分けて、いくつかのルールにしてください", "split the condition over several rules",
     rule="asaka-poverty-jiritsu", count="3,407,872,000", limit="20,000")
_add("NAV-W431", "相談の種類「{concern}」は質問の答えの組み合わせが多すぎるため（{count} 通り）、答えなしと、"
     "質問を 1 つずつ答えた場合だけを比べました",
     "concern '{concern}' has too many answer combinations ({count}): compared with no answer and one answer at a time",
     "質問の数や選択肢を見直すか、相談例（tests/scenarios）で大事な組み合わせを確かめてください",
     "review the questions, or pin the combinations that matter in scenarios", concern="abuse", count="10,000,000,000")
_add("NAV-W411", "{kind}「{id}」の {key} に「{name}」と名前をそのまま書いています",
     "{kind} '{id}': {key} writes out 「{name}」",
     "名前は窓口の department / organization に一度だけ書き、文章では {{department}} / {{organization}} と書きます"
     "（ほかの窓口の名前なら、その窓口をルールの refer に加えてください）",
     "write the name once, in the contact's department / organization, and {{department}} / {{organization}} in text",
     kind=Both("ルール", "rule"), id="asaka-abuse-elder", key="reason", name="長寿はつらつ課")
_add("NAV-W412", "{kind}「{id}」の {key} は担当課の差し込み（department）を使っていますが、窓口「{contact}」に担当課がありません",
     "{kind} '{id}': {key} fills in the department, but contact '{contact}' has none",
     "担当課の書かれた窓口だけで {{department}} を使ってください（計画に記載がなければ「記載なし」と表示されます）",
     "use {{department}} only for contacts with a department", kind=Both("ルール", "rule"),
     id="maebashi-poverty-konkyu", key="reason", contact="maebashi-seikatsu-konkyu")
_add("NAV-W414", "危険の種類「{kind_id}」の手がかり「{cue}」の {part} は、辞書では「{words}」に分かれるので、どの文にも当たりません",
     "danger kind '{kind_id}': in cue '{cue}', {part} is split by the dictionary into '{words}' and never matches",
     "{fix} と書いてください（辞書の形の言葉を一語ずつ ~ でつなぎます）",
     "write {fix} (one ~ per dictionary word)", kind_id="child", cue="@child+~締め出す", part="~締め出す",
     words="締める|出す", fix="~締める~出す")
_add("NAV-E413", "引用「{text}」が計画 {plan} の本文にありません", "quote 「{text}」 is not in the plan {plan}",
     "計画で最も近い箇所は {near}", "the nearest passage in the plan is {near}",
     text="生活困窮者の総合的な相談窓口", plan="000_ae7e9c46a45c5378.txt",
     near="000_ae7e9c46a45c5378.txt:418「【市】〇生活困窮者の総合的な支援体制を推進し」（一致度 52%）")
_add("NAV-E414", "見出し「{text}」が計画 {plan} の本文にありません", "section part 「{text}」 is not in the plan {plan}",
     "計画で最も近い箇所は {near}", "the nearest passage in the plan is {near}",
     text="架空の見出し", plan="000_ae7e9c46a45c5378.txt", near="000_ae7e9c46a45c5378.txt:163「①地域での交流」（一致度 40%）")
_add("NAV-E415", "計画のファイル {file} が {folder} にありません", "plan file {file} is not in {folder}",
     "source.file は --plans のフォルダにある計画のファイル名です", "source.file names a plan file in the --plans folder",
     file="000_ae7e9c46a45c5378.txt", folder="../shared/seeds")

# ---- E5xx: scenario files -----------------------------------------------------------

_add("NAV-E501", "emergency は true か false で書きます", "emergency must be true or false",
     "true（緊急連絡先が出る）か false（出ない）にしてください", "write true or false")
