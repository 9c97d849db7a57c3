package org.linli.bot.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TextBundlesTest {

  private static final Properties SIMPLIFIED = Bundles.read(Bundles.SIMPLIFIED);
  private static final Properties TRADITIONAL = Bundles.read(Bundles.TRADITIONAL);
  private static final Properties WORDS = Bundles.read(Bundles.WORDS);

  @Test
  void every_text_key_is_in_both_bundles_and_every_bundle_key_is_a_text() {
    Set<String> keys = Arrays.stream(Text.values()).map(Text::key).collect(Collectors.toCollection(TreeSet::new));

    assertThat(new TreeSet<>(SIMPLIFIED.stringPropertyNames())).isEqualTo(keys);
    assertThat(new TreeSet<>(TRADITIONAL.stringPropertyNames())).isEqualTo(keys);
  }

  @Test
  void every_word_key_is_in_the_words_file_and_every_entry_is_a_word_key() {
    Set<String> keys = Arrays.stream(Words.values()).map(Words::key).collect(Collectors.toCollection(TreeSet::new));

    assertThat(new TreeSet<>(WORDS.stringPropertyNames())).isEqualTo(keys);
    for (Words w : Words.values()) {
      assertThat(w.text()).as(w.key()).isNotBlank();
    }
  }

  @Test
  void both_bundles_take_the_same_arguments_for_each_text() {
    for (Text t : Text.values()) {
      assertThat(arguments(TRADITIONAL.getProperty(t.key()))).as(t.key())
          .isEqualTo(arguments(SIMPLIFIED.getProperty(t.key())));
    }
  }

  @Test
  void the_traditional_bundle_holds_no_simplified_only_character_and_taiwan_forms_only() {
    Properties variants = Bundles.read("tw-variants.properties");
    Set<String> taiwan = new TreeSet<>();
    variants.stringPropertyNames().forEach(k -> taiwan.add(variants.getProperty(k)));
    for (Text t : Text.values()) {
      String traditional = TRADITIONAL.getProperty(t.key());
      traditional.codePoints().mapToObj(Character::toString).forEach(c -> {
        boolean simplifiedOnly = ZhConverterUtil.isSimple(c) && !ZhConverterUtil.isTraditional(c);
        assertThat(simplifiedOnly && !taiwan.contains(c)).as(t.key() + ": " + c + " is Simplified").isFalse();
        assertThat(variants.containsKey(c)).as(t.key() + ": " + c + " is not Taiwan's form").isFalse();
      });
      // What ICU's character transform got wrong: 復印件 for 複印件, 咨詢 and 答复 half converted.
      assertThat(traditional).as(t.key()).doesNotContain("復印", "咨", "答复", "答復", "羣");
    }
    assertThat(Text.ANSWER_FORWARD_ALSO.traditional()).contains("答覆");
    assertThat(Text.ANSWER_FORWARD_ALSO.of()).contains("答复");
  }

  @Test
  void arguments_are_filled_in_by_position_as_written() {
    assertThat(Bundles.format("{0} 和 {1}，再说一次 {0}", "甲", 1234.5)).isEqualTo("甲 和 1234.5，再说一次 甲");
    assertThat(Bundles.format("{a} 与 '{0}'", "x")).isEqualTo("{a} 与 'x'");
    assertThat(Text.HELP_EMPTY.of("110", "119", "120")).endsWith("请直接拨打 110/119/120。");
  }

  private static Set<String> arguments(String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = Pattern.compile("\\{\\d+}").matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }
}
