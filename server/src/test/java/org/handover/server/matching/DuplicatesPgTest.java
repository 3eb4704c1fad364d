package org.handover.server.matching;

import org.handover.server.storage.TestDatabases;

class DuplicatesPgTest extends DuplicatesCases {
  @Override
  String url() {
    return TestDatabases.postgres();
  }
}
