package org.handover.core.rosters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.handover.core.registry.PartialDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RosterReadingTest {
  static final LocalDate TODAY = LocalDate.of(2025, 6, 2);
  static final String LIST =
      "Прізвище;Ім'я;По батькові;Дата народження;Військове звання\n"
          + "Ковальчук;Юрій;Петрович;12.03.1998;солдат\n"
          + "Шевченко;Олексій;Іванович;1990;сержант\n"
          + "Їжак;Ґалина;Євгенівна;03.2001;\n";

  @TempDir Path dir;

  Path write(String name, byte[] bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  static List<Entry> entries(Path file, String name, Tables.Options options) throws Exception {
    List<Entry> out = new ArrayList<>();
    try (Table t = Tables.open(file, name, options)) {
      EntryReader reader = new EntryReader(t.header(), ColumnMapping.guess(t.header()), TODAY);
      for (Optional<Table.Row> r = t.next(); r.isPresent(); r = t.next()) {
        out.add(reader.read(r.get()));
      }
    }
    return out;
  }

  @Test
  void detectsEveryCyrillicEncodingOfAUkrainianList() throws Exception {
    for (Charset c : List.of(StandardCharsets.UTF_8, Encodings.WINDOWS_1251, Encodings.KOI8_U)) {
      byte[] bytes = LIST.getBytes(c);
      assertThat(Encodings.detect(bytes).charset()).as(c.name()).isEqualTo(c);
      List<Entry> e =
          entries(write("list-" + c.name() + ".csv", bytes), "list.csv", Tables.Options.detect());
      assertThat(e)
          .extracting(Entry::family)
          .as(c.name())
          .containsExactly("Ковальчук", "Шевченко", "Їжак");
    }
  }

  @Test
  void aNulCharacterInACellIsDropped() throws Exception {
    // a CSV with one is no text file (refused before); a workbook's cell may still hold one
    assertThatThrownBy(
            () ->
                entries(
                    write("nul.csv", "Прізвище\nКоваль\0чук\n".getBytes(StandardCharsets.UTF_8)),
                    "nul.csv",
                    Tables.Options.detect()))
        .isInstanceOf(RosterFileException.class);
    assertThat(new Table.Row(2, 2, List.of("Коваль\0чук", "Юрій")).cells())
        .containsExactly("Ковальчук", "Юрій");
  }

  @Test
  void aRussianListInKoi8OrDosReadsBack() throws Exception {
    // CP866 has no і or ґ, so only Russian lists come in it; KOI8-R and KOI8-U agree on Russian
    // letters
    String ru =
        "Фамилия,Имя,Отчество\nИванов,Сергей,Петрович\nКузнецова,Алёна,Игоревна\nЩукин,Эдуард,Юрьевич\n";
    for (Charset c : List.of(Encodings.KOI8_R, Encodings.CP866, Encodings.WINDOWS_1251)) {
      Charset detected = Encodings.detect(ru.getBytes(c)).charset();
      assertThat(new String(ru.getBytes(c), detected)).as(c.name()).isEqualTo(ru);
    }
  }

  @Test
  void utf16WithAndWithoutBomAndUtf8WithBom() throws Exception {
    assertThat(Encodings.detect(("\uFEFF" + LIST).getBytes(StandardCharsets.UTF_16LE)))
        .isEqualTo(new Encodings.Detected(StandardCharsets.UTF_16LE, 2));
    assertThat(Encodings.detect(LIST.getBytes(StandardCharsets.UTF_16BE)).charset())
        .isEqualTo(StandardCharsets.UTF_16BE);
    byte[] bom = ("\uFEFF" + LIST).getBytes(StandardCharsets.UTF_8);
    assertThat(Encodings.detect(bom)).isEqualTo(new Encodings.Detected(StandardCharsets.UTF_8, 3));
    List<Entry> e = entries(write("bom.csv", bom), "bom.csv", Tables.Options.detect());
    assertThat(e.get(0).values()).containsEntry(Field.RANK, "солдат");
    List<Entry> u16 =
        entries(
            write("u16.csv", ("\uFEFF" + LIST).getBytes(StandardCharsets.UTF_16LE)),
            "u16.csv",
            Tables.Options.detect());
    assertThat(u16).hasSize(3);
  }

  @Test
  void detectsTheDelimiter() {
    assertThat(Delimiters.detect("a;b;c\n1;2;3\n")).isEqualTo(';');
    assertThat(Delimiters.detect("a\tb\tc\n1\t2\t3\n")).isEqualTo('\t');
    assertThat(Delimiters.detect("a,b,\"c;d\"\n1,2,3\n")).isEqualTo(',');
  }

  @Test
  void guessesColumnsFromUkrainianRussianAndEnglishHeaders() throws Exception {
    ColumnMapping uk =
        ColumnMapping.guess(
            List.of("№ з/п", "ПІБ", "Дата народження (дд.мм.рррр)", "Номер справи"));
    assertThat(uk.column(Field.FULL_NAME)).contains(1);
    assertThat(uk.column(Field.BIRTH_DATE)).contains(2);
    assertThat(uk.column(Field.REFERENCE)).contains(3);
    ColumnMapping ru =
        ColumnMapping.guess(
            List.of(
                "Фамилия", "Имя", "Отчество", "Дата рождения", "Воинское звание", "Личный номер"));
    assertThat(ru.columns()).hasSize(6);
    ColumnMapping en =
        ColumnMapping.guess(
            List.of("Surname", "Given name", "Patronymic", "DOB", "Rank", "Service number"));
    assertThat(en.column(Field.SERVICE_NUMBER)).contains(5);
  }

  @Test
  void splitsAFullNameAndReadsExcelSerialDates() throws Exception {
    String csv =
        "ФИО,Дата рождения\nКОВАЛЬЧУК Юрий Петрович,35866\n\"Иванов, Сергей\",31.02.1999\n";
    List<Entry> e =
        entries(
            write("full.csv", csv.getBytes(StandardCharsets.UTF_8)),
            "full.csv",
            Tables.Options.detect());
    assertThat(e.get(0).family()).isEqualTo("КОВАЛЬЧУК");
    assertThat(e.get(0).given()).isEqualTo("Юрий");
    assertThat(e.get(0).patronymic()).isEqualTo("Петрович");
    assertThat(e.get(0).birthDate()).contains(PartialDate.of(1998, 3, 12));
    assertThat(e.get(1).family()).isEqualTo("Иванов");
    assertThat(e.get(1).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.key()).isEqualTo("error.date.impossible");
              assertThat(p.row()).isEqualTo(3); // the file's third line, the header first
              assertThat(p.column()).isEqualTo(2);
              assertThat(p.header()).isEqualTo("Дата рождения");
              assertThat(p.value()).isEqualTo("31.02.1999");
            });
  }

  @Test
  void raggedRowsAreKeptWithTheirProblem() throws Exception {
    String csv = "Прізвище,Ім'я\nБойко,Іван,зайве\nМельник\n,Петро\n";
    List<Entry> e =
        entries(
            write("ragged.csv", csv.getBytes(StandardCharsets.UTF_8)),
            "ragged.csv",
            Tables.Options.detect());
    assertThat(e).hasSize(3);
    assertThat(e.get(0).problems())
        .extracting(Entry.Problem::key)
        .containsExactly("error.row.extra-cells");
    assertThat(e.get(1).problems())
        .extracting(Entry.Problem::key)
        .containsExactly("error.row.missing-cells");
    // a given name without the family name is still someone to look for
    assertThat(e.get(2).problems()).isEmpty();
    assertThat(e.get(2).given()).isEqualTo("Петро");
  }

  @Test
  void readsAWorkbookWithDateCells() throws Exception {
    Path file = dir.resolve("list.xlsx");
    try (OutputStream out = Files.newOutputStream(file)) {
      Workbook wb = new Workbook(out, "test", "1.0");
      Worksheet ws = wb.newWorksheet("Список");
      ws.value(0, 0, "Прізвище");
      ws.value(0, 1, "Ім'я");
      ws.value(0, 2, "Дата народження");
      ws.value(1, 0, "Ковальчук");
      ws.value(1, 1, "Юрій");
      ws.value(1, 2, LocalDate.of(1998, 3, 12));
      ws.style(1, 2).format("dd.mm.yyyy").set();
      ws.value(2, 0, "Бойко");
      ws.value(2, 2, 35866);
      wb.finish();
    }
    List<Entry> e = entries(file, "list.xlsx", Tables.Options.detect());
    assertThat(e).extracting(Entry::family).containsExactly("Ковальчук", "Бойко");
    assertThat(e)
        .extracting(x -> x.birthDate().orElseThrow())
        .containsOnly(PartialDate.of(1998, 3, 12));
  }

  /** A workbook of text cells, a row of null left empty. */
  private Path sheet(String name, String[][] rows) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(file)) {
      Workbook wb = new Workbook(out, "test", "1.0");
      Worksheet ws = wb.newWorksheet("Список");
      for (int r = 0; r < rows.length; r++) {
        for (int c = 0; rows[r] != null && c < rows[r].length; c++) {
          ws.value(r, c, rows[r][c]);
        }
      }
      wb.finish();
    }
    return file;
  }

  @Test
  void aProblemNamesTheRowWhereTheFileShowsIt() throws Exception {
    // an empty line and a cell over two lines come before the bad date: a text editor shows it on
    // line 7, the fourth entry
    String csv =
        "Прізвище,Ім'я,Дата народження\nБойко,Іван,01.02.1990\n\n\"Мельник\nМельников\",Петро,"
            + "02.03.1991\nКоваль,Ігор,03.04.1992\nШевчук,Олег,31.02.1999\n";
    List<Entry> text =
        entries(
            write("lines.csv", csv.getBytes(StandardCharsets.UTF_8)),
            "lines.csv",
            Tables.Options.detect());
    assertThat(text.get(3).row()).isEqualTo(4);
    assertThat(text.get(3).line()).isEqualTo(7);
    assertThat(text.get(3).problems()).extracting(Entry.Problem::row).containsExactly(7);
    // a sheet's row number, an empty row between (a workbook stores none for it)
    Path file =
        sheet(
            "gap.xlsx",
            new String[][] {
              {"Прізвище", "Дата народження"},
              {"Бойко", "01.02.1990"},
              null,
              {"Шевчук", "31.02.1999"}
            });
    List<Entry> sheet = entries(file, "gap.xlsx", Tables.Options.detect());
    assertThat(sheet).extracting(Entry::row).containsExactly(1, 2);
    assertThat(sheet.get(1).problems()).extracting(Entry.Problem::row).containsExactly(4);
  }

  @Test
  void aWorkbookWhoseRowsCarryNoNumberIsCountedFromOne() throws Exception {
    // a sheet whose rows and cells carry no reference ("r" is optional): row 3 is the second entry
    Path written =
        sheet(
            "numbered.xlsx",
            new String[][] {
              {"Прізвище", "Дата народження"}, {"Бойко", "01.02.1990"}, {"Шевчук", "31.02.1999"}
            });
    Path file = dir.resolve("unnumbered.xlsx");
    try (var in = new java.util.zip.ZipFile(written.toFile());
        var out = new ZipOutputStream(Files.newOutputStream(file))) {
      for (ZipEntry e : java.util.Collections.list(in.entries())) {
        byte[] bytes = in.getInputStream(e).readAllBytes();
        if (e.getName().startsWith("xl/worksheets/")) {
          bytes =
              new String(bytes, StandardCharsets.UTF_8)
                  .replaceAll(" r=\"[A-Z]*\\d+\"", "")
                  .getBytes(StandardCharsets.UTF_8);
        }
        out.putNextEntry(new ZipEntry(e.getName()));
        out.write(bytes);
        out.closeEntry();
      }
    }
    List<Entry> e = entries(file, "unnumbered.xlsx", Tables.Options.detect());
    assertThat(e).extracting(Entry::family).containsExactly("Бойко", "Шевчук");
    assertThat(e).extracting(Entry::line).containsExactly(2L, 3L);
    assertThat(e.get(1).problems()).extracting(Entry.Problem::row).containsExactly(3);
  }

  @Test
  void bytesThatDoNotDecodeAreNamedByTheirLine() throws Exception {
    // far past the parser's read-ahead: the line is the one that holds them, not the last record's
    StringBuilder csv = new StringBuilder("Прізвище;Ім'я\n");
    for (int i = 0; i < 300; i++) {
      csv.append("Коваль").append(i).append(";Іван\n");
    }
    byte[] good = csv.toString().getBytes(StandardCharsets.UTF_8);
    byte[] bad = "Бойко;Ол\u0435г\n".getBytes(Encodings.WINDOWS_1251);
    byte[] all = java.util.Arrays.copyOf(good, good.length + bad.length);
    System.arraycopy(bad, 0, all, good.length, bad.length);
    Path p = write("late.csv", all);
    assertThatThrownBy(
            () ->
                entries(p, "late.csv", Tables.Options.detect().withCharset(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            RosterFileException.class,
            e -> {
              assertThat(e.key()).isEqualTo("error.file.undecodable");
              assertThat(e.args()).first().isEqualTo("302");
            });
  }

  @Test
  void aWorkbookRowWhoseLastCellsAreEmptyHasNoCellMissing() throws Exception {
    Path file = dir.resolve("short.xlsx");
    try (OutputStream out = Files.newOutputStream(file)) {
      Workbook wb = new Workbook(out, "test", "1.0");
      Worksheet ws = wb.newWorksheet("Список");
      List<String> header = List.of("Прізвище", "Ім'я", "Дата народження", "Особистий номер");
      for (int c = 0; c < header.size(); c++) {
        ws.value(0, c, header.get(c));
      }
      ws.value(1, 0, "Ковальчук"); // no number, no date: Excel writes no cell for them
      ws.value(1, 1, "Юрій");
      ws.value(2, 0, "Бойко");
      ws.value(2, 1, "Іван");
      ws.value(2, 2, "12.03.1998");
      ws.value(2, 3, "ГК138075");
      wb.finish();
    }
    List<Entry> e = entries(file, "short.xlsx", Tables.Options.detect());
    assertThat(e).extracting(Entry::family).containsExactly("Ковальчук", "Бойко");
    assertThat(e).allSatisfy(x -> assertThat(x.problems()).isEmpty());
    assertThat(e.get(0).birthDate()).isEmpty();
    assertThat(e.get(1).value(Field.SERVICE_NUMBER)).isEqualTo("ГК138075");
  }

  @Test
  void aDamagedWorkbookIsRefusedByName() throws Exception {
    Path whole = dir.resolve("whole.xlsx");
    try (OutputStream out = Files.newOutputStream(whole)) {
      Workbook wb = new Workbook(out, "test", "1.0");
      wb.newWorksheet("Список").value(0, 0, "Прізвище");
      wb.finish();
    }
    Path cut = dir.resolve("cut.xlsx"); // its sheet's part lost, as a file mended by hand
    try (var in = new java.util.zip.ZipFile(whole.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(cut))) {
      for (ZipEntry e : java.util.Collections.list(in.entries())) {
        if (!e.getName().contains("worksheets/")) {
          out.putNextEntry(new ZipEntry(e.getName()));
          in.getInputStream(e).transferTo(out);
          out.closeEntry();
        }
      }
    }
    assertThatThrownBy(() -> entries(cut, "cut.xlsx", Tables.Options.detect()))
        .isInstanceOfSatisfying(
            RosterFileException.class,
            e -> assertThat(e.key()).isEqualTo("error.file.damaged-workbook"));
  }

  @Test
  void refusesAnEmptyFile() throws Exception {
    Path p = write("empty.csv", new byte[0]);
    assertThatThrownBy(() -> entries(p, "empty.csv", Tables.Options.detect()))
        .isInstanceOfSatisfying(
            RosterFileException.class, e -> assertThat(e.key()).isEqualTo("error.file.empty"));
  }

  @Test
  void refusesAFileThatIsNotWhatItsNameSays() throws Exception {
    Path p = write("list.xlsx", LIST.getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> entries(p, "list.xlsx", Tables.Options.detect()))
        .isInstanceOfSatisfying(
            RosterFileException.class,
            e -> assertThat(e.key()).isEqualTo("error.file.not-what-named"));
  }

  @Test
  void refusesAZipBomb() throws Exception {
    Path p = dir.resolve("bomb.xlsx");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(p))) {
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < 8; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    assertThat(Files.size(p)).isLessThan(100_000);
    assertThatThrownBy(
            () ->
                entries(
                    p, "bomb.xlsx", Tables.Options.detect().withMaxInflatedBytes(4L * 1024 * 1024)))
        .isInstanceOfSatisfying(
            RosterFileException.class, e -> assertThat(e.key()).isEqualTo("error.file.zip-bomb"));
  }

  @Test
  void refusesUndecodableBytesInTheChosenEncoding() throws Exception {
    byte[] bytes = LIST.getBytes(Encodings.WINDOWS_1251);
    Path p = write("bad.csv", bytes);
    assertThatThrownBy(
            () ->
                entries(p, "bad.csv", Tables.Options.detect().withCharset(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            RosterFileException.class,
            e -> assertThat(e.key()).isEqualTo("error.file.undecodable"));
  }

  @Test
  void refusesDuplicatedAndMissingHeaders() {
    assertThatThrownBy(() -> ColumnMapping.guess(List.of("Прізвище", "Ім'я", "прізвище")))
        .isInstanceOfSatisfying(
            RosterFileException.class,
            e -> {
              assertThat(e.key()).isEqualTo("error.file.header-duplicated");
              assertThat(e.args()).containsExactly("прізвище", "1", "3");
            });
    assertThatThrownBy(() -> ColumnMapping.guess(List.of("Прізвище", "", "Ім'я")))
        .isInstanceOfSatisfying(
            RosterFileException.class,
            e -> assertThat(e.key()).isEqualTo("error.file.header-missing"));
    assertThatThrownBy(() -> ColumnMapping.guess(List.of("Прізвище", "  ", "Ім'я")))
        .isInstanceOfSatisfying(
            RosterFileException.class,
            e -> assertThat(e.key()).isEqualTo("error.file.header-missing"));
    assertThatThrownBy(() -> ColumnMapping.guess(List.of("№", "Прізвище", "№")))
        .isInstanceOfSatisfying(
            RosterFileException.class,
            e -> assertThat(e.key()).isEqualTo("error.file.header-duplicated"));
  }

  @Test
  void aColumnOfRowNumbersHeadedBySignsOnlyIsKeptAndNotMapped() throws Exception {
    ColumnMapping m = ColumnMapping.guess(List.of("№", "Фамилия", "Имя", "#"));
    assertThat(m.column(Field.FAMILY)).contains(1);
    assertThat(m.columns().values()).doesNotContain(0, 3);
  }
}
