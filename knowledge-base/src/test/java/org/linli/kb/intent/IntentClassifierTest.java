package org.linli.kb.intent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntentClassifierTest {

  private final IntentClassifier classifier = new IntentClassifier();

  @ParameterizedTest(name = "{0} -> {1}, urgent {2}")
  @CsvSource({
      // A personal case or a request for action goes to a person, whatever the guides say.
      "我的低保这个月没到账帮我查一下, HELP_REQUEST, false",
      "楼道灯坏了,                     HELP_REQUEST, false",
      "樓道燈壞了,                     HELP_REQUEST, false",
      "楼上邻居天天在楼道里堆东西,     HELP_REQUEST, false",
      // Someone may be in danger.
      "电梯困人了,                     HELP_REQUEST, true",
      "電梯困人了,                     HELP_REQUEST, true",
      "三楼有煤气味,                   HELP_REQUEST, true",
      // Small talk.
      "今天天气真好,                   CHITCHAT,     false",
      "谢谢大家,                       CHITCHAT,     false",
      "大家好,                         CHITCHAT,     false",
      // Questions a guide may answer, including one about benefits after an emergency.
      "外地人怎么办居住证,             QUESTION,     false",
      "特困人员可以住敬老院吗,         QUESTION,     false",
      "居住證怎麼辦,                   QUESTION,     false",
      "家里着火了有啥救助,             QUESTION,     false",
  })
  void a_message_is_classified_by_what_it_asks_for(String text, MessageKind kind, boolean urgent) {
    Intent intent = classifier.classify(text);

    assertThat(intent.kind()).as(intent.rule()).isEqualTo(kind);
    assertThat(intent.urgent()).isEqualTo(urgent);
    assertThat(intent.question()).isEqualTo(kind == MessageKind.QUESTION);
  }
}
