package org.linli.bot.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** First guesses of a request's category from its words and its intent rule. */
class CategoryGuesserTest {

  private final CategoryGuesser guesser = new CategoryGuesser();

  /** Each text, without an intent rule, is guessed to be of {@code category}. */
  private void assertEachGuessed(String category, String... texts) {
    for (String text : texts) {
      assertThat(guesser.guess(text, null)).as(text).isEqualTo(category);
    }
  }

  @Test
  void danger_is_an_emergency() {
    assertEachGuessed("emergency", "5号楼电梯困人了，快来", "楼道里有很重的煤气味", "我家老人走失了，穿灰色外套", "有人晕倒在小区门口");
    assertThat(guesser.guess("快来人", "emergency")).isEqualTo("emergency");
  }

  @Test
  void broken_things_are_repairs() {
    assertEachGuessed("repair", "3号楼楼道灯坏了", "楼上漏水到我家天花板", "下水道堵了好几天", "单元门禁刷不开", "电梯故障停在三楼");
    assertThat(guesser.guess("帮忙看看", "repair")).isEqualTo("repair");
  }

  @Test
  void older_residents_needs_social_assistance_and_the_rest() {
    assertThat(guesser.guess("独居老人想报名助餐", null)).isEqualTo("elderly");
    assertThat(guesser.guess("我家的低保怎么还没到账", "action")).isEqualTo("social_assistance");
    assertThat(guesser.guess("家里遇到困难想申请临时救助", null)).isEqualTo("social_assistance");
    assertThat(guesser.guess("帮我问一下居住证办到哪一步了", "action")).isEqualTo("consultation");
    assertThat(guesser.guess(null, null)).isEqualTo("consultation");
  }

  @Test
  void a_burst_pipe_or_a_flood_is_an_emergency_and_a_leak_still_a_repair() {
    assertEachGuessed("emergency", "我家水管爆了", "楼上爆管了水往下流", "厨房跑水了，已经漫到客厅");
    assertEachGuessed("repair", "楼上漏水到我家天花板", "水龙头坏了");
  }

  @Test
  void a_request_whose_words_name_no_category_takes_the_category_of_the_guide_it_is_about() {
    assertThat(guesser.guess("请帮我申请五保供养", "action", "社会救助 社会救助 特困供养 五保")).isEqualTo("social_assistance");
    assertThat(guesser.guess("帮我爸办个乘车卡", "action", "养老助残 养老 优待证 乘车优惠")).isEqualTo("elderly");
    assertThat(guesser.guess("帮我问问办到哪了", "action", "")).isEqualTo("consultation");
  }

  @Test
  void a_guides_words_never_overrule_the_residents_own_or_make_an_emergency() {
    assertThat(guesser.guess("3号楼楼道灯坏了", null, "社会救助 低保")).isEqualTo("repair");
    assertThat(guesser.guess("帮我交一下灵活就业社保", "action", "社保就业 社保 灵活就业 养老保险")).isEqualTo("consultation");
    assertThat(guesser.guess("帮我问问", "action", "平安应急 电动自行车 充电 消防安全 着火")).isEqualTo("consultation");
  }
}
