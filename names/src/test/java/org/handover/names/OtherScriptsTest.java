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
    // Armenian's transliteration writes ш as š: a letter, not an s with a mark
    assertThat(level("Саргсян Ашот", "Աշոտ Սարգսյան")).isEqualTo(Level.TRANSLITERATION);
    // Georgian gives a foreign family name its case ending -i
    assertThat(level("Мамедов Тенгиз", "თენგიზ მამედოვი")).isEqualTo(Level.TRANSLITERATION);
    assertThat(Names.keys("თენგიზ მამედოვი")).contains("F:mamedov");
    // and they are still told apart from other names
    assertThat(level("Беридзе Гиорги", "გიორგი კაპანაძე").atLeast(Level.EDIT)).isFalse();
  }

  @Test
  void belarusianSpellingsMeetTheUkrainianAndRussianOnes() {
    assertThat(level("Леўчук", "Левчук").atLeast(Level.EQUIVALENT)).isTrue();
    assertThat(level("Leŭčuk", "Левчук").atLeast(Level.EQUIVALENT)).isTrue();
    assertThat(level("Leu\u0306c\u030Cuk", "Левчук").atLeast(Level.EQUIVALENT)).isTrue();
    // Belarusian writes an unstressed о (and е after a hard consonant) as а, я for an unstressed
    // е after a soft one, a в before an initial о, and дз, ц for a soft д, т
    assertThat(level("Кавалёў", "Ковалёв")).isEqualTo(Level.EQUIVALENT);
    assertThat(level("Шевчук Ольга", "Вольга Шаўчук")).isEqualTo(Level.EQUIVALENT);
    assertThat(level("Шевченко Сергей", "Сяргей Шаўчэнка")).isEqualTo(Level.EQUIVALENT);
    assertThat(level("Ковалёва Ольга Ивановна", "Вольга Іванаўна Кавалёва"))
        .isEqualTo(Level.EQUIVALENT);
    assertThat(level("Левчук Тимофей Дмитриевич", "Цімафей Дзмітрыевіч Леўчук"))
        .isEqualTo(Level.EQUIVALENT);
    // a patronymic of a name in -ай: Belarusian -аевіч, -аеўна, Ukrainian -айович, -аївна
    assertThat(level("Шевченко Андрій Миколайович", "Андрэй Мікалаевіч Шаўчэнка"))
        .isEqualTo(Level.EQUIVALENT);
    assertThat(level("Шевченко Ольга Миколаївна", "Вольга Мікалаеўна Шаўчэнка"))
        .isEqualTo(Level.EQUIVALENT);
    // a name without ў is Belarusian by its і beside ы or э
    assertThat(level("Сидоренко Дмитрий Иванович", "Дзмітрый Іванавіч Сідарэнка"))
        .isEqualTo(Level.EQUIVALENT);
    assertThat(Names.compare("Шевчук", "Шаўчук").parts().get(0).reason()).startsWith("Belarusian");
    // those readings are for Belarusian names only: Шастак is not Шостак, nor Вольга Ольга
    assertThat(level("Шастак Олег", "Шостак Олег").atLeast(Level.EQUIVALENT)).isFalse();
    assertThat(level("Вольга", "Ольга").atLeast(Level.EQUIVALENT)).isFalse();
    // nor does a Belarusian name meet a different one
    assertThat(level("Вольга Шаўчук", "Ольга Шевченко").atLeast(Level.EDIT)).isFalse();
  }

  @Test
  void searchKeysOfAGeorgianSpellingMeetTheLatinOnes() {
    assertThat(Names.keys("გიორგი ბერიძე")).containsAnyElementsOf(Names.keys("Beridze Giorgi"));
  }
}
