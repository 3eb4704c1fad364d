package org.handover.server.journal;

import org.handover.server.storage.TestDatabases;

class JournalPgTest extends JournalCases {
  @Override
  String url() {
    return TestDatabases.postgres();
  }
}
