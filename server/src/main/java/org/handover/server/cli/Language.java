package org.handover.server.cli;

import org.handover.server.i18n.Messages;
import picocli.CommandLine;

/** {@code --lang}: one of the languages Handover speaks; anything else is a bad option. */
public final class Language implements CommandLine.ITypeConverter<String> {
  @Override
  public String convert(String value) {
    if (!Messages.LANGUAGES.contains(value)) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a language of Handover: use uk, en or ru");
    }
    return value;
  }
}
