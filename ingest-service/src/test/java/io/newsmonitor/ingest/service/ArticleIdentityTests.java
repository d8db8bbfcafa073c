package io.newsmonitor.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArticleIdentityTests {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "HTTPS://WWW.Example.ORG/News/Story?id=7#comments | https://www.example.org/News/Story?id=7",
      "https://example.org:443/a?utm_source=x&id=7&UTM_Medium=y&fbclid=abc&gclid=def | https://example.org/a?id=7",
      "http://example.org:80/a | http://example.org/a",
      "http://example.org:8080/a | http://example.org:8080/a",
      "https://example.org | https://example.org/",
      "https://example.org/a?utm_campaign=z | https://example.org/a",
      "  https://example.org/a?b=2&a=1  | https://example.org/a?b=2&a=1",
  })
  void canonicalUrl(String url, String canonical) {
    assertThat(ArticleIdentity.canonicalUrl(url)).contains(canonical);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "example.org/a", "/news/a", "ftp://example.org/a", "mailto:someone@example.org", "https://", "http://exa mple.org/",
      "javascript:alert(1)"})
  void notAnAbsoluteHttpUrl(String url) {
    assertThat(ArticleIdentity.canonicalUrl(url)).isEmpty();
  }

  @Test
  void decoratedUrlsOfOneArticleShareItsId() {
    String plain = ArticleIdentity.idOfUrl(ArticleIdentity.canonicalUrl("https://example.org/a").orElseThrow());
    String decorated = ArticleIdentity.idOfUrl(ArticleIdentity.canonicalUrl("HTTPS://Example.org:443/a?utm_source=rss#top").orElseThrow());

    assertThat(decorated).isEqualTo(plain).hasSize(32).matches("[0-9a-f]{32}");
    // The id is the head of the SHA-256 of the canonical URL.
    assertThat(plain).isEqualTo(ArticleIdentity.sha256Hex("https://example.org/a").substring(0, 32));
  }

  @Test
  void idOfAnItemWithoutUrlComesFromSourceAndGuid() {
    assertThat(ArticleIdentity.idOfGuid("file-import", "000_1b125cdef706cbb0"))
        .isEqualTo(ArticleIdentity.sha256Hex("file-import\n000_1b125cdef706cbb0").substring(0, 32))
        .isNotEqualTo(ArticleIdentity.idOfGuid("file-import", "001_aba4b735ef7bbb3c"));
  }

  @Test
  void contentHashCoversNormalisedTitleAndBody() {
    String hash = ArticleIdentity.contentHash("  Japan\u00A0joins  ", "Body.");

    assertThat(hash).matches("sha256:[0-9a-f]{64}")
        .isEqualTo("sha256:" + ArticleIdentity.sha256Hex("Japan joins\nBody."))
        .isEqualTo(ArticleIdentity.contentHash("Japan joins", "Body."))
        .isNotEqualTo(ArticleIdentity.contentHash("Japan joins", "Body, corrected."));
  }
}
