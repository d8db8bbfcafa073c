package io.newsmonitor.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PageExtractorTests {

  private static final Instant FETCHED = Instant.parse("2024-04-08T12:00:00Z");

  @Test
  void aNewsPageGivesItsStoryWithoutFurnitureAndItsMetadata() {
    ExtractedPage page = PageExtractor.extract(page("news-article.html"), URI.create("https://www.example-news.com/world/asia/japan-aukus?ref=home"),
        FETCHED, ZoneOffset.UTC);

    assertThat(page.canonicalUrl()).contains("https://www.example-news.com/world/asia/japan-aukus-talks-2024-04-08/");
    assertThat(page.title()).contains("Japan to join AUKUS talks on defence technology");
    assertThat(page.published()).contains(OffsetDateTime.parse("2024-04-08T06:15+09:00"));
    assertThat(page.language()).contains("en");
    assertThat(page.commentCount()).isEqualTo(3);
    assertThat(page.text()).isEqualTo(String.join("\n\n",
        "TOKYO, April 8 (Reuters) - The U.S., Britain and Australia will announce talks on Monday about bringing new members into their AUKUS "
            + "security pact as Washington pushes for Japan to be involved as a deterrent against China, the Financial Times reported.",
        "The announcement by the group's defense ministers will be related to Pillar Two of the pact, which commits the members to jointly "
            + "developing quantum computing, undersea, hypersonic, artificial intelligence and cyber technology.",
        "They are not considering expanding the first pillar, which is designed to deliver nuclear-powered attack submarines to Australia, "
            + "the FT said. China has called the AUKUS pact dangerous and warned it could spur a regional arms race.",
        "A spokesperson for the White House National Security Council did not immediately respond to requests for comment on the FT report. "
            + "A Japanese foreign ministry spokesperson said the ministry could not immediately comment.",
        "Biden, Kishida and Philippine President Ferdinand Marcos Jr are to hold a trilateral summit on Thursday.",
        "Reporting by Kiyoshi Takenaka; Editing by David Dolan"));
  }

  @Test
  void aPageWithoutMetadataFallsBackToTheDensestBlockTheDocumentTitleAndTheByline() {
    ExtractedPage page = PageExtractor.extract(page("no-metadata.html"), URI.create("https://www.thekootneeti.example/2022/01/08/alarm/"), FETCHED,
        ZoneId.of("Asia/Kolkata"));

    assertThat(page.canonicalUrl()).isEmpty();
    assertThat(page.title()).contains("Sounding alarm on China, Japan and U.S. vow to collaborate more on defence");
    // "Published 08/01/2022 21h56" in the byline: day first, in the source's zone.
    assertThat(page.published()).contains(OffsetDateTime.parse("2022-01-08T21:56+05:30"));
    assertThat(page.language()).isEmpty();
    assertThat(page.commentCount()).isZero();
    assertThat(page.text()).isEqualTo(String.join("\n\n",
        "The United States and Japan on Friday voiced strong concern about China’s growing might and pledged to work together to push back "
            + "against attempts to destabilise the region, including against emerging defence threats.",
        "The comments from the two allies, in a joint statement that followed a virtual “two-plus-two” meeting of their foreign and defence "
            + "ministers, highlights how deepening alarm about China has put Japan’s security role in greater focus.",
        "“They resolved to work together to deter and, if necessary, respond to destabilising activities in the region,” it said.",
        "Kishida’s government has approved record defence spending, with a 10th straight annual increase in 2022.",
        "Reporting by David Brunnstrom; Editing by David Dolan and Richard Pullin"));
  }

  @Test
  void microdataGivesTheArticleBodyEvenInsideAWrapperMarkedForComments() {
    ExtractedPage page = PageExtractor.extract(page("microdata-fr.html"), URI.create("https://www.journal.example/international/"), FETCHED,
        ZoneId.of("Europe/Paris"));

    assertThat(page.canonicalUrl()).contains("https://www.journal.example/international/article/2024/04/08/japon-aukus_123.html");
    assertThat(page.title()).contains("Le Japon rejoint les discussions d'AUKUS");
    assertThat(page.published()).contains(OffsetDateTime.parse("2024-04-08T14:03+02:00"));
    assertThat(page.language()).contains("fr");
    assertThat(page.commentCount()).isEqualTo(2);
    assertThat(page.text())
        .startsWith("Les États-Unis, le Royaume-Uni et l’Australie ont annoncé lundi des discussions")
        .contains("« logique de blocs »")
        .endsWith("région indo-pacifique.")
        .doesNotContain("Enfin", "Commentaires", "\u00A0");
  }

  @Test
  void anEmptyOrTextOnlyPageGivesWhatItHas() {
    ExtractedPage empty = PageExtractor.extract("", null, null, ZoneOffset.UTC);
    assertThat(empty.text()).isEmpty();
    assertThat(empty.title()).isEmpty();
    assertThat(empty.canonicalUrl()).isEmpty();
    assertThat(empty.published()).isEmpty();

    ExtractedPage bare = PageExtractor.extract("<h1>Short</h1><div>Just a line of text.</div>", null, null, ZoneOffset.UTC);
    assertThat(bare.title()).contains("Short");
    assertThat(bare.text()).isEqualTo("Just a line of text.");
  }

  @Test
  void theSiteNameIsCutFromTheDocumentTitleButADashInTheStoryTitleStays() {
    assertThat(PageExtractor.extract("<title>Stocks rise - and then fall</title>", null, null, ZoneOffset.UTC).title())
        .contains("Stocks rise - and then fall");
    assertThat(PageExtractor.extract("<title>Yen slides to a 34-year low | Markets | Example</title>", null, null, ZoneOffset.UTC).title())
        .contains("Yen slides to a 34-year low | Markets");
  }

  @Test
  void jsonLdIsReadLeniently() {
    assertThat(PageExtractor.jsonLdDatePublished("[{\"@type\": \"NewsArticle\", \"mainEntity\": {\"datePublished\": \"2024-04-08\"},}]"))
        .contains("2024-04-08");
    assertThat(PageExtractor.jsonLdDatePublished("{not json")).isEmpty();
  }

  private static String page(String name) {
    try (InputStream in = PageExtractorTests.class.getResourceAsStream("/pages/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
