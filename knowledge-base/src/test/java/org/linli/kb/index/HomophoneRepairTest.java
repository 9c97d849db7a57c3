package org.linli.kb.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.kb.EntryLoader;
import org.linli.kb.analysis.LinliAnalyzer;
import org.linli.kb.analysis.ResidentLexicon;

/**
 * A pinyin-typing slip (the right sound, the wrong character) is mended towards the words of what
 * the guides are about, and nothing else is: not a pair the guides have, not a word of the
 * language, not a question form, not two characters at once.
 */
class HomophoneRepairTest {

  @TempDir
  static Path root;
  private static KbIndex shipped;

  @BeforeAll
  static void build() {
    shipped = KbIndex.build(new EntryLoader().shipped().entries(), new LinliAnalyzer(), null, root);
  }

  @AfterAll
  static void close() {
    shipped.close();
  }

  private static String mendShipped(String question) {
    return shipped.mend(ResidentLexicon.matchForm(question).strip());
  }

  @Test
  void a_character_of_the_right_sound_but_the_wrong_meaning_is_mended_into_the_guides_word() {
    HomophoneRepair repair = HomophoneRepair.of(Map.of("生育", 2, "登记", 5), Set.of("生育", "登记"));

    assertThat(repair.mend("生鱼登记在哪里办")).isEqualTo("生育登记在哪里办");
  }

  @Test
  void a_slip_beside_an_emoji_outside_the_basic_plane_is_mended_and_the_emoji_kept() {
    HomophoneRepair repair = HomophoneRepair.of(Map.of("生育", 2, "登记", 5), Set.of("生育", "登记"));

    assertThat(repair.mend("😂生鱼😂登记")).isEqualTo("😂生育😂登记");
  }

  @Test
  void a_pair_some_guide_has_is_taken_as_meant() {
    HomophoneRepair repair = HomophoneRepair.of(Map.of("生育", 2), Set.of("生育", "生鱼"));

    assertThat(repair.mend("生鱼")).isEqualTo("生鱼");
  }

  @Test
  void two_characters_of_the_same_sounds_are_another_word_not_a_slip() {
    HomophoneRepair repair = HomophoneRepair.of(Map.of("供给", 3), Set.of("供给"));

    assertThat(repair.mend("公积金怎么提取")).isEqualTo("公积金怎么提取");
  }

  @Test
  void a_word_the_segmenter_knows_is_not_mended_into_a_guide_word_of_the_same_sound() {
    // 夫妻 is in the segmenter's dictionary; 夫其 (a pair the segmenter made of 丈夫其… in a
    // guide) sounds the same. Without the dictionary check the first pair would be mended.
    HomophoneRepair repair = HomophoneRepair.of(Map.of("夫其", 3), Set.of("夫其"));

    assertThat(repair.mend("夫妻一方想迁户口")).isEqualTo("夫妻一方想迁户口");
  }

  @Test
  void a_question_form_is_not_mended_even_when_a_guide_word_sounds_the_same() {
    HomophoneRepair repair = HomophoneRepair.of(Map.of("以下", 3), Set.of("以下"));

    assertThat(repair.mend("帮我处理一下")).isEqualTo("帮我处理一下");
  }

  @Test
  void a_character_at_home_beside_its_other_neighbour_is_not_replaced() {
    // 打 makes 去打 (a pair the guides have); 打会 → 大会 would mend a pair that was never a slip.
    HomophoneRepair known = HomophoneRepair.of(Map.of("大会", 3), Set.of("大会", "去打"));
    HomophoneRepair unknown = HomophoneRepair.of(Map.of("大会", 3), Set.of("大会"));

    assertThat(known.mend("去打会")).isEqualTo("去打会");
    assertThat(unknown.mend("去打会")).isEqualTo("去大会");
  }

  @Test
  void of_two_words_that_mend_a_pair_the_one_more_guides_use_wins() {
    HomophoneRepair repair = HomophoneRepair.of(Map.of("户口", 9, "护口", 1), Set.of("户口", "护口"));

    assertThat(repair.mend("沪口迁入")).isEqualTo("户口迁入");
  }

  @Test
  void the_shipped_guides_mend_residents_typing_slips() {
    assertThat(mendShipped("生鱼登记在哪里办")).isEqualTo("生育登记在哪里办");
    assertThat(mendShipped("户口不在本街道 能去这边的受里中心办吗")).isEqualTo("户口不在本街道 能去这边的受理中心办吗");
    assertThat(mendShipped("特困人元认定要多久")).isEqualTo("特困人员认定要多久");
  }

  @Test
  void the_shipped_guides_leave_well_typed_questions_as_they_are() {
    for (String question : new String[]{
        "居住证办下来要等几天啊,急着给孩子报名上学",
        "厨房水管爆了 水一直往外喷",
        "我家老人一个人在家电话打不通 能不能去看看",
        "12号楼3单元楼道灯坏了一个礼拜了,麻烦派人来修一下",
        "我结婚了想把户口迁到妻子这边,还得回老家开证明不?",
        "孩子这两天有点发烧,原定明天打疫苗,硬去打会不会有危险?"}) {
      String folded = ResidentLexicon.matchForm(question).strip();
      assertThat(shipped.mend(folded)).as(question).isEqualTo(folded);
    }
  }
}
