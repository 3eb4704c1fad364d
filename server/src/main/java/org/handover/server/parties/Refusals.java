package org.handover.server.parties;

import org.handover.server.i18n.Messages;

/**
 * Why a party was refused, in the user's language: the domain names the field first ("kind: ...").
 */
final class Refusals {
  private Refusals() {}

  static String reason(Messages m, IllegalArgumentException e) {
    String message = String.valueOf(e.getMessage());
    String field = message.contains(":") ? message.substring(0, message.indexOf(':')) : "";
    String key = "party-field." + field;
    return m.has(key) ? m.get(key) : message;
  }
}
