package org.handover.server.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.handover.core.accounts.Permission;
import org.handover.core.accounts.Role;
import org.handover.core.parties.PartyKind;
import org.handover.core.registry.Category;
import org.handover.core.registry.Kind;
import org.handover.core.registry.Problem;
import org.handover.core.registry.Script;
import org.handover.core.registry.Sex;
import org.handover.core.registry.Status;
import org.junit.jupiter.api.Test;

class MessagesTest {
  @Test
  void theThreeBundlesHaveExactlyTheSameKeys() {
    Properties uk = Messages.load("uk");
    Properties en = Messages.load("en");
    Properties ru = Messages.load("ru");
    assertThat(uk.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    assertThat(ru.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
  }

  @Test
  void noKeyIsWrittenTwice() throws java.io.IOException {
    // a second line with the same key silently replaces the first: one feature's words in another's
    for (String lang : Messages.LANGUAGES) {
      try (var in = Messages.class.getResourceAsStream("/i18n/messages_" + lang + ".properties")) {
        List<String> keys =
            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#") && l.contains("="))
                .map(l -> l.substring(0, l.indexOf('=')).strip())
                .toList();
        assertThat(keys).as(lang).doesNotHaveDuplicates();
      }
    }
  }

  @Test
  void noMessageIsEmpty() {
    for (String lang : Messages.LANGUAGES) {
      Properties p = Messages.load(lang);
      assertThat(p.stringPropertyNames())
          .allSatisfy(k -> assertThat(p.getProperty(k)).as(lang + " " + k).isNotBlank());
    }
  }

  @Test
  void everyValueOfEveryChoiceHasAName() {
    List<String> keys = new ArrayList<>();
    for (Kind k : Kind.values()) keys.add("kind." + k.key());
    for (Status s : Status.values()) keys.add("status." + s.key());
    for (Sex s : Sex.values()) keys.add("sex." + s.key());
    for (Script s : Script.values()) keys.add("script." + s.key());
    for (PartyKind k : PartyKind.values()) keys.add("party-kind." + k.key());
    for (Permission p : Permission.values()) keys.add("permission." + p.key());
    for (Category c : Category.values()) keys.add("category." + c.key());
    for (Role r : Role.values()) keys.add("role." + r.key());
    for (String lang : Messages.LANGUAGES) {
      assertThat(keys)
          .allSatisfy(k -> assertThat(Messages.of(lang).has(k)).as(lang + " " + k).isTrue());
    }
  }

  @Test
  void pluralsFollowEachLanguagesRules() {
    Messages uk = Messages.of("uk");
    assertThat(uk.get("registry.count", 1)).isEqualTo("1 особа");
    assertThat(uk.get("registry.count", 2)).isEqualTo("2 особи");
    assertThat(uk.get("registry.count", 5)).isEqualTo("5 осіб");
    assertThat(uk.get("registry.count", 21)).isEqualTo("21 особа");
    assertThat(Messages.of("ru").get("registry.count", 5)).isEqualTo("5 лиц");
    assertThat(Messages.of("en").get("registry.count", 1)).isEqualTo("1 person");
    assertThat(Messages.of("en").get("registry.count", 5000)).isEqualTo("5,000 persons");
  }

  @Test
  void aProblemNamesItsFieldInTheUsersLanguage() {
    var p = Problem.of("birth_date", "error.date.impossible", "31.02.1999");
    assertThat(Messages.of("uk").problem(p))
        .isEqualTo(
            "Дата народження: «31.02.1999» — такої дати не існує (пишіть дд.мм.рррр, мм.рррр або рррр)");
    assertThat(Messages.of("en").problem(p))
        .startsWith("Date of birth: '31.02.1999' is not a possible date");
    assertThat(Messages.of("ru").problem(Problem.of("name.0.family", "error.required")))
        .isEqualTo("Фамилия: не может быть пустым");
  }
}
