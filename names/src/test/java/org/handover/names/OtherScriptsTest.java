package org.handover.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A person's name in a script no standard of Handover's covers (Georgian, Armenian, Greek) is read
 * through a general transliteration to Latin; Belarusian Cyrillic's ў is в's counterpart.
 */
class OtherScriptsTest {

  private static Level level(String a, String b) {
    return Names.compare(a, b).level();
  }

  @Test
  void georgianArmenianAndGreekSpellingsMeetTheirCyrillicAndLatinForms() {
    assertThat(level("Беридзе Гиорги", "გიორგი ბერიძე")).isEqualTo(Level.TRANSLITERATION);
    assertThat(level("Giorgi Beridze", "ბერიძე გიორგი")).isEqualTo(Level.TRANSLITERATION);
    assertThat(level("Петросян Арам", "Արամ Պետրոսյան")).isEqualTo(Level.TRANSLITERATION);
    assertThat(level("Пападопулос", "Παπαδόπουλος")).isEqualTo(Level.TRANSLITERATION);
    // and they are still told apart from other names
    assertThat(level("Беридзе Гиорги", "გიორგი კაპანაძე").atLeast(Level.EDIT)).isFalse();
  }

  @Test
  void belarusianSpellingsMeetTheUkrainianAndRussianOnes() {
    assertThat(level("Леўчук", "Левчук").atLeast(Level.EQUIVALENT)).isTrue();
    assertThat(level("Leŭčuk", "Левчук").atLeast(Level.EQUIVALENT)).isTrue();
    assertThat(level("Leu\u0306c\u030Cuk", "Левчук").atLeast(Level.EQUIVALENT)).isTrue();
    assertThat(level("Кавалёў", "Ковалёв").atLeast(Level.PHONETIC)).isTrue();
  }

  @Test
  void searchKeysOfAGeorgianSpellingMeetTheLatinOnes() {
    assertThat(Names.keys("გიორგი ბერიძე")).containsAnyElementsOf(Names.keys("Beridze Giorgi"));
  }
}
