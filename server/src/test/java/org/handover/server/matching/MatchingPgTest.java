package org.handover.server.matching;

import org.handover.server.storage.TestDatabases;

class MatchingPgTest extends MatchingCases {
  @Override
  String url() {
    return TestDatabases.postgres();
  }
}
