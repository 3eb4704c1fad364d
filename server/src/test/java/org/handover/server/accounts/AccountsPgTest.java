package org.handover.server.accounts;

import org.handover.server.storage.TestDatabases;

class AccountsPgTest extends AccountsCases {
  @Override
  String url() {
    return TestDatabases.postgres();
  }
}
