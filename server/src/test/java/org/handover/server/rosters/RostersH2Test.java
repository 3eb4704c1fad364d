package org.handover.server.rosters;

import org.handover.server.storage.TestDatabases;

class RostersH2Test extends RostersCases {
  @Override
  String url() {
    return TestDatabases.h2();
  }
}
