package org.handover.server.parties;

import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import org.handover.core.accounts.Permission;
import org.handover.core.parties.Party;
import org.handover.core.parties.PartyKind;
import org.handover.core.parties.PartyProfile;
import org.handover.server.web.Guard;
import org.handover.server.web.Params;
import org.handover.server.web.Routes;
import org.handover.server.web.View;
import org.handover.server.web.WebServer;

/** The parties page: who this installation knows and works for; administrators add and choose. */
final class PartyRoutes {
  private final Parties parties;
  private final org.handover.server.accounts.Accounts accounts;
  private final Guard guard;
  private final WebServer web;

  PartyRoutes(
      Parties parties, org.handover.server.accounts.Accounts accounts, Guard guard, WebServer web) {
    this.parties = parties;
    this.accounts = accounts;
    this.guard = guard;
    this.web = web;
  }

  void register(Routes routes) {
    routes.get("/parties", Permission.READ, ctx -> page(ctx, Map.of(), ""));
    routes.post("/parties", Permission.MANAGE_PARTIES, this::add);
    routes.post("/parties/own", Permission.MANAGE_PARTIES, this::own);
    // on the Accounts page: which party a user belongs to
    routes.post("/users/{name}/party", Permission.MANAGE_ACCOUNTS, this::member);
  }

  private void member(Context ctx) {
    String name = ctx.pathParam("name");
    View view = guard.view(ctx);
    try {
      accounts.setParty(
          name, parties.memberCode(Params.form(ctx, "party")), Guard.current(ctx).username());
    } catch (Parties.MemberRefused e) {
      web.error(ctx, 422, view.t(e.key(), e.getMessage()));
      return;
    } catch (org.handover.server.accounts.Accounts.AccountException e) {
      web.error(ctx, 404, view.t("login.username") + " '" + name + "': " + view.t(e.key()));
      return;
    }
    ctx.redirect("/users");
  }

  private void add(Context ctx) {
    View view = guard.view(ctx);
    Map<String, String> values =
        Map.of(
            "code",
            Params.form(ctx, "code"),
            "kind",
            Params.form(ctx, "kind"),
            "name_uk",
            Params.form(ctx, "name_uk"),
            "name_en",
            Params.form(ctx, "name_en"),
            "name_ru",
            Params.form(ctx, "name_ru"));
    PartyProfile p;
    try {
      p =
          new PartyProfile(
              Party.of(values.get("code")),
              PartyKind.fromKey(values.get("kind")),
              values.get("name_uk"),
              values.get("name_en"),
              values.get("name_ru"));
    } catch (IllegalArgumentException e) {
      ctx.status(422);
      page(ctx, values, view.t("error.party.invalid", Refusals.reason(view.messages(), e)));
      return;
    }
    try {
      parties.add(p, Guard.current(ctx).username());
    } catch (Parties.PartyExistsException e) {
      ctx.status(409);
      page(ctx, values, view.t("error.party.exists", p.code()));
      return;
    }
    ctx.redirect("/parties");
  }

  private void own(Context ctx) {
    String code = Params.form(ctx, "own");
    Optional<Party> party;
    try {
      party = code.isEmpty() ? Optional.empty() : Optional.of(Party.of(code));
    } catch (IllegalArgumentException e) {
      party = Optional.empty();
    }
    if (!code.isEmpty() && (party.isEmpty() || !parties.book().knows(party.get()))) {
      ctx.status(422);
      page(ctx, Map.of(), guard.view(ctx).t("error.party.unknown", code));
      return;
    }
    parties.choose(party, Guard.current(ctx).username());
    ctx.redirect("/parties");
  }

  private void page(Context ctx, Map<String, String> values, String error) {
    web.render(
        ctx,
        "parties/parties.jte",
        guard.view(ctx),
        Map.of("values", values, "error", error, "kinds", PartyKind.values()));
  }
}
