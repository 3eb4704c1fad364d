package org.handover.server.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.handover.core.accounts.Role;
import org.handover.core.parties.Party;
import org.handover.server.App;
import org.handover.server.cli.Cli;
import org.handover.server.cli.Cli.Run;
import org.handover.server.i18n.Messages;
import org.handover.server.negotiations.RecordReader;
import org.handover.server.storage.Database;
import org.handover.server.storage.TestDatabases;
import org.handover.server.web.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Istanbul round's briefing, from its record and the ledgers, in three languages and formats.
 */
class BriefingTest {
  static final LocalDate AS_OF = LocalDate.of(2025, 6, 14);
  @TempDir Path dir;
  String url;
  App app;

  @BeforeEach
  void open() throws Exception {
    url = TestDatabases.postgres();
    app = new App(Database.open(url), Clock.systemUTC());
    app.parties().choose(Optional.of(Party.of("UA")), "test");
    byte[] bytes;
    try (InputStream in = BriefingTest.class.getResourceAsStream("/demo/round-istanbul-2.json")) {
      bytes = in.readAllBytes();
    }
    RecordReader.Read read = RecordReader.read(bytes, Messages.of("en"));
    app.negotiations()
        .importRecord(read.record().orElseThrow(), read.document(), app.parties().book(), "test");
  }

  @AfterEach
  void close() {
    app.close();
  }

  private String md(String lang) {
    Briefing b = Briefings.of(app, "istanbul-2", lang, AS_OF).orElseThrow();
    Messages m = Messages.of(lang);
    // ICU groups thousands with a no-break space in uk and ru
    return BriefingMarkdown.write(b, m.get("briefing.sources"), m.get("commitment.overdue"))
        .replace('\u00a0', ' ');
  }

  @Test
  void statesTheReportsAgreementsAndDeadlinesInEachLanguage() {
    assertThat(md("en"))
        .contains("# Key agreements and next steps")
        .contains("Round 2 was held on 2 June 2025 in Istanbul; host: Türkiye.")
        .contains("1,000 for 1,000, possibly 1,200 for 1,200")
        .contains("Russia hands over the remains of 6,000 persons unilaterally")
        .contains("Russia: return 10 children by 10 July, by 10 July 2025. 0 of 10 by 14 June 2025")
        .contains("Between 20 June and 30 June 2025.")
        .contains("| How many children were taken[^")
        .contains("| 20,000 (V. Zelenskyy, RBC-Ukraine, 2 June 2025) | hundreds at most")
        .contains("Ukraine asked for 7 days to study it, until 9 June 2025.")
        .containsPattern(
            "\\*\\*overdue\\*\\* Russia: review Ukraine's document .*State: not initiated\\. Overdue\\.\\[\\^\\d+\\]")
        .contains("[^1]: Sources: `istanbul-2`");
    assertThat(md("uk"))
        .contains("# Ключові домовленості та наступні кроки")
        .contains("1 000 на 1 000, можливо 1 200 на 1 200")
        .contains(
            "Росія: повернути 10 дітей до 10 липня, до 10 липня 2025. 0 з 10 на 14 червня 2025")
        .contains("Делегація (Україна): голова — Рустем Умєров, міністр оборони; ще 1 член.")
        .doesNotContain("Ukraine")
        .doesNotContain("[briefing.");
    assertThat(md("ru"))
        .contains("# Ключевые договорённости и следующие шаги")
        .contains("Россия: вернуть 10 детей к 10 июля, до 10 июля 2025. 0 из 10 на 14 июня 2025")
        .contains("Россия — отказ (2 июня 2025)")
        .doesNotContain("Russia")
        .doesNotContain("[briefing.");
  }

  @Test
  void aLedgerFigureChangedChangesTheBriefing() throws Exception {
    assertThat(md("en"))
        .contains(
            "Russia: hand over the bodies of 6,000 fallen Ukrainian servicemen next week, by 15 June 2025. 0 of 6,000 by 14 June 2025 (0%). State: not initiated.");
    Path list = dir.resolve("remains.csv");
    StringBuilder csv = new StringBuilder("Номер бирки;Фамилия;Имя\n");
    for (int i = 1; i <= 3500; i++) {
      csv.append(String.format("RU-%05d;;%n", i));
    }
    Files.writeString(list, csv, StandardCharsets.UTF_8);
    app.receiving()
        .receive(
            list,
            "remains.csv",
            Party.of("RU"),
            Party.of("UA"),
            LocalDate.of(2025, 6, 13),
            Optional.empty(),
            "test");
    assertThat(md("en")).contains("3,500 of 6,000 by 14 June 2025 (58%). State: intermediate.");
    // before the transfer, the same briefing as it stood
    Briefing before =
        Briefings.of(app, "istanbul-2", "en", LocalDate.of(2025, 6, 12)).orElseThrow();
    assertThat(
            before.sections().stream()
                .flatMap(s -> s.sentences().stream())
                .map(Briefing.Sentence::text))
        .anyMatch(t -> t.contains("0 of 6,000 by 12 June 2025"));
  }

  @Test
  void theCommandWritesPdfWithCyrillicAndNeverReplacesAFile() throws Exception {
    Path pdf = dir.resolve("b.pdf");
    Run r =
        Cli.run(
            "briefing",
            "--round",
            "latest",
            "--lang",
            "uk",
            "--format",
            "pdf",
            "--as-of",
            "2025-06-14",
            "--out",
            pdf.toString(),
            "--db",
            url);
    assertThat(r.exit()).as(r.err()).isZero();
    try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
      String text = new PDFTextStripper().getText(d).replace('\u00a0', ' ');
      assertThat(text).contains("Ключові домовленості та наступні кроки").contains("10 липня 2025");
    }
    Run again =
        Cli.run(
            "briefing",
            "--round",
            "latest",
            "--format",
            "pdf",
            "--out",
            pdf.toString(),
            "--db",
            url,
            "--lang",
            "en");
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).contains("exists already");
    Run html =
        Cli.run(
            "briefing",
            "--format",
            "html",
            "--as-of",
            "14.06.2025",
            "--out",
            dir.resolve("b.html").toString(),
            "--db",
            url,
            "--lang",
            "ru");
    assertThat(html.exit()).as(html.err()).isZero();
    assertThat(Files.readString(dir.resolve("b.html")))
        .contains("<html lang=\"ru\">")
        .contains("[Источники: children-10, дети в розыске]");
  }

  @Test
  void theRoundAndBriefingPagesInAnyLanguage() throws Exception {
    String password = app.accounts().create("ivanna", Role.NEGOTIATOR, "test");
    Javalin web = app.web().create().start("127.0.0.1", 0);
    try {
      Browser b = new Browser(web.port()).acceptLanguage("uk");
      b.login("ivanna", password);
      b.submit("/lang", "lang", "uk", "back", "/rounds");
      assertThat(b.get("/rounds").body())
          .contains("Раунди переговорів")
          .contains("id=\"round-istanbul-2\"");
      String round = b.get("/rounds/istanbul-2?as-of=2025-06-14").body();
      assertThat(round)
          .contains("Рустем Умєров")
          .contains("id=\"children-10\"")
          .contains("прострочено")
          .doesNotContain("[round.");
      String page = b.get("/rounds/istanbul-2/briefing?language=en&as-of=2025-06-14").body();
      assertThat(page)
          .contains("Key agreements and next steps")
          .contains("href=\"/rounds/istanbul-2#bodies-ru\"");
      var md = b.get("/rounds/istanbul-2/briefing/download?format=md&language=ru&as-of=2025-06-14");
      assertThat(md.headers().firstValue("Content-Disposition").orElse(""))
          .contains("briefing-istanbul-2-ru-2025-06-14.md");
      assertThat(md.body()).contains("Ключевые договорённости");
      String dashboard = b.get("/commitments?as-of=2025-06-14").body();
      assertThat(dashboard)
          .contains("Зобов’язання за термінами")
          .contains("id=\"c-istanbul-2-study-memorandum\"");
      var recorded =
          b.submit(
              "/rounds/istanbul-2/commitments/study-memorandum/progress",
              "done",
              "",
              "state",
              "intermediate",
              "on",
              "2025-06-10",
              "evidence",
              "№ 7");
      assertThat(recorded.statusCode()).isEqualTo(302);
      assertThat(b.get("/commitments?as-of=2025-06-14").body()).contains("№ 7");
      var refused =
          b.submit(
              "/rounds/istanbul-2/commitments/bodies-ru/progress",
              "done",
              "9",
              "state",
              "",
              "on",
              "",
              "evidence",
              "акт");
      assertThat(refused.statusCode()).isEqualTo(422);
      assertThat(refused.body()).contains("рахується за реєстром");
      b.get("/rounds");
      var bad =
          b.upload(
              "/rounds/import", "bad.json", "{\"format\":\"x\"}".getBytes(StandardCharsets.UTF_8));
      assertThat(bad.statusCode()).isEqualTo(422);
      assertThat(bad.body())
          .contains("bad.json: у /format: має бути")
          .contains("у /version: відсутнє");
      b.get("/rounds");
      byte[] same =
          new ObjectMapper()
              .writeValueAsBytes(app.negotiations().find("istanbul-2").orElseThrow().document());
      assertThat(b.upload("/rounds/import", "same.json", same).body())
          .contains("нічого не змінилося");
    } finally {
      web.stop();
    }
  }
}
