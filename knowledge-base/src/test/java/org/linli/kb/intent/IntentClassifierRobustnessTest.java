package org.linli.kb.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntentClassifierRobustnessTest {

  private final IntentClassifier classifier = new IntentClassifier();

  @ParameterizedTest
  @ValueSource(strings = {
      "", " ", "\u0000", "\u0007\u001b[31m", "\uFEFF", "\uD83D", "\uDE00电梯", "电梯\uD83D困人了", "👨‍👩‍👧",
      "e\u0301\u0301\u0301",
      "\u202E反向文字", "\t\n\r", "?", "(((", "[a-z]*+", "\\p{L}", "$1", "..{0,3}", "🙏🏻", "👍🏽"
  })
  void odd_input_is_classified_without_throwing(String text) {
    Intent intent = classifier.classify(text);

    assertThat(intent).isNotNull();
    assertThat(intent.rule()).isNotBlank();
  }

  @Test
  void no_text_at_all_is_small_talk() {
    assertThat(classifier.classify(null)).isEqualTo(new Intent(MessageKind.CHITCHAT, false, "small-talk"));
    assertThat(classifier.classify("")).isEqualTo(new Intent(MessageKind.CHITCHAT, false, "small-talk"));
  }

  @Test
  void a_skin_toned_thanks_or_thumbs_up_keeps_its_name() {
    assertThat(classifier.classify("🙏🏻").rule()).isEqualTo("thanks");
    assertThat(classifier.classify("👍🏽").rule()).isEqualTo("acknowledgement");
  }

  @Test
  void an_emergency_at_the_end_of_a_long_message_is_still_found() {
    String text = "我想说一下我们小区的情况。".repeat(700) + "现在电梯困人了";

    assertThat(classifier.classify(text).urgent()).isTrue();
  }

  /** Backtracking gone wrong would take minutes, or overflow the stack; linear matching takes well under a second. */
  @Test
  void ten_thousand_characters_of_anything_are_classified_quickly() {
    List<String> texts = new ArrayList<>();
    for (String unit : List.of("哈", "困", "电梯", "的", "我妈", "着火", "?", "😂", "了", "好的", "\uD83D", "谢谢")) {
      texts.add(unit.repeat(10_000 / unit.length()));
    }
    Random random = new Random(9);
    String pool = "电梯困人了着火冒烟我妈晕倒狗咬孩子老人几天没见怎么办吗如果规定补贴谢谢好的哈你?？！，。 a1😂";
    int[] points = pool.codePoints().toArray();
    for (int i = 0; i < 8; i++) {
      StringBuilder b = new StringBuilder();
      while (b.length() < 10_000) {
        b.appendCodePoint(points[random.nextInt(points.length)]);
      }
      texts.add(b.toString());
    }

    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> texts.forEach(classifier::classify));
  }
}
