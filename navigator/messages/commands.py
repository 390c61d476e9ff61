"""Messages of the command line (C6xx)."""

from . import _add

# ---- C6xx: the command line ---------------------------------------------------------

_add("NAV-C601", "市町村「{mid}」はありません（あるもの: {known}）", "unknown municipality '{mid}' (known: {known})",
     "navigator list で市町村の id を確かめてください", "see: navigator list", mid="asak",
     known="ageo, asaka, isesaki, maebashi, shimotsuke")
_add("NAV-C602", "ルールファイルにエラーがあります。先に直してください（navigator check）",
     "the rule files have errors; fix them first (navigator check)")
_add("NAV-C603", "--text が空です", "--text is empty", "相談内容を書いてください", "give the resident's words")
_add("NAV-C604", "--text か --concern を 1 つ以上指定してください", "give --text or at least one --concern",
     "相談の種類の id は navigator list で分かります", "see: navigator list")
_add("NAV-C605", "相談の種類「{concern}」はありません", "unknown concern '{concern}'",
     "{suggestion}（navigator list で一覧を見られます）", "{suggestion} (see: navigator list)",
     concern="housin", suggestion="「housing」の書き間違いではありませんか")
_add("NAV-C606", "文章から相談の種類が見つかりません", "no concern recognised in the text",
     "--concern で相談の種類を指定してください（navigator list）", "name one with --concern (see: navigator list)")
_add("NAV-C607", "--answer は 質問=答え の形で、ある質問を指定します（「{given}」は使えません）",
     "--answer wants QUESTION=VALUE with a known question, not '{given}'",
     "navigator list で質問と答えを確かめてください", "see: navigator list", given="who")
_add("NAV-C608", "質問「{question}」に答え「{value}」はありません（選べるもの: {options}）",
     "question '{question}' has no option '{value}' (options: {options})",
     "{suggestion}", "{suggestion}", question="who", value="kid", options="child, adult, elder", suggestion="")
_add("NAV-C609", "相談例ファイルが見つかりません: {path}", "scenario file not found: {path}",
     "ファイル名とフォルダを確かめてください", "check the path", path="tests/scenarios/asak.yaml")
_add("NAV-C610", "比べる相手を読めません: {detail}", "cannot read the side to compare: {detail}",
     "フォルダ名か git の版（例: HEAD）を指定してください", "give a folder or a git revision such as HEAD",
     detail="not a folder, and git says: unknown revision")
_add("NAV-C611", "相談例が 1 つも見つかりません: {where}", "no scenarios found in {where}",
     "相談例ファイル（.yaml）のあるフォルダを指定してください", "give scenario files or a folder of them",
     where="scenarios")
_add("NAV-C612", "--person は 続柄:相談の種類,…[:質問=答え,…] の形で指定します（「{given}」は使えません）",
     "--person wants RELATION:CONCERN,...[:QUESTION=VALUE,...], not '{given}'",
     "例: --person 母:care,guardianship:who=elder", "e.g. --person 母:care,guardianship:who=elder", given="母")
_add("NAV-C613", "パスワードのファイル {path} を読めません（{detail}）", "cannot read the password file {path}: {detail}",
     "ファイルの場所と読み取りの権限を確かめてください", "check the path and its permissions",
     path="pw.txt", detail="No such file or directory")
_add("NAV-C614", "パスワードは {min} 文字以上にしてください", "the password must be at least {min} characters",
     "NAVIGATOR_SERVE_PASSWORD か --password-file のパスワードを長くしてください",
     "make NAVIGATOR_SERVE_PASSWORD or the --password-file longer", min=8)
_add("NAV-C615", "--host {host} ではほかの機械からつながります。先にパスワードを決めてください",
     "--host {host} lets other machines connect: set a password first",
     "NAVIGATOR_SERVE_PASSWORD か --password-file で決めるか、この機械だけで使うなら --host を付けないでください（127.0.0.1）",
     "set NAVIGATOR_SERVE_PASSWORD or --password-file, or leave --host at 127.0.0.1", host="0.0.0.0")
_add("NAV-C616", "--host {host} には、ブラウザで開くアドレスを --public-url で指定してください",
     "--host {host} needs --public-url, the address browsers will use",
     "例: --public-url http://desk-pc:8000", "e.g. --public-url http://desk-pc:8000", host="0.0.0.0")
_add("NAV-C617", "--port {port} はポート番号ではありません（1〜65535）", "--port {port} is not a port number (1-65535)",
     "例: --port 8000", "e.g. --port 8000", port=0)
_add("NAV-C618", "{host}:{port} で待ち受けられません（{detail}）", "cannot listen on {host}:{port}: {detail}",
     "ほかのプログラムがそのポートを使っていないか確かめるか、--port で別の番号にしてください",
     "is another program using the port? try another --port", host="127.0.0.1", port=8000,
     detail="Address already in use")
_add("NAV-C619", "コマンドの指定に誤りがあります（{detail}）", "wrong command line ({detail})",
     "navigator -h、または navigator check -h のように、コマンドの使い方を確かめてください",
     "see navigator -h or navigator COMMAND -h", detail="知らない引数です: --fromat")
_add("NAV-C699", "内部エラーが発生しました（{detail}）", "internal error ({detail})",
     "入力は失われていません。同じ操作で繰り返すときは担当者に連絡してください",
     "please report it with the command you ran", detail="KeyError: 'x'")
