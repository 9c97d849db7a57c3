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
}
