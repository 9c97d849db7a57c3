package org.linli.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.config.SettingsLoader;

/** The factory finds every built-in platform on the class path and answers for their capabilities. */
class ChatPlatformsTest {

  private Vertx vertx;
  private WebClient web;
  private PlatformContext context;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    web = WebClient.create(vertx);
    context = new PlatformContext(vertx, web, new SettingsLoader().load(Map.of()),
        key -> Future.succeededFuture(true), null, path -> null);
  }

  @AfterEach
  void stop() throws Exception {
    web.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void the_built_in_platforms_are_found_on_the_class_path_in_name_order() throws Exception {
    ChatPlatforms platforms = await(ChatPlatforms.fromSettings(context));

    assertThat(platforms.all()).extracting(ChatPlatform::name)
        .containsExactly("dingtalk", "feishu", "generic", "telegram", "wecom");
    assertThat(platforms.senders()).extracting(ChannelSender::platform)
        .containsExactly("dingtalk", "feishu", "generic", "telegram", "wecom");
  }

  @Test
  void domain_code_asks_capabilities_by_platform_name() throws Exception {
    ChatPlatforms platforms = await(ChatPlatforms.fromSettings(context));

    assertThat(platforms.has("telegram", Capability.EDITS_MESSAGES)).isTrue();
    assertThat(platforms.has("feishu", Capability.EDITS_MESSAGES)).isFalse();
    assertThat(platforms.has("dingtalk", Capability.PRIVATE_MESSAGES)).isFalse();
    assertThat(platforms.has("wecom", Capability.PRIVATE_MESSAGES)).isTrue();
    assertThat(platforms.of("a platform nobody built")).isEmpty();
  }

  @Test
  void a_provider_that_leaves_its_platform_out_adds_nothing_and_two_platforms_of_one_name_are_refused() {
    ChatPlatform.Provider none = c -> Future.succeededFuture(Optional.empty());
    ChatPlatform.Provider named = c -> Future.succeededFuture(Optional.of(platform("same")));

    assertThat(await(ChatPlatforms.from(List.of(none, named), context)).all()).extracting(ChatPlatform::name)
        .containsExactly("same");
    assertThatThrownBy(() -> await(ChatPlatforms.from(List.of(named, named), context)))
        .hasMessageContaining("Two chat platforms are named same");
  }

  private static ChatPlatform platform(String name) {
    return new ChatPlatform() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Set<Capability> capabilities() {
        return Set.of();
      }

      @Override
      public ChannelSender sender() {
        return null;
      }

      @Override
      public void mount(Router router, Handler<RoutingContext> body, ChatService service) {
      }
    };
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
