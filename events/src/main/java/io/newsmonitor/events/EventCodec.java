package io.newsmonitor.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;

/**
 * Turns contract events into JSON and back, checking every payload against its type's JSON Schema both ways, so a
 * producer cannot publish what a consumer would reject and a consumer never acts on a malformed record.
 */
public final class EventCodec {

  /** Base of the schemas' {@code $id}s; the schemas ship in this module's resources under {@link #SCHEMA_RESOURCES}. */
  public static final String SCHEMA_BASE_URI = "https://newsmonitor.io/schemas/";
  static final String SCHEMA_RESOURCES = "classpath:io/newsmonitor/events/schemas/";

  private static final Map<Class<?>, String> SCHEMA_FILES = Map.of(
      ArticleIngested.class, CloudEvents.TYPE_ARTICLE_INGESTED + ".schema.json",
      ArticleEnriched.class, CloudEvents.TYPE_ARTICLE_ENRICHED + ".schema.json",
      AlertRaised.class, CloudEvents.TYPE_ALERT_RAISED + ".schema.json");

  private static final EventCodec INSTANCE = new EventCodec();

  private final ObjectMapper mapper;
  private final Map<Class<?>, Schema> schemas;

  private EventCodec() {
    mapper = JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        // Keep the publisher's offset: a Tokyo time stays +09:00 instead of being shifted to UTC.
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        // Additive changes (new optional fields) are not breaking: old consumers ignore what they do not know.
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .build();
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
        .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
        .schemaIdResolvers(resolvers -> resolvers.mapPrefix(SCHEMA_BASE_URI, SCHEMA_RESOURCES)));
    schemas = Map.copyOf(SCHEMA_FILES.entrySet().stream()
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
            e -> registry.getSchema(SchemaLocation.of(SCHEMA_BASE_URI + e.getValue())))));
  }

  /** The codec; thread-safe. */
  public static EventCodec instance() {
    return INSTANCE;
  }

  /** The JSON of {@code event}, after checking it against its schema. */
  public String toJson(Object event) {
    JsonNode tree = mapper.valueToTree(event);
    validate(tree, schemaOf(event.getClass()), event.getClass());
    try {
      return mapper.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + event.getClass().getSimpleName(), e);
    }
  }

  /**
   * Reads an event of {@code type} from JSON.
   *
   * @throws InvalidEventException when the text is not JSON, or breaks the schema of {@code type}
   */
  public <T> T fromJson(String json, Class<T> type) {
    Schema schema = schemaOf(type);
    JsonNode tree;
    try {
      tree = mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidEventException("not JSON: " + e.getOriginalMessage(), List.of(), e);
    }
    if (tree == null || tree.isMissingNode()) {
      throw new InvalidEventException("empty payload for " + type.getSimpleName(), List.of(), null);
    }
    validate(tree, schema, type);
    try {
      return mapper.treeToValue(tree, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new InvalidEventException("cannot read " + type.getSimpleName() + ": " + e.getMessage(), List.of(), e);
    }
  }

  /** The schema violations of {@code json} as a {@code type}, empty when it is valid. */
  public List<String> violations(String json, Class<?> type) {
    try {
      return describe(schemaOf(type).validate(mapper.readTree(json)));
    } catch (JsonProcessingException e) {
      return List.of("$: not JSON: " + e.getOriginalMessage());
    }
  }

  /** The mapper the codec writes with, for callers that need to build or inspect JSON trees the same way. */
  public ObjectMapper mapper() {
    return mapper;
  }

  private Schema schemaOf(Class<?> type) {
    Schema schema = schemas.get(type);
    if (schema == null) {
      throw new IllegalArgumentException(type.getName() + " is not an event of the contract");
    }
    return schema;
  }

  private static void validate(JsonNode tree, Schema schema, Class<?> type) {
    List<String> violations = describe(schema.validate(tree));
    if (!violations.isEmpty()) {
      throw new InvalidEventException("invalid " + type.getSimpleName(), violations, null);
    }
  }

  private static List<String> describe(List<com.networknt.schema.Error> errors) {
    return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
  }
}
