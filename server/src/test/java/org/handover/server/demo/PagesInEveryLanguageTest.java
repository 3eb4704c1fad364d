package org.handover.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.javalin.Javalin;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.handover.core.accounts.Role;
import org.handover.server.App;
import org.handover.server.cli.HandoverCommand;
import org.handover.server.web.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every page an administrator can reach from the home page of the demo, in Ukrainian, English and
 * Russian: none fails, none shows a message key, and none shows a stored code — a key of Handover's
 * enums or a party's code — where a word in the reader's language belongs.
 */
class PagesInEveryLanguageTest {
  static final int MOST_PAGES = 1000;
  static final int SAME_SHAPE = 2;
  static final Pattern LINK = Pattern.compile("href=\"(/[^\"#]*)\"");
  static final Pattern MESSAGE_KEY = Pattern.compile("\\[[a-z][a-z0-9-]*(\\.[a-z0-9_-]+)+\\]");
  static final Pattern LATIN_WORD =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}_.@/-])[A-Za-z][A-Za-z0-9_-]*[A-Za-z0-9](?![\\p{L}\\p{N}_@/]|[.-][\\p{L}\\p{N}])");

  @TempDir static Path dir;
  static App app;
  static Javalin web;
  static String password;
  static Set<String> codes;
  static Set<String> parties;
  static Map<String, Set<String>> wordsOf = new HashMap<>();

  @BeforeAll
  static void demo() {
    var cl = HandoverCommand.commandLine();
    cl.setErr(new PrintWriter(new StringWriter()));
    cl.setOut(new PrintWriter(new StringWriter()));
    assertThat(cl.execute("demo", "--no-serve", "--dir", dir.toString())).isZero();
    app = App.open("embedded:" + dir);
    password = app.accounts().create("crawler", Role.ADMIN, "test");
    web = app.web().create().start("127.0.0.1", 0);
    codes = enumKeys();
    // who did something is named as they signed in, whatever a role is called
    codes.removeAll(
        app.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT username FROM users UNION SELECT DISTINCT actor FROM journal")
                        .mapTo(String.class)
                        .list()));
    // a code that is also a word of that language's messages ("follow-up", "ICRC" in English; the
    // header "Tag" a Ukrainian page names as accepted) is meant there
    for (String lang : org.handover.server.i18n.Messages.LANGUAGES) {
      Set<String> words = new HashSet<>();
      org.handover.server.i18n.Messages.load(lang)
          .values()
          .forEach(
              v -> {
                Matcher w = LATIN_WORD.matcher(String.valueOf(v));
                while (w.find()) {
                  words.add(w.group());
                }
              });
      wordsOf.put(lang, words);
    }
    parties = new HashSet<>();
    app.parties().book().all().forEach(p -> parties.add(p.code()));
  }

  @AfterAll
  static void stop() {
    if (web != null) {
      web.stop();
    }
    if (app != null) {
      app.close();
    }
  }

  /** The keys of Handover's enums: every enum of org.handover with a key() method. */
  static Set<String> enumKeys() {
    Set<String> keys = new TreeSet<>();
    for (JavaClass c :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.handover")) {
      if (!c.isEnum()) {
        continue;
      }
      try {
        Class<?> type = Class.forName(c.getName());
        Method key = type.getMethod("key");
        for (Object constant : type.getEnumConstants()) {
          keys.add(String.valueOf(key.invoke(constant)));
        }
      } catch (ReflectiveOperationException | LinkageError e) {
        // an enum without key() is never stored by its key
      }
    }
    return keys;
  }

  @Test
  void inUkrainian() {
    crawl("uk");
  }

  @Test
  void inEnglish() {
    crawl("en");
  }

  @Test
  void inRussian() {
    crawl("ru");
  }

  @Test
  void everyFieldTheJournalKeptHasANameInEveryLanguage() {
    Set<String> unnamed = new TreeSet<>();
    List<org.handover.server.journal.Changes> all =
        app
            .journal()
            .find(
                new org.handover.server.journal.Journal.Filter("", "", "", 0, Long.MAX_VALUE),
                0,
                Integer.MAX_VALUE)
            .stream()
            .map(org.handover.server.journal.Changes::of)
            .toList();
    for (String lang : org.handover.server.i18n.Messages.LANGUAGES) {
      var view =
          new org.handover.server.web.View(
              org.handover.server.i18n.Messages.of(lang),
              java.util.Optional.empty(),
              "",
              "",
              List.of(),
              app.parties().book());
      for (var c : all) {
        for (var ch : c.changes()) {
          var m = org.handover.server.i18n.Messages.of(lang);
          String f = ch.field();
          boolean named =
              m.has("journal-field." + c.entry().action() + "." + f)
                  || m.has("field." + f)
                  || f.matches("name\\.\\d+\\.[a-z]+")
                      && m.has("field." + f.replaceAll(".*\\.", ""));
          if (!named) {
            unnamed.add(c.entry().action() + ": " + ch.field());
          }
        }
      }
    }
    assertThat(unnamed).isEmpty();
  }

  void crawl(String lang) {
    Browser b = new Browser(web.port()).acceptLanguage(lang);
    assertThat(b.login("crawler", password).statusCode()).isEqualTo(302);
    b.get("/home");
    b.submit("/lang", "lang", lang, "back", "/home");
    Deque<String> queue = new ArrayDeque<>(List.of("/home"));
    Set<String> seen = new HashSet<>(queue);
    Map<String, Integer> shapes = new HashMap<>();
    List<String> problems = new ArrayList<>();
    int pages = 0;
    while (!queue.isEmpty() && pages < MOST_PAGES) {
      String path = queue.removeFirst();
      HttpResponse<String> r = b.get(path);
      pages++;
      if (r.statusCode() != 200) {
        problems.add(path + ": status " + r.statusCode());
        continue;
      }
      String html = r.body();
      check(lang, path, html, problems);
      Matcher m = LINK.matcher(html);
      while (m.find()) {
        String next = m.group(1).replace("&amp;", "&");
        if (followed(next) && seen.add(next)) {
          String shape = next.replaceAll("\\d+", "N").replaceAll("=[^&]*", "=");
          if (shapes.merge(shape, 1, Integer::sum) <= SAME_SHAPE) {
            queue.addLast(next);
          }
        }
      }
    }
    assertThat(pages).as("pages read").isGreaterThan(30);
    assertThat(queue).as("pages left unread: every page is read").isEmpty();
    assertThat(problems).as("pages in " + lang).isEmpty();
  }

  static boolean followed(String path) {
    return !path.startsWith("/static/")
        && !path.startsWith("/webjars/")
        && !path.contains("lang=")
        && !path.equals("/logout")
        && !path.matches(".*(\\.(csv|xlsx|json|pdf|md|sig|txt)|/file|/download)(\\?.*)?$");
  }

  void check(String lang, String path, String html, List<String> problems) {
    Matcher key = MESSAGE_KEY.matcher(html);
    while (key.find()) {
      problems.add(path + ": message key " + key.group());
    }
    String text = visible(html);
    Matcher word = LATIN_WORD.matcher(text);
    while (word.find()) {
      String w = word.group();
      boolean code =
          !wordsOf.get(lang).contains(w)
              && (codes.contains(w)
                  || parties.contains(w)
                  || !lang.equals("en")
                      && codes.contains(w.toLowerCase(Locale.ROOT))
                      && !w.equals(w.toUpperCase(Locale.ROOT)));
      if (code) {
        problems.add(path + ": code '" + w + "' in «" + around(text, word.start()) + "»");
      }
    }
  }

  /** The text a reader sees: no tags, scripts, styles or attribute values. */
  static String visible(String html) {
    // a <code> is shown as a code on purpose: a party's code on the page that manages parties
    return html.replaceAll("(?s)<(script|style|code)[^>]*>.*?</\\1>", " ")
        .replaceAll("(?s)<[^>]*>", " ")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
        .replaceAll("\\s+", " ");
  }

  static String around(String text, int at) {
    return text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 40));
  }
}
