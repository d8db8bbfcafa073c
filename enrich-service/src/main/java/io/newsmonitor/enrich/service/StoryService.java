package io.newsmonitor.enrich.service;

import com.google.common.hash.Hashing;
import io.newsmonitor.enrich.ArticleStory;
import io.newsmonitor.enrich.observability.EnrichMetrics;
import io.newsmonitor.enrich.repository.ArticleStoryRepository;
import io.newsmonitor.enrich.story.Fingerprint;
import io.newsmonitor.enrich.story.Reach;
import io.newsmonitor.enrich.story.Similarity;
import io.newsmonitor.enrich.story.StoryConfig;
import io.newsmonitor.enrich.story.StoryRule;
import io.newsmonitor.enrich.tagging.Tagging;
import io.newsmonitor.events.ArticleIngested;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Assigns articles to stories in PostgreSQL. A new article joins the story of its most similar candidate — an article
 * sharing one of its LSH keys, in reach in time ({@link StoryRule#reach}: within the window, or further back for an
 * estimated published time), and near-duplicate or about the same actors and topics — or starts its own. A known article
 * keeps its story whatever its revision.
 *
 * <p>Several instances may enrich copies of one event at the same moment. Each transaction first takes PostgreSQL
 * advisory locks on its article's id and LSH keys; any two articles that can match share a key, so the second waits for the
 * first to commit and then finds it (or, when more than {@code candidates-per-key} articles share that key, nearer members
 * of the same story). The keys are locked in ascending order, so two transactions never deadlock.
 */
@ApplicationScoped
public class StoryService {

  /** Prefix of story ids: {@code story-} and the first 16 characters of the id of the article that started the story. */
  public static final String STORY_PREFIX = "story-";

  private final ArticleStoryRepository stories;
  private final StoryRule rule;
  private final EnrichMetrics metrics;

  public StoryService(ArticleStoryRepository stories, StoryConfig config, EnrichMetrics metrics) {
    this.stories = stories;
    this.rule = config.rule();
    this.metrics = metrics;
  }

  /**
   * Records that {@code article} was enriched at {@code now} and returns its row: a new article gets a story, a newer
   * revision keeps its story and moves {@code revision}, {@code enrichedAt} and the fingerprint forward, the same or an
   * older revision changes nothing.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public ArticleStory assign(ArticleIngested article, Tagging tagging, Instant now) {
    Fingerprint fingerprint = Fingerprint.of(article.title(), article.body(), tagging, rule);
    long[] keys = fingerprint.keys(rule);
    Instant published = article.published().toInstant();
    Reach reach = rule.reach(published, article.publishedEstimated());
    long[] locks = LongStream.concat(LongStream.of(keys), LongStream.of(articleLock(article.id()))).sorted().distinct().toArray();
    // The candidates come with the article's own row, though a known article needs none: known articles are the rare
    // redelivery or revision, and a round trip less for every new one is worth more than the look-up they waste.
    ArticleStoryRepository.Found found = stories.lockAndFind(locks, article.id(), keys, published, reach);

    Optional<ArticleStory> known = found.known();
    if (known.isPresent() && known.get().revision() >= article.revision()) {
      return known.get();
    }
    String storyId = known.map(ArticleStory::storyId).orElseGet(() -> storyOf(article, reach, fingerprint, found.candidates()));
    ArticleStory row = new ArticleStory(article.id(), storyId, article.revision(), now, published, article.publishedEstimated(), fingerprint);
    if (known.isPresent()) {
      stories.update(row, keys);
    } else {
      stories.insert(row, keys);
    }
    return row;
  }

  private String storyOf(ArticleIngested article, Reach reach, Fingerprint fingerprint, List<ArticleStory> candidates) {
    List<Candidate> matches = candidates.stream()
        .map(candidate -> new Candidate(candidate, fingerprint.compare(candidate.fingerprint())))
        .filter(candidate -> rule.sameStory(candidate.similarity()))
        .toList();
    Set<String> outOfReach = storiesOutOfReach(matches, reach);
    Optional<Candidate> best = matches.stream()
        .filter(candidate -> !candidate.row().publishedEstimated() || !outOfReach.contains(candidate.row().storyId()))
        // The strongest; between equals, the smallest story id, so that every instance chooses the same.
        .max(Comparator.comparingDouble((Candidate c) -> rule.strength(c.similarity())).thenComparing(c -> c.row().storyId(), Comparator.reverseOrder()));
    metrics.story(best.isPresent());
    best.ifPresent(b -> Log.debugf("Article %s joins story %s of article %s (%s)", article.id(), b.row().storyId(), b.row().articleId(), b.similarity()));
    return best.map(b -> b.row().storyId()).orElseGet(() -> STORY_PREFIX + article.id().substring(0, Math.min(16, article.id().length())));
  }

  /**
   * The stories of the estimated candidates whose dated articles are all out of reach. An estimated time reaches far back,
   * but once its article shares a story with dated ones, they say when it was published: a match through it must not join
   * reports the window keeps apart (a later episode of the same theme, with the same actors and topics).
   */
  private Set<String> storiesOutOfReach(List<Candidate> matches, Reach reach) {
    Set<String> throughEstimated = matches.stream().filter(c -> c.row().publishedEstimated()).map(c -> c.row().storyId()).collect(Collectors.toSet());
    return stories.datedMembersInReach(throughEstimated, reach).entrySet().stream()
        .filter(story -> !story.getValue())
        .map(Map.Entry::getKey)
        .collect(Collectors.toSet());
  }

  /** Serialises the writers of one article, whose keys may change between revisions. */
  private static long articleLock(String articleId) {
    return Hashing.murmur3_128().hashString("article:" + articleId, StandardCharsets.UTF_8).asLong();
  }

  private record Candidate(ArticleStory row, Similarity similarity) {
  }
}
