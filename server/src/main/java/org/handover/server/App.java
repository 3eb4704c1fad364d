package org.handover.server;

import java.time.Clock;
import java.util.List;
import org.handover.server.accounts.Accounts;
import org.handover.server.accounts.AccountsFeature;
import org.handover.server.agreements.Agreements;
import org.handover.server.agreements.AgreementsFeature;
import org.handover.server.backup.BackupFeature;
import org.handover.server.briefing.BriefingFeature;
import org.handover.server.demo.DemoFeature;
import org.handover.server.exchanges.BatchLists;
import org.handover.server.exchanges.Corrections;
import org.handover.server.exchanges.Exchanges;
import org.handover.server.exchanges.ExchangesFeature;
import org.handover.server.home.HomeFeature;
import org.handover.server.journal.Journal;
import org.handover.server.journal.JournalFeature;
import org.handover.server.matching.Duplicates;
import org.handover.server.matching.Matching;
import org.handover.server.matching.MatchingFeature;
import org.handover.server.names.NamesFeature;
import org.handover.server.negotiations.Negotiations;
import org.handover.server.negotiations.NegotiationsFeature;
import org.handover.server.parties.Parties;
import org.handover.server.parties.PartiesFeature;
import org.handover.server.registry.Registry;
import org.handover.server.registry.RegistryFeature;
import org.handover.server.registry.ReleaseFactsStore;
import org.handover.server.registry.SearchIndex;
import org.handover.server.remains.Evidence;
import org.handover.server.remains.Receiving;
import org.handover.server.remains.Register;
import org.handover.server.remains.RemainsFeature;
import org.handover.server.remains.Sending;
import org.handover.server.retention.RetentionFeature;
import org.handover.server.rosters.RosterImport;
import org.handover.server.rosters.Rosters;
import org.handover.server.rosters.RostersFeature;
import org.handover.server.signing.InstallationKey;
import org.handover.server.signing.SigningFeature;
import org.handover.server.storage.Database;
import org.handover.server.tracing.ChildCards;
import org.handover.server.tracing.Tracing;
import org.handover.server.tracing.TracingFeature;
import org.handover.server.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Handover's parts, wired on one database, and its features, each listed once. */
public final class App implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(App.class);

  /** Every feature, in the order of the navigation and of {@code handover --help}. */
  public static final List<Feature> FEATURES =
      List.of(
          new HomeFeature(),
          new RegistryFeature(),
          new RostersFeature(),
          new MatchingFeature(),
          new AgreementsFeature(),
          new ExchangesFeature(),
          new RemainsFeature(),
          new TracingFeature(),
          new NegotiationsFeature(),
          new BriefingFeature(),
          new PartiesFeature(),
          new JournalFeature(),
          new AccountsFeature(),
          new SigningFeature(),
          new NamesFeature(),
          new BackupFeature(),
          new RetentionFeature(),
          new DemoFeature());

  private final Database database;
  private final Clock clock;
  private final Journal journal;
  private final Parties parties;
  private final Registry registry;
  private final Accounts accounts;
  private final Rosters rosters;
  private final InstallationKey key;
  private final Matching matching;
  private final Duplicates duplicates;
  private final Agreements agreements;
  private final Exchanges exchanges;
  private final Register register;
  private final Evidence evidence;
  private final Tracing tracing;
  private final Negotiations negotiations;
  private final ChildCards childCards;

  public App(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
    this.journal = new Journal(database.jdbi(), clock);
    this.parties = new Parties(database.jdbi(), journal, clock);
    this.registry = new Registry(database.jdbi(), journal, clock);
    this.accounts = new Accounts(database.jdbi(), journal, clock);
    this.rosters = new Rosters(database.jdbi(), journal, parties, clock);
    this.key = new InstallationKey(database.jdbi(), journal, database.keyFolder());
    this.matching = new Matching(database.jdbi(), rosters, journal, clock);
    this.duplicates = new Duplicates(database.jdbi(), registry, journal, matching.models(), clock);
    this.agreements = new Agreements(database.jdbi(), journal, clock);
    this.exchanges = new Exchanges(database.jdbi(), journal, registry, clock);
    this.register = new Register(database.jdbi(), journal, registry, clock);
    this.evidence = new Evidence(database.jdbi(), journal, registry, clock);
    this.tracing = new Tracing(database.jdbi(), journal, rosters, clock);
    this.negotiations = new Negotiations(database.jdbi(), journal, agreements, clock);
    this.childCards =
        new ChildCards(database.jdbi(), journal, clock, negotiations.reunificationCommitments());
    SearchIndex.ensureCurrent(database.jdbi());
    for (RosterImport.Abandoned a : rosters.removeUnfinished()) {
      LOG.warn(
          "An import that did not finish was removed: list {} ({}), {} rows read before it stopped;"
              + " import the file again.",
          a.roster(),
          a.fileName(),
          a.entries());
    }
  }

  /** Opens an existing database; one that does not exist is refused. */
  public static App open(String url) {
    return around(Database.open(url));
  }

  /** Opens the database, creating it when it does not exist (serve --init, the demo). */
  public static App create(String url) {
    return around(Database.create(url));
  }

  /**
   * An App on an open database, which is closed again (and its embedded server left) if the App
   * cannot start.
   */
  private static App around(Database database) {
    try {
      return new App(database, Clock.systemDefaultZone());
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  public Database database() {
    return database;
  }

  public Journal journal() {
    return journal;
  }

  public Parties parties() {
    return parties;
  }

  public Registry registry() {
    return registry;
  }

  public Accounts accounts() {
    return accounts;
  }

  public Rosters rosters() {
    return rosters;
  }

  public Matching matching() {
    return matching;
  }

  public Duplicates duplicates() {
    return duplicates;
  }

  public Agreements agreements() {
    return agreements;
  }

  public ReleaseFactsStore releaseFacts() {
    return registry.releaseFacts();
  }

  public Exchanges exchanges() {
    return exchanges;
  }

  /**
   * Remains moved under a provision, as the remains register counts them, for agreements' shares.
   */
  public org.handover.server.exchanges.AgreementFulfilment.Remains remainsMoved() {
    return register::moved;
  }

  /** The remains register's cases. */
  public Register register() {
    return register;
  }

  /** DNA reference samples, laboratory reports, deaths in captivity. */
  public Evidence evidence() {
    return evidence;
  }

  /** Tracing requests, children sought, their cases. */
  public Tracing tracing() {
    return tracing;
  }

  /** Rounds of talks and their records. */
  public Negotiations negotiations() {
    return negotiations;
  }

  public ChildCards childCards() {
    return childCards;
  }

  /** Handing remains over. */
  public Sending sending() {
    return new Sending(database.jdbi(), journal, rosters, clock);
  }

  /** Receiving transfers of remains. */
  public Receiving receiving() {
    return new Receiving(database.jdbi(), journal, rosters, matching, clock);
  }

  /** Corrections of outcomes recorded at handovers. */
  public Corrections corrections() {
    return new Corrections(database.jdbi(), journal, registry, clock);
  }

  /** The lists made of exchanges' batches, stored as rosters we send. */
  public BatchLists batchLists() {
    return new BatchLists(database.jdbi(), journal, registry, rosters, clock);
  }

  /** What an installation makes when it starts: its signing key (a reader never should). */
  public void start() {
    key.publicKey();
  }

  public InstallationKey key() {
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
      throw new IllegalArgumentException(
          "HANDOVER_MAX_UPLOAD_MB: not a number of megabytes: '" + mb + "'");
    }
  }

  public WebServer web() {
    return web(maxUploadBytes());
  }

  public WebServer web(long maxUploadBytes) {
    return new WebServer(this, FEATURES, maxUploadBytes);
  }

  @Override
  public void close() {
    database.close();
  }
}
