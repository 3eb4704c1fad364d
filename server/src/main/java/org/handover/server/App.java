package org.handover.server;

import java.time.Clock;
import org.handover.server.accounts.Accounts;
import org.handover.server.journal.Journal;
import org.handover.server.registry.Registry;
import org.handover.server.storage.Database;
import org.handover.server.web.WebServer;

/** Handover's parts, wired on one database. */
public final class App implements AutoCloseable {
  private final Database database;
  private final Journal journal;
  private final Registry registry;
  private final Accounts accounts;
  private final org.handover.server.lists.Rosters rosters;
  private final org.handover.server.signing.InstallationKey key;
  private final org.handover.server.matching.Matching matching;
  private final org.handover.server.matching.Duplicates duplicates;
  private final Clock clock;

  public App(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
    this.journal = new Journal(database.jdbi(), clock);
    this.registry = new Registry(database.jdbi(), journal, clock);
    this.accounts = new Accounts(database.jdbi(), journal, clock);
    this.rosters = new org.handover.server.lists.Rosters(database.jdbi(), journal, clock);
    this.key = new org.handover.server.signing.InstallationKey(database.jdbi(), journal);
    this.matching = new org.handover.server.matching.Matching(database.jdbi(), rosters, journal, clock);
    this.duplicates = new org.handover.server.matching.Duplicates(database.jdbi(), registry, journal, clock);
    org.handover.server.registry.SearchIndex.ensureCurrent(database.jdbi());
  }

  public static App open(String url) {
    return new App(Database.open(url), Clock.systemDefaultZone());
  }

  public Database database() {
    return database;
  }

  public Journal journal() {
    return journal;
  }

  public Registry registry() {
    return registry;
  }

  public Accounts accounts() {
    return accounts;
  }

  public org.handover.server.lists.Rosters rosters() {
    return rosters;
  }

  public org.handover.server.matching.Matching matching() {
    return matching;
  }

  public org.handover.server.matching.Duplicates duplicates() {
    return duplicates;
  }

  public org.handover.server.signing.InstallationKey key() {
    return key;
  }

  public Clock clock() {
    return clock;
  }

  /** The largest upload the web accepts: env HANDOVER_MAX_UPLOAD_MB, 200 MB by default. */
  public static long maxUploadBytes() {
    String mb = System.getenv("HANDOVER_MAX_UPLOAD_MB");
    try {
      return (mb == null || mb.isBlank() ? 200 : Long.parseLong(mb.strip())) * 1024 * 1024;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("HANDOVER_MAX_UPLOAD_MB: not a number of megabytes: '" + mb + "'");
    }
  }

  public WebServer web() {
    return web(maxUploadBytes());
  }

  public WebServer web(long maxUploadBytes) {
    return new WebServer(registry, accounts, journal, rosters, matching, duplicates, clock, maxUploadBytes);
  }

  @Override
  public void close() {
    database.close();
  }
}
