package org.linli.bot.consultation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.linli.bot.keys.KeyFile;
import org.linli.bot.outbox.Sealer;
import org.linli.config.Secret;

/**
 * The keys of secret ballots. Each secret poll has its own random 32-byte key, and a ballot is kept
 * under an HMAC-SHA256 of the voter (or household) under it. Redis holds that key only sealed
 * (AES-256-GCM, the poll id bound in as associated data) under a sealing key that Redis never sees:
 * {@code consultation.ballotSealKey}, or one generated once into {@value #FILE} under the data
 * directory. The sealed key is deleted when the poll closes; from then on nobody can link a ballot.
 *
 * <p>The same sealing key seals outbox messages that name the voter of a secret ballot ({@link
 * Sealer}): their text and destination, and a keyed tag instead of their id.
 */
public final class BallotKeys implements Sealer {

  /** Where the generated sealing key is kept, under the data directory. */
  public static final String FILE = "keys/ballot-seal.key";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String SEALED_PREFIX = "v1:";
  private static final int NONCE_BYTES = 12;

  private final SecretKeySpec seal;

  private BallotKeys(byte[] key) {
    this.seal = new SecretKeySpec(key, "AES");
  }

  /**
   * The sealing key from the settings (through SHA-256, so any text of 32 characters or more
   * will do), or when it is not set the one in {@code <dataDir>/keys/ballot-seal.key}, generated
   * there (readable by the owner only) the first time.
   */
  public static BallotKeys of(Secret configured, Path dataDir) {
    if (configured.isSet()) {
      return new BallotKeys(sha256(configured.reveal().getBytes(StandardCharsets.UTF_8)));
    }
    return new BallotKeys(fromFile(dataDir.resolve(FILE)));
  }

  /** A sealing key that lives only in this process: for tests and benchmarks, not for a service that restarts. */
  public static BallotKeys ephemeral() {
    return new BallotKeys(random(32));
  }

  private static byte[] fromFile(Path file) {
    return KeyFile.readOrCreate(file, "ballot sealing key");
  }

  /** A new random key for one secret poll. */
  byte[] newPollKey() {
    return random(32);
  }

  /** The poll key, sealed for storage with the poll {@code pollId}. */
  String seal(String pollId, byte[] pollKey) {
    return encrypt(pollId, pollKey);
  }

  private String encrypt(String context, byte[] plain) {
    try {
      byte[] nonce = random(NONCE_BYTES);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, seal, new GCMParameterSpec(128, nonce));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain);
      return SEALED_PREFIX + Base64.getEncoder()
          .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
    }
  }

  /** The poll key of {@code pollId} from its sealed form; fails when it was sealed under another key. */
  byte[] open(String pollId, String sealed) {
    try {
      return decrypt(pollId, sealed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The ballot key of poll " + pollId
          + " was sealed under another consultation.ballotSealKey; its ballots cannot be taken", e);
    }
  }

  private byte[] decrypt(String context, String sealed) throws GeneralSecurityException {
    if (!sealed.startsWith(SEALED_PREFIX)) {
      throw new IllegalStateException(context + " is sealed in an unknown form");
    }
    byte[] all = Base64.getDecoder().decode(sealed.substring(SEALED_PREFIX.length()));
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.DECRYPT_MODE, seal, new GCMParameterSpec(128, all, 0, NONCE_BYTES));
    cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
    return cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
  }

  @Override
  public String tag(String id) {
    return mac(seal.getEncoded(), "outbox-id:" + id);
  }

  @Override
  public String sealText(String context, String plain) {
    return encrypt("outbox:" + context, plain.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String openText(String context, String sealed) {
    try {
      return new String(decrypt("outbox:" + context, sealed), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("An outbox message was sealed under another consultation.ballotSealKey", e);
    }
  }

  /** The first 16 bytes of HMAC-SHA256({@code pollKey}, {@code plain}), in hex. */
  static String mac(byte[] pollKey, String plain) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(pollKey, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(plain.getBytes(StandardCharsets.UTF_8)), 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  private static byte[] sha256(byte[] text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static byte[] random(int bytes) {
    byte[] out = new byte[bytes];
    RANDOM.nextBytes(out);
    return out;
  }
}
