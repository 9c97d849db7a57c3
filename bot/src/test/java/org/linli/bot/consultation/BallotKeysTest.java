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
}
