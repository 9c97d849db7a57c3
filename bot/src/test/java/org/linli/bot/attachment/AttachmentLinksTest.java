package org.linli.bot.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.config.Secret;

/** Links to photos are signed, expire, and their key is generated once when none is set. */
class AttachmentLinksTest {

  private static final String ID = "a".repeat(64);

  @TempDir
  Path data;
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-25T08:00:00Z"));
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  };

  private AttachmentLinks links(Secret secret) {
    return AttachmentLinks.of(secret, data, Duration.ofDays(30), clock);
  }

  private static String param(String link, String name) {
    for (String pair : link.substring(link.indexOf('?') + 1).split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    throw new AssertionError("no " + name + " in " + link);
  }

  @Test
  void a_link_is_valid_until_it_expires_and_not_a_second_after() {
    AttachmentLinks links = links(Secret.of("x".repeat(32)));
    String link = links.link(ID);

    assertThat(link).startsWith("/attachments/" + ID + "?expires=");
    assertThat(param(link, "expires")).isEqualTo(String.valueOf(now.get().plus(Duration.ofDays(30)).getEpochSecond()));
    assertThat(links.valid(ID, param(link, "expires"), param(link, "sig"))).isTrue();

    now.set(now.get().plus(Duration.ofDays(30)).minusSeconds(1));
    assertThat(links.valid(ID, param(link, "expires"), param(link, "sig"))).isTrue();
    now.set(now.get().plusSeconds(1));
    assertThat(links.valid(ID, param(link, "expires"), param(link, "sig"))).isFalse();
  }

  @Test
  void a_changed_expiry_another_id_another_key_or_no_signature_are_refused() {
    AttachmentLinks links = links(Secret.of("x".repeat(32)));
    String link = links.link(ID);
    String expires = param(link, "expires");
    String sig = param(link, "sig");

    assertThat(links.valid(ID, String.valueOf(Long.parseLong(expires) + 86400), sig)).isFalse();
    assertThat(links.valid("b".repeat(64), expires, sig)).isFalse();
    assertThat(links(Secret.of("y".repeat(32))).valid(ID, expires, sig)).isFalse();
    assertThat(links.valid(ID, expires, null)).isFalse();
    assertThat(links.valid(ID, "soon", sig)).isFalse();
  }

  @Test
  void without_a_secret_a_key_is_generated_once_and_kept_for_the_next_start() throws Exception {
    String link = links(Secret.none()).link(ID);

    assertThat(data.resolve(AttachmentLinks.FILE)).exists();
    String key = Files.readString(data.resolve(AttachmentLinks.FILE));
    assertThat(links(Secret.none()).valid(ID, param(link, "expires"), param(link, "sig"))).isTrue();
    assertThat(Files.readString(data.resolve(AttachmentLinks.FILE))).isEqualTo(key);
  }
}
