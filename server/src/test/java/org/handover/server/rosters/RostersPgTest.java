package org.handover.server.rosters;

import org.handover.server.storage.TestDatabases;

class RostersPgTest extends RostersCases {
  @Override
  String url() {
    return TestDatabases.postgres();
  }
}
