package org.handover.server.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Generated stand-ins for the photographs families give: a silhouette on a coloured ground, never a
 * person's likeness. Shapes only, so that no font is needed on a bare machine.
 */
final class Portraits {
  private static final Color[] GROUNDS = {
    new Color(0xB8D4E3), new Color(0xE3D4B8), new Color(0xC8E3B8), new Color(0xE3B8C8)
  };

  private Portraits() {}

  static byte[] png(int n) {
    BufferedImage image = new BufferedImage(160, 200, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(GROUNDS[n % GROUNDS.length]);
      g.fillRect(0, 0, 160, 200);
      g.setColor(new Color(0x55606B));
      int head = 56 + 4 * (n % 3); // children of different ages
      g.fillOval(80 - head / 2, 40, head, head + 8);
      g.fillRoundRect(30, 40 + head + 14, 100, 120, 60, 60);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
