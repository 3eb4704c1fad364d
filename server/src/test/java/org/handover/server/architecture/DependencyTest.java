package org.handover.server.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The direction of dependencies between features, in core and in server alike: journal <- accounts
 * <- {parties, signing} <- registry <- rosters <- matching <- {agreements <- exchanges, remains,
 * tracing} <- negotiations <- briefing <- demo. A feature never uses one above it or beside it;
 * only routes, commands and features' wiring use the web and command-line plumbing. Roles and
 * permissions ({@code core.accounts}) are what every route and command declares: anyone may use
 * them.
 */
class DependencyTest {
  /** A feature's height: it may use features strictly lower, never higher nor at its own height. */
  static final Map<String, Integer> HEIGHT =
      Map.ofEntries(
          Map.entry("journal", 0),
          Map.entry("names", 0),
          Map.entry("accounts", 1),
          Map.entry("parties", 2),
          Map.entry("signing", 2),
          Map.entry("registry", 3),
          Map.entry("rosters", 4),
          Map.entry("matching", 5),
          Map.entry("agreements", 6),
          Map.entry("exchanges", 7),
          Map.entry("remains", 7),
          Map.entry("tracing", 7),
          Map.entry("negotiations", 8),
          Map.entry("briefing", 9),
          Map.entry("backup", 10),
          Map.entry("retention", 10),
          Map.entry("demo", 10),
          Map.entry("home", 10));

  /** Plumbing: what features stand on, and what never stands on a feature's insides. */
  static final List<String> PLUMBING = List.of("web", "cli", "storage", "i18n");

  static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.handover.core", "org.handover.server");
  }

  @Test
  void theClassesAreThere() {
    assertThat(classes.stream().map(JavaClass::getPackageName).distinct())
        .contains(
            "org.handover.server.rosters", "org.handover.core.matching", "org.handover.server.web");
  }

  @Test
  void featuresUseOnlyFeaturesBelowThem() {
    List<String> wrong = new ArrayList<>();
    for (JavaClass c : classes) {
      Optional<String> from = feature(c);
      if (from.isEmpty()) {
        continue;
      }
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        Optional<String> to = feature(d.getTargetClass());
        if (to.isPresent()
            && !to.get().equals(from.get())
            && HEIGHT.get(to.get()) >= HEIGHT.get(from.get())) {
          wrong.add(
              from.get()
                  + " -> "
                  + to.get()
                  + ": "
                  + c.getName()
                  + " uses "
                  + d.getTargetClass().getName());
        }
      }
    }
    assertThat(new TreeSet<>(wrong)).isEmpty();
  }

  @Test
  void everyFeaturePackageHasAKnownHeight() {
    assertThat(
            classes.stream()
                .map(DependencyTest::segment)
                .flatMap(Optional::stream)
                .distinct()
                .filter(s -> !HEIGHT.containsKey(s) && !PLUMBING.contains(s)))
        .as("a new package: give it a height in HEIGHT or call it plumbing")
        .isEmpty();
  }

  @Test
  void onlyRoutesCommandsAndWiringUseTheWebAndCommandLinePlumbing() {
    List<String> wrong = new ArrayList<>();
    for (JavaClass c : classes) {
      if (feature(c).isEmpty() || entryPoint(c)) {
        continue;
      }
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        String target = d.getTargetClass().getPackageName();
        if (target.equals("org.handover.server.web") || target.equals("org.handover.server.cli")) {
          wrong.add(c.getName() + " uses " + d.getTargetClass().getName());
        }
      }
    }
    assertThat(new TreeSet<>(wrong)).isEmpty();
  }

  @Test
  void plumbingUsesNoFeatureButAccountsForItsLogin() {
    List<String> wrong = new ArrayList<>();
    for (JavaClass c : classes) {
      if (!segment(c).map(PLUMBING::contains).orElse(false)) {
        continue;
      }
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        Optional<String> to =
            feature(d.getTargetClass()).filter(f -> !f.equals("accounts") && !f.equals("parties"));
        if (to.isPresent()
            && d.getTargetClass().getPackageName().startsWith("org.handover.server")) {
          wrong.add(c.getName() + " uses " + d.getTargetClass().getName());
        }
      }
    }
    assertThat(new TreeSet<>(wrong)).isEmpty();
  }

  /**
   * Where a feature meets the outside: its routes, pages' parts, commands and its entry in the list
   * of features.
   */
  private static boolean entryPoint(JavaClass c) {
    String name = c.getName().replaceAll("\\$.*", "");
    return name.endsWith("Routes")
        || name.endsWith("Command")
        || name.endsWith("Feature")
        || name.endsWith("Downloads")
        || name.endsWith("Forms")
        || name.endsWith("Uploads");
  }

  private static Optional<String> feature(JavaClass c) {
    if (c.getPackageName().equals("org.handover.core.accounts")) {
      return Optional.empty();
    }
    return segment(c).filter(HEIGHT::containsKey);
  }

  /** The package right below org.handover.core or org.handover.server. */
  private static Optional<String> segment(JavaClass c) {
    String p = c.getPackageName();
    for (String root : List.of("org.handover.core.", "org.handover.server.")) {
      if (p.startsWith(root)) {
        String rest = p.substring(root.length());
        return Optional.of(rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest);
      }
    }
    return Optional.empty();
  }
}
