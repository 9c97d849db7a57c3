package org.linli.bot.attachment;

import java.io.ByteArrayOutputStream;

/**
 * Removes the metadata segments of a JPEG that can carry where a photo was taken: every APP1
 * segment (EXIF, with its GPS IFD, and XMP) and APP13 (Photoshop IPTC). The image data is copied
 * untouched: segments are walked from the start of the file to the start of the scan ({@code
 * SOS}), after which everything is kept as it is.
 */
final class JpegMetadata {

  private static final int SOI = 0xD8;
  private static final int SOS = 0xDA;
  private static final int EOI = 0xD9;
  private static final int APP1 = 0xE1;
  private static final int APP13 = 0xED;

  private JpegMetadata() {
  }

  /** The JPEG without its APP1 and APP13 segments; fails on a file whose segments do not parse. */
  static byte[] strip(byte[] jpeg) {
    if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != SOI) {
      throw new IllegalArgumentException("not a JPEG");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
    out.write(jpeg, 0, 2);
    int at = 2;
    while (at < jpeg.length) {
      if ((jpeg[at] & 0xFF) != 0xFF) {
        throw new IllegalArgumentException("a JPEG segment does not start with 0xFF at " + at);
      }
      int marker = jpeg[at + 1 < jpeg.length ? at + 1 : at] & 0xFF;
      if (marker == 0xFF) {
        at++; // fill byte
        continue;
      }
      if (marker == EOI || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
        out.write(jpeg, at, 2); // markers without a length
        at += 2;
        continue;
      }
      if (at + 4 > jpeg.length) {
        throw new IllegalArgumentException("a JPEG segment is cut short at " + at);
      }
      int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
      if (length < 2 || at + 2 + length > jpeg.length) {
        throw new IllegalArgumentException("a JPEG segment runs past the end at " + at);
      }
      if (marker == SOS) {
        out.write(jpeg, at, jpeg.length - at); // the scan and whatever follows, untouched
        return out.toByteArray();
      }
      if (marker != APP1 && marker != APP13) {
        out.write(jpeg, at, 2 + length);
      }
      at += 2 + length;
    }
    return out.toByteArray();
  }
}
