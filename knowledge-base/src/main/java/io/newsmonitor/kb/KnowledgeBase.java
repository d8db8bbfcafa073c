package io.newsmonitor.kb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The knowledge base: a versioned list of entries loaded from a JSON file, and the lookup of a term (a canonical name, an id
 * or any alias, honouring its case sensitivity) to an entry. Immutable and thread-safe.
 *
 * <p>The file holds {@code version}, optionally {@code description} and {@code languages} (those its wordings cover, e.g.
 * {@code ["en", "fr"]}), and {@code entries}. Each entry has {@code id}, {@code type} and {@code name}, and optionally:
 * <ul>
 *   <li>{@code aliases}: a string matches in any case; an object {@code {"text": "US", "caseSensitive": true, "requires": …,
 *       "excludes": …, "alsoFirstName": …, "alsoSurname": …}} only in that case, under its own condition, and not where it
 *       is a person's name ({@link Alias});</li>
 *   <li>{@code links}: ids of related entries; {@code parent}: the broader entry of a topic;</li>
 *   <li>{@code requires} and {@code excludes}: the entry's {@link Condition}, lists of groups; a group is a list of terms or
 *       {@code {"anyOf": [terms], "window": 200}} ({@link TermGroup}). A term is an entry id or a word or phrase.</li>
 * </ul>
 * Everything is checked at load time; a broken file fails with an {@link InvalidKnowledgeBaseException} naming the entry.
 * Two entries may share a wording only when both have a condition on it, so that the article's context decides.
 */
public final class KnowledgeBase {

  /** Classpath location of the knowledge base shipped with this module. */
  public static final String DEFAULT_RESOURCE = "io/newsmonitor/kb/knowledge-base.json";

  private static final Pattern ID = Pattern.compile("^([a-z]+):[a-z0-9][a-z0-9.-]*$");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final Set<String> ROOT_FIELDS = Set.of("version", "description", "languages", "entries");
  private static final Set<String> ENTRY_FIELDS = Set.of("id", "type", "name", "aliases", "links", "parent", "requires", "excludes");
  private static final Set<String> ALIAS_FIELDS = Set.of("text", "caseSensitive", "requires", "excludes", "alsoFirstName", "alsoSurname");
  private static final Set<String> GROUP_FIELDS = Set.of("anyOf", "window");

  private final String version;
  private final List<String> languages;
  private final List<KbEntry> entries;
  private final Map<String, KbEntry> byId;
  /** Folded normalised wording → the entries' aliases with that wording; case-sensitive ones first. */
  private final Map<String, List<Wording>> byWording;

  private KnowledgeBase(String version, List<String> languages, List<KbEntry> entries) {
    this.version = version;
    this.languages = List.copyOf(languages);
    this.entries = List.copyOf(entries);
    Map<String, KbEntry> ids = new LinkedHashMap<>();
    for (KbEntry entry : entries) {
      ids.put(entry.id(), entry);
    }
    this.byId = Map.copyOf(ids);
    this.byWording = indexWordings(entries);
  }

  /** The knowledge base shipped in this module's resources ({@value #DEFAULT_RESOURCE}). */
  public static KnowledgeBase loadDefault() {
    return DefaultHolder.INSTANCE;
  }

  /**
   * Loads a knowledge-base file.
   *
   * @throws InvalidKnowledgeBaseException when the file cannot be read or breaks the format
   */
  public static KnowledgeBase load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (IOException e) {
      throw new InvalidKnowledgeBaseException("cannot read knowledge base " + file + ": " + e.getMessage(), e);
    }
  }

  /** The version of the data, as written in the file; enrich-service stamps it on every enriched article. */
  public String version() {
    return version;
  }

  /** The languages whose wordings the knowledge base covers (ISO 639-1, e.g. {@code en}, {@code fr}); may be empty. */
  public List<String> languages() {
    return languages;
  }

  /** How many entries of each type, in {@link KbEntry#TYPES} order. */
  public Map<String, Long> countByType() {
    Map<String, Long> counts = new LinkedHashMap<>();
    KbEntry.TYPES.forEach(type -> counts.put(type, entries.stream().filter(e -> e.type().equals(type)).count()));
    return counts;
  }

  /** How many wordings all entries have together, canonical names included. */
  public int aliasCount() {
    return entries.stream().mapToInt(e -> e.aliases().size()).sum();
  }

  /** Every entry, in file order. */
  public List<KbEntry> entries() {
    return entries;
  }

  /** The entry with this id, e.g. {@code country:jp}. */
  public Optional<KbEntry> byId(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id.strip().toLowerCase(Locale.ROOT)));
  }

  /**
   * The entry a term names: its id, canonical name or one of its aliases. The term is normalised like article text
   * (white space, curly quotes, {@code Ⅱ}) and may be quoted, so {@code Japan}, {@code japanese}, {@code country:jp},
   * {@code Pillar II}, {@code pillar ii} and {@code "Pillar Ⅱ"} all resolve; a case-sensitive alias only resolves in its
   * case ({@code US} is the United States, {@code us} is nothing).
   */
  public Optional<KbEntry> resolve(String term) {
    if (term == null) {
      return Optional.empty();
    }
    String normalized = TextNormalizer.normalizeTerm(term);
    if (normalized.isEmpty()) {
      return Optional.empty();
    }
    String folded = TextNormalizer.fold(normalized);
    KbEntry entry = byId.get(folded);
    if (entry != null) {
      return Optional.of(entry);
    }
    for (Wording wording : byWording.getOrDefault(folded, List.of())) {
      if (!wording.caseSensitive() || wording.text().equals(normalized)) {
        return Optional.of(wording.entry());
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "knowledge base " + version + ": " + entries.size() + " entries " + countByType() + ", " + aliasCount() + " aliases";
  }

  private static KnowledgeBase parse(InputStream in, String source) throws IOException {
    JsonNode root;
    try {
      root = MAPPER.readTree(in);
    } catch (IOException e) {
      throw new InvalidKnowledgeBaseException(source + " is not JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new InvalidKnowledgeBaseException(source + ": expected a JSON object with version and entries");
    }
    checkFields(root, ROOT_FIELDS, source);
    String version = text(root, "version", source);
    List<String> languages = new ArrayList<>();
    for (JsonNode language : array(root, "languages", source)) {
      languages.add(language.asText());
    }
    JsonNode entriesNode = root.get("entries");
    if (entriesNode == null || !entriesNode.isArray()) {
      throw new InvalidKnowledgeBaseException(source + ": entries must be an array");
    }
    List<KbEntry> entries = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    for (JsonNode node : entriesNode) {
      KbEntry entry = parseEntry(node, source);
      if (!ids.add(entry.id())) {
        throw new InvalidKnowledgeBaseException(source + ": duplicate id " + entry.id());
      }
      entries.add(entry);
    }
    for (KbEntry entry : entries) {
      String where = source + ": entry " + entry.id();
      for (String link : entry.links()) {
        if (!ids.contains(link)) {
          throw new InvalidKnowledgeBaseException(where + " links to unknown id " + link);
        }
      }
      if (entry.parent() != null && !ids.contains(entry.parent())) {
        throw new InvalidKnowledgeBaseException(where + ": unknown parent " + entry.parent());
      }
      checkTermIds(entry.condition(), ids, where);
      for (Alias alias : entry.aliases()) {
        checkTermIds(alias.condition(), ids, where + ", alias '" + alias.text() + "'");
      }
    }
    checkParentCycles(entries, source);
    checkAmbiguousWordings(entries, source);
    return new KnowledgeBase(version, languages, entries);
  }

  private static KbEntry parseEntry(JsonNode node, String source) {
    if (!node.isObject()) {
      throw new InvalidKnowledgeBaseException(source + ": every entry must be an object, found " + node);
    }
    String id = text(node, "id", source);
    String where = source + ": entry " + id;
    checkFields(node, ENTRY_FIELDS, where);
    var idMatch = ID.matcher(id);
    if (!idMatch.matches()) {
      throw new InvalidKnowledgeBaseException(where + ": id must look like <type>:<lower-case-slug>");
    }
    String type = text(node, "type", where);
    if (!KbEntry.TYPES.contains(type)) {
      throw new InvalidKnowledgeBaseException(where + ": unknown type " + type + ", expected one of " + KbEntry.TYPES);
    }
    if (!idMatch.group(1).equals(type)) {
      throw new InvalidKnowledgeBaseException(where + ": id must start with its type " + type + ":");
    }
    String name = text(node, "name", where);

    List<Alias> explicit = new ArrayList<>();
    for (JsonNode a : array(node, "aliases", where)) {
      if (a.isTextual()) {
        explicit.add(alias(a.asText(), false, Condition.NONE, where));
      } else if (a.isObject() && a.hasNonNull("text")) {
        String aliasWhere = where + ", alias '" + a.get("text").asText() + "'";
        checkFields(a, ALIAS_FIELDS, aliasWhere);
        Alias alias = alias(a.get("text").asText(), flag(a, "caseSensitive", aliasWhere), condition(a, aliasWhere), where);
        explicit.add(new Alias(alias.text(), alias.caseSensitive(), alias.condition(), flag(a, "alsoFirstName", aliasWhere),
            flag(a, "alsoSurname", aliasWhere)));
      } else {
        throw new InvalidKnowledgeBaseException(where + ": an alias is a string or {\"text\": ..., \"caseSensitive\": ..., "
            + "\"requires\": ..., \"excludes\": ...}, found " + a);
      }
    }
    // The canonical name always names the entry, like an explicit alias of the same wording when there is one.
    String foldedName = TextNormalizer.fold(TextNormalizer.normalizeTerm(name));
    Alias nameAlias = explicit.stream()
        .filter(a -> TextNormalizer.fold(TextNormalizer.normalizeTerm(a.text())).equals(foldedName))
        .findFirst().orElse(alias(name, false, Condition.NONE, where));
    LinkedHashSet<Alias> aliases = new LinkedHashSet<>();
    aliases.add(nameAlias.text().equals(name) ? nameAlias
        : new Alias(name, nameAlias.caseSensitive(), nameAlias.condition(), nameAlias.alsoFirstName(), nameAlias.alsoSurname()));
    aliases.addAll(explicit);

    List<String> links = new ArrayList<>();
    for (JsonNode l : array(node, "links", where)) {
      links.add(l.asText());
    }
    JsonNode parent = node.get("parent");
    if (parent != null && (!parent.isTextual() || parent.asText().equals(id))) {
      throw new InvalidKnowledgeBaseException(where + ": parent must be the id of another entry");
    }
    return new KbEntry(id, type, name, List.copyOf(aliases), links, parent == null ? null : parent.asText(), condition(node, where));
  }

  private static boolean flag(JsonNode node, String field, String where) {
    JsonNode value = node.path(field);
    if (!value.isMissingNode() && !value.isBoolean()) {
      throw new InvalidKnowledgeBaseException(where + ": " + field + " must be true or false");
    }
    return value.asBoolean(false);
  }

  private static Condition condition(JsonNode node, String where) {
    return new Condition(groups(node, "requires", where), groups(node, "excludes", where));
  }

  private static List<TermGroup> groups(JsonNode node, String field, String where) {
    List<TermGroup> groups = new ArrayList<>();
    for (JsonNode group : array(node, field, where)) {
      String groupWhere = where + ", " + field + " group " + (groups.size() + 1);
      JsonNode terms;
      int window = TermGroup.WHOLE_ARTICLE;
      if (group.isArray()) {
        terms = group;
      } else if (group.isObject()) {
        checkFields(group, GROUP_FIELDS, groupWhere);
        terms = group.get("anyOf");
        JsonNode windowNode = group.get("window");
        if (windowNode != null) {
          if (!windowNode.canConvertToInt() || !windowNode.isIntegralNumber() || windowNode.asInt() < 0) {
            throw new InvalidKnowledgeBaseException(groupWhere + ": window must be a whole number of characters >= 0");
          }
          window = windowNode.asInt();
        }
      } else {
        throw new InvalidKnowledgeBaseException(groupWhere + ": a group is a list of terms or {\"anyOf\": [terms], \"window\": N}, found "
            + group);
      }
      if (terms == null || !terms.isArray() || terms.isEmpty()) {
        throw new InvalidKnowledgeBaseException(groupWhere + ": needs at least one term");
      }
      List<String> texts = new ArrayList<>();
      for (JsonNode term : terms) {
        if (!term.isTextual() || TextNormalizer.normalizeTerm(term.asText()).isEmpty()) {
          throw new InvalidKnowledgeBaseException(groupWhere + ": a term must be a non-blank string, found " + term);
        }
        texts.add(term.asText().strip());
      }
      groups.add(new TermGroup(texts, window));
    }
    return groups;
  }

  /** A term that looks like an id ({@code country:xx}) must name an entry: a typo would silently never match. */
  private static void checkTermIds(Condition condition, Set<String> ids, String where) {
    for (List<TermGroup> groups : List.of(condition.requires(), condition.excludes())) {
      for (TermGroup group : groups) {
        for (String term : group.terms()) {
          if (isIdLike(term) && !ids.contains(term)) {
            throw new InvalidKnowledgeBaseException(where + ": condition term " + term + " is not the id of any entry");
          }
        }
      }
    }
  }

  /** True when a condition term is meant as an entry id rather than a word: {@code <known type>:<slug>}. */
  public static boolean isIdLike(String term) {
    var match = ID.matcher(term);
    return match.matches() && KbEntry.TYPES.contains(match.group(1));
  }

  private static void checkParentCycles(List<KbEntry> entries, String source) {
    Map<String, String> parents = new HashMap<>();
    entries.stream().filter(e -> e.parent() != null).forEach(e -> parents.put(e.id(), e.parent()));
    for (String start : parents.keySet()) {
      Set<String> seen = new LinkedHashSet<>();
      for (String id = start; id != null; id = parents.get(id)) {
        if (!seen.add(id)) {
          throw new InvalidKnowledgeBaseException(source + ": entry " + start + ": parent cycle " + String.join(" → ", seen) + " → " + id);
        }
      }
    }
  }

  private static void checkFields(JsonNode node, Set<String> allowed, String where) {
    node.fieldNames().forEachRemaining(field -> {
      if (!allowed.contains(field)) {
        throw new InvalidKnowledgeBaseException(where + ": unknown field " + field + ", expected some of " + new java.util.TreeSet<>(allowed));
      }
    });
  }

  /**
   * Rejects two entries that one text could name with nothing to tell them apart. Two wordings clash when they fold to the
   * same text, unless both are case-sensitive and differ in case, or both carry a condition (then the article decides).
   */
  private static void checkAmbiguousWordings(List<KbEntry> entries, String source) {
    for (Map.Entry<String, List<Wording>> e : indexWordings(entries).entrySet()) {
      List<Wording> wordings = e.getValue();
      for (int i = 0; i < wordings.size(); i++) {
        for (int j = i + 1; j < wordings.size(); j++) {
          Wording a = wordings.get(i);
          Wording b = wordings.get(j);
          boolean clash = !a.caseSensitive() || !b.caseSensitive() || a.text().equals(b.text());
          boolean contextDecides = a.conditional() && b.conditional();
          if (clash && !contextDecides && !a.entry().id().equals(b.entry().id())) {
            throw new InvalidKnowledgeBaseException(source + ": entry " + b.entry().id() + ": the wording '" + b.text() + "' also names "
                + a.entry().id() + "; give both a condition (requires/excludes) or keep it for one");
          }
        }
      }
    }
  }

  private static Map<String, List<Wording>> indexWordings(List<KbEntry> entries) {
    Map<String, List<Wording>> index = new HashMap<>();
    for (KbEntry entry : entries) {
      for (Alias alias : entry.aliases()) {
        String normalized = TextNormalizer.normalizeTerm(alias.text());
        Wording wording = new Wording(normalized, alias.caseSensitive(), entry, entry.isConditional(alias));
        List<Wording> list = index.computeIfAbsent(TextNormalizer.fold(normalized), k -> new ArrayList<>());
        if (!list.contains(wording)) {
          list.add(wording);
        }
      }
    }
    Map<String, List<Wording>> sorted = new HashMap<>();
    index.forEach((k, v) -> sorted.put(k, v.stream()
        .sorted((x, y) -> Boolean.compare(y.caseSensitive(), x.caseSensitive()))
        .toList()));
    return Map.copyOf(sorted);
  }

  private static Alias alias(String text, boolean caseSensitive, Condition condition, String where) {
    if (text == null || TextNormalizer.normalizeTerm(text).isEmpty()) {
      throw new InvalidKnowledgeBaseException(where + ": blank alias");
    }
    return new Alias(text, caseSensitive, condition);
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new InvalidKnowledgeBaseException(where + ": " + field + " must be a non-blank string");
    }
    return value.asText().strip();
  }

  private static Iterable<JsonNode> array(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new InvalidKnowledgeBaseException(where + ": " + field + " must be an array");
    }
    return value;
  }

  /** A normalised wording of an entry. */
  private record Wording(String text, boolean caseSensitive, KbEntry entry, boolean conditional) {
  }

  private static final class DefaultHolder {

    private static final KnowledgeBase INSTANCE = loadResource();

    private static KnowledgeBase loadResource() {
      ClassLoader loader = KnowledgeBase.class.getClassLoader();
      try (InputStream in = loader.getResourceAsStream(DEFAULT_RESOURCE)) {
        if (in == null) {
          throw new InvalidKnowledgeBaseException("knowledge base resource " + DEFAULT_RESOURCE + " is missing from the classpath");
        }
        return parse(in, "classpath:" + DEFAULT_RESOURCE);
      } catch (IOException e) {
        throw new InvalidKnowledgeBaseException("cannot read knowledge base resource " + DEFAULT_RESOURCE, e);
      }
    }
  }
}
