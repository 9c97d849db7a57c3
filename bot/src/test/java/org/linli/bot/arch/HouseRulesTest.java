package org.linli.bot.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.linli.bot.LinliVerticle;
import org.linli.config.Settings;
import org.linli.kb.KnowledgeBase;
import org.linli.webhooks.ChatEvent;

/**
 * The module and package rules of the house, checked on the compiled main classes of every module
 * (the bot's tests see them all): knowledge-base needs no Vert.x, webhooks knows no bot, config
 * knows none of the others, HTTP types stay in the HTTP packages, and bot's packages form no
 * cycle. {@link KnownExceptions} lists what today's code still does otherwise, so the list can
 * only shrink.
 */
@AnalyzeClasses(locations = HouseRulesTest.MainClasses.class)
class HouseRulesTest {

  /**
   * Where the main classes of the four modules are (a classes folder or a jar, as the build puts
   * them on the class path): only these are read, not the test classes nor the libraries.
   */
  static final class MainClasses implements LocationProvider {
    @Override
    public Set<Location> get(Class<?> testClass) {
      return Stream.of(Settings.class, KnowledgeBase.class, ChatEvent.class, LinliVerticle.class)
          .map(c -> Location.of(c.getProtectionDomain().getCodeSource().getLocation()))
          .collect(Collectors.toSet());
    }
  }

  /** No class of {@code module} depends on a class of {@code others}. */
  private static ArchRule knowsNone(String module, String because, String... others) {
    return noClasses()
        .that().resideInAPackage(module)
        .should().dependOnClassesThat().resideInAnyPackage(others)
        .because(because);
  }

  /** Vert.x server-side HTTP: routers, handlers, requests, responses, headers. */
  private static final String[] HTTP = {"io.vertx.ext.web", "io.vertx.ext.web.handler..", "io.vertx.core.http.."};

  @ArchTest
  static final ArchRule the_knowledge_base_needs_no_vertx_and_knows_no_edge_or_bot = knowsNone("org.linli.kb..",
      "the knowledge base is a plain library: it answers questions, it serves nothing", "io.vertx..",
      "org.linli.webhooks..", "org.linli.bot..");

  @ArchTest
  static final ArchRule the_edge_knows_no_bot = knowsNone("org.linli.webhooks..",
      "webhooks speaks to chat platforms and hubs; what to answer is the bot's business", "org.linli.bot..",
      "org.linli.kb..");

  @ArchTest
  static final ArchRule settings_know_none_of_the_others = knowsNone("org.linli.config..",
      "every module reads its settings; settings read no module", "org.linli.kb..", "org.linli.webhooks..",
      "org.linli.bot..");

  @ArchTest
  static final ArchRule bot_http_types_stay_in_http_packages = noClasses()
      .that().resideInAPackage("org.linli.bot..")
      .and().resideOutsideOfPackage("..http..")
      .and(DescribedPredicate.not(KnownExceptions.HTTP_OUTSIDE_HTTP))
      .should().dependOnClassesThat().resideInAnyPackage(HTTP)
      .because("routes and handlers live in http packages; services raise domain errors");

  @ArchTest
  static final ArchRule in_webhooks_http_types_stay_in_the_platform_packages = noClasses()
      .that().resideInAPackage("org.linli.webhooks")
      .and().haveSimpleNameNotContaining("Platform")
      .should().dependOnClassesThat().resideInAnyPackage(HTTP)
      .because("each platform package is the edge; the shared model (events, replies, senders) is plain");

  @ArchTest
  static void bot_packages_form_no_new_dependency_ring(JavaClasses classes) {
    KnownExceptions.assertNoNewCycles(classes);
  }
}
