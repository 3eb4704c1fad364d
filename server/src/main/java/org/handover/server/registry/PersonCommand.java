package org.handover.server.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.handover.core.accounts.Permission;
import org.handover.core.registry.PersonForm;
import org.handover.core.registry.Problem;
import org.handover.core.registry.StatusBasis;
import org.handover.server.App;
import org.handover.server.cli.Acting;
import org.handover.server.cli.Options;
import org.handover.server.cli.Requires;
import org.handover.server.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code registry add} and {@code registry find}: one person at a time. */
final class PersonCommand {
  private PersonCommand() {}

  @Requires(Permission.EDIT_REGISTRY)
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description =
          "Add a person; bad input is refused with a message naming the field, and nothing is stored.")
  static final class Add implements Callable<Integer> {
    @Mixin Options options;

    @Option(names = "--family", required = true)
    String family;

    @Option(names = "--given", defaultValue = "")
    String given;

    @Option(names = "--patronymic", defaultValue = "")
    String patronymic;

    @Option(
        names = "--script",
        defaultValue = "",
        description = "uk, ru or latin (default: from the letters)")
    String script;

    @Option(
        names = "--latin-family",
        defaultValue = "",
        description = "a Latin spelling of the family name")
    String latinFamily;

    @Option(names = "--latin-given", defaultValue = "")
    String latinGiven;

    @Option(
        names = "--kind",
        defaultValue = "service-member",
        description = "service-member, civilian or child")
    String kind;

    @Option(names = "--sex", defaultValue = "unknown", description = "male, female or unknown")
    String sex;

    @Option(names = "--born", defaultValue = "", description = "dd.mm.yyyy, mm.yyyy or yyyy")
    String born;

    @Option(names = "--birth-place", defaultValue = "")
    String birthPlace;

    @Option(names = "--father", defaultValue = "", description = "father's first name")
    String father;

    @Option(names = "--mother-maiden-name", defaultValue = "")
    String mother;

    @Option(names = "--citizenship", defaultValue = "")
    String citizenship;

    @Option(names = "--depends-on", defaultValue = "", description = "UA, RU, ICRC or TR")
    String dependsOn;

    @Option(names = "--service-number", defaultValue = "")
    String serviceNumber;

    @Option(names = "--rank", defaultValue = "")
    String rank;

    @Option(names = "--unit", defaultValue = "")
    String unit;

    @Option(names = "--reference", defaultValue = "", description = "the party's own case number")
    String reference;

    @Option(
        names = "--categories",
        defaultValue = "",
        description = "comma-separated: severely-wounded, sick")
    String categories;

    @Option(
        names = "--status",
        defaultValue = "missing",
        description = "missing, captive, detained, released, returned, deceased, remains-returned")
    String status;

    @Option(names = "--status-since", defaultValue = "", description = "dd.mm.yyyy (default today)")
    String statusSince;

    @Option(
        names = "--status-source",
        defaultValue = "",
        description =
            "what the status rests on: capture-card, notification, icrc-visit, their-list, video,"
                + " testimony")
    String statusSource;

    @Option(
        names = "--status-note",
        defaultValue = "",
        description = "a reference: the notification's number, the visit's date")
    String statusNote;

    @Option(names = "--holding-party", defaultValue = "")
    String holding;

    @Option(names = "--notes", defaultValue = "")
    String notes;

    @Acting String actor;

    @Override
    public Integer call() {
      Map<String, String> v = new LinkedHashMap<>();
      v.put("name.0.family", family);
      v.put("name.0.given", given);
      v.put("name.0.patronymic", patronymic);
      v.put("name.0.script", script);
      v.put("name.1.family", latinFamily);
      v.put("name.1.given", latinGiven);
      v.put("name.1.script", latinFamily.isEmpty() ? "" : "latin");
      v.put("kind", kind);
      v.put("sex", sex);
      v.put("birth_date", born);
      v.put("birth_place", birthPlace);
      v.put("father_name", father);
      v.put("mother_maiden_name", mother);
      v.put("citizenship", citizenship);
      v.put("depends_on", dependsOn);
      v.put("service_number", serviceNumber);
      v.put("rank", rank);
      v.put("unit", unit);
      v.put("reference", reference);
      v.put("categories", categories);
      v.put("status", status);
      v.put("status_since", statusSince);
      v.put("status_source", statusSource);
      v.put("status_note", statusNote);
      v.put("holding_party", holding);
      v.put("notes", notes);
      try (App app = options.open()) {
        PersonForm form = new PersonForm(v, app.parties().book()::knows);
        LocalDate today = LocalDate.now();
        PersonForm.Result read = form.read(0, today);
        List<Problem> problems = new ArrayList<>(read.problems());
        StatusBasis since = form.statusBasis(today, problems);
        Messages m = options.messages();
        if (!problems.isEmpty()) {
          for (Problem p : problems) {
            System.err.println(m.problem(p));
          }
          System.err.println(
              m.get("form.has-errors", problems.stream().map(Problem::field).distinct().count()));
          return 2;
        }
        long id = app.registry().add(read.person().get(), since, actor);
        System.out.println(id);
        return 0;
      }
    }
  }

  @Requires(Permission.READ)
  @Command(
      name = "find",
      mixinStandardHelpOptions = true,
      description =
          "Search the registry by any spelling, date or year of birth, service number or reference.")
  static final class Find implements Callable<Integer> {
    @Mixin Options options;

    @Parameters(paramLabel = "TEXT", arity = "1..*")
    List<String> words;

    @Option(names = "--limit", defaultValue = "25")
    int limit;

    @Override
    public Integer call() {
      Messages m = options.messages();
      try (App app = options.open()) {
        Registry.Page page =
            app.registry().search(Search.parse(String.join(" ", words)), m.language(), 1, limit);
        System.out.println(m.get("registry.count", page.total()));
        for (Registry.Hit h : page.hits()) {
          System.out.println(
              h.id()
                  + "\t"
                  + h.name()
                  + "\t"
                  + h.born()
                  + "\t"
                  + h.serviceNumber()
                  + "\t"
                  + h.reference()
                  + "\t"
                  + m.get("status." + h.status()));
        }
        return 0;
      }
    }
  }
}
