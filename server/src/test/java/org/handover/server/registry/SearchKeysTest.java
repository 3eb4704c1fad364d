package org.handover.server.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.handover.names.Folding;
import org.junit.jupiter.api.Test;

class SearchKeysTest {

  @Test
  void aNamesWordsAreItsRunsOfLettersMarksDigitsAndApostrophes() {
    assertThat(SearchKeys.words("  Коваль-Ковальчук  Юрій (Юра) Петрович"))
        .containsExactly("Коваль", "Ковальчук", "Юрій", "Юра", "Петрович");
    assertThat(SearchKeys.words("Знам'янка, O’Neil ʼ 2-й Šc\u030cerbak"))
        .containsExactly("Знам'янка", "O’Neil", "2", "й", "Šc\u030cerbak");
    assertThat(SearchKeys.words(" ' ‘ - ")).isEmpty();
    assertThat(SearchKeys.words("")).isEmpty();
  }

  /** The words as the pattern the registry first split names with finds them, on random text. */
  @Test
  void aNamesWordsAreThoseThePatternFinds() {
    Pattern wordBreak = Pattern.compile("[^\\p{L}\\p{M}\\p{Nd}'’ʼ`‘ʹʺ′″]+");
    String alphabet = "аБвЇїєґЁёAbzŠš\u030c\u0301 -,.()'’ʼ`‘ʹʺ′″019٣\t/𝐈𝐯";
    Random random = new Random(7);
    int letters = alphabet.codePointCount(0, alphabet.length());
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int k = random.nextInt(14); k > 0; k--) {
        text.appendCodePoint(
            alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(letters))));
      }
      List<String> expected = new ArrayList<>();
      for (String w : wordBreak.split(text)) {
        if (!Folding.fold(w).isEmpty()) {
          expected.add(w);
        }
      }
      assertThat(SearchKeys.words(text.toString())).as("«%s»", text).isEqualTo(expected);
    }
  }
}
