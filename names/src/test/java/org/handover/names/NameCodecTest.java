package org.handover.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameCodecTest {
  private static final List<String> NAMES =
      List.of(
          "Ковальчук Юрій Петрович",
          "Kovalchuk Yurii Petrovych",
          "Ковальчук Юрий Петрович",
          "рядовий Іваненко (Петренко) Олена",
          "Шевченко Т. Г.",
          "VOVK IVAN",
          "Alexander Maximov",
          "Мельник",
          "O'Connor-Шевчук Анна-Марія");

  private static PreparedName roundTrip(PreparedName n) {
    Bytes.Writer out = new Bytes.Writer();
    NameCodec.write(n, out);
    return NameCodec.read(new Bytes.Reader(out.toArray()));
  }

  @Test
  void aNameReadBackComparesAndKeysAsTheOneWritten() {
    for (String a : NAMES) {
      PreparedName written = Names.prepare(a);
      PreparedName read = roundTrip(written);
      PreparedName again = roundTrip(written); // its parts shared with the first read
      assertEquals(written.parsed(), again.parsed(), a);
      assertEquals(Names.keys(written), Names.keys(again), a);
      assertEquals(written.parsed(), read.parsed(), a);
      assertEquals(Names.keys(written), Names.keys(read), a);
      for (String b : NAMES) {
        PreparedName other = Names.prepare(b);
        assertEquals(
            Names.compare(written, other), Names.compare(read, other), a + " against " + b);
        assertEquals(
            Names.compare(other, written), Names.compare(other, read), b + " against " + a);
      }
    }
  }
}
