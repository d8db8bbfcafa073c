package io.newsmonitor.ingest.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmonitor.ingest.config.IngestConfig;
import io.newsmonitor.ingest.rest.ArticleRequest;
import io.newsmonitor.ingest.rest.ArticleRequests;
import io.newsmonitor.ingest.rest.ItemResult;
import io.newsmonitor.ingest.service.ArticleDraft;
import io.newsmonitor.ingest.service.IngestMetrics;
import io.newsmonitor.ingest.service.IngestMetrics.Via;
import io.newsmonitor.ingest.service.IngestService;
import io.newsmonitor.support.problem.FieldError;
import io.newsmonitor.support.problem.ProblemException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Ingests the items of a batch one at a time, each in its own transaction ({@link IngestService#ingest}), and tells what
 * became of each: a malformed, invalid or unpublishable item is its own {@code invalid} or {@code failed} result and
 * never stops the others.
 */
@ApplicationScoped
public class ArticleItems {

  private final ArticleRequests requests;
  private final IngestService ingest;
  private final IngestMetrics metrics;
  private final ObjectMapper mapper;
  private final int maxItems;

  ArticleItems(ArticleRequests requests, IngestService ingest, IngestMetrics metrics, ObjectMapper mapper, IngestConfig config) {
    this.requests = requests;
    this.ingest = ingest;
    this.metrics = metrics;
    this.mapper = mapper;
    this.maxItems = config.batch().maxItems();
  }

  /**
   * Each non-blank line of {@code ndjson} as an {@link ArticleRequest}; results carry the line numbers of the text.
   *
   * @throws ProblemException 413 when there are more items than {@code ingest.batch.max-items}; nothing is ingested then
   */
  public List<ItemResult> ingestNdjson(Via via, String ndjson) {
    List<String> lines = ndjson.lines().toList();
    checkCount(lines.stream().filter(line -> !line.isBlank()).count());
    List<ItemResult> results = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String json = lines.get(i);
      if (!json.isBlank()) {
        results.add(ingest(via, i + 1, () -> requests.toDraft(read(json))));
      }
    }
    return results;
  }

  /**
   * One {@link ArticleRequest} object, or an array of them numbered from 1. Text that is not JSON is one invalid item.
   *
   * @throws ProblemException 413 when the array holds more items than {@code ingest.batch.max-items}; nothing is ingested then
   */
  public List<ItemResult> ingestJson(Via via, String json) {
    JsonNode tree;
    try {
      tree = mapper.readTree(json);
    } catch (JsonProcessingException e) {
      metrics.rejected(via);
      return List.of(ItemResult.invalid(1, List.of(jsonError(e))));
    }
    if (tree == null || !tree.isArray()) {
      return List.of(ingest(via, 1, () -> requests.toDraft(convert(tree))));
    }
    checkCount(tree.size());
    List<ItemResult> results = new ArrayList<>();
    for (int i = 0; i < tree.size(); i++) {
      JsonNode item = tree.get(i);
      results.add(ingest(via, i + 1, () -> requests.toDraft(convert(item))));
    }
    return results;
  }

  /**
   * Ingests the draft that {@code draft} makes. A 400 problem on the way (from parsing or checking) makes the item
   * {@code invalid}; a 503 (the broker did not take it) or any other failure makes it {@code failed}.
   */
  public ItemResult ingest(Via via, int line, Supplier<ArticleDraft> draft) {
    try {
      return ItemResult.ingested(line, ingest.ingest(via, metrics.unlessRejected(via, draft)));
    } catch (ProblemException e) {
      if (e.status() == 400) {
        return ItemResult.invalid(line, e.errors().isEmpty() ? List.of(new FieldError("$", e.getMessage())) : e.errors());
      }
      return ItemResult.failed(line, e.getMessage());
    } catch (RuntimeException e) {
      // A bug or an outage of the database: this item failed, the next ones may not.
      Log.errorf(e, "item %d of a batch failed unexpectedly", line);
      return ItemResult.failed(line, "unexpected failure: " + e);
    }
  }

  private ArticleRequest read(String json) {
    try {
      return mapper.readValue(json, ArticleRequest.class);
    } catch (JsonProcessingException e) {
      throw ProblemException.badRequest(List.of(jsonError(e)));
    }
  }

  private ArticleRequest convert(JsonNode node) {
    try {
      return mapper.treeToValue(node, ArticleRequest.class);
    } catch (JsonProcessingException e) {
      throw ProblemException.badRequest(List.of(jsonError(e)));
    }
  }

  private void checkCount(long items) {
    if (items > maxItems) {
      throw new ProblemException(413, "Too many items",
          "a batch may hold at most " + maxItems + " items (ingest.batch.max-items), this one holds " + items + "; split it");
    }
  }

  /** The field a JSON error is about ({@code $} for the whole item) and the parser's message, as the single-article API names them. */
  private static FieldError jsonError(JsonProcessingException e) {
    String field = "$";
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      field = mapping.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
    }
    return new FieldError(field, "not valid JSON for an article: " + e.getOriginalMessage());
  }
}
