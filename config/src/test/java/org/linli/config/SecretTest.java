package org.linli.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretTest {

  @Test
  void to_string_never_reveals_the_value() {
    Secret secret = Secret.of("s3cret-token");

    assertThat(secret.toString()).isEqualTo("********").doesNotContain("s3cret");
    assertThat("token=" + secret).isEqualTo("token=********");
    assertThat(secret.reveal()).isEqualTo("s3cret-token");
  }

  @Test
  void matches_only_the_exact_value() {
    Secret secret = Secret.of("s3cret-token");

    assertThat(secret.matches("s3cret-token")).isTrue();
    assertThat(secret.matches("s3cret-toke")).isFalse();
    assertThat(secret.matches("s3cret-token2")).isFalse();
    assertThat(secret.matches("S3CRET-TOKEN")).isFalse();
    assertThat(secret.matches("s3cret-token ")).isFalse();
    assertThat(secret.matches("")).isFalse();
    assertThat(secret.matches(null)).isFalse();
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

  @Test
  void a_bearer_header_matches_only_with_the_bearer_scheme_and_the_exact_token() {
    Secret secret = Secret.of("s3cret");

    assertThat(secret.matchesBearer("Bearer s3cret")).isTrue();
    assertThat(secret.matchesBearer("bearer s3cret")).isTrue();
    assertThat(secret.matchesBearer("Bearer s3cre")).isFalse();
    assertThat(secret.matchesBearer("Basic s3cret")).isFalse();
    assertThat(secret.matchesBearer("s3cret")).isFalse();
    assertThat(secret.matchesBearer(null)).isFalse();
    assertThat(Secret.none().matchesBearer("Bearer ")).isFalse();
  }
}
