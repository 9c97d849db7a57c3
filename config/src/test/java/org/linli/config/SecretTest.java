package org.linli.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretTest {

  @Test
  void to_string_never_reveals_the_value() {
    Secret secret = Secret.of("s3cret-token");

    assertThat(secret.toString()).isEqualTo("********").doesNotContain("s3cret");
    assertThat("token=" + secret).isEqualTo("token=********");
    assertThat(secret.reveal()).isEqualTo("s3cret-token");
  }

  @ParameterizedTest(name = "\"{0}\" matches: {1}")
  @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
      s3cret-token    | true
      s3cret-toke     | false
      s3cret-token2   | false
      S3CRET-TOKEN    | false
      's3cret-token ' | false
      ''              | false
      null            | false
      """)
  void matches_only_the_exact_value(String token, boolean matches) {
    assertThat(Secret.of("s3cret-token").matches(token)).isEqualTo(matches);
  }

  @Test
  void surrounding_whitespace_in_the_configured_value_is_ignored() {
    assertThat(Secret.of("  s3cret-token\n").matches("s3cret-token")).isTrue();
  }

  @Test
  void an_unset_secret_matches_nothing_not_even_an_empty_token() {
    for (Secret unset : new Secret[]{Secret.none(), Secret.of(null), Secret.of(""), Secret.of("   ")}) {
      assertThat(unset.isSet()).isFalse();
      assertThat(unset.matches("")).isFalse();
      assertThat(unset.matches(" ")).isFalse();
      assertThat(unset.matches(null)).isFalse();
      assertThat(unset.toString()).isEqualTo("(not set)");
    }
  }

  @ParameterizedTest(name = "\"{0}\" matches: {1}")
  @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
      Bearer s3cret | true
      bearer s3cret | true
      Bearer s3cre  | false
      Basic s3cret  | false
      s3cret        | false
      null          | false
      """)
  void a_bearer_header_matches_only_with_the_bearer_scheme_and_the_exact_token(String header, boolean matches) {
    assertThat(Secret.of("s3cret").matchesBearer(header)).isEqualTo(matches);
  }

  @Test
  void an_unset_secret_matches_no_bearer_header() {
    assertThat(Secret.none().matchesBearer("Bearer ")).isFalse();
  }
}
