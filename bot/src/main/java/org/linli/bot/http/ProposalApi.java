package org.linli.bot.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.linli.bot.consultation.Poll;
import org.linli.bot.consultation.PollStore;
import org.linli.bot.consultation.proposal.ConsultationIndex;
import org.linli.bot.consultation.proposal.FollowUp;
import org.linli.bot.consultation.proposal.FollowUps;
import org.linli.bot.consultation.proposal.Proposal;
import org.linli.bot.consultation.proposal.ProposalDesk;
import org.linli.bot.errors.BadRequest;
import org.linli.webhooks.ChatRef;
import org.linli.webhooks.Identity;

/**
 * The moderators' REST API for proposals and follow-ups (bearer admin token, as the poll API):
 * raise a proposal for a chat, list and read proposals, accept or decline one, record a decided
 * poll's follow-up steps, list the latest polls; and the public index {@code GET /polls} (the whole
 * office's). Bad input is refused with a 400 and a sentence before anything is stored. Every
 * moderators' call is about one community ({@link CommunityScope}): a proposal is raised only in a
 * chat of it, lists show only its proposals and polls, and a proposal or poll (with its follow-up)
 * of another community is not found.
 *
 * @param communityOf the id of a chat's community
 */
public record ProposalApi(ProposalDesk desk, FollowUps followUps, ConsultationIndex index, PollStore polls,
    Function<ChatRef, String> communityOf) {

  /** {@code POST /api/v1/proposals}: raises a proposal; its message goes to the chat through the outbox. */
  public void create(RoutingContext ctx) {
    JsonObject body;
    String proposer;
    try {
      body = RequestBodies.jsonObject(ctx, "{\"chat\": \"g1\", \"title\": \"…\", \"description\": \"…\"}");
      proposer = text(body, "proposer", "");
      if (!proposer.isEmpty() && Identity.parse(proposer).isEmpty()) {
        throw new HttpException(400, "\"proposer\" must be an identity platform:user, e.g. generic:u2222");
      }
      if (text(body, "chat", "").isEmpty() || text(body, "title", "").isEmpty()) {
        throw new HttpException(400, "\"chat\" and \"title\" are required");
      }
    } catch (HttpException e) {
      ctx.fail(e);
      return;
    }
    ChatRef where = new ChatRef(text(body, "channel", "generic"), text(body, "chat", ""));
    try {
      PollApi.checkChat(where, CommunityScope.of(ctx), communityOf);
    } catch (BadRequest e) {
      ctx.fail(e);
      return;
    }
    desk.raise(where, proposer, text(body, "title", ""), text(body, "description", ""), true)
        .onSuccess(p -> created(ctx, describe(p)))
        .onFailure(ctx::fail);
  }

  /**
   * {@code GET /api/v1/polls}: the latest polls of the community, newest first — {@code {"polls":
   * [{"id", "status", "channel", "chat", "question", "scale", "opensAt", "closesAt"}]}}.
   */
  public void pollList(RoutingContext ctx) {
    int limit = Routes.limit(ctx, 100);
    if (limit == 0) {
      return;
    }
    String community = CommunityScope.of(ctx);
    index.latestPolls(community)
        .onSuccess(all -> {
          JsonArray out = new JsonArray();
          all.stream().limit(limit).forEach(s -> out.add(new JsonObject().put("id", s.poll().id())
              .put("status", s.status()).put("channel", s.poll().channel()).put("chat", s.poll().chat())
              .put("question", s.poll().question())
              .put("scale", s.poll().scale().name().toLowerCase(Locale.ROOT))
              .put("opensAt", s.poll().opensAt().toString()).put("closesAt", s.poll().closesAt().toString())));
          Routes.json(ctx, new JsonObject().put("polls", out));
        })
        .onFailure(ctx::fail);
  }

  /** {@code GET /api/v1/proposals}: the latest proposals, newest first. */
  public void list(RoutingContext ctx) {
    int limit = Routes.limit(ctx, 100);
    if (limit == 0) {
      return;
    }
    desk.latest(limit, CommunityScope.of(ctx))
        .onSuccess(all -> {
          JsonArray out = new JsonArray();
          all.forEach(p -> out.add(describe(p)));
          Routes.json(ctx, new JsonObject().put("proposals", out));
        })
        .onFailure(ctx::fail);
  }

  /** {@code GET /api/v1/proposals/:id}. */
  public void get(RoutingContext ctx) {
    desk.find(ctx.pathParam("id"), CommunityScope.of(ctx)).onSuccess(p -> Routes.json(ctx, describe(p)))
        .onFailure(ctx::fail);
  }

  /** {@code POST /api/v1/proposals/:id/accept}: {@code {"flags": "--discuss 2d --closes 5d"}}, optional. */
  public void accept(RoutingContext ctx) {
    String flags;
    try {
      flags = ctx.body().length() <= 0
          ? ""
          : text(RequestBodies.jsonObject(ctx, "{\"flags\": \"--closes 5d\"}"),
              "flags", "");
    } catch (HttpException e) {
      ctx.fail(e);
      return;
    }
    String id = ctx.pathParam("id");
    desk.find(id, CommunityScope.of(ctx)).compose(p -> desk.accept(id, flags, true))
        .onSuccess(a -> created(ctx, describe(a.proposal()).put("poll", poll(a.poll()))))
        .onFailure(ctx::fail);
  }

  /** {@code POST /api/v1/proposals/:id/decline}: {@code {"reason": "…"}}, published. */
  public void decline(RoutingContext ctx) {
    String reason;
    try {
      reason = text(RequestBodies.jsonObject(ctx, "{\"reason\": \"…\"}"), "reason", "");
      if (reason.isEmpty()) {
        throw new HttpException(400, "\"reason\" is required: a declined proposal's reason is published");
      }
    } catch (HttpException e) {
      ctx.fail(e);
      return;
    }
    String id = ctx.pathParam("id");
    desk.find(id, CommunityScope.of(ctx)).compose(p -> desk.decline(id, reason, true))
        .onSuccess(p -> Routes.json(ctx, describe(p)))
        .onFailure(ctx::fail);
  }

  /**
   * {@code POST /api/v1/polls/:id/followups}: {@code {"text": "…", "tickets": ["20261201-0001"],
   * "done": false}}; the step is told to the poll's chat.
   */
  public void followUp(RoutingContext ctx) {
    String text;
    List<String> tickets = new ArrayList<>();
    boolean done;
    try {
      JsonObject body = RequestBodies.jsonObject(ctx, "{\"text\": \"…\", \"tickets\": [], \"done\": false}");
      text = text(body, "text", "");
      if (text.isEmpty()) {
        throw new HttpException(400, "\"text\" (what was done) is required");
      }
      Object raw = body.getValue("tickets");
      if (raw != null) {
        if (!(raw instanceof JsonArray array)) {
          throw new HttpException(400, "\"tickets\" must be a list of ticket numbers");
        }
        for (Object t : array) {
          if (!(t instanceof String s) || s.isBlank()) {
            throw new HttpException(400, "every ticket must be a ticket number such as 20261201-0001");
          }
          tickets.add(s.strip());
        }
      }
      Object d = body.getValue("done");
      if (d != null && !(d instanceof Boolean)) {
        throw new HttpException(400, "\"done\" must be true or false");
      }
      done = Boolean.TRUE.equals(d);
    } catch (HttpException e) {
      ctx.fail(e);
      return;
    }
    String pollId = ctx.pathParam("id");
    pollOfCommunity(pollId, CommunityScope.of(ctx))
        .compose(v -> followUps.record(pollId, text, tickets, done))
        .compose(r -> followUps.of(pollId))
        .onSuccess(f -> created(ctx, describe(f)))
        .onFailure(ctx::fail);
  }

  /** {@code GET /api/v1/polls/:id/followups}. */
  public void followUps(RoutingContext ctx) {
    String pollId = ctx.pathParam("id");
    pollOfCommunity(pollId, CommunityScope.of(ctx))
        .compose(v -> followUps.existing(pollId))
        .onSuccess(f -> Routes.json(ctx, describe(f)))
        .onFailure(ctx::fail);
  }

  // A poll another community's (or none): its follow-up is not found here either.
  private Future<Void> pollOfCommunity(String pollId, String community) {
    return polls.find(pollId, community).compose(stored -> stored == null
        ? Future.failedFuture(new HttpException(404, "There is no poll " + pollId))
        : Future.succeededFuture());
  }

  /** {@code GET /polls}: the public index page. */
  public void index(RoutingContext ctx) {
    index.page().onSuccess(html -> HtmlPages.send(ctx, 200, "no-cache", HtmlPages.WITH_IMAGES, html))
        .onFailure(ctx::fail);
  }

  private static void created(RoutingContext ctx, JsonObject body) {
    ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json; charset=utf-8").end(body.encode());
  }

  private static JsonObject describe(Proposal p) {
    return new JsonObject()
        .put("id", p.id())
        .put("status", p.status().apiName())
        .put("channel", p.channel())
        .put("chat", p.chat())
        .put("title", p.title())
        .put("description", p.description())
        .put("supports", p.supports())
        .put("threshold", p.threshold())
        .put("createdAt", p.createdAt().toString())
        .put("deadline", p.deadline().toString())
        .put("poll", p.pollId().isEmpty() ? null : p.pollId())
        .put("reason", p.reason().isEmpty() ? null : p.reason());
  }

  private static JsonObject poll(Poll poll) {
    return new JsonObject().put("id", poll.id()).put("question", poll.question())
        .put("options", new JsonArray(poll.options())).put("opensAt", poll.opensAt().toString())
        .put("closesAt", poll.closesAt().toString());
  }

  private static JsonObject describe(FollowUp f) {
    JsonArray steps = new JsonArray();
    f.steps().forEach(s -> steps.add(new JsonObject().put("at", s.at().toString()).put("text", s.text())
        .put("tickets", new JsonArray(s.tickets())).put("done", s.done())));
    return new JsonObject().put("poll", f.pollId()).put("proposal", f.proposalId().isEmpty() ? null : f.proposalId())
        .put("done", f.done()).put("steps", steps);
  }

  private static String text(JsonObject body, String field, String fallback) {
    Object v = body.getValue(field);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof String s)) {
      throw new HttpException(400, "\"" + field + "\" must be a text");
    }
    return s.strip();
  }
}
