package org.linli.bot.community;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.regex.Pattern;
import org.linli.bot.errors.BadRequest;
import org.linli.bot.text.Text;

/**
 * One community (社区) of the street office: its id (the {@code {c}} of {@code
 * /api/v1/communities/{c}/…}), its name, the chats that belong to it ({@code platform:chat}) and
 * the local facts its guide cards show. The register, polls, proposals, tickets and figures of a
 * chat are those of the chat's community; a chat no community names is the community {@value
 * #DEFAULT}'s, so a deployment that never creates one works as before.
 */
public record Community(String id, String name, List<String> chats, LocalFacts facts) {

  /** The community of every chat no other community names. */
  public static final String DEFAULT = "default";

  /** An id: 1 to 32 lower-case letters, digits and dashes, starting with a letter or digit. */
  public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

  private static final int LONGEST_NAME = 60;

  public Community {
    chats = List.copyOf(chats);
    facts = facts == null ? LocalFacts.NONE : facts;
    name = name == null || name.isBlank() ? id : name.strip();
  }

  /** True for the community {@value #DEFAULT}. */
  public boolean isDefault() {
    return DEFAULT.equals(id);
  }

  /** The same community under another name and facts. */
  public Community with(String name, LocalFacts facts) {
    return new Community(id, name, chats, facts);
  }

  /** As the REST API shows it. */
  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("name", name).put("chats", new JsonArray(chats))
        .put("office", facts.toJson());
  }

  /** The id as typed, checked: a bad request says what an id may be. */
  public static String checkedId(String id) {
    String c = id == null ? "" : id.strip();
    if (!ID.matcher(c).matches()) {
      throw new BadRequest(Text.COMMUNITY_ID_INVALID.of());
    }
    return c;
  }

  /** The name as typed, checked. */
  public static String checkedName(String name) {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty() || n.codePointCount(0, n.length()) > LONGEST_NAME || n.chars().anyMatch(ch -> ch < 0x20)) {
      throw new BadRequest(Text.COMMUNITY_NAME_INVALID.of(LONGEST_NAME));
    }
    return n;
  }
}
