package org.handover.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.handover.core.accounts.Role;
import org.handover.server.App;
import org.handover.server.storage.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every command declares the permission it needs, and an account named by --actor must hold it. */
class PermissionsTest {
  @TempDir Path dir;

  @Test
  void everyCommandThatRunsDeclaresItsPermission() {
    List<String> undeclared = new ArrayList<>();
    List<String> declared = new ArrayList<>();
    walk(HandoverCommand.commandLine(), undeclared, declared);
    assertThat(undeclared).isEmpty();
    assertThat(declared)
        .contains(
            "handover registry add",
            "handover roster import",
            "handover party add",
            "handover duplicates",
            "handover user add",
            "handover serve");
  }

  private static void walk(CommandLine cl, List<String> undeclared, List<String> declared) {
    Object command = cl.getCommand();
    boolean runs = command instanceof Runnable || command instanceof Callable;
    boolean plumbing =
        command instanceof HandoverCommand || command instanceof CommandLine.HelpCommand;
    if (runs && !plumbing) {
      (command.getClass().isAnnotationPresent(Requires.class) ? declared : undeclared)
          .add(cl.getCommandSpec().qualifiedName());
    }
    cl.getSubcommands().values().stream()
        .distinct()
        .forEach(sub -> walk(sub, undeclared, declared));
  }

  @Test
  void anActorWhoseRoleLacksThePermissionIsRefusedAndNothingIsStored() {
    String db = TestDatabases.postgres();
    try (App app = App.open(db)) {
      app.accounts().create("icrc", Role.OBSERVER, "test");
      app.accounts().create("olena", Role.REGISTRAR, "test");
    }
    Cli.Run refused =
        Cli.run(
            "registry", "add", "--db", db, "--lang", "en", "--family", "Бойко", "--actor", "icrc");
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains("icrc", "observer", "edit the registry");
    Cli.Run unknown =
        Cli.run(
            "registry",
            "add",
            "--db",
            db,
            "--lang",
            "uk",
            "--family",
            "Бойко",
            "--actor",
            "nobody");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("Облікового запису nobody немає");
    try (App app = App.open(db)) {
      assertThat(app.registry().count()).isZero();
    }
    Cli.Run allowed =
        Cli.run("registry", "add", "--db", db, "--family", "Бойко", "--actor", "olena");
    assertThat(allowed.exit()).isZero();
    try (App app = App.open(db)) {
      assertThat(app.registry().count()).isEqualTo(1);
    }
  }
}
