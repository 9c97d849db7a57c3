package org.linli.bot.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.config.Secret;

/** The sealing of secret-ballot keys: generated once into the data directory, or from the settings. */
class BallotKeysTest {

  @TempDir
  Path data;

  @Test
  void without_a_setting_the_sealing_key_is_generated_once_into_an_owner_only_file_outside_redis() throws Exception {
    BallotKeys first = BallotKeys.of(Secret.none(), data);
    byte[] pollKey = first.newPollKey();
    String sealed = first.seal("p7", pollKey);

    Path file = data.resolve("keys/ballot-seal.key");
    assertThat(file).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    // A restart reads the same file and opens what the first start sealed.
    assertThat(BallotKeys.of(Secret.none(), data).open("p7", sealed)).isEqualTo(pollKey);
  }

  @Test
  void a_sealed_key_opens_only_under_the_same_sealing_key_and_for_the_same_poll() {
    BallotKeys keys = BallotKeys.of(Secret.of("a sealing key of thirty-two chars or more"), data);
    byte[] pollKey = keys.newPollKey();
    String sealed = keys.seal("p7", pollKey);

    assertThat(sealed).startsWith("v1:").doesNotContain(java.util.Base64.getEncoder().encodeToString(pollKey));
    assertThat(Arrays.equals(keys.open("p7", sealed), pollKey)).isTrue();
    assertThat(data.resolve("keys")).doesNotExist();
    assertThatThrownBy(() -> keys.open("p8", sealed)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> BallotKeys.of(Secret.of("another sealing key of thirty-two chars"), data)
        .open("p7", sealed)).hasMessageContaining("another consultation.ballotSealKey");
  }

  @Test
  void an_outbox_message_is_sealed_for_its_context_under_a_stable_keyed_tag_that_another_key_cannot_make() {
    BallotKeys keys = BallotKeys.of(Secret.of("a sealing key of thirty-two chars or more"), data);
    BallotKeys other = BallotKeys.of(Secret.of("another sealing key of thirty-two chars"), data);
    String message = "{\"chat\":{\"id\":\"918273645\"},\"text\":\"回执码：K7Q2-M4XZ\"}";

    String sealed = keys.sealText("chat:sealed-1", message);

    assertThat(sealed).startsWith("v1:").doesNotContain("918273645", "K7Q2");
    assertThat(keys.openText("chat:sealed-1", sealed)).isEqualTo(message);
    assertThatThrownBy(() -> keys.openText("chat:sealed-2", sealed)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> other.openText("chat:sealed-1", sealed)).isInstanceOf(IllegalStateException.class);
    // A sealed outbox message is not a poll key: the two are bound to different contexts.
    assertThatThrownBy(() -> keys.open("chat", keys.sealText("", message))).isInstanceOf(IllegalStateException.class);
    assertThat(keys.tag("telegram-918273645-1003-0")).isEqualTo(keys.tag("telegram-918273645-1003-0"))
        .hasSize(32).doesNotContain("918273645").isNotEqualTo(other.tag("telegram-918273645-1003-0"));
  }
}
