package org.linli.bot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmallTalkTest {

  private static final String INTRO = "您好，我是邻里小助手。";

  @Test
  void each_rule_of_the_classifier_gets_its_own_short_reply() {
    assertThat(SmallTalk.reply("thanks", "谢谢", INTRO)).isEqualTo("不客气，有事随时问我。");
    assertThat(SmallTalk.reply("greeting", "你好", INTRO)).startsWith("您好！有什么可以帮您？\n");
    assertThat(SmallTalk.reply("farewell", "拜拜", INTRO)).isEqualTo("再见，有事随时找我。");
    assertThat(SmallTalk.reply("acknowledgement", "收到", INTRO)).isEqualTo("好的。");
    assertThat(SmallTalk.reply("wishes", "国庆节快乐", INTRO)).isEqualTo("谢谢！也祝您和家人一切都好，有事随时问我。");
    assertThat(SmallTalk.reply("wishes", "國慶節快樂", INTRO, true)).isEqualTo("謝謝！也祝您和家人一切都好，有事隨時問我。");
  }

  @Test
  void the_catch_all_rule_and_unknown_rules_look_at_the_text_and_fall_back_to_the_introduction() {
    assertThat(SmallTalk.reply("small-talk", "多謝晒", INTRO)).isEqualTo("不客气，有事随时问我。");
    assertThat(SmallTalk.reply("a-rule-from-the-future", "好的", INTRO)).isEqualTo("好的。");
    assertThat(SmallTalk.reply("small-talk", "大家早上好", INTRO)).startsWith("您好！");
    assertThat(SmallTalk.reply("small-talk", "今天天气真好", INTRO)).isEqualTo(INTRO);
    assertThat(SmallTalk.reply(null, null, INTRO)).isEqualTo(INTRO);
  }
}
