package org.handover.server.exchanges;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.handover.core.agreements.Provision;
import org.handover.server.App;
import org.handover.server.Feature;
import org.handover.server.web.Routes;
import org.handover.server.web.Section;
import org.handover.server.web.WebServer;

/** Exchanges: {@code handover exchange}, their pages, and their part of an agreement's page. */
public final class ExchangesFeature implements Feature {
  @Override
  public List<Object> commands() {
    return List.of(new ExchangeCommand());
  }

  @Override
  public void routes(App app, WebServer web, Routes routes) {
    new ExchangeRoutes(app, web).register(routes);
  }

  @Override
  public List<Section> sections(App app, WebServer web) {
    return List.of(
        new Section(
            "agreement",
            (ctx, view, agreement) ->
                web.fragment(
                    "exchanges/agreement_exchanges.jte",
                    view,
                    Map.of(
                        "a",
                        app.agreements().find(agreement).orElseThrow(),
                        "exchanges",
                        app.exchanges().of(agreement),
                        "fulfilment",
                        // eligibility over the registry is counted only once there is something
                        // carried out to weigh (or remains that a unilateral provision counts)
                        app.exchanges().of(agreement).isEmpty()
                                && app
                                    .agreements()
                                    .find(agreement)
                                    .orElseThrow()
                                    .provisions()
                                    .stream()
                                    .noneMatch(n -> n.provision() instanceof Provision.Unilateral)
                            ? java.util.List.<String>of()
                            : AgreementFulfilment.lines(
                                AgreementFulfilment.of(
                                    app.database().jdbi(),
                                    app.exchanges(),
                                    app.remainsMoved(),
                                    app.agreements().find(agreement).orElseThrow(),
                                    LocalDate.now(app.clock()),
                                    view.parties().own()),
                                view.messages()),
                        "today",
                        view.date(LocalDate.now(app.clock()))))));
  }
}
