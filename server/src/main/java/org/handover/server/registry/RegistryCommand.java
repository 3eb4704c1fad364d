package org.handover.server.registry;

import picocli.CommandLine.Command;

/**
 * The registry from the command line: {@code registry add} and {@code registry find}; the rosters
 * feature adds {@code registry import}, which reads spreadsheets with its readers.
 */
@Command(
    name = "registry",
    aliases = "person",
    mixinStandardHelpOptions = true,
    description = "The registry of persons: add, find, import.",
    subcommands = {PersonCommand.Add.class, PersonCommand.Find.class})
public final class RegistryCommand {
  /** The name other features add subcommands under. */
  public static final String NAME = "registry";
}
