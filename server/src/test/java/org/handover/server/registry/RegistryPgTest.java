package org.handover.server.registry;

import org.handover.server.storage.TestDatabases;

class RegistryPgTest extends RegistryCases {
  @Override
  String url() {
    return TestDatabases.postgres();
  }
}
