package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A community created on one instance is known at once on a second instance on the same Redis,
 * for the REST API and for the console alike: an instance that does not know a community reads
 * the communities again before it answers 404, instead of waiting for its next refresh.
 */
class CommunitiesAcrossInstancesTest {

  @TempDir
  Path data;

  @TempDir
  Path otherData;

  private static final Map<String, String> BOOTSTRAP = Map.of("LINLI_CONSOLE_BOOTSTRAP_ADMIN",
      "boss:correct-horse-battery");

  @Test
  void a_community_created_on_one_instance_opens_at_once_on_the_other_in_the_console_and_the_api() {
    try (RunningService one = RunningService.start(data, BOOTSTRAP)) {
      Map<String, String> shared = new java.util.HashMap<>(BOOTSTRAP);
      shared.put("LINLI_REDIS_URL", one.verticle.redisUrl());
      try (RunningService two = RunningService.start(otherData, shared)) {
        ConsoleBrowserSession boss = ConsoleBrowserSession.signedIn(two.client, "boss", "correct-horse-battery");
        // Both instances have read the communities once; now one creates two of them.
        for (String id : new String[]{"xinghe", "yuehu"}) {
          JsonObject community = new JsonObject().put("id", id).put("name", id + "社区");
          assertThat(one.post("/api/v1/communities", community.encode(), RunningService.ADMIN).statusCode())
              .isEqualTo(201);
        }

        assertThat(boss.get("/console/communities/xinghe").statusCode()).isEqualTo(200);
        assertThat(boss.get("/console/households?c=yuehu").statusCode()).isEqualTo(200);
        assertThat(two.get("/api/v1/communities/xinghe/households", RunningService.ADMIN).statusCode())
            .isEqualTo(200);
        assertThat(boss.get("/console/communities/nowhere").statusCode()).isEqualTo(404);
        assertThat(boss.get("/console/households?c=nowhere").statusCode()).isEqualTo(404);
      }
    }
  }
}
