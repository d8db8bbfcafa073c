package io.newsmonitor.ingest.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A revision of an article that was published: its id, number, content hash, title and when it was ingested. */
@Entity
@Table(name = "article_revision")
@IdClass(ArticleRevision.Key.class)
public class ArticleRevision {

  @Id
  @Column(name = "article_id", length = 32, nullable = false)
  public String articleId;

  @Id
  @Column(name = "revision", nullable = false)
  public int revision;

  @Column(name = "content_hash", length = 71, nullable = false)
  public String contentHash;

  @Column(name = "title", nullable = false)
  public String title;

  @Column(name = "ingested_at", nullable = false)
  public Instant ingestedAt;

  /** The primary key: article id and revision number. */
  public static class Key implements Serializable {

    public String articleId;
    public int revision;

    public Key() {
    }

    public Key(String articleId, int revision) {
      this.articleId = articleId;
      this.revision = revision;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && revision == key.revision && Objects.equals(articleId, key.articleId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(articleId, revision);
    }
  }
}
