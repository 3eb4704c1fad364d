package org.handover.server.lists;

import org.handover.server.storage.TestDatabases;

class RostersPgTest extends RostersCases {
  @Override
  String url() {
    return TestDatabases.postgres();
  }
}
