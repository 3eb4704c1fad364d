package org.handover.server.storage;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Work done on another thread beside a database's (a list read, rows made for COPY). */
public final class Background {
  private Background() {}

  /** The value, or what went wrong as it was thrown. */
  public static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}
