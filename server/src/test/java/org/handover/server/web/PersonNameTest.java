package org.handover.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which romanization a name gets on an English page. */
class PersonNameTest {
  @Test
  void ukrainianSpellingsGetKmuAndRussianOnesIcao() {
    assertThat(View.russian("Войнич Михайло Назарович")).isFalse();
    assertThat(View.russian("Скрипниченко Олександр Тарасович")).isFalse();
    assertThat(View.russian("Хмельницький Андрій")).isFalse();
    assertThat(View.russian("Іванов Юрій")).isFalse();
    assertThat(View.russian("Иванов Александр Дмитриевич")).isTrue();
    // no letter says it, the name does: Николай, Владимирович (Ukrainian: Микола, Володимирович)
    assertThat(View.russian("Агапов Николай Владимирович")).isTrue();
    assertThat(View.russian("Абдулов Петр Михайлович")).isTrue();
    assertThat(View.russian("Коваленко Петро Миколайович")).isFalse();
    assertThat(View.russian("Шевчук Олена")).isFalse();
    assertThat(View.russian("Петров Дмитрий Ильич")).isTrue();
    assertThat(View.russian("Соколова Анна Петровна")).isTrue();
    assertThat(View.russian("Артёмов Пётр")).isTrue();
  }
}
