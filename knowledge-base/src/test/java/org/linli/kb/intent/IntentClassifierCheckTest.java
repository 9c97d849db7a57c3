package org.linli.kb.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntentClassifierCheckTest {

  @Test
  void a_labelled_set_is_scored_with_its_confusions_and_misses() {
    List<IntentCheck.Case> cases = IntentCheck.parse(List.of(
        "# a comment",
        "urgent\t电梯困人了",
        "question\t低保怎么申请",
        "chitchat\t谢谢",
        "",
        "question\t楼道灯坏了",
        "no tab here"));

    IntentCheck.Result result = IntentCheck.run(new IntentClassifier(), cases);

    assertThat(result.total()).isEqualTo(4);
    assertThat(result.correct()).isEqualTo(3);
    assertThat(result.confusions()).isEqualTo(Map.of("question -> help", 1));
    assertThat(result.misses()).containsExactly("question -> help [repair] 楼道灯坏了");
    assertThat(result.summary()).startsWith("3/4 correct (75.0%)");
  }
}
