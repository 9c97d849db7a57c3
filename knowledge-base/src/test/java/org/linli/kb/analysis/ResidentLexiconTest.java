package org.linli.kb.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.linli.kb.ChineseScript;

/** Every line of the shipped lexicon, and how rewriting treats guards, longer words and Traditional text. */
class ResidentLexiconTest {

  private static final ResidentLexicon LEXICON = ResidentLexicon.shipped();

  static Stream<ResidentLexicon.Rule> rules() {
    return LEXICON.rules().stream();
  }

  static Stream<String> guards() {
    return LEXICON.guards().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void each_entry_rewrites_its_word_in_a_question(ResidentLexicon.Rule rule) {
    String question = "请问" + rule.from() + "。";

    String normalised = LEXICON.normalise(question);

    assertThat(normalised).isEqualTo("请问" + rule.to() + "。");
    if (!rule.to().contains(rule.from())) {
      assertThat(normalised).doesNotContain(rule.from());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void each_entry_gives_a_result_that_normalising_again_leaves_unchanged(ResidentLexicon.Rule rule) {
    String once = LEXICON.normalise("我想问" + rule.from() + "怎么弄");

    assertThat(LEXICON.normalise(once)).isEqualTo(once);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void each_target_word_contains_no_word_the_lexicon_would_rewrite(ResidentLexicon.Rule rule) {
    assertThat(LEXICON.normalise(rule.to())).isEqualTo(rule.to());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("guards")
  void each_guarded_word_is_kept_as_it_is(String guard) {
    assertThat(LEXICON.normalise("请问" + guard + "。")).isEqualTo("请问" + guard + "。");
  }

  @Test
  void any_two_entries_side_by_side_give_a_stable_result() {
    List<String> unstable = LEXICON.rules().stream()
        .flatMap(a -> LEXICON.rules().stream().map(b -> a.from() + b.from()))
        .filter(text -> !LEXICON.normalise(LEXICON.normalise(text)).equals(LEXICON.normalise(text)))
        .toList();

    assertThat(unstable).isEmpty();
  }

  @Test
  void every_kind_is_used_and_every_entry_has_a_known_kind() {
    Set<String> used = LEXICON.rules().stream().map(ResidentLexicon.Rule::kind).collect(Collectors.toSet());

    assertThat(used).isEqualTo(ResidentLexicon.KINDS);
    assertThat(LEXICON.rules()).hasSizeGreaterThanOrEqualTo(150);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      居住证咋整         | 居住证怎么办
      咋申请居住证       | 怎么申请居住证
      啥辰光可以办       | 什么时候可以办
      户政事务所几点开门 | 派出所户籍窗口几点开门
      去户政办           | 去户籍办
      """)
  void the_longest_known_word_wins_over_a_shorter_one_at_the_same_place(String text, String normalised) {
    assertThat(LEXICON.normalise(text)).isEqualTo(normalised);
  }

  @Test
  void a_word_rewritten_next_to_the_rest_of_a_longer_word_is_rewritten_again() {
    // 几多 -> 多少, and 多少 + 钿 is the Wu 多少钿 (how much money).
    assertThat(LEXICON.normalise("几多钿")).isEqualTo("多少钱");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      娃想吃娃娃菜             | 孩子想吃娃娃菜
      阿拉去阿拉伯             | 我们去阿拉伯
      劳保用品和劳保           | 劳保用品和社保
      这里长期有噪音           | 这里长期有噪音
      找里长开证明             | 找居委会主任开证明
      家长照顾老人家           | 家长照顾老人
      去老人家里探访           | 去老人家里探访
      小区里民警电话           | 小区里民警电话
      老头乐能上牌吗           | 老年代步车能上牌吗
      出生证明和出生证         | 出生证明和出生医学证明
      老小区装电梯，安装电梯   | 老小区加装电梯，安装电梯
      """)
  void a_guarded_word_keeps_its_meaning_while_the_same_word_alone_is_rewritten(String text, String normalised) {
    assertThat(LEXICON.normalise(text)).isEqualTo(normalised);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"几点办理", "几点算迟到", "老公房加装电梯", "然而家长不同意", "按时发放工资", "周边度假", "伊拉克", "买老豆腐", "联系居委会",
      "违法团伙", "城里民工", "聪明儿童", "如今儿童", "住房本身", "这里干事情", "院子里长着草", "落户政策",
      "宠物管理规定", "正义工作", "同志工作", "不多会儿", "万里长城", "娃娃鱼",
      "手机车载支架", "便捷运输", "房屋企业", "举报消防通道", "以下岗位", "马上户口就能办", "网上户口迁移",
      "这一点算不算", "自行车本身", "四通八达", "把宠物管好", "本身分为两种", "没办法扶他上楼"})
  void everyday_words_that_look_like_dialect_are_left_alone(String text) {
    assertThat(LEXICON.normalise(text)).as(text).isEqualTo(text);
  }

  @Test
  void a_question_without_residents_words_comes_back_unchanged() {
    String text = "外地人怎么办居住证";

    assertThat(LEXICON.normalise(text)).isEqualTo(text);
    assertThat(LEXICON.normalise("")).isEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      俺闺女的户口本丢了咋整       | 我女儿的户口簿丢了怎么办
      娃儿打疫苗莫得疫苗本啷个办   | 孩子打疫苗没有预防接种证怎么办
      侬晓得退休金啥辰光发伐       | 你知道养老金什么时候发伐
      我哋屋企有冇资格申请综援     | 我们家有没有资格申请低保
      """)
  void dialect_questions_meet_the_words_of_the_guides(String question, String normalised) {
    assertThat(LEXICON.normalise(question)).isEqualTo(normalised);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      請問戶政事務所在哪裡             | 请问派出所户籍窗口在哪里
      點樣申請公屋                     | 怎样申请公租房
      身分證不見了點算                 | 身份证不见了怎么办
      長照要去哪裡申請，健保有給付嗎   | 长期护理要去哪里申请,医保有给付吗
      """)
  void a_traditional_question_is_folded_then_normalised(String question, String normalised) {
    assertThat(LEXICON.normalise(ChineseScript.fold(question))).isEqualTo(normalised);
  }

  @Test
  void a_line_with_an_unknown_kind_is_refused_with_its_line_number() {
    refused("# header\n咋\t怎么\tslang\tnote\n", "test.tsv")
        .hasMessageContaining("test.tsv line 2")
        .hasMessageContaining("slang");
  }

  @Test
  void a_word_written_in_traditional_is_refused_as_it_could_never_match() {
    refused("身分證\t身份证\ttw-hk\n", "test.tsv").hasMessageContaining("身分证");
  }

  @Test
  void a_word_listed_twice_or_as_both_guard_and_entry_is_refused() {
    refused("咋\t怎么\tdialect-north\n咋\t怎样\tdialect-north\n", "t").hasMessageContaining("listed twice");
    refused("!咋\n咋\t怎么\tdialect-north\n", "t").hasMessageContaining("both a guard and an entry");
    refused("咋怎么\tdialect-north\n", "t").hasMessageContaining("expected from<TAB>to<TAB>kind<TAB>note");
  }

  @Test
  void an_office_lexicon_without_notes_is_read() {
    ResidentLexicon lexicon = ResidentLexicon.parse("\uFEFF# ours\r\n龙门阵\t聊天\tdialect-southwest\r\n!龙门阵地\r\n",
        "ours.tsv");

    assertThat(lexicon.normalise("摆龙门阵，守龙门阵地")).isEqualTo("摆聊天，守龙门阵地");
    assertThat(lexicon.rules()).containsExactly(new ResidentLexicon.Rule("龙门阵", "聊天", "dialect-southwest", ""));
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> refused(String lexicon, String origin) {
    return assertThatThrownBy(() -> ResidentLexicon.parse(lexicon, origin))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
