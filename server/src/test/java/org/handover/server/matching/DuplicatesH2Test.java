package org.handover.server.matching;

import org.handover.server.storage.TestDatabases;

class DuplicatesH2Test extends DuplicatesCases {
  @Override
  String url() {
    return TestDatabases.h2();
  }
}
