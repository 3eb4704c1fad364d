package org.handover.server.rosters;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.handover.core.accounts.Permission;
import org.handover.core.journal.Checkpoint;
import org.handover.core.parties.Party;
import org.handover.core.parties.PartyBook;
import org.handover.core.registry.PartialDate;
import org.handover.core.rosters.ColumnMapping;
import org.handover.core.rosters.Entry;
import org.handover.core.rosters.Purpose;
import org.handover.core.rosters.RosterDetails;
import org.handover.core.rosters.RosterFileException;
import org.handover.core.rosters.Tables;
import org.handover.server.App;
import org.handover.server.cli.Acting;
import org.handover.server.cli.Options;
import org.handover.server.cli.Requires;
import org.handover.server.i18n.Messages;
import org.handover.server.signing.InstallationKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Rosters from the command line: import a list and show it. */
@Command(
    name = "roster",
    mixinStandardHelpOptions = true,
    description = "Lists handed over or received.",
    subcommands = {
      RosterCommand.Import.class,
      RosterListCommand.class,
      RosterCommand.Show.class,
      RosterCommand.Export.class,
      RosterApproveCommand.class,
      RosterCommand.Verify.class
    })
public final class RosterCommand {

  @Requires(Permission.IMPORT_ROSTERS)
  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description =
          "Import a list (CSV/TSV in any Cyrillic encoding, or XLSX): prints the roster id and counts.")
  static final class Import implements Callable<Integer> {
    @Mixin Options options;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(
        names = "--from",
        description =
            "the code of the party that handed it over (default: the other side, when this installation"
                + " works for a party and one other side is known; a JSON file says it itself)")
    String from;

    @Option(
        names = "--to",
        description =
            "the code of the party it was handed to (default: this installation's party, or the other"
                + " side when it came from this installation's party)")
    String to;

    @Option(
        names = "--literal-quotes",
        description =
            "read quotes as any other character: for a list whose stray quotes swallowed rows")
    boolean literalQuotes;

    @Option(
        names = "--purpose",
        description = "exchange, information, children or remains (a JSON file says it itself)")
    String purpose;

    @Option(names = "--received", description = "date received, dd.mm.yyyy (default today)")
    String received;

    @Option(names = "--notes", defaultValue = "")
    String notes;

    @Option(names = "--mapping", description = "a saved mapping profile of the sending party")
    String mapping;

    @Option(
        names = "--save-mapping",
        description = "save the mapping used under this name for the sending party")
    String saveMapping;

    @Option(
        names = "--encoding",
        description =
            "utf-8, utf-16le, utf-16be, windows-1251, koi8-u, koi8-r, cp866 (default: detected)")
    String encoding;

    @Option(
        names = "--delimiter",
        description = "the cell separator, e.g. ';' or 'tab' (default: detected)")
    String delimiter;

    @Option(
        names = "--sheet",
        defaultValue = "1",
        description = "the sheet of a workbook, from 1 (default 1)")
    int sheet;

    @Option(
        names = "--signature",
        description = "the file's detached signature (.sig); needs --key")
    Path signatureFile;

    @Option(names = "--key", description = "the sender's public key (Base64), or a file holding it")
    String key;

    @Acting String actor;

    @Override
    public Integer call() throws IOException {
      Messages m = options.messages();
      boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
      if (!json && purpose == null) {
        System.err.println(m.get("error.roster.details-required"));
        return 2;
      }
      if ((signatureFile == null) != (key == null)) {
        System.err.println(m.get("error.signature.needs-key"));
        return 2;
      }
      if (!Files.isRegularFile(file)) {
        System.err.println(m.get("error.file.not-found", file.toString()));
        return 2;
      }
      Tables.Options read =
          Tables.Options.detect()
              .withSheet(Math.max(0, sheet - 1))
              .withLiteralQuotes(literalQuotes);
      LocalDate on;
      Purpose why;
      try {
        on = received == null ? LocalDate.now() : PartialDate.parse(received).earliest();
        why = Purpose.fromKey(purpose == null ? "exchange" : purpose);
        if (encoding != null) {
          read =
              read.withCharset(
                  Charset.forName(encoding.equalsIgnoreCase("cp866") ? "IBM866" : encoding));
        }
        if (delimiter != null) {
          read = read.withDelimiter(delimiter.equalsIgnoreCase("tab") ? '\t' : delimiter.charAt(0));
        }
      } catch (IllegalArgumentException e) {
        System.err.println(e.getMessage());
        return 2;
      }
      try (App app = options.open()) {
        // an interchange file states its own sides, which replace these
        Optional<RosterDetails> given =
            json
                ? Optional.of(new RosterDetails(Party.of("UA"), Party.of("RU"), on, why, notes))
                : details(app.parties().book(), on, why, m, from, to, notes);
        if (given.isEmpty()) {
          return 2;
        }
        RosterDetails details = given.get();
        Optional<ColumnMapping> chosen = Optional.empty();
        if (mapping != null) {
          var profile = app.rosters().profile(details.from(), mapping);
          if (profile.isEmpty()) {
            System.err.println(m.get("error.mapping.unknown", mapping, details.from().key()));
            return 2;
          }
          chosen = Optional.of(ColumnMapping.fromProfile(profile.get(), Integer.MAX_VALUE));
        }
        Optional<Rosters.Signed> signed = Optional.empty();
        if (signatureFile != null) {
          String publicKey =
              Files.isRegularFile(Path.of(key)) ? Files.readString(Path.of(key)).strip() : key;
          signed =
              Optional.of(new Rosters.Signed(Files.readString(signatureFile).strip(), publicKey));
        }
        Rosters.Imported r =
            app.rosters()
                .importFile(
                    file,
                    file.getFileName().toString(),
                    details,
                    read,
                    chosen,
                    signed,
                    actor,
                    (n, share) ->
                        System.err.print(
                            "\r"
                                + org.handover.server.cli.Progress.bar(share)
                                + " "
                                + m.get("roster.progress", n)));
        System.err.println();
        if (saveMapping != null) {
          app.rosters().saveProfile(details.from(), saveMapping, r.mapping(), actor);
        }
        System.out.println(m.get("roster.imported", r.id(), r.rows(), r.errorRows()));
        return 0;
      } catch (RosterFileException e) {
        System.err.println(file.getFileName() + ": " + m.get(e.key(), e.args().toArray()));
        System.err.println(m.get("roster.nothing-stored"));
        return 2;
      }
    }
  }

  @Requires(Permission.READ)
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Show a roster: details, mapping, entries and problems.")
  static final class Show implements Callable<Integer> {
    @Mixin Options options;

    @Parameters(paramLabel = "ID")
    long id;

    @Option(names = "--limit", defaultValue = "20", description = "entries to show (default 20)")
    int limit;

    @Option(names = "--problems", description = "show only the entries with problems")
    boolean problems;

    @Override
    public Integer call() {
      Messages m = options.messages();
      try (App app = options.open()) {
        Optional<Rosters.Summary> s = app.rosters().find(id);
        if (s.isEmpty()) {
          System.err.println(m.get("error.roster.unknown", id));
          return 2;
        }
        Rosters.Summary r = s.get();
        System.out.println(m.get("roster.title", r.id(), r.fileName()));
        System.out.println(
            m.get(
                "roster.details",
                r.from().key(),
                r.to().key(),
                PartialDate.of(
                        r.receivedOn().getYear(),
                        r.receivedOn().getMonthValue(),
                        r.receivedOn().getDayOfMonth())
                    .toString(),
                m.get("purpose." + r.purpose()),
                r.rows(),
                r.errorRows()));
        System.out.println(m.get("roster.signature." + r.signature()));
        System.out.println(
            "sha256 "
                + r.sha256()
                + "  "
                + r.format()
                + (r.encoding().isEmpty() ? "" : " " + r.encoding())
                + (r.delimiter().isEmpty()
                    ? ""
                    : " '" + (r.delimiter().equals("\t") ? "\\t" : r.delimiter()) + "'"));
        r.mapping()
            .forEach(
                (field, column) ->
                    System.out.println(
                        "  "
                            + column
                            + " "
                            + r.header().get(column - 1)
                            + " -> "
                            + m.get("list-field." + field)));
        for (Rosters.StoredEntry e : app.rosters().entries(id, problems, 0, limit)) {
          System.out.println(
              e.row()
                  + "\t"
                  + e.family()
                  + "\t"
                  + e.given()
                  + "\t"
                  + e.patronymic()
                  + "\t"
                  + e.born());
          for (Entry.Problem p : e.problems()) {
            System.out.println("\t! " + problem(m, p, e.line()));
          }
        }
        return 0;
      }
    }
  }

  @Requires(Permission.EXPORT_DATA)
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = {
        "Write a roster as CSV (UTF-8 with BOM, for Excel), XLSX, JSON interchange, or a PDF manifest to sign.",
        "JSON is signed with the installation's key: the signature goes to FILE.sig."
      })
  static final class Export implements Callable<Integer> {
    @Mixin Options options;

    @Parameters(paramLabel = "ID")
    long id;

    @Option(names = "--format", required = true, description = "csv, xlsx, json or pdf")
    String format;

    @Option(names = "--out", required = true, description = "the file to write")
    Path out;

    @Option(
        names = "--confirmed-only",
        description = "only the entries a reviewer has linked to a person of the registry")
    boolean confirmedOnly;

    @Acting String actor;

    @Override
    public Integer call() throws IOException {
      Messages m = options.messages();
      if (!RosterExport.FORMATS.contains(format)) {
        System.err.println(m.get("error.export.format", format));
        return 2;
      }
      try (App app = options.open()) {
        Optional<Rosters.Summary> r = app.rosters().find(id);
        if (r.isEmpty()) {
          System.err.println(m.get("error.roster.unknown", id));
          return 2;
        }
        RosterExport export = new RosterExport(app.rosters(), confirmedOnly);
        // another party's user takes no relatives' contacts away
        boolean outsider =
            app.accounts()
                .find(actor)
                .map(org.handover.server.accounts.User::outsider)
                .orElse(false);
        write(app, m, r.get(), format, out, outsider ? export.withoutContacts() : export);
        return 0;
      }
    }
  }

  /**
   * Writes an export to {@code out} (whole or not at all), signs a JSON one beside it, and leaves
   * the journal's signed head beside every one; what was written is said on standard output.
   */
  public static void write(
      App app, Messages m, Rosters.Summary r, String format, Path out, RosterExport export)
      throws IOException {
    if (app.rosters().disclosure().waiting(r)) {
      throw new IllegalArgumentException(m.get("disclosure.not-approved", r.id()));
    }
    Checkpoint checkpoint = app.journal().checkpoint(app.key());
    Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".export", ".tmp");
    try (var stream = Files.newOutputStream(tmp)) {
      switch (format) {
        case "csv" -> export.csv(r, m, stream);
        case "xlsx" -> export.xlsx(r, m, stream);
        case "pdf" -> export.pdf(r, m, app.parties().book(), checkpoint.toString(), stream);
        default -> export.json(r, stream);
      }
    }
    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
    System.out.println(m.get("roster.exported", out.toString()));
    if (format.equals("json")) {
      Path sig = out.resolveSibling(out.getFileName() + ".sig");
      Files.writeString(sig, app.key().sign(out) + "\n");
      System.out.println(m.get("roster.signed", sig.toString()));
    }
    // every export leaves the journal's signed head beside it: 'journal verify --checkpoint' takes
    // it
    Path kept = out.resolveSibling(out.getFileName() + ".checkpoint");
    Files.writeString(kept, checkpoint + "\n");
    System.out.println(m.get("roster.checkpoint", kept.toString()));
  }

  @Requires(Permission.READ)
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description =
          "Check a file against its detached signature and a public key: exit 0 when intact and signed by that key, 1 when not.")
  static final class Verify implements Callable<Integer> {
    @Mixin Options options;

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Parameters(index = "1", paramLabel = "SIGNATURE", description = "the .sig file")
    Path signature;

    @Option(
        names = "--key",
        required = true,
        description = "the public key (Base64), or a file holding it")
    String key;

    @Override
    public Integer call() throws IOException {
      Messages m = options.messages();
      for (Path p : new Path[] {file, signature}) {
        if (!Files.isRegularFile(p)) {
          System.err.println(m.get("error.file.not-found", p.toString()));
          return 2;
        }
      }
      String publicKey =
          Files.isRegularFile(Path.of(key)) ? Files.readString(Path.of(key)).strip() : key;
      boolean ok = InstallationKey.verify(file, Files.readString(signature), publicKey);
      System.out.println(
          m.get(ok ? "roster.verified" : "roster.not-verified", file.getFileName().toString()));
      return ok ? 0 : 1;
    }
  }

  /**
   * The list's sides: as given, or from this installation's party (the list comes from the other
   * side to it); empty, with the reason printed, when neither can be told.
   */
  static Optional<RosterDetails> details(
      PartyBook book, LocalDate on, Purpose why, Messages m, String from, String to, String notes) {
    try {
      Optional<Party> sender = from != null ? Optional.of(Party.of(from)) : book.counterpart();
      if (sender.isEmpty()) {
        System.err.println(m.get("error.party.needed"));
        return Optional.empty();
      }
      Optional<Party> receiver =
          to != null
              ? Optional.of(Party.of(to))
              : book.own().filter(own -> !own.equals(sender.get())).or(book::counterpart);
      if (receiver.isEmpty()) {
        System.err.println(m.get("error.party.needed"));
        return Optional.empty();
      }
      return Optional.of(new RosterDetails(sender.get(), receiver.get(), on, why, notes));
    } catch (IllegalArgumentException e) {
      System.err.println(m.get("error.party.invalid", e.getMessage()));
      return Optional.empty();
    }
  }

  /** "row 3, column 4 (Дата народження) '31.02.1999': not a possible date". */
  static String problem(Messages m, Entry.Problem p) {
    return problem(m, p, p.row());
  }

  /**
   * The problem of a stored entry on {@code row}, its line: a problem stored before 2 December
   * counted the data rows, not the file's.
   */
  static String problem(Messages m, Entry.Problem p, long row) {
    return m.get(
        "roster.problem",
        row,
        p.column(),
        p.header(),
        p.value(),
        m.get(p.key(), p.args().toArray()));
  }
}
