package org.handover.server.names;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.handover.core.accounts.Permission;
import org.handover.names.Comparison;
import org.handover.names.Names;
import org.handover.names.ParsedName;
import org.handover.names.Romanization;
import org.handover.server.cli.Requires;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The names library from the command line: what scripts and checks call. No database. */
@Command(
    name = "names",
    mixinStandardHelpOptions = true,
    description = "Transliterate, parse, compare and key names across scripts and spellings.",
    subcommands = {
      NamesCommand.Transliterate.class,
      NamesCommand.Parse.class,
      NamesCommand.Compare.class,
      NamesCommand.Keys.class
    })
final class NamesCommand {

  static PrintWriter out() {
    return new PrintWriter(
        new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)), false);
  }

  static BufferedReader in() {
    return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
  }

  @Requires(Permission.READ)
  @Command(
      name = "transliterate",
      mixinStandardHelpOptions = true,
      description =
          "Print one transliteration per input: the arguments, or else each line of standard input.")
  static final class Transliterate implements Callable<Integer> {
    @Option(
        names = "--system",
        required = true,
        description = "kmu2010, icao9303, mvd310, gost779b, bgn-ru or bgn-uk-1965")
    String system;

    @Parameters(paramLabel = "TEXT", arity = "0..*")
    List<String> texts;

    @Override
    public Integer call() throws IOException {
      Romanization r;
      try {
        r = Romanization.fromKey(system);
      } catch (IllegalArgumentException e) {
        System.err.println(e.getMessage());
        return 2;
      }
      PrintWriter out = out();
      if (texts != null && !texts.isEmpty()) {
        texts.forEach(t -> out.println(r.romanize(t)));
      } else {
        BufferedReader in = in();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          out.println(r.romanize(line));
        }
      }
      out.flush();
      return 0;
    }
  }

  @Requires(Permission.READ)
  @Command(
      name = "parse",
      mixinStandardHelpOptions = true,
      description =
          "Print family, given, patronymic, order and confidence of a full name; a title or rank"
              + " written with it, and a former family name in parentheses, when there are.")
  static final class Parse implements Callable<Integer> {
    @Parameters(paramLabel = "TEXT", arity = "1..*")
    List<String> words;

    @Override
    public Integer call() {
      ParsedName p = Names.parse(String.join(" ", words));
      PrintWriter out = out();
      out.println("family\t" + p.family());
      out.println("given\t" + p.given());
      out.println("patronymic\t" + p.patronymic());
      out.println("order\t" + p.order().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      out.println("confidence\t" + p.confidence());
      if (!p.title().isEmpty()) {
        out.println("title\t" + p.title());
      }
      if (!p.otherFamily().isEmpty()) {
        out.println("other-family\t" + p.otherFamily());
      }
      out.flush();
      return 0;
    }
  }

  @Requires(Permission.READ)
  @Command(
      name = "compare",
      mixinStandardHelpOptions = true,
      description = {
        "Print the level (EXACT, TRANSLITERATION, EQUIVALENT, DIMINUTIVE, PHONETIC, EDIT, INITIALS, DIFFERENT), then why.",
        "With no arguments, read tab-separated pairs from standard input and print one line per pair, in order."
      })
  static final class Compare implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", arity = "0..2")
    List<String> names;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = out();
      if (names != null && names.size() == 2) {
        out.println(line(Names.compare(names.get(0), names.get(1))));
      } else if (names != null && !names.isEmpty()) {
        System.err.println("compare needs two names, or none to read pairs from standard input");
        return 2;
      } else {
        BufferedReader in = in();
        int row = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          row++;
          int tab = line.indexOf('\t');
          if (tab < 0) {
            out.println("DIFFERENT line " + row + " has no tab between the two names");
            continue;
          }
          out.println(line(Names.compare(line.substring(0, tab), line.substring(tab + 1))));
        }
      }
      out.flush();
      return 0;
    }

    private static String line(Comparison c) {
      return c.level().name() + " " + c.explanation();
    }
  }

  @Requires(Permission.READ)
  @Command(
      name = "keys",
      mixinStandardHelpOptions = true,
      description = "Print the blocking keys of a name, one a line.")
  static final class Keys implements Callable<Integer> {
    @Parameters(paramLabel = "TEXT", arity = "1..*")
    List<String> words;

    @Override
    public Integer call() {
      PrintWriter out = out();
      Names.keys(String.join(" ", words)).forEach(out::println);
      out.flush();
      return 0;
    }
  }
}
