package org.linli.webhooks;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import org.linli.config.SettingsLoader;

/**
 * The factory of the chat platforms: every {@link ChatPlatform.Provider} on the class path (found
 * with {@link ServiceLoader}) builds its platform from the settings. Adding a platform is adding a
 * package with its provider; nothing here or in the service names one.
 */
public final class ChatPlatforms implements Capabilities {

  private final List<ChatPlatform> platforms;

  private ChatPlatforms(List<ChatPlatform> platforms) {
    this.platforms = List.copyOf(platforms);
  }

  /** The platforms the providers on the class path build from {@code context}, in name order. */
  public static Future<ChatPlatforms> fromSettings(PlatformContext context) {
    List<ChatPlatform.Provider> providers = new ArrayList<>();
    ServiceLoader.load(ChatPlatform.Provider.class).forEach(providers::add);
    return from(providers, context);
  }

  /** The platforms {@code providers} build from {@code context}, in name order. */
  public static Future<ChatPlatforms> from(List<ChatPlatform.Provider> providers, PlatformContext context) {
    List<Future<Optional<ChatPlatform>>> built = providers.stream().map(p -> p.create(context)).toList();
    return Future.all(built).map(all -> {
      TreeMap<String, ChatPlatform> byName = new TreeMap<>();
      for (Future<Optional<ChatPlatform>> one : built) {
        one.result().ifPresent(p -> {
          if (byName.putIfAbsent(p.name(), p) != null) {
            throw new IllegalStateException("Two chat platforms are named " + p.name());
          }
        });
      }
      return new ChatPlatforms(new ArrayList<>(byName.values()));
    });
  }

  /** The platforms, in name order. */
  public List<ChatPlatform> all() {
    return platforms;
  }

  /** Every platform's sender, for the outbox. */
  public List<ChannelSender> senders() {
    return platforms.stream().map(ChatPlatform::sender).toList();
  }

  /** The capabilities of the platform named {@code platform}; none for a platform not built. */
  @Override
  public Set<Capability> of(String platform) {
    return platforms.stream().filter(p -> p.name().equals(platform)).findFirst()
        .map(ChatPlatform::capabilities).orElse(Set.of());
  }

  /**
   * A setting by its dotted path from the process environment (the {@link SettingsLoader}
   * naming rule: {@code echo.token} is {@code LINLI_ECHO_TOKEN}), else from the system property
   * {@code linli.echo.token}; null when neither is set.
   */
  public static String fromEnvironment(String path) {
    String value = System.getenv(SettingsLoader.variableFor(path));
    return value != null ? value : System.getProperty("linli." + path);
  }
}
