package org.handover.core.accounts;

/**
 * Four eyes: whoever imported a list does not confirm its links or approve it for the other side,
 * and whoever added a person does not merge it. On unless {@code HANDOVER_FOUR_EYES=off}.
 */
public final class FourEyes {
  private FourEyes() {}

  public static boolean on() {
    return !"off".equalsIgnoreCase(System.getenv().getOrDefault("HANDOVER_FOUR_EYES", "on"));
  }
}
