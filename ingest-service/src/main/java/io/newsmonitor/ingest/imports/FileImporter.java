package io.newsmonitor.ingest.imports;

import io.newsmonitor.events.SourceRef;
import io.newsmonitor.ingest.config.IngestConfig;
import io.newsmonitor.ingest.rest.ItemResult;
import io.newsmonitor.ingest.seed.ParsedSeed;
import io.newsmonitor.ingest.seed.SeedFormatException;
import io.newsmonitor.ingest.seed.SeedParser;
import io.newsmonitor.ingest.service.ArticleDraft;
import io.newsmonitor.ingest.service.ArticleIdentity;
import io.newsmonitor.ingest.service.IngestMetrics.Via;
import io.newsmonitor.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Imports one article file by its name and content: {@code .txt} is one article in the seed text format
 * ({@link SeedParser}), {@code .json} one {@code ArticleRequest} object or an array of them, {@code .ndjson} and
 * {@code .jsonl} one per line.
 */
@ApplicationScoped
public class FileImporter {

  /** Source id of file imports; with the file name it makes the id of an article that has no URL. */
  public static final String SOURCE_ID = "file-import";
  /** Source name when a seed file names none. */
  public static final String DEFAULT_SOURCE_NAME = "file import";
  /** The extensions this importer reads, without the dot. */
  public static final List<String> EXTENSIONS = List.of("txt", "json", "ndjson", "jsonl");

  private final SeedParser parser = new SeedParser();
  private final ArticleItems items;
  private final IngestConfig config;

  FileImporter(ArticleItems items, IngestConfig config) {
    this.items = items;
    this.config = config;
  }

  /**
   * Imports the file: each item is ingested on its own and gets its result, in file order.
   *
   * @throws ProblemException 400 for a missing name, an unknown extension or an empty file; 413 for more items than
   *     {@code ingest.batch.max-items} (then nothing is ingested)
   */
  public List<ItemResult> importFile(String filename, String content) {
    if (filename == null || filename.isBlank()) {
      throw ProblemException.badField("filename", "is required: the name of the imported file, whose extension tells its format");
    }
    String extension = extensionOf(filename);
    if (!EXTENSIONS.contains(extension)) {
      throw ProblemException.badField("filename", "has " + (extension.isEmpty() ? "no extension" : "the unknown extension ." + extension)
          + ": expected .txt (seed text format), .json (an article or an array of them), .ndjson or .jsonl (an article per line)");
    }
    if (content == null || content.isBlank()) {
      throw ProblemException.badField("body", "is empty: the file holds no article");
    }
    return switch (extension) {
      case "txt" -> List.of(items.ingest(Via.IMPORT, 1, () -> seedDraft(filename, content)));
      case "json" -> items.ingestJson(Via.IMPORT, content);
      default -> items.ingestNdjson(Via.IMPORT, content);
    };
  }

  /**
   * The draft of a file in the seed text format. Its id comes from the file name, so the same file imported again is a
   * duplicate; the file has no URL.
   *
   * @throws ProblemException 400 for no file name, no story in the text or a story over {@code ingest.article.max-body-length}
   */
  public ArticleDraft seedDraft(String filename, String text) {
    String guid = guidOf(filename);
    if (guid.isEmpty()) {
      throw ProblemException.badField("filename", "is required: the name of the imported file");
    }
    if (text == null || text.isBlank()) {
      throw ProblemException.badField("body", "is empty: send the article file as text/plain");
    }
    ParsedSeed seed;
    try {
      seed = parser.parse(text);
    } catch (SeedFormatException e) {
      throw ProblemException.badField("body", "is not an article in the seed format: " + e.getMessage());
    }
    int maxBodyLength = config.article().maxBodyLength();
    if (seed.body().length() > maxBodyLength) {
      throw ProblemException.badField("body", "the story must be at most " + maxBodyLength + " characters, was " + seed.body().length());
    }
    String sourceName = seed.source().orElse(DEFAULT_SOURCE_NAME);
    return new ArticleDraft(ArticleIdentity.idOfGuid(SOURCE_ID, guid), Optional.empty(), new SourceRef(SOURCE_ID, sourceName), seed.title(),
        seed.body(), seed.published());
  }

  /** The file name without folders and without its extension: {@code seeds/000_1b.txt} → {@code 000_1b}. */
  static String guidOf(String filename) {
    if (filename == null) {
      return "";
    }
    String name = baseName(filename);
    int dot = name.lastIndexOf('.');
    return (dot > 0 ? name.substring(0, dot) : name).strip();
  }

  /** The extension in lower case without the dot, or empty: {@code imports/Week.NDJSON} → {@code ndjson}. */
  static String extensionOf(String filename) {
    String name = baseName(filename);
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
  }

  private static String baseName(String filename) {
    String name = filename.strip();
    return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  }
}
