package org.handover.core.rosters;

import java.util.List;

/**
 * A list that cannot be read as a whole: empty, not what its name says, a zip bomb, undecodable,
 * without a usable header. {@code key} and {@code args} give the message in the user's language.
 */
public final class RosterFileException extends Exception {
  private final String key;
  private final List<String> args;

  public RosterFileException(String key, String englishMessage, String... args) {
    super(englishMessage);
    this.key = key;
    this.args = List.of(args);
  }

  public String key() {
    return key;
  }

  public List<String> args() {
    return args;
  }
}
