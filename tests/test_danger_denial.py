"""Danger false alarms from denial, the past and harmless senses, each as a class, and the true
dangers beside them that must still fire (exact sentences, both directions)."""

from __future__ import annotations

import time

import pytest

from navigator import analysis
from navigator.danger import detect


@pytest.fixture(scope="module")
def rules(shipped):
    if not analysis.available():
        pytest.skip("sudachipy is not installed")
    analysis.analyse("準備", deep=True)
    for _ in range(600):
        if analysis.ready():
            break
        time.sleep(0.05)
    return shipped.common.danger


def kinds(rules, text):
    return detect(rules, text).kinds


@pytest.mark.parametrize("text", [
    # denied a few words on, also when the resident spaced the words apart
    "薬をたくさん飲んだわけじゃなくて、飲み忘れが多いので、服薬の管理を手伝ってほしい",
    "しにたい とかは ない です ただ さみしい",
    # a verb of thinking, or an adverb, between the cue and its denial
    "自殺なんて考えたことはありません。生活保護が恥ずかしいだけ",
    "死ぬなんて考えたこともないです",
    "消えたいとまでは思わないけど、疲れてます",
    "死ぬつもりなんてまったくありません",
    # したことない, with the IME's 舌 for した
    "自分を傷つけたりは舌ことない",
    "自分を傷つけたりはしたことないです",
    # the next clause takes it up: 〜とか、そういう…ない
    "息子に叩かれたとか、そういうことは全然ありません",
    "自殺しようとか、そういうつもりは全くないです",
    # dialect and casual denials
    "別に殴られてるわけじゃねえんだ、ただ嫁さんと会話がなくてよ",
    "夫に殴られてねえよ、口うるさいだけだ",
    "夫に殴られてはおらん。ただ話をせん",
    "旦那に殴られてへんよ、ケンカが多いだけ",
    # 〜たりはしていない, 〜たことはない take in the verb before them; receiving is denied as the noun
    "包丁で脅されたりはしてないです。母が料理中に指を少し切って",
    "薬を大量に飲んだりはしていません",
    "夫から暴力は受けていません。生活費のことで相談です",
    "夫から暴力は振るわれていないです",
    "死にたいと思ったことは一度もないです",
    # an adverb before the verb of thinking; そういう… in the same clause; 〜たりもしない, dialect しねえ
    "消えたいとかは全然思ってないですよ。国保の減免のことで",
    "死にたいとかそういうのは全然ないです。ただ眠れなくて",
    "主人は怒鳴ったりもしないし優しい人です",
    "口は悪いけど手ぇ上げたりはしねえよ",
    # a list denied together, ようなことも…ない, 様子はない
    "暴力とか脅しとかは一切ないです。養育費の相談です",
    "自分を傷つけるようなことはないです",
    "夫が手を上げている様子はありません",
])
def test_denials_cancel(rules, text):
    assert kinds(rules, text) == ()


@pytest.mark.parametrize("text", [
    "死にたいとかじゃなくて、本当に死ぬつもり",   # a denial in another clause does not cancel
    "死にたいとしか思えない",                       # not a denial: only
    "死にたいと思わない日はない",                   # a double denial
    "まさか夫に殴られるとは思わなかった",           # surprise: it happened
    "夫に殴られたことはなんどもある",               # なんども, not ない
    "夫の暴力はなかなか止まらない",                 # なかなか, not ない
    "夫に殴られてないか心配",                       # a presumption
    "夫に殴られてねえ、顔が腫れてる",               # 〜てねえ、 may be 〜てね: kept
    "夫に殴られて、血が止まらねえ",                 # the danger is the ねえ itself
    "逃げられへん、夫が包丁持ってる",
    "しにたい だれも いない",                       # spaced kana: no denial of the wish
    "夫に蹴られたりとか、そんなのは数えきれない",
    "夫の暴力は止まらない",                         # は + a verb + ない is not 受けていない     # そんな…ない, but the ない is not a denial
    "包丁で刺されたけど殴られたりはしてない",
    "包丁で脅されたり殴られたりはしてない、でも怖い",
    "夫にあんなに殴られたことない",                 # how much, not whether
    "ここまで死にたいと思ったことはない",
])
def test_what_is_no_denial_still_fires(rules, text):
    assert kinds(rules, text)


@pytest.mark.parametrize("text", [
    "去年の今頃はほんとしんどくて消えたかったけど、今は大丈夫",   # 今頃 is not now
    "父は二年前に自宅で倒れて亡くなりました。今日は相続の手続きで来ています",
    # 来てる in できてる・生きています is nobody arriving
    "今は仕事ができています",
    "今、ちゃんと生きています",
    # カッター read without its long vowel is every 〜かった
    "今日は楽しかった",
    "さっき、すごく怖かったです",
    # harmless senses: killed by a deadline, a drum, prevention, an article, 申請書 in kana
    "締め切りに殺されそうです",
    "仕事に殺される",
    "子どもが太鼓を叩くのが大好きで、音楽教室を探しています",
    "障害のある孫を太鼓を叩く教室に通わせたい",
    "熱中症で倒れないように、涼める場所を知りたい",
    "熱中症対策のエアコン補助はありますか",
    "ネットの記事で、DVの相談窓口が増えたと読みました",
    "ｼﾞﾄﾞｳﾃｱﾃ ﾉ ｼﾝｾｲ ｼｮﾙｲ ｶﾞ ﾜｶﾗﾅｲ",
    "今、督促状が来ています",                     # post, not a person
    "今日は相談に来ています",                     # the resident's own errand
    "孫がおもちゃの包丁で遊んでいる",
    "DV防止のポスターを見ました",                 # prevention and learning
    "救急車の呼び方を知りたい",
    "避難訓練で火事の練習をした",
    "火事になったら困るので火災報知器を付けたい",
    # a script, no emergency, no injury, pests, bedding; 子が inside 様子が is no child
    "ドラマの台本で「殺される」と叫ぶ役です",
    "救急車を呼ぶほどでもない腹痛で、夜に相談できる所",
    "父は転んだけど怪我はなくて、今は元気です",
    "ネズミを殺す薬の置き方を知りたい",
    "布団を叩いて干したい",
    "マンションのベランダで布団を叩いて干してもいいでしょうか",   # nor do its words weigh
    "夫が最近ガスの火をつけっぱなしにしたり、夜中に出かけようとしたりするんです",
    # help in the household, fired from a job, heating oil, violence that is over, a parent only named
    "高校生の息子がバイトで家計を助けてくれてるんです",
    "私もパートクビになって、夫は単身赴任で",
    "うちはもう灯油も買えないから毛布かぶってる",
    "夫の暴力はもうありません、離婚したので",
    "三歳の子のお母さんが外国籍の方で、健診も受けていないようなんです",
])
def test_past_and_harmless_senses_raise_nothing(rules, text):
    assert kinds(rules, text) == ()


@pytest.mark.parametrize("text, kind", [
    ("子どもの頃から父に殴られていて、今も殴られる", "violence_now"),   # 頃から: still going on
    ("若い頃から夫に殴られていて、今も殴られる", "violence_now"),
    ("この頃夫が暴れて、今も怒鳴っている", "violence_now"),             # この頃 is not the past
    ("今、元夫が家に来ています", "violence_now"),
    ("ストーカーの人また来てる 今エントランスで待ってる", "violence_now"),
    ("今、知らない男が来てる", "violence_now"),
    ("今、元夫が家まで来ています", "violence_now"),
    ("くすりで おーばーどーず した", "medical"),      # a katakana cue typed in hiragana
    ("今、夫がカッターを持っている", "violence_now"),
    ("いま おっとが ｶｯﾀｰ もってる", "violence_now"),
    ("夫に殺されそう", "violence_now"),
    ("子どもを叩いてしまう", "child"),
    ("母が熱中症で倒れた", "medical"),
    ("夫のDVがひどい", "dv"),
    ("いしょを かきました", "suicide"),
    ("自分の保険金で全部返せたらって考えてしまう", "suicide"),
    ("甥っ子の顔に手の形のあざがあった", "child"),
    ("息子の担任から、背中にあざがあると連絡がありました", "child"),
    ("父にたばこの火を押しつけられた", "child"),
    ("ｲｴﾆｶｴﾘﾀｸﾅｲｯﾃ ﾅｸ ｾﾅｶﾆ ｱｻﾞ", "child"),
    ("近所の小学生がいる家がゴミだらけで、電気も止まってるみたい", "child"),
    ("昨日も壁に押しつけられました", "dv"),
    ("いま だんなさん わたし の かみ ひっぱる", "violence_now"),     # いま|だんな is not いまだ
    ("今、主人が荒れてて物が飛んでくる", "violence_now"),
    ("ﾓﾄｵｯﾄｶﾞ ｲﾏ ｲｴﾉﾏｴﾆｷﾃﾙ", "violence_now"),     # an ex in kana, at the door now
    ("彼氏がカッターで腕やった 血とまんない", "medical"),
    ("母が風呂場に鍵をかけて出てこない。声をかけても返事がない", "medical"),
    ("薬もう飲んだ ばいばい", "medical"),
])
def test_the_danger_beside_them_still_fires(rules, text, kind):
    assert kind in kinds(rules, text)


@pytest.mark.parametrize("text", [
    # told as past, then as over: even a kind that counts the past (sexual) does not
    "十代の頃に性被害にあったことがあって、今は落ち着いています",
    "前の会社でセクハラがあって辞めました。もう終わったことで、今は新しい仕事を探してます",
    # by example too, a now that is only a topic (今日は…のことで) notwithstanding
    "学生の頃にリストカットしていた時期がありますが、もう何年もしていません。今日は奨学金のことで",
    "母は以前リストカットをしていましたが、今は通院して落ち着いています",
    "若い頃に痴漢にあったことはあるけど、もう何十年も前の話で、今日は防犯ブザーのことを",
    "中学の時にいじめで首を絞められたことがあって、今もたまに思い出します",
])
def test_told_as_over_raises_nothing(rules, text):
    assert kinds(rules, text) == ()


@pytest.mark.parametrize("text, kind", [
    ("子どもの頃に性的虐待を受けて、今もフラッシュバックが続いています", "sexual"),   # past, not over
    ("夫の暴力がもう何年も続いている", "dv"),                                         # years, still going on
    ("夫の暴力は今は落ち着いていますが、また始まるのが怖い", "dv"),                 # not told as past
    ("夫が子どもを叩いている映像を見つけた", "child"),                               # found, not watched
    ("ネットの記事で見た方法で死のうと思う", "suicide"),                             # an article, but her plan
    ("子どもが熱中症にならないか心配、車の中に置いてきてしまった", "medical"),       # a presumption, not prevention
])
def test_not_over_still_fires(rules, text, kind):
    assert kind in kinds(rules, text)


@pytest.mark.parametrize("text", ["夫に殴られて、今も様子がおかしい", "夫からの坊力がひどくて、昨日も蹴られました"])
def test_a_word_inside_another_names_no_child(rules, text):
    """子が in 様子が, の坊 in の坊力 (a slip for 暴力): the partner's violence, not a child's danger."""
    assert "child" not in kinds(rules, text) and "dv" in kinds(rules, text)


def test_an_experience_noted_as_事あり_is_not_now(rules):
    found = kinds(rules, "30代女性 夫からの暴力継続 包丁を向けられた事あり 避難先希望")
    assert "dv" in found and "violence_now" not in found


def test_since_last_night_is_still_going_on(rules):
    assert "violence_now" in kinds(rules, "昨日の夜から元夫が居座っていて、今も家にいるんです")


def test_an_ex_named_as_前の旦那_is_a_person_not_the_past(rules):
    assert "dv" in kinds(rules, "ポストに「どこに逃げても見つける」と書いた紙が入っていた。前の旦那の字だと思う")


@pytest.mark.parametrize("text", [
    "本人70代女性。転倒歴なし、虐待の訴えなし、希死念慮否定。配食サービスの利用希望。",   # a desk note's denials
    "息子は手を上げたりしない子です。仕事に就かずにずっと家にいて心配です",
    "性的なこととかは何もなかったです。職場で怒鳴られるのがつらくて",
    "十数年前に痴漢にあったことがあります。今は平気ですが、娘の通学が心配で",
    "ゴキブリを叩き殺したら子どもに怒られました",
    "研修のロールプレイ用台本です。今夫が包丁を持っています、という電話を受けた想定で練習します",
])
def test_denied_over_or_harmless_in_a_desk_note_or_a_story(rules, text):
    assert not detect(rules, text).detected
