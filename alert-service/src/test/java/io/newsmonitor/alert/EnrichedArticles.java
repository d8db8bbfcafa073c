package io.newsmonitor.alert;

import io.newsmonitor.events.ArticleEnriched;
import io.newsmonitor.events.ArticleIngested;
import io.newsmonitor.events.CloudEvents;
import io.newsmonitor.events.EventCodec;
import io.newsmonitor.events.Mention;
import io.newsmonitor.events.SourceRef;
import io.newsmonitor.events.Tag;
import io.newsmonitor.events.TextField;
import io.newsmonitor.events.Topics;
import io.newsmonitor.infra.test.RealInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Builds enriched articles as enrich-service publishes them, and produces them to the test's real broker. */
public final class EnrichedArticles implements AutoCloseable {

  public static final String TITLE = "China Expresses Serious Concerns Over Japan's Potential Inclusion in Aukus Security Pact";
  public static final String BODY = "In response to reports suggesting that Japan may soon join the Aukus security pact, China has expressed"
      + " serious concerns. The United States, the United Kingdom and Australia are set to announce talks related to Pillar II of the pact.";

  private final KafkaProducer<String, String> producer;
  private final String topic;

  public EnrichedArticles() {
    RealInfrastructure.Settings infra = RealInfrastructure.current();
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    producer = new KafkaProducer<>(props);
    topic = infra.topic(Topics.ARTICLES_ENRICHED);
  }

  /** An article about Japan and AUKUS Pillar II, tagged with whichever of the two tags are asked for. */
  public static ArticleEnriched article(String id, int revision, boolean japan, boolean pillarTwo) {
    ArticleIngested ingested = new ArticleIngested(id, revision, "https://example.org/news/" + id, new SourceRef("file-import", "ICARO Media Group"),
        TITLE, BODY, null, "en", OffsetDateTime.parse("2024-04-08T21:56:00+02:00"), false, Instant.parse("2024-04-08T20:00:00Z"),
        "sha256:" + "0".repeat(63) + revision);
    List<Tag> actors = japan ? List.of(tag("country:jp", "Japan", "country", "Japan")) : List.of();
    List<Tag> topics = pillarTwo ? List.of(tag("topic:aukus-pillar-2", "AUKUS Pillar II", "topic", "Pillar II")) : List.of();
    return new ArticleEnriched(ingested, actors, topics, "story-" + id, "1.0.0", Instant.now());
  }

  /** A fresh article id, so that tests never share articles. */
  public static String newArticleId() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  /** Produces the article, keyed by its id, to partition 0 of the enriched topic: records are consumed in the order produced. */
  public void send(ArticleEnriched article) {
    send(article.article().id(), EventCodec.instance().toJson(article));
  }

  /** Produces the article with these headers besides the CloudEvents ones (a trace context, say). */
  public void send(ArticleEnriched article, Map<String, String> headers) {
    send(article.article().id(), EventCodec.instance().toJson(article), headers);
  }

  /** Produces any value, even one that is not an article. */
  public void send(String key, String value) {
    send(key, value, Map.of());
  }

  private void send(String key, String value, Map<String, String> headers) {
    ProducerRecord<String, String> record = new ProducerRecord<>(topic, 0, key, value);
    headers.forEach((name, headerValue) -> record.headers().add(name, bytes(headerValue)));
    record.headers()
        .add(CloudEvents.HEADER_SPEC_VERSION, bytes(CloudEvents.SPEC_VERSION))
        .add(CloudEvents.HEADER_ID, bytes(UUID.randomUUID().toString()))
        .add(CloudEvents.HEADER_TYPE, bytes(CloudEvents.TYPE_ARTICLE_ENRICHED))
        .add(CloudEvents.HEADER_SOURCE, bytes("/tests/alert-service"))
        .add(CloudEvents.HEADER_TIME, bytes(Instant.now().toString()));
    try {
      producer.send(record).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not produce to " + topic, e);
    }
  }

  @Override
  public void close() {
    producer.close();
  }

  private static Tag tag(String id, String name, String type, String wording) {
    List<Mention> mentions = new ArrayList<>();
    for (TextField field : TextField.values()) {
      String text = field == TextField.TITLE ? TITLE : BODY;
      int at = text.indexOf(wording);
      if (at >= 0) {
        mentions.add(new Mention(field, at, at + wording.length(), wording));
      }
    }
    return new Tag(id, name, type, mentions.size(), 0.8, mentions);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
