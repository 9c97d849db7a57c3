package org.linli.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Every setting of the service, typed. Read with {@link SettingsLoader}; each record mirrors one
 * section of {@code config/application.yaml}, where every field is documented.
 */
public record Settings(
    Http http, Data data, Redis redis, Kb kb, Admin admin, Generic generic, Consultation consultation,
    Outbox outbox, Hub hub, Tickets tickets, Phones phones, Wecom wecom, Telegram telegram, Dingtalk dingtalk,
    Feishu feishu, Proposals proposals, Attachments attachments, Console console, Log log, Metrics metrics) {

  public Settings {
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(redis, "redis");
    Objects.requireNonNull(kb, "kb");
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(generic, "generic");
    Objects.requireNonNull(consultation, "consultation");
    Objects.requireNonNull(outbox, "outbox");
    Objects.requireNonNull(hub, "hub");
    Objects.requireNonNull(tickets, "tickets");
    Objects.requireNonNull(phones, "phones");
    Objects.requireNonNull(wecom, "wecom");
    Objects.requireNonNull(telegram, "telegram");
    Objects.requireNonNull(dingtalk, "dingtalk");
    Objects.requireNonNull(feishu, "feishu");
    Objects.requireNonNull(proposals, "proposals");
    attachments = attachments == null ? new Attachments(0, null, 0, null, null, null, null, null) : attachments;
    console = console == null ? new Console(null, 0, false) : console;
    log = log == null ? new Log(null) : log;
    metrics = metrics == null ? new Metrics(null) : metrics;
  }

  /**
   * The browser console under {@code /console/}: the first admin created at start when no account
   * exists ({@code user:password}), the minutes a session lives without use, and whether its cookie
   * is always marked {@code Secure} (behind a proxy that ends TLS) rather than only on https requests.
   */
  public record Console(Secret bootstrapAdmin, int sessionIdleMinutes, boolean secureCookies) {
    public Console {
      bootstrapAdmin = bootstrapAdmin == null ? Secret.none() : bootstrapAdmin;
      if (bootstrapAdmin.isSet() && !bootstrapAdmin.reveal().matches("[A-Za-z0-9][A-Za-z0-9._-]{1,31}:.+")) {
        throw new SettingsException("console.bootstrapAdmin must be user:password, the user 2 to 32 letters, digits,"
            + " dots, dashes or underscores");
      }
      sessionIdleMinutes = sessionIdleMinutes == 0 ? 60 : sessionIdleMinutes;
      if (sessionIdleMinutes < 1 || sessionIdleMinutes > 7 * 24 * 60) {
        throw new SettingsException("console.sessionIdleMinutes must be from 1 to 10080 (a week)");
      }
    }
  }

  /**
   * Photos residents send with a request for help: the largest accepted ({@code maxBytes}), the key
   * that signs the hub's download links (unset: one generated once under the data directory) and
   * how long a link stays valid ({@code linkDays}); where they are kept: a folder under the data
   * directory, or — when {@code s3Endpoint} is set, for several instances sharing one store — an
   * S3-compatible object store (its bucket, region and access key pair; path-style addressing).
   */
  public record Attachments(long maxBytes, Secret linkSecret, int linkDays, String s3Endpoint, String s3Bucket,
      String s3Region, String s3AccessKey, Secret s3SecretKey) {
    public Attachments {
      maxBytes = maxBytes == 0 ? 10L * 1024 * 1024 : maxBytes;
      if (maxBytes < 1024) {
        throw new SettingsException("attachments.maxBytes must be at least 1024");
      }
      linkSecret = linkSecret == null ? Secret.none() : linkSecret;
      if (linkSecret.isSet() && linkSecret.reveal().length() < 32) {
        throw new SettingsException(
            "attachments.linkSecret must be at least 32 characters (e.g. openssl rand -base64 32)");
      }
      linkDays = linkDays == 0 ? 30 : linkDays;
      if (linkDays < 1) {
        throw new SettingsException("attachments.linkDays must be at least 1");
      }
      s3Endpoint = s3Endpoint == null ? "" : s3Endpoint.strip().replaceAll("/+$", "");
      s3Bucket = s3Bucket == null ? "" : s3Bucket.strip();
      s3Region = s3Region == null || s3Region.isBlank() ? "us-east-1" : s3Region.strip();
      s3AccessKey = s3AccessKey == null ? "" : s3AccessKey.strip();
      s3SecretKey = s3SecretKey == null ? Secret.none() : s3SecretKey;
      if (!s3Endpoint.isEmpty()) {
        if (!s3Endpoint.startsWith("http://") && !s3Endpoint.startsWith("https://")) {
          throw new SettingsException("attachments.s3Endpoint must be an http:// or https:// URL");
        }
        if (s3Bucket.isEmpty()) {
          throw new SettingsException("attachments.s3Bucket must be set with attachments.s3Endpoint");
        }
        if (s3AccessKey.isEmpty() || !s3SecretKey.isSet()) {
          throw new SettingsException(
              "attachments.s3AccessKey and attachments.s3SecretKey must be set with attachments.s3Endpoint");
        }
      }
    }

    /** True when photos go to an S3-compatible object store rather than the data directory. */
    public boolean s3() {
      return !s3Endpoint.isEmpty();
    }
  }

  /**
   * The DingTalk enterprise-internal robot in HTTP mode: the app secret that signs every message
   * DingTalk posts to {@code /webhooks/dingtalk} (unset: that route refuses every call), and the
   * interactive cards that carry buttons in groups: the app's key (an enterprise-internal robot's
   * robotCode), the card template, the callback route key and its apiSecret, the public URL of
   * Linli's card route (blank: {@code http.publicUrl} + {@code /webhooks/dingtalk/cards}) and the
   * OpenAPI's address. Cards are on only when {@link #cardsOn()}.
   */
  public record Dingtalk(
      Secret appSecret, String appKey, String cardTemplateId, String cardCallbackRouteKey,
      Secret cardCallbackSecret, String cardCallbackUrl, String apiUrl) {
    public Dingtalk {
      appSecret = appSecret == null ? Secret.none() : appSecret;
      appKey = appKey == null ? "" : appKey.strip();
      cardTemplateId = cardTemplateId == null ? "" : cardTemplateId.strip();
      cardCallbackRouteKey = cardCallbackRouteKey == null || cardCallbackRouteKey.isBlank()
          ? "linli-cards"
          : cardCallbackRouteKey.strip();
      cardCallbackSecret = cardCallbackSecret == null ? Secret.none() : cardCallbackSecret;
      cardCallbackUrl = cardCallbackUrl == null ? "" : cardCallbackUrl.strip();
      apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://api.dingtalk.com" : apiUrl.strip().replaceAll("/+$", "");
      if (!apiUrl.matches("https?://.+")) {
        throw new SettingsException("dingtalk.apiUrl must be an http(s) URL, was '" + apiUrl + "'");
      }
      if (!cardCallbackUrl.isEmpty() && !cardCallbackUrl.matches("https?://.+")) {
        throw new SettingsException("dingtalk.cardCallbackUrl must be an http(s) URL, was '" + cardCallbackUrl + "'");
      }
    }

    /** True when buttons in groups go as interactive cards: app key and secret, template and callback secret set. */
    @JsonIgnore
    public boolean cardsOn() {
      return appSecret.isSet() && !appKey.isEmpty() && !cardTemplateId.isEmpty() && cardCallbackSecret.isSet();
    }
  }

  /**
   * The Feishu (Lark) app: its id and secret for the open API (sending), the encrypt key and
   * verification token of its event subscription (receiving on {@code /webhooks/feishu}), and the
   * open API's address ({@code https://open.feishu.cn}; {@code https://open.larksuite.com} for Lark).
   */
  public record Feishu(String appId, Secret appSecret, Secret encryptKey, Secret verificationToken, String apiUrl) {
    public Feishu {
      appId = appId == null ? "" : appId.strip();
      appSecret = appSecret == null ? Secret.none() : appSecret;
      encryptKey = encryptKey == null ? Secret.none() : encryptKey;
      verificationToken = verificationToken == null ? Secret.none() : verificationToken;
      apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://open.feishu.cn" : apiUrl.strip().replaceAll("/+$", "");
      if (!apiUrl.matches("https?://.+")) {
        throw new SettingsException("feishu.apiUrl must be an http(s) URL, was '" + apiUrl + "'");
      }
    }
  }

  /**
   * The WeCom (企业微信) channel: the callback Token and EncodingAESKey set in the admin console,
   * the corp id (the receiveid every callback must carry), the app's secret and agent id for
   * sending, the API address (a test server in tests), the bot's display name (how residents
   * {@code @} it in groups) and how many messages one chat may receive per minute.
   */
  public record Wecom(
      Secret token, Secret aesKey, String corpId, Secret secret, String agentId, String apiUrl, String botName,
      int perChatPerMinute) {
    public Wecom {
      token = token == null ? Secret.none() : token;
      aesKey = aesKey == null ? Secret.none() : aesKey;
      secret = secret == null ? Secret.none() : secret;
      corpId = corpId == null ? "" : corpId.strip();
      agentId = agentId == null ? "" : agentId.strip();
      botName = botName == null ? "" : botName.strip();
      apiUrl = apiUrl == null || apiUrl.isBlank()
          ? "https://qyapi.weixin.qq.com"
          : apiUrl.strip().replaceAll("/+$", "");
      if (aesKey.isSet() && !aesKey.reveal().matches("[A-Za-z0-9+/]{43}")) {
        throw new SettingsException("wecom.aesKey (the EncodingAESKey) must be the 43 letters and digits shown in the "
            + "WeCom admin console");
      }
      if (!agentId.isEmpty() && !agentId.matches("\\d+")) {
        throw new SettingsException("wecom.agentId must be the app's numeric AgentId, was '" + agentId + "'");
      }
      if (!apiUrl.matches("https?://.+")) {
        throw new SettingsException("wecom.apiUrl must be an http(s) URL, was '" + apiUrl + "'");
      }
      if (perChatPerMinute < 1) {
        throw new SettingsException("wecom.perChatPerMinute must be at least 1");
      }
    }
  }

  /**
   * The help-line hub requests for help are forwarded to: its URL, how it is spoken to ({@code
   * webhooks}: Standard Webhooks signed JSON; {@code open311}: GeoReport v2 {@code POST
   * /requests.json}; {@code builtin}: no hub system, operators work the tickets in Linli itself
   * and nothing is sent out — then without a URL), the Standard Webhooks secret ({@code whsec_<base64>}) that signs what we send
   * and verifies what the hub sends back, the Open311 api key, the bearer token the hub uses on
   * the ticket API, and its Open311 service code.
   */
  public record Hub(String url, String mode, Secret secret, Secret apiKey, Secret token, String serviceCode) {
    public Hub {
      url = url == null ? "" : url.strip().replaceAll("/+$", "");
      mode = mode == null || mode.isBlank() ? "webhooks" : mode.strip();
      if (!mode.equals("webhooks") && !mode.equals("open311") && !mode.equals("builtin")) {
        throw new SettingsException("hub.mode must be webhooks, open311 or builtin, was '" + mode + "'");
      }
      if (!url.isEmpty() && !url.matches("https?://.+")) {
        throw new SettingsException("hub.url must be an http(s) URL, was '" + url + "'");
      }
      if (mode.equals("builtin") && !url.isEmpty()) {
        throw new SettingsException("hub.mode builtin sends nothing to a hub, but hub.url is set ('" + url
            + "'): unset LINLI_HUB_URL, or choose LINLI_HUB_MODE=webhooks or open311");
      }
      serviceCode = serviceCode == null ? "" : serviceCode.strip();
    }

    /** True when the help-line has no hub system: operators work tickets in Linli, nothing is sent out. */
    public boolean builtin() {
      return mode.equals("builtin");
    }
  }

  /**
   * Requests for help: how many a resident may open per hour, the promised time limits per
   * category ({@code category=limit} pairs, comma-separated, with {@code default}; a limit is hours
   * {@code 4h} (or a bare number), {@code 30m}, {@code 20s}, or working days {@code 2wd}), the
   * community's moderators to tell when a ticket is overdue ({@code platform:chat} pairs), how long
   * after a rating the resident's next message is taken as its comment, and the working-day
   * calendar file (blank: the one shipped).
   */
  public record Tickets(int perResidentPerHour, String timeLimitHours, String moderatorChats, int commentMinutes,
      String calendarFile) {
    public Tickets {
      if (perResidentPerHour < 1) {
        throw new SettingsException("tickets.perResidentPerHour must be at least 1");
      }
      if (commentMinutes < 1) {
        throw new SettingsException("tickets.commentMinutes must be at least 1");
      }
      timeLimitHours = timeLimitHours == null ? "" : timeLimitHours;
      moderatorChats = moderatorChats == null ? "" : moderatorChats;
      calendarFile = calendarFile == null ? "" : calendarFile.strip();
      for (String pair : timeLimitHours.split(",")) {
        if (!pair.isBlank() && !pair.strip().matches("[a-z_]+=[1-9]\\d{0,5}(wd|[hms])?")) {
          throw new SettingsException("tickets.timeLimitHours takes category=limit pairs, a limit in hours (48, 4h),"
              + " minutes (30m), seconds (20s) or working days (2wd): emergency=2h,repair=2wd,default=3wd; '"
              + pair.strip() + "' is not one");
        }
      }
    }
  }

  /**
   * The numbers replies tell residents to call: the community help-line (12345 on the mainland)
   * and the emergency services (police, fire, ambulance: 110, 119, 120).
   */
  public record Phones(String hotline, String police, String fire, String ambulance) {
    public Phones {
      hotline = number("phones.hotline", hotline);
      police = number("phones.police", police);
      fire = number("phones.fire", fire);
      ambulance = number("phones.ambulance", ambulance);
    }

    private static String number(String name, String value) {
      String number = value == null ? "" : value.strip();
      if (!number.matches("[0-9][0-9 ()+-]{1,19}")) {
        throw new SettingsException(name + " must be a phone number (digits), was '" + number + "'");
      }
      return number;
    }
  }

  /** The HTTP server. */
  public record Http(String host, int port, String publicUrl, int bodyLimitBytes, int eventLoops) {
    public Http {
      if (eventLoops < 0) {
        throw new SettingsException("http.eventLoops must be 0 (one per core) or more");
      }
      if (port < 0 || port > 65535) {
        throw new SettingsException("http.port must be 0-65535, was " + port);
      }
      if (bodyLimitBytes < 1024) {
        throw new SettingsException("http.bodyLimitBytes must be at least 1024");
      }
      publicUrl = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
    }
  }

  /** Where the service keeps its files (embedded Redis data, native libraries, caches). */
  public record Data(String dir) {
    @JsonIgnore
    public Path path() {
      return Path.of(dir == null || dir.isBlank() ? "./data" : dir).toAbsolutePath().normalize();
    }
  }

  /**
   * Redis: the embedded one when no address is set, else an external {@code standalone} server
   * ({@code url}, or one of {@code endpoints}), a {@code sentinel} set (its sentinels as
   * {@code endpoints}, the set's {@code masterName}) or a {@code cluster} (some of its nodes as
   * {@code endpoints}). Passwords and TLS go in the {@code redis://} / {@code rediss://} URLs.
   */
  public record Redis(String url, String type, List<String> endpoints, String masterName, int embeddedPort,
      int poolSize, int waitReplicas) {

    /** The topologies the service can use. */
    public static final List<String> TYPES = List.of("standalone", "sentinel", "cluster");

    public Redis {
      url = url == null ? "" : url.strip();
      type = type == null || type.isBlank() ? "standalone" : type.strip().toLowerCase(Locale.ROOT);
      endpoints = endpoints == null
          ? List.of()
          : endpoints.stream().map(String::strip).filter(e -> !e.isEmpty())
              .toList();
      masterName = masterName == null ? "" : masterName.strip();
      if (!TYPES.contains(type)) {
        throw new SettingsException("redis.type must be standalone, sentinel or cluster, was '" + type + "'");
      }
      for (String endpoint : endpoints) {
        if (!endpoint.matches("rediss?://.+")) {
          throw new SettingsException("redis.endpoints takes redis:// or rediss:// URLs, comma-separated; one was '"
              + endpoint.replaceAll("//[^@/]*@", "//********@") + "'");
        }
      }
      if (!url.isEmpty() && !endpoints.isEmpty()) {
        throw new SettingsException("set redis.url or redis.endpoints, not both");
      }
      if (type.equals("standalone") && endpoints.size() > 1) {
        throw new SettingsException("a standalone Redis has one address; redis.endpoints names " + endpoints.size()
            + " (set redis.type to sentinel or cluster)");
      }
      if (!type.equals("standalone") && endpoints.isEmpty()) {
        throw new SettingsException("redis.type " + type + " needs redis.endpoints: "
            + (type.equals("sentinel") ? "the sentinels' redis:// URLs" : "redis:// URLs of some cluster nodes"));
      }
      if (type.equals("sentinel") && masterName.isEmpty()) {
        throw new SettingsException("redis.type sentinel needs redis.masterName, the name the sentinels monitor");
      }
      if (waitReplicas < 0 || waitReplicas > 16) {
        throw new SettingsException("redis.waitReplicas is how many replicas must have a write before it is"
            + " acknowledged, 0 to 16; was " + waitReplicas);
      }
      if (waitReplicas > 0 && url.isEmpty() && endpoints.isEmpty()) {
        throw new SettingsException("redis.waitReplicas needs an external Redis with replicas; the embedded one has"
            + " none (set it to 0)");
      }
    }

    /** Whether the service starts its own Redis (no address set). */
    @JsonIgnore
    public boolean embedded() {
      return url.isEmpty() && endpoints.isEmpty();
    }

    /** The addresses to connect to: {@code endpoints}, or {@code url} alone (empty when embedded). */
    @JsonIgnore
    public List<String> nodes() {
      return endpoints.isEmpty() ? (url.isEmpty() ? List.of() : List.of(url)) : endpoints;
    }
  }

  /** The knowledge base and its retrieval. */
  public record Kb(
      String dir,
      boolean watch,
      boolean semantic,
      int workerThreads,
      int modelThreads,
      double threshold,
      int maxAlternatives,
      String calibration,
      boolean selfCalibrate) {
    public Kb {
      calibration = calibration == null ? "" : calibration.strip();
      if (workerThreads < 1) {
        throw new SettingsException("kb.workerThreads must be at least 1");
      }
      if (modelThreads < 1) {
        throw new SettingsException("kb.modelThreads must be at least 1");
      }
      if (threshold > 1) {
        throw new SettingsException("kb.threshold is a confidence between 0 and 1 (or -1 for the calibrated one)");
      }
    }

    /** True when the shipped entries (inside the jar) are used. */
    @JsonIgnore
    public boolean shipped() {
      return dir == null || dir.isBlank();
    }
  }

  /** The administrators' API. */
  public record Admin(Secret token) {
  }

  /** The layout of the log lines: {@code text} (for a terminal) or {@code json} (for a collector). */
  public record Log(String format) {
    public Log {
      format = format == null || format.isBlank() ? "text" : format.strip().toLowerCase(Locale.ROOT);
      if (!format.equals("text") && !format.equals("json")) {
        throw new SettingsException("log.format must be text or json, was '" + format + "'");
      }
    }
  }

  /** {@code GET /metrics}: the bearer token a Prometheus scraper sends (the admin token works too). */
  public record Metrics(Secret token) {
    public Metrics {
      token = token == null ? Secret.none() : token;
    }
  }

  /**
   * The generic chat channel for community apps: the token the app sends us, and where messages
   * that are not replies (poll announcements, reminders, results) are POSTed, with the token sent
   * there as bearer.
   */
  public record Generic(Secret token, String outboundUrl, Secret outboundToken) {
    public Generic {
      outboundUrl = outboundUrl == null ? "" : outboundUrl.strip();
      if (!outboundUrl.isEmpty() && !outboundUrl.matches("https?://.+")) {
        throw new SettingsException("generic.outboundUrl must be an http(s) URL, was '" + outboundUrl + "'");
      }
    }
  }

  /**
   * The durable outbox for messages the service sends on its own: how often each instance looks
   * for due messages, and the retry delays in seconds (the last one spent, a message becomes a
   * dead letter).
   */
  public record Outbox(int pollMillis, List<Integer> retrySeconds) {
    public Outbox {
      if (pollMillis < 10) {
        throw new SettingsException("outbox.pollMillis must be at least 10");
      }
      retrySeconds = List.copyOf(retrySeconds == null ? List.of() : retrySeconds);
      if (retrySeconds.stream().anyMatch(s -> s == null || s < 0)) {
        throw new SettingsException("outbox.retrySeconds must be zero or more seconds each");
      }
    }
  }

  /**
   * Consultations: who may open and close polls, as {@code chat:user} pairs separated by commas
   * ({@code *:user} for every chat), the community's time zone for dates without an offset, how
   * long a household binding code stays valid, the font file for chart labels (blank: the first
   * installed font that shows Chinese), how many wrong binding codes are accepted within
   * {@code bindingWrongCodesWindowMinutes} from one identity, from the members of one household
   * and from the whole community before binding pauses (for them, or for everyone), and the key
   * that seals the per-poll key of a secret ballot while it is open (unset: a key generated once
   * into {@code <data>/keys}).
   */
  public record Consultation(
      String moderators, String zone, int bindingCodeHours, String chartFont, int bindingWrongCodesPerIdentity,
      int bindingWrongCodesPerHousehold, int bindingWrongCodesPerCommunity, int bindingWrongCodesWindowMinutes,
      Secret ballotSealKey) {
    public Consultation {
      if (bindingWrongCodesPerIdentity < 1 || bindingWrongCodesPerHousehold < 1 || bindingWrongCodesPerCommunity < 1) {
        throw new SettingsException("consultation.bindingWrongCodesPerIdentity, …PerHousehold and …PerCommunity must"
            + " each be at least 1");
      }
      if (bindingWrongCodesWindowMinutes < 1) {
        throw new SettingsException("consultation.bindingWrongCodesWindowMinutes must be at least 1");
      }
      moderators = moderators == null ? "" : moderators;
      ballotSealKey = ballotSealKey == null ? Secret.none() : ballotSealKey;
      if (ballotSealKey.isSet() && ballotSealKey.reveal().length() < 32) {
        throw new SettingsException(
            "consultation.ballotSealKey must be at least 32 characters (e.g. openssl rand -base64 32)");
      }
      chartFont = chartFont == null ? "" : chartFont.strip();
      if (bindingCodeHours < 1) {
        throw new SettingsException("consultation.bindingCodeHours must be at least 1");
      }
      try {
        ZoneId.of(zone);
      } catch (RuntimeException e) {
        throw new SettingsException("consultation.zone '" + zone + "' is not a time zone (e.g. Asia/Shanghai)");
      }
    }
  }

  /**
   * The Telegram bot: its token from BotFather, the Bot API address, how updates arrive ({@code
   * webhook}: Telegram POSTs them to {@code /webhooks/telegram}; {@code polling}: the service asks
   * with {@code getUpdates}), the secret Telegram sends in {@code X-Telegram-Bot-Api-Secret-Token},
   * and the bot's username (blank: learned with {@code getMe}).
   */
  public record Telegram(Secret token, String apiUrl, String mode, Secret secret, String botUsername) {
    public Telegram {
      token = token == null ? Secret.none() : token;
      secret = secret == null ? Secret.none() : secret;
      apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://api.telegram.org" : apiUrl.strip().replaceAll("/+$", "");
      if (!apiUrl.matches("https?://.+")) {
        throw new SettingsException("telegram.apiUrl must be an http(s) URL, was '" + apiUrl + "'");
      }
      mode = mode == null || mode.isBlank() ? "webhook" : mode.strip().toLowerCase(Locale.ROOT);
      if (!mode.equals("webhook") && !mode.equals("polling")) {
        throw new SettingsException("telegram.mode must be webhook or polling, was '" + mode + "'");
      }
      if (secret.isSet() && !secret.reveal().matches("[A-Za-z0-9_-]{1,256}")) {
        throw new SettingsException(
            "telegram.secret may hold only A-Z, a-z, 0-9, _ and - (1-256 characters), as Telegram's secret_token does");
      }
      botUsername = botUsername == null ? "" : botUsername.strip().replaceFirst("^@", "");
    }

    /** True when updates are fetched with {@code getUpdates} rather than received on the webhook. */
    @JsonIgnore
    public boolean polling() {
      return mode.equals("polling");
    }
  }

  /**
   * Residents' proposals (议题征集、附议): how many supports a proposal needs (the proposer's own
   * included), within how many days of being raised, to reach the moderators' agenda; and the
   * discussion and voting periods of the poll an accepted proposal becomes, unless the moderator
   * gives others.
   */
  public record Proposals(int supportsNeeded, int withinDays, int discussionHours, int votingHours) {
    public Proposals {
      if (supportsNeeded < 1) {
        throw new SettingsException("proposals.supportsNeeded must be at least 1");
      }
      if (withinDays < 1 || withinDays > 365) {
        throw new SettingsException("proposals.withinDays must be between 1 and 365");
      }
      if (discussionHours < 0 || discussionHours > 24 * 90) {
        throw new SettingsException("proposals.discussionHours must be between 0 and 2160 (90 days)");
      }
      if (votingHours < 1 || votingHours > 24 * 90) {
        throw new SettingsException("proposals.votingHours must be between 1 and 2160 (90 days)");
      }
    }
  }
}
