package org.handover.server.accounts;

import org.handover.server.storage.TestDatabases;

class AccountsH2Test extends AccountsCases {
  @Override
  String url() {
    return TestDatabases.h2();
  }
}
