package org.handover.server.registry;

import org.handover.server.storage.TestDatabases;

class RegistryH2Test extends RegistryCases {
  @Override
  String url() {
    return TestDatabases.h2();
  }
}
