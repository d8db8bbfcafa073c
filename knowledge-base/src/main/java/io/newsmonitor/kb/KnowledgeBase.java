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
 * <p>The file holds {@code version} and {@code entries}; each entry has {@code id}, {@code type}, {@code name}, and
 * optionally {@code aliases} (a string matches in any case; {@code {"text": "US", "caseSensitive": true}} only in that case),
 * {@code links} (ids) and {@code contextTerms}. See {@link KbEntry}.
 */
public final class KnowledgeBase {

  /** Classpath location of the knowledge base shipped with this module. */
  public static final String DEFAULT_RESOURCE = "io/newsmonitor/kb/knowledge-base.json";

  private static final Pattern ID = Pattern.compile("^([a-z]+):[a-z0-9][a-z0-9.-]*$");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String version;
  private final List<KbEntry> entries;
  private final Map<String, KbEntry> byId;
  /** Folded normalised wording → the entries' aliases with that wording; case-sensitive ones first. */
  private final Map<String, List<Wording>> byWording;

  private KnowledgeBase(String version, List<KbEntry> entries) {
    this.version = version;
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
    return "KnowledgeBase[version=" + version + ", entries=" + entries.size() + "]";
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
    String version = text(root, "version", source);
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
      for (String link : entry.links()) {
        if (!ids.contains(link)) {
          throw new InvalidKnowledgeBaseException(source + ": " + entry.id() + " links to unknown id " + link);
        }
      }
    }
    checkAmbiguousWordings(entries, source);
    return new KnowledgeBase(version, entries);
  }

  private static KbEntry parseEntry(JsonNode node, String source) {
    if (!node.isObject()) {
      throw new InvalidKnowledgeBaseException(source + ": every entry must be an object, found " + node);
    }
    String id = text(node, "id", source);
    String where = source + ": entry " + id;
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
        explicit.add(alias(a.asText(), false, where));
      } else if (a.isObject() && a.hasNonNull("text")) {
        explicit.add(alias(a.get("text").asText(), a.path("caseSensitive").asBoolean(false), where));
      } else {
        throw new InvalidKnowledgeBaseException(where + ": an alias is a string or {\"text\": ..., \"caseSensitive\": ...}, found " + a);
      }
    }
    // The canonical name always names the entry, with the case sensitivity of an explicit alias of the same wording.
    String foldedName = TextNormalizer.fold(TextNormalizer.normalizeTerm(name));
    boolean nameCaseSensitive = explicit.stream()
        .anyMatch(a -> a.caseSensitive() && TextNormalizer.fold(TextNormalizer.normalizeTerm(a.text())).equals(foldedName))
        && explicit.stream()
        .noneMatch(a -> !a.caseSensitive() && TextNormalizer.fold(TextNormalizer.normalizeTerm(a.text())).equals(foldedName));
    LinkedHashSet<Alias> aliases = new LinkedHashSet<>();
    aliases.add(alias(name, nameCaseSensitive, where));
    aliases.addAll(explicit);

    List<String> links = new ArrayList<>();
    for (JsonNode l : array(node, "links", where)) {
      links.add(l.asText());
    }
    List<String> contextTerms = new ArrayList<>();
    for (JsonNode c : array(node, "contextTerms", where)) {
      if (c.asText().isBlank()) {
        throw new InvalidKnowledgeBaseException(where + ": blank context term");
      }
      contextTerms.add(c.asText());
    }
    return new KbEntry(id, type, name, List.copyOf(aliases), links, contextTerms);
  }

  /**
   * Rejects two entries that one text could name: the tagger would not know which one an article means. Two wordings clash
   * when they fold to the same text, unless both are case-sensitive and differ in case.
   */
  private static void checkAmbiguousWordings(List<KbEntry> entries, String source) {
    for (Map.Entry<String, List<Wording>> e : indexWordings(entries).entrySet()) {
      List<Wording> wordings = e.getValue();
      for (int i = 0; i < wordings.size(); i++) {
        for (int j = i + 1; j < wordings.size(); j++) {
          Wording a = wordings.get(i);
          Wording b = wordings.get(j);
          boolean clash = !a.caseSensitive() || !b.caseSensitive() || a.text().equals(b.text());
          if (clash && !a.entry().id().equals(b.entry().id())) {
            throw new InvalidKnowledgeBaseException(source + ": the wording '" + a.text() + "' names both " + a.entry().id()
                + " and " + b.entry().id());
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
        Wording wording = new Wording(normalized, alias.caseSensitive(), entry);
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

  private static Alias alias(String text, boolean caseSensitive, String where) {
    if (text == null || TextNormalizer.normalizeTerm(text).isEmpty()) {
      throw new InvalidKnowledgeBaseException(where + ": blank alias");
    }
    return new Alias(text, caseSensitive);
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
  private record Wording(String text, boolean caseSensitive, KbEntry entry) {
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
