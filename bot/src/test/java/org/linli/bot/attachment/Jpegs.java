package org.linli.bot.attachment;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/**
 * Test photos: a real JPEG written by ImageIO, with an EXIF APP1 segment laid out as the EXIF 2.3
 * standard has it (TIFF header, IFD0 with a GPSInfo pointer, a GPS IFD with latitude and
 * longitude), and a reader that finds the GPS tag again.
 */
public final class Jpegs {

  /** Tag of the pointer to the GPS IFD in IFD0. */
  static final int GPS_INFO = 0x8825;

  private Jpegs() {
  }

  /** A 16x16 JPEG without metadata. */
  public static byte[] plain() {
    BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(0, 0, 16, 16);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "jpg", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The same JPEG with an EXIF segment right after SOI holding a GPS position (31.23 N, 121.47 E). */
  public static byte[] withGps() {
    byte[] plain = plain();
    byte[] app1 = exifApp1();
    ByteBuffer out = ByteBuffer.allocate(plain.length + app1.length);
    out.put(plain, 0, 2).put(app1).put(plain, 2, plain.length - 2);
    return out.array();
  }

  private static byte[] exifApp1() {
    // TIFF, little endian: header (8) | IFD0: 1 entry (2 + 12 + 4) | GPS IFD: 4 entries (2 + 48 + 4) | 6 rationals
    ByteBuffer tiff = ByteBuffer.allocate(8 + 18 + 54 + 48).order(ByteOrder.LITTLE_ENDIAN);
    tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
    tiff.putShort((short) 1);
    entry(tiff, GPS_INFO, 4, 1, 26);
    tiff.putInt(0);
    int rationals = 26 + 54;
    tiff.putShort((short) 4);
    entry(tiff, 1, 2, 2, 'N'); // GPSLatitudeRef "N\0"
    entry(tiff, 2, 5, 3, rationals); // GPSLatitude
    entry(tiff, 3, 2, 2, 'E'); // GPSLongitudeRef "E\0"
    entry(tiff, 4, 5, 3, rationals + 24); // GPSLongitude
    tiff.putInt(0);
    for (int v : new int[]{31, 13, 49, 121, 28, 25}) {
      tiff.putInt(v).putInt(1);
    }
    byte[] exif = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    int length = 2 + exif.length + tiff.capacity();
    return ByteBuffer.allocate(2 + length).put((byte) 0xFF).put((byte) 0xE1).putShort((short) length).put(exif)
        .put(tiff.array()).array();
  }

  private static void entry(ByteBuffer tiff, int tag, int type, int count, int value) {
    tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
  }

  /** True when the JPEG has an EXIF segment whose IFD0 points at a GPS IFD. */
  public static boolean hasGps(byte[] jpeg) {
    int at = 2;
    while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
      int marker = jpeg[at + 1] & 0xFF;
      int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
      if (marker == 0xDA) {
        return false;
      }
      if (marker == 0xE1 && new String(jpeg, at + 4, 6, StandardCharsets.ISO_8859_1).equals("Exif\0\0")) {
        ByteBuffer tiff = ByteBuffer.wrap(jpeg, at + 10, length - 8).slice();
        tiff.order(tiff.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int ifd = tiff.getInt(4);
        int entries = tiff.getShort(ifd) & 0xFFFF;
        for (int i = 0; i < entries; i++) {
          if ((tiff.getShort(ifd + 2 + 12 * i) & 0xFFFF) == GPS_INFO) {
            return true;
          }
        }
      }
      at += 2 + length;
    }
    return false;
  }
}
