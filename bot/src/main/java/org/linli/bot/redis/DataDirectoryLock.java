package org.linli.bot.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The one service that runs the embedded Redis on a data folder: an exclusive lock on {@code
 * linli.lock} in it, held while the service runs and released by the operating system however the
 * service ends (kill -9 included). A second service on the same folder is refused at start, so two
 * redis-servers never write the same files.
 */
final class DataDirectoryLock implements AutoCloseable {

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirectoryLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock of {@code dir}, or fails naming the folder when another service holds it. */
  static DataDirectoryLock take(Path dir) {
    try {
      FileChannel channel = FileChannel.open(dir.resolve("linli.lock"), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new IllegalStateException("Another Linli runs the embedded Redis on " + dir
            + ": stop it, or give this one its own LINLI_DATA_DIR");
      }
      return new DataDirectoryLock(channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException("The embedded Redis folder " + dir + " could not be locked: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
