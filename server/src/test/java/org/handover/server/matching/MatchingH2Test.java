package org.handover.server.matching;

import org.handover.server.storage.TestDatabases;

class MatchingH2Test extends MatchingCases {
  @Override
  String url() {
    return TestDatabases.h2();
  }
}
