"""Scenario results of `navigator test` (T7xx)."""

from . import Both, _add

# ---- T7xx: scenario results (navigator test) ----------------------------------------

_add("NAV-T701", "市町村「{mid}」はありません", "unknown municipality '{mid}'",
     "相談例ファイルの municipality を直してください", "fix the scenario file's municipality", mid="asak")
_add("NAV-T702", "文章から相談の種類が見つからず、指定もありません", "no concern found in the text and none given",
     "text の言い方を見直すか、concerns を書いてください", "reword the text or list concerns")
_add("NAV-T703", "上位 {top} 件に {missing} が出るはずですが、実際は {got} でした",
     "expected {missing} in the top {top}; got {got}",
     "案内を意図して変えたのなら、相談例の expect を直してください",
     "if the change is intended, update the scenario's expect", top=3, missing="asaka-fukushi-sodan",
     got="asaka-seikatsu-engo, asaka-shakyo")
_add("NAV-T704", "文章から {lost} が見つかるはずですが、見つかったのは {found} でした",
     "text should find {lost}; found {found}",
     "keywords を見直すか、相談例の found を直してください", "review the keywords or the scenario's found",
     lost="poverty", found="housing")
_add("NAV-T705", "緊急連絡先が{expected}はずですが、実際は {got} でした",
     "emergency lines expected {expected}; got {got}",
     "相談例の emergency を見直してください", "review the scenario's emergency",
     expected=Both("出る", "shown"), got="なし")
_add("NAV-T706", "上位 {top} 件に {present} は出ないはずですが、実際は {got} でした",
     "expected {present} not in the top {top}; got {got}",
     "案内を意図して変えたのなら、相談例の absent を直してください",
     "if the change is intended, update the scenario's absent", top=3, present="asaka-silver",
     got="asaka-fukushi-sodan, asaka-silver")
_add("NAV-T707", "世帯は {expected} と読めるはずですが、実際は {read} でした",
     "household expected {expected}; read {read}",
     "文章の言い方か、相談例の household を見直してください", "review the text or the scenario's household",
     expected="母: care ／ 本人: employment", read="なし")
