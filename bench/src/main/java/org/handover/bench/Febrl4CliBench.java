package org.handover.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FEBRL4 as a user runs it through the command line: file A loaded into the registry (its headers
 * renamed to a registry's words, dates written dd.mm.yyyy as a clerk would, so that 19450493 reads
 * 93.04.1945), file B imported as a list, {@code match --one-to-one}, each a process of the
 * runnable jar on a fresh embedded database; scored by the truth the record ids give.
 *
 * <pre>
 * bench/run febrl4-cli [--febrl4 bench/data/febrl4] [--out FILE.md]
 * </pre>
 */
public final class Febrl4CliBench {
  private Febrl4CliBench() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of("bench/data/febrl4");
    Path out = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--febrl4" -> data = Path.of(args[i + 1]);
        case "--out" -> out = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path dir = Files.createTempDirectory("febrl4-cli");
    Path a = write(Febrl4.read(data.resolve("febrl4a.csv")), dir.resolve("a.csv"));
    Path b = write(Febrl4.read(data.resolve("febrl4b.csv")), dir.resolve("b.csv"));
    String db = "embedded:" + dir.resolve("db");
    Path links = dir.resolve("links.csv");
    StringBuilder log = new StringBuilder();
    long t0 = System.nanoTime();
    // what serve --init does on the first start: the database, and the party it works for
    try (org.handover.server.App app = org.handover.server.App.create(db)) {
      app.parties()
          .choose(java.util.Optional.of(org.handover.core.parties.Party.of("UA")), "bench");
    }
    long t1 = System.nanoTime();
    String imported = run(log, "registry", "import", a.toString(), "--skip-bad-rows", "--db", db);
    long t2 = System.nanoTime();
    String roster =
        run(
            log,
            "roster",
            "import",
            b.toString(),
            "--purpose",
            "information",
            "--from",
            "RU",
            "--db",
            db);
    Matcher id = Pattern.compile("roster (\\d+)").matcher(roster);
    if (!id.find()) {
      throw new IllegalStateException("no roster id in: " + roster);
    }
    long t3 = System.nanoTime();
    String matched =
        run(
            log,
            "match",
            "--roster",
            id.group(1),
            "--one-to-one",
            "--out",
            links.toString(),
            "--db",
            db);
    long t4 = System.nanoTime();
    String score = score(Febrl4.read(data.resolve("febrl4b.csv")), links);
    String report =
        String.format(
            Locale.ROOT,
            "# FEBRL4 through the command line%n%n- date: %s%n- machine: %s%n- command: `bench/run"
                + " febrl4-cli %s`%n- what a user runs, each a process of the runnable jar on a fresh"
                + " embedded PostgreSQL: `registry import a.csv --skip-bad-rows` (headers reference,"
                + " surname, given name, date of birth dd.mm.yyyy, service number = soc_sec_id,"
                + " address), `roster import b.csv --purpose information`, `match --roster N"
                + " --one-to-one --out links.csv`%n%n%s%nTimes (whole processes): database %.1f s,"
                + " registry import %.1f s, list import %.1f s, match %.1f s.%n%nTarget (matching at"
                + " a million issue): recall >= 0.99 at precision >= 0.999.%n%n## What the commands"
                + " printed%n%n```%n%s```%n",
            LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME),
            Machine.describe(),
            String.join(" ", args),
            score,
            (t1 - t0) / 1e9,
            (t2 - t1) / 1e9,
            (t3 - t2) / 1e9,
            (t4 - t3) / 1e9,
            tail(log.toString()));
    System.out.println(report);
    if (out != null) {
      Files.writeString(out, report);
    }
  }

  private static String tail(String log) {
    StringBuilder s = new StringBuilder();
    for (String line : log.split("\n")) {
      if (!line.startsWith("row ") && !line.contains(": row ") && s.length() < 6000) {
        s.append(line).append('\n');
      }
    }
    return s.toString();
  }

  private static Path write(List<Febrl4.Rec> recs, Path file) throws IOException {
    StringBuilder csv =
        new StringBuilder("reference,surname,given name,date of birth,service number,address\n");
    for (Febrl4.Rec r : recs) {
      String dob = r.dob();
      String written =
          dob.length() == 8
              ? dob.substring(6) + "." + dob.substring(4, 6) + "." + dob.substring(0, 4)
              : dob;
      String address =
          String.join(
                  " ",
                  r.streetNumber(),
                  r.address1(),
                  r.address2(),
                  r.suburb(),
                  r.postcode(),
                  r.state())
              .replaceAll("\\s+", " ")
              .strip();
      csv.append(String.join(",", r.id(), r.surname(), r.given(), written, r.ssid(), address))
          .append('\n');
    }
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    return file;
  }

  private static String run(StringBuilder log, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("java", "-jar", "server/target/handover.jar"));
    command.addAll(List.of(args));
    command.add("--lang");
    command.add("en");
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = p.waitFor();
    log.append("$ handover ")
        .append(String.join(" ", args))
        .append("   (exit ")
        .append(exit)
        .append(")\n");
    log.append(output);
    return output;
  }

  /** Precision and recall of the links: rec-N-dup-0 is rec-N-org. */
  private static String score(List<Febrl4.Rec> b, Path links) throws IOException {
    Map<Integer, String> entity = new HashMap<>();
    for (int i = 0; i < b.size(); i++) {
      entity.put(i + 1, b.get(i).entity());
    }
    List<String> lines = Files.readAllLines(links, StandardCharsets.UTF_8);
    long auto = 0;
    long autoRight = 0;
    Set<Integer> foundAuto = new HashSet<>();
    Set<Integer> found = new HashSet<>();
    Set<Integer> proposed = new HashSet<>();
    long all = 0;
    long allRight = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.replace("\"", "").split(",");
      int row = Integer.parseInt(c[0].strip());
      String person = c[3].strip();
      String band = c[6].strip();
      boolean right = person.split("-").length > 1 && person.split("-")[1].equals(entity.get(row));
      proposed.add(row);
      all++;
      if (right) {
        allRight++;
        found.add(row);
      }
      if (band.equals("auto")) {
        auto++;
        if (right) {
          autoRight++;
          foundAuto.add(row);
        }
      }
    }
    return String.format(
        Locale.ROOT,
        "| band | links | right | precision | recall |%n|---|---:|---:|---:|---:|%n"
            + "| auto-link | %,d | %,d | %.4f | %.4f |%n| auto-link + review | %,d | %,d | %.4f |"
            + " %.4f |%n%nEntries of B with any link: %,d of %,d.%n",
        auto,
        autoRight,
        auto == 0 ? 0 : (double) autoRight / auto,
        foundAuto.size() / (double) b.size(),
        all,
        allRight,
        all == 0 ? 0 : (double) allRight / all,
        found.size() / (double) b.size(),
        proposed.size(),
        b.size());
  }
}
