"""Messages about a file itself (E0xx), its YAML syntax (E1xx) and its keys and values (E2xx)."""

from . import _add

# ---- E0xx: the file itself ---------------------------------------------------------

_add("NAV-E001", "通常のファイルではありません", "not a regular file",
     "ルールファイルは普通のテキストファイルにしてください", "use a plain text file")
_add("NAV-E002", "ファイルが大きすぎます（{size} バイト。上限は {limit} バイト）",
     "file is too large ({size} bytes; the limit is {limit})",
     "市町村ごとにファイルを分けるか、重複した項目を消してください",
     "split the file or remove repeated entries", size=2_000_000, limit=1_000_000)
_add("NAV-E003", "ファイルが UTF-8 の文字コードではありません", "file is not UTF-8 text",
     "エディタで「UTF-8」を選んで保存し直してください（Shift_JIS は読めません）", "save it as UTF-8")
_add("NAV-E004", "ファイルを読めません（{reason}）", "cannot read file: {reason}",
     "ファイルの場所と読み取りの権限を確かめてください", "check the path and permissions",
     reason="Permission denied")
_add("NAV-E005", "1 行が長すぎます（{length} 文字。上限は {limit} 文字）",
     "line is too long ({length} characters; the limit is {limit})",
     "長い文章は > や | を使って複数の行に分けて書けます", "break the text over several lines with > or |",
     length=6000, limit=5000)
_add("NAV-E006", "YAML で使えない文字（U+{char}）が入っています", "character U+{char} is not allowed in YAML",
     "見えない制御文字が貼り付けで入ったかもしれません。その部分を消して打ち直してください",
     'write it as an escape in double quotes, e.g. "\\x1b", if it is meant', char="001B")
_add("NAV-E007", "入れ子が深すぎます（{depth} 段より深い）", "nested more than {depth} levels deep",
     "字下げを見直してください。本物のルールファイルはそこまで深くなりません", "flatten the structure",
     depth=40)
_add("NAV-E008", "ファイルが空です", "file is empty",
     "中身を書くか、使わないならファイルごと消してください", "write the content or remove the file")
_add("NAV-E009", "アンカーとエイリアス（& と *）は使えません", "anchors and aliases (& and *) are not supported",
     "同じ内容でも、それぞれの場所に全部書いてください", "write the value out in full")
_add("NAV-E010", "値が多すぎます（1 ファイルに {limit} 個まで）", "more than {limit} values in one file",
     "市町村のルールを分けるか、重複を消してください",
     "split the municipality's rules or remove repeated entries", limit=50000)
_add("NAV-E011", "{folder} のフォルダが見つかりません", "{folder} directory not found",
     "--rules / --contacts で正しいフォルダを指定してください", "give the right folder with --rules / --contacts",
     folder="rules")
_add("NAV-E012", "共通ファイル（相談の種類・質問・緊急連絡先）が見つかりません",
     "common file not found (concerns, questions, emergency)",
     "rules/common.yaml を置いてください", "put rules/common.yaml in place")
_add("NAV-E013", "市町村「{mid}」のルールファイルがありません", "no rules file for municipality '{mid}'",
     "rules/{mid}.yaml を作るか、市町村の指定を直してください", "create rules/{mid}.yaml", mid="asaka")
_add("NAV-E014", "市町村「{mid}」の窓口ファイルがありません", "no contacts file for municipality '{mid}'",
     "contacts/{mid}.yaml を作ってください", "create contacts/{mid}.yaml", mid="asaka")
_add("NAV-E015", "「{mid}」の窓口ファイルはありますが、ルールファイル {rules} がありません",
     "contacts for '{mid}' but no rules file {rules}",
     "ルールファイルを作るか、使わない窓口ファイルを消してください",
     "add the rules file or remove the contacts file", mid="asaka", rules="rules/asaka.yaml")
_add("NAV-E016", "ルールを読み込めませんでした（内部の問題: {detail}）", "the rules could not be read ({detail})",
     "ファイルを直前の版に戻して試し、続くときは担当者に連絡してください",
     "restore the last good files and report it", detail="KeyError")
_add("NAV-E017", "ファイルの最後に「{end}」がありません。保存が途中で止まったか、ファイルの後ろが切れています",
     "the file does not end with '{end}': it was cut off or saved half-way",
     "ファイルを最後まで確かめ、最後の行に {end} を書いてください", "check the whole file and end it with {end}",
     end="end: true")
_add("NAV-E018", "「{end}」の後ろに「{after}」があります", "'{after}' comes after '{end}'",
     "{end} はファイルの最後の行に置いてください", "{end} must be the last line", end="end: true", after="rules")
_add("NAV-E019", "{key} の値は true にしてください", "{key} must be true", "最後の行は {end} です",
     "the last line is {end}", key="end", end="end: true")
_add("NAV-E030", "{folder} のフォルダの中を読めません（{reason}）", "cannot list the {folder} directory ({reason})",
     "フォルダの読み取りの権限を確かめてください", "check the folder's read permission", folder="rules",
     reason="Permission denied")
_add("NAV-W031", "ファイル名「{name}」は市町村の id として使えないため、読み込みません",
     "file name '{name}' is not a municipality id, so it is not loaded",
     "小文字の英数字と - _ だけの名前（例: asaka.yaml）にしてください",
     "use lower-case ASCII letters, digits, '-' and '_' (e.g. asaka.yaml)", name="朝霞.yaml")

# ---- E1xx: YAML syntax, explained ---------------------------------------------------

_add("NAV-E101", "YAML の書き方に誤りがあります（{detail}）", "YAML syntax error: {detail}",
     "この行とすぐ上の行の字下げ・「:」・引用符・かっこを確かめてください",
     "check indentation, colons, quotes and brackets on this line and the one above",
     detail="mapping values are not allowed here")
_add("NAV-E102", "字下げにタブ文字が使われています", "a tab character is used for indentation",
     "タブを消して、半角スペースで字下げしてください（YAML ではタブは使えません）",
     "replace the tab with spaces (YAML does not allow tabs)")
_add("NAV-E103", "この行の字下げが上の行より深すぎます", "this line is indented deeper than it may be",
     "同じ項目の中の行は、上の「{above}」と同じ位置（{column} 桁目）から書き始めてください",
     "start it in the same column as '{above}' above (column {column})", above="window:", column=5)
_add("NAV-E104", "この行の字下げが浅すぎます（どの項目の続きか分かりません）",
     "this line is indented less than the item it belongs to",
     "上の「{above}」と同じ位置（{column} 桁目）まで半角スペースで下げてください",
     "indent it to the column of '{above}' above (column {column})", above="window:", column=5)
_add("NAV-E105", "「:」がありません（「キー: 値」の形になっていません）",
     "missing ':' (the line is not 'key: value')",
     "「{key}: 値」のように、キーの後に「:」と半角スペースを入れてください",
     "write it as '{key}: value'", key="department")
_add("NAV-E106", "「:」の後に半角スペースがありません", "no space after ':'",
     "「{key}: {value}」のように「:」の後に半角スペースを 1 つ入れてください",
     "put one space after the colon: '{key}: {value}'", key="phone", value="048-463-1111")
_add("NAV-E107", "引用符（{quote}）が閉じていません", "the quote ({quote}) is not closed",
     "文字の終わりにも {quote} を付けてください（同じ行の中で閉じます）",
     "close the quote with {quote} at the end of the text", quote='"')
_add("NAV-E108", "かっこ（{bracket}）が閉じていません", "the bracket ({bracket}) is not closed",
     "同じ行の終わりに {closing} を付けてください。中の項目は「, 」で区切ります",
     "close it with {closing}; separate the items with ', '", bracket="[", closing="]")
_add("NAV-E109", "リストの項目の先頭に「-」がありません", "a list item does not start with '-'",
     "上の項目と同じ位置に「- 」（ハイフンと半角スペース）を書いてから続けてください",
     "start the item with '- ' in the column of the items above", )
_add("NAV-E110", "キー「{key}」の字下げの位置が違います（{parent}の中に書く項目です）",
     "the key '{key}' is at the wrong level (it belongs inside {parent})",
     "上の行に合わせて {column} 桁目から書いてください", "indent it to column {column}, like the lines above",
     key="quote", parent="「source」", column=7)

_add("NAV-E111", "「{key}」の値の中に「: 」（コロンと空白）があり、次のキーと読まれてしまいます",
     "the value of '{key}' contains ': ' and reads as another key",
     '値全体を引用符で囲んでください（例: {key}: "受付: 平日 9時から"）',
     'put the whole value in quotes, e.g. {key}: "a: b"', key="notes")
_add("NAV-E112", "「-」の後に半角スペースがありません", "no space after '-'",
     "リストの項目は「- 」（ハイフンと半角スペース）で始めてください", "start the item with '- '")
_add("NAV-E113", "「{key}」の後の「：」が全角です", "the colon after '{key}' is full-width",
     "全角の「：」を半角の「:」に直し、その後に半角スペースを 1 つ入れてください（「{key}: 値」）",
     "replace the full-width colon with ':' and one space: '{key}: value'", key="priority")
_add("NAV-E115", "字下げに全角スペースが使われています", "a full-width space is used for indentation",
     "全角スペースを消して、半角スペースで字下げしてください（日本語入力をオフにして打つと確実です）",
     "replace the full-width space with ASCII spaces")
_add("NAV-E114", "引用符（{quote}）で閉じた後にも文字が続いています", "text goes on after the closing quote ({quote})",
     "文中に {quote} を使うときは、全体をもう一方の引用符で囲むか、「」に置き換えてください",
     "quote the whole text with the other kind of quote", quote='"')

# ---- E2xx: keys and values ----------------------------------------------------------

_add("NAV-E201", "{what}は「キー: 値」の形で書きます（今は{kind}です）",
     "{what} must be a mapping (key: value), not {kind}",
     "「キー: 値」の行を並べて書いてください", "write 'key: value' lines", what="a rule", kind="text")
_add("NAV-E202", "{what}に文字でないキーがあります", "{what} has a key that is not text",
     "キーは英字の名前にしてください", "keys are names in letters", what="a contact")
_add("NAV-E203", "{what}にキー「{key}」が 2 回あります", "duplicate key '{key}' in {what}",
     "どちらか一方を消してください（後の値が前の値を黙って上書きしてしまいます）",
     "a second value would silently replace the first", what="a rule", key="priority")
_add("NAV-E204", "{what}に知らないキー「{key}」があります", "unknown key '{key}' in {what}",
     "{suggestion}", "{suggestion}", what="a rule", key="refers", suggestion="「refer」の書き間違いではありませんか")
_add("NAV-E205", "{what}に必要なキー「{key}」がありません", "{what} is missing required key '{key}'",
     "「{key}: …」の行を足してください", "add '{key}: …'", what="a contact", key="window")
_add("NAV-E206", "{what}はリスト（- で始まる行か [a, b]）で書きます（今は{kind}です）",
     "{what} must be a list, not {kind}",
     "項目を「- 」で始まる行に並べるか、[a, b] の形で書いてください", "write '- item' lines or [a, b]",
     what="rules", kind="text")
_add("NAV-E207", "{what}は文字で書きますが、{value} は true/false と読まれます",
     "{what} must be text, but {value!r} reads as true/false",
     '引用符で囲んでください: "{value}"', 'write it in quotes: "{value}"', what="option value", value="yes")
_add("NAV-E208", "{what}は空でない文字で書きます（今は{kind}です）", "{what} must be non-empty text, not {kind}",
     "文字を書くか、任意の項目なら行ごと消してください", "write the text, or remove the line if optional",
     what="window", kind="empty")
_add("NAV-E209", "{what}「{value}」は id として使えません", "{what} '{value}' is not a valid id",
     "id は半角の小文字英字・数字・「-」「_」で書きます（例: asaka-fukushi-sodan）",
     "use lower-case ASCII letters, digits, '-' and '_'", what="contact id", value="朝霞-相談")
_add("NAV-E210", "{what}は整数で書きます（今は{kind}です）", "{what} must be a whole number, not {kind}",
     "半角数字で書いてください（例: 10）", "write a whole number such as 10", what="priority", kind="text")
_add("NAV-E211", "{what}は {low} から {high} の間です（今は {value}）",
     "{what} must be between {low} and {high}, not {value}",
     "{low} から {high} の数にしてください（小さいほど先に案内します）", "use a number from {low} to {high}",
     what="priority", low=1, high=999, value=0)
_add("NAV-E212", "{what}は 2026-04-01 のような日付で書きます", "{what} must be a date like 2026-04-01",
     "年-月-日 を半角数字とハイフンで書いてください（例: 2026-04-01）", "write YYYY-MM-DD",
     what="valid_until")
_add("NAV-E213", "質問には選択肢が 1 つ以上必要です", "a question needs at least one option",
     "options に「- {{value: …, label: …}}」を足してください", "add an option")
_add("NAV-E214", "条件（when）には concern, answer, all, any, not のどれか 1 つだけを書きます",
     "a condition has exactly one of: concern, answer, all, any, not",
     "いくつかを組み合わせるときは all: [...] か any: [...] で囲んでください",
     "combine several with all: [...] or any: [...]")
_add("NAV-E215", "「{key}」には条件が 1 つ以上必要です", "'{key}' needs at least one condition",
     "[ ] の中に条件を書いてください", "list at least one condition", key="any")
_add("NAV-E216", "答えの条件（answer）には質問を 1 つ以上書きます",
     "an answer condition names at least one question",
     "answer: {{who: child}} のように質問の id と答えを書いてください", "e.g. answer: {{who: child}}")
_add("NAV-E217", "ルール「{rule}」の案内先（refer）が空です", "rule '{rule}' refers to no contact",
     "refer: [窓口の id] のように窓口を 1 つ以上書いてください", "name at least one contact id",
     rule="asaka-poverty-jiritsu")
_add("NAV-E230", "{what}に改行やタブが入っています（1 行の文字として表示されます）",
     "{what} contains a line break or a tab (it is shown as one line)",
     "1 行で書いてください。長い文は > を使えば複数行に書けて、つながって 1 行になります",
     "write it on one line; with > a long text may span several lines and is joined into one", what="window")
_add("NAV-E231", "アンカー（&{anchor}）は使えません", "anchors (&{anchor}) are not supported",
     "& の印を消して、値をそのまま書いてください", "remove the & mark and write the value in full", anchor="n")
_add("NAV-E232", "{what}の数字が長すぎます（{digits} 桁）", "{what} has too many digits ({digits})",
     "{low} から {high} の間の数で書いてください", "write a number between {low} and {high}",
     what="priority", digits=3572, low=1, high=999)
