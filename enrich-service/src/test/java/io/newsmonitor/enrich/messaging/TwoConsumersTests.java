package io.newsmonitor.enrich.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsmonitor.enrich.story.SeedArticles;
import io.newsmonitor.events.ArticleEnriched;
import io.newsmonitor.events.ArticleIngested;
import io.newsmonitor.events.EventCodec;
import io.newsmonitor.events.Topics;
import io.newsmonitor.infra.test.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scaling by the consumer group: two consumers of {@code enrich-service}, one per partition of a two-partition
 * {@code news.articles.ingested}, on the real broker and the real PostgreSQL. Copies of one event arriving on both
 * partitions at once get one story; bad records on either partition go to the dead-letter topic and the next is processed.
 */
@QuarkusTest
@TestProfile(TwoConsumersTests.TwoConsumers.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class TwoConsumersTests {

  /**
   * Two consumers in the channel's group, as two instances would be: {@code concurrency} makes two copies of the channel,
   * each with its own consumer and its own ordered worker, so both partitions are processed at the same time.
   */
  public static class TwoConsumers implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "mp.messaging.incoming.articles-ingested.concurrency", "2",
          "mp.messaging.incoming.articles-ingested.metadata.max.age.ms", "500");
    }
  }

  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final EventCodec CODEC = EventCodec.instance();
  private static final String GROUP = "enrich-service";

  private RealInfrastructure.Settings infra;
  private String ingested;
  private Admin admin;
  private KafkaProducer<String, String> producer;
  private TopicReader enriched;
  private TopicReader deadLetters;

  @BeforeEach
  void twoConsumersOnTwoPartitions() throws Exception {
    infra = RealInfrastructure.current();
    ingested = infra.topic(Topics.ARTICLES_INGESTED);
    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers()));
    producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
        new StringSerializer(), new StringSerializer());
    enriched = new TopicReader(infra.bootstrapServers(), infra.topic(Topics.ARTICLES_ENRICHED));
    deadLetters = new TopicReader(infra.bootstrapServers(), infra.topic(Topics.deadLetter(Topics.ARTICLES_INGESTED)));
    twoPartitions();
    await().atMost(TIMEOUT).until(() -> assignments().size() == 2 && assignments().stream().allMatch(a -> a.size() == 1));
  }

  @AfterEach
  void disconnect() {
    producer.close(Duration.ofSeconds(5));
    enriched.close();
    deadLetters.close();
    admin.close(Duration.ofSeconds(5));
  }

  @Test
  void copiesArrivingOnBothPartitionsAtOnceShareAStory() throws Exception {
    OffsetDateTime start = OffsetDateTime.of(2040, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    List<ArticleIngested[]> pairs = new ArrayList<>();
    for (int round = 0; round < 6; round++) {
      OffsetDateTime published = start.plusDays(10L * round);
      // A syndicated copy, then two rewrites, each pair split over the two partitions.
      pairs.add(new ArticleIngested[] {
          SeedArticles.article(round % 2 == 0 ? "000" : "001", randomId(), published),
          SeedArticles.article(round % 2 == 0 ? "000" : "002", randomId(), published)});
    }
    for (ArticleIngested[] pair : pairs) {
      send(0, pair[0].id(), CODEC.toJson(pair[0]));
      send(1, pair[1].id(), CODEC.toJson(pair[1]));
    }

    List<String> stories = new ArrayList<>();
    for (ArticleIngested[] pair : pairs) {
      ConsumerRecord<String, String> first = awaitOne(enriched, pair[0].id());
      ConsumerRecord<String, String> second = awaitOne(enriched, pair[1].id());
      String story = CODEC.fromJson(first.value(), ArticleEnriched.class).storyId();
      assertThat(CODEC.fromJson(second.value(), ArticleEnriched.class).storyId()).as("pair %s / %s", pair[0].id(), pair[1].id()).isEqualTo(story);
      stories.add(story);
    }
    assertThat(stories).doesNotHaveDuplicates();
    // Each partition had a consumer of its own.
    assertThat(assignments()).containsExactlyInAnyOrder(Set.of(new TopicPartition(ingested, 0)), Set.of(new TopicPartition(ingested, 1)));
  }

  @Test
  void badRecordsOnEitherPartitionGoToTheDeadLetterTopicAndTheNextIsProcessed() throws Exception {
    String garbage = "garbage-" + randomId();
    String invalid = "invalid-" + randomId();
    send(0, garbage, "{not json");
    send(1, invalid, "{\"id\": \"" + randomId() + "\", \"title\": \"Japan\"}");
    ArticleIngested afterGarbage = SeedArticles.article("003", randomId(), OffsetDateTime.of(2041, 5, 1, 0, 0, 0, 0, ZoneOffset.UTC));
    ArticleIngested afterInvalid = SeedArticles.article("004", randomId(), OffsetDateTime.of(2041, 9, 1, 0, 0, 0, 0, ZoneOffset.UTC));
    send(0, afterGarbage.id(), CODEC.toJson(afterGarbage));
    send(1, afterInvalid.id(), CODEC.toJson(afterInvalid));

    assertThat(reason(awaitOne(deadLetters, garbage))).contains("not JSON");
    assertThat(reason(awaitOne(deadLetters, invalid))).contains("invalid ArticleIngested");
    assertThat(awaitOne(enriched, afterGarbage.id()).key()).isEqualTo(afterGarbage.id());
    assertThat(awaitOne(enriched, afterInvalid.id()).key()).isEqualTo(afterInvalid.id());
    assertThat(enriched.withKey(garbage)).isEmpty();
    assertThat(enriched.withKey(invalid)).isEmpty();
    await().atMost(TIMEOUT).until(() -> committedPastTheEnd(0) && committedPastTheEnd(1));
  }

  /** The topic with two partitions, however far the consumers' subscription got in creating it. */
  private void twoPartitions() throws Exception {
    try {
      admin.createTopics(List.of(new NewTopic(ingested, 2, (short) 1))).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
      if (admin.describeTopics(List.of(ingested)).allTopicNames().get().get(ingested).partitions().size() < 2) {
        admin.createPartitions(Map.of(ingested, NewPartitions.increaseTo(2))).all().get();
      }
    }
  }

  /** The partitions of the ingested topic assigned to each member of the group. */
  private List<Set<TopicPartition>> assignments() throws Exception {
    ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP);
    return group.members().stream()
        .map(MemberDescription::assignment)
        .map(assignment -> assignment.topicPartitions().stream().filter(p -> p.topic().equals(ingested)).collect(Collectors.toSet()))
        .filter(partitions -> !partitions.isEmpty())
        .toList();
  }

  private boolean committedPastTheEnd(int partition) throws Exception {
    TopicPartition topicPartition = new TopicPartition(ingested, partition);
    OffsetAndMetadata committed = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get().get(topicPartition);
    long end = admin.listOffsets(Map.of(topicPartition, OffsetSpec.latest())).partitionResult(topicPartition).get().offset();
    return committed != null && committed.offset() >= end;
  }

  private void send(int partition, String key, String value) throws Exception {
    producer.send(new ProducerRecord<>(ingested, partition, key, value)).get();
  }

  private static ConsumerRecord<String, String> awaitOne(TopicReader reader, String key) {
    return await().atMost(TIMEOUT).until(() -> reader.withKey(key), r -> !r.isEmpty()).getFirst();
  }

  private static String reason(ConsumerRecord<String, String> record) {
    Header header = record.headers().lastHeader("dead-letter-reason");
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static String randomId() {
    byte[] bytes = new byte[16];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
