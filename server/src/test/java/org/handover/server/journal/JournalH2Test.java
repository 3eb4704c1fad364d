package org.handover.server.journal;

import org.handover.server.storage.TestDatabases;

class JournalH2Test extends JournalCases {
  @Override
  String url() {
    return TestDatabases.h2();
  }
}
