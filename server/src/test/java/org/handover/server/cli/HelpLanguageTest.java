package org.handover.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The usage help speaks Ukrainian and Russian: every command, option and parameter, and picocli.
 */
class HelpLanguageTest {
  private static final List<String> TRANSLATED = List.of("uk", "ru");
  private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

  /** Words of parameter labels that are typed or read as they are in every language. */
  private static final Set<String> KEPT =
      Set.of("uk", "en", "ru", "none", "ours", "csv", "UA", "RU", "URL", "ID", "N", "M", "K", "B");

  @Test
  void everyDescriptionOfEveryCommandOptionAndParameterIsTranslated() {
    List<String> untranslated = new ArrayList<>();
    for (String lang : TRANSLATED) {
      CommandLine english = HandoverCommand.commandLine();
      CommandLine translated = HandoverCommand.commandLine();
      HelpLanguage.apply(translated, lang);
      walk(
          lang,
          english,
          translated,
          untranslated,
          Collections.newSetFromMap(new IdentityHashMap<>()));
    }
    assertThat(untranslated).isEmpty();
  }

  @Test
  void aNestedCommandsHelpIsRenderedInTheLanguageOfLang() {
    Cli.Run uk = Cli.run("registry", "import", "--help", "--lang", "uk");
    assertThat(uk.exit()).isZero();
    assertThat(uk.out())
        .contains(
            "Використання: handover registry import",
            "Завантажити осіб зі списку CSV або XLSX",
            "--kind=<вид>",
            "Показати цю довідку й вийти.")
        .doesNotContain("Usage:", "Load persons", "Show this help message");

    Cli.Run ru = Cli.run("registry", "--help", "--lang=ru");
    assertThat(ru.out()).contains("Использование: handover registry", "Команды:", "Реестр лиц");

    // an argument group's synopsis too
    assertThat(Cli.run("party", "own", "--help", "--lang", "uk").out()).contains("(КОД | --none)");

    Cli.Run en = Cli.run("registry", "import", "--help", "--lang", "en");
    assertThat(en.out()).contains("Usage: handover registry import", "Load persons", "FILE");

    // one command line asked in Ukrainian, then in English, answers the second in English
    CommandLine once = HandoverCommand.commandLine();
    HelpLanguage.apply(once, "uk");
    HelpLanguage.apply(once, "en");
    String usage =
        once.getSubcommands().get("registry").getSubcommands().get("import").getUsageMessage();
    assertThat(usage).contains("Usage: handover registry import", "FILE").doesNotContain("ФАЙЛ");
  }

  @Test
  void theUsageShownForABadCommandLineIsInItsLanguageToo() {
    Cli.Run r = Cli.run("registry", "import", "--lang", "ru"); // no FILE
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains("Использование: handover registry import")
        .doesNotContain("Usage:");
  }

  @Test
  void theLanguageIsTheLastValidLangAnywhereOnTheCommandLine() {
    assertThat(HelpLanguage.of(new String[] {"registry", "import", "--help", "--lang", "uk"}))
        .isEqualTo("uk");
    assertThat(HelpLanguage.of(new String[] {"--lang=ru", "match", "--help"})).isEqualTo("ru");
    assertThat(HelpLanguage.of(new String[] {"--lang", "uk", "x", "--lang", "en"})).isEqualTo("en");
    // after "--" an argument is a value, not --lang
    assertThat(HelpLanguage.of(new String[] {"--lang", "ru", "--", "--lang", "uk"}))
        .isEqualTo("ru");
  }

  @Test
  void bothBundlesHaveTheSameKeysAndNoneIsStale() {
    Set<String> known = new HashSet<>();
    keys(HandoverCommand.commandLine(), known, Collections.newSetFromMap(new IdentityHashMap<>()));
    Set<String> uk = HelpLanguage.bundle("uk").keySet();
    Set<String> ru = HelpLanguage.bundle("ru").keySet();
    assertThat(ru).containsExactlyInAnyOrderElementsOf(uk);
    List<String> stale = new ArrayList<>();
    for (String key : uk) {
      String base = key.replaceFirst("\\.\\d+$", ""); // a line of a multi-line text
      if (key.startsWith("handover.") && !known.contains(base)) {
        stale.add(key);
      }
    }
    assertThat(stale).as("keys of no command, option or parameter").isEmpty();
    assertThat(HelpLanguage.bundle("en")).isNull();
  }

  @Test
  void noKeyIsWrittenTwice() throws IOException {
    // a second line with the same key silently replaces the first
    for (String lang : TRANSLATED) {
      try (InputStream in =
          HelpLanguage.class.getResourceAsStream("/i18n/help_" + lang + ".properties")) {
        List<String> keys =
            new String(in.readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.substring(0, l.indexOf('=')))
                .toList();
        assertThat(keys).as(lang).doesNotHaveDuplicates();
      }
    }
  }

  private static void walk(
      String lang,
      CommandLine english,
      CommandLine translated,
      List<String> untranslated,
      Set<CommandLine> seen) {
    if (!seen.add(english)) {
      return; // an alias of a command walked already
    }
    CommandSpec en = english.getCommandSpec();
    CommandSpec tr = translated.getCommandSpec();
    String where = lang + ": " + en.qualifiedName();
    UsageMessageSpec enUsage = en.usageMessage();
    UsageMessageSpec trUsage = tr.usageMessage();
    check(untranslated, where + " description", enUsage.description(), trUsage.description());
    check(untranslated, where + " header", enUsage.header(), trUsage.header());
    check(untranslated, where + " footer", enUsage.footer(), trUsage.footer());
    check(
        untranslated,
        where + " synopsis heading",
        enUsage.synopsisHeading(),
        trUsage.synopsisHeading());
    if (!en.subcommands().isEmpty()) {
      check(
          untranslated,
          where + " commands heading",
          enUsage.commandListHeading(),
          trUsage.commandListHeading());
      check(
          untranslated,
          where + " [COMMAND]",
          enUsage.synopsisSubcommandLabel(),
          trUsage.synopsisSubcommandLabel());
    }
    List<ArgSpec> enArgs = new ArrayList<>(en.options());
    enArgs.addAll(en.positionalParameters());
    List<ArgSpec> trArgs = new ArrayList<>(tr.options());
    trArgs.addAll(tr.positionalParameters());
    assertThat(trArgs).hasSameSizeAs(enArgs);
    for (int i = 0; i < enArgs.size(); i++) {
      ArgSpec e = enArgs.get(i);
      ArgSpec t = trArgs.get(i);
      String arg = where + " " + name(e);
      assertThat(name(t)).isEqualTo(name(e));
      check(untranslated, arg, e.description(), t.description());
      boolean shown = !(e instanceof OptionSpec) || e.arity().max() > 0;
      Matcher word = WORD.matcher(shown ? e.paramLabel() : "");
      while (word.find()) {
        if (!KEPT.contains(word.group())
            && word.group().equals(HelpLanguage.label(tr, word.group()))) {
          untranslated.add(arg + " label " + e.paramLabel() + ": " + word.group());
        }
      }
    }
    for (var sub : english.getSubcommands().entrySet()) {
      walk(lang, sub.getValue(), translated.getSubcommands().get(sub.getKey()), untranslated, seen);
    }
  }

  private static String name(ArgSpec arg) {
    return arg instanceof OptionSpec o
        ? o.longestName()
        : arg.paramLabel() + "[" + ((PositionalParamSpec) arg).index() + "]";
  }

  /** Text that is there in English must be in the translation, in Cyrillic, and not the same. */
  private static void check(
      List<String> untranslated, String where, String[] english, String[] translated) {
    check(untranslated, where, String.join("\n", english), String.join("\n", translated));
  }

  private static void check(
      List<String> untranslated, String where, String english, String translated) {
    if (english.isBlank()) {
      return;
    }
    if (translated.equals(english) || !CYRILLIC.matcher(translated).find()) {
      untranslated.add(where + ": " + translated);
    }
  }

  /** The keys picocli looks up for the commands, options and parameters there are. */
  private static void keys(CommandLine cl, Set<String> known, Set<CommandLine> seen) {
    if (!seen.add(cl)) {
      return;
    }
    CommandSpec spec = cl.getCommandSpec();
    String q = spec.qualifiedName(".");
    for (String usage : List.of("description", "header", "footer", "synopsisHeading")) {
      known.add(q + ".usage." + usage);
    }
    for (OptionSpec o : spec.options()) {
      for (String n : o.names()) {
        known.add(q + "." + n.replaceFirst("^-+", ""));
      }
    }
    for (PositionalParamSpec p : spec.positionalParameters()) {
      known.add(q + "." + p.paramLabel() + "[" + p.index() + "]");
    }
    cl.getSubcommands().values().forEach(sub -> keys(sub, known, seen));
  }
}
