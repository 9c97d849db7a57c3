package org.linli.bot.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A 32-byte key the service generates once into a file under its data directory when the settings
 * give none: base64 in a file only its owner may read, in a folder only its owner may enter. Two
 * instances starting together keep the one written first.
 */
public final class KeyFile {

  private static final int BYTES = 32;

  private KeyFile() {
  }

  /** The key in {@code file}, written first when there is none; {@code what} names it in errors. */
  public static byte[] readOrCreate(Path file, String what) {
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.getParent(), ownerOnly(file.getParent(), "rwx------"));
        byte[] key = new byte[BYTES];
        new SecureRandom().nextBytes(key);
        try {
          Files.write(Files.createFile(file, ownerOnly(file, "rw-------")), Base64.getEncoder().encode(key),
              StandardOpenOption.WRITE);
          return key;
        } catch (FileAlreadyExistsException raced) {
          // Another start wrote it first: use theirs.
        }
      }
      byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
      if (key.length != BYTES) {
        throw new IllegalStateException(file + " does not hold a 32-byte key in base64");
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("The " + what + " " + file + " could not be read or written", e);
    }
  }

  private static FileAttribute<?>[] ownerOnly(Path path, String permissions) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix")
        ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
        : new FileAttribute<?>[0];
  }
}
