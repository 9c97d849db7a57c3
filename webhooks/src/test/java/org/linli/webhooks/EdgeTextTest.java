package org.linli.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EdgeTextTest {

  @Test
  void every_edge_text_has_an_entry_and_every_entry_is_an_edge_text() throws IOException {
    Properties file = new Properties();
    try (var in = EdgeText.class.getResourceAsStream("edge-texts.properties")) {
      file.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    assertThat(new TreeSet<>(file.stringPropertyNames()))
        .isEqualTo(Arrays.stream(EdgeText.values()).map(EdgeText::key).collect(Collectors.toCollection(TreeSet::new)));
    assertThat(EdgeText.DINGTALK_BUTTON.pattern().matcher("有帮助 〔fb:y:abc〕").find()).isTrue();
    assertThat(EdgeText.DINGTALK_BUTTON_OPEN.text()).isEqualTo(" 〔");
  }
}
