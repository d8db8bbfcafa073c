package io.newsmonitor.ingest.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.newsmonitor.ingest.text.Titles;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SeedParserTests {

  private final SeedParser parser = new SeedParser();

  @Test
  void seed000HasTitleHeaderSourceSectionAndDate() {
    ParsedSeed seed = parser.parse(Seeds.text("000"));

    assertThat(seed.title()).isEqualTo("China Expresses Serious Concerns Over Japan's Potential Inclusion in Aukus Security Pact");
    assertThat(seed.titleDerived()).isFalse();
    assertThat(seed.source()).contains("ICARO Media Group");
    assertThat(seed.section()).contains("Politics");
    assertThat(seed.published()).isPresent();
    // 08/04/2024 21h56 is day first: 8 April.
    assertThat(seed.published().get().toLocalDateTime()).isEqualTo(LocalDateTime.of(2024, 4, 8, 21, 56));
    assertThat(seed.published().get().getOffset()).isEqualTo(ZoneOffset.UTC);
    assertThat(seed.body())
        .startsWith("In response to reports suggesting that Japan may soon join the Aukus security pact")
        .endsWith("in the face of growing geopolitical competition.")
        .doesNotContain("http", "ICARO Media Group\n", "Politics\n", "21h56", "Related", "The views expressed");
  }

  @Test
  void seed001HasNoHeaderAndDropsTheCommentThreadAndTheGluedCopyright() {
    ParsedSeed seed = parser.parse(Seeds.text("001"));

    assertThat(seed.titleDerived()).isTrue();
    assertThat(seed.title()).isNotBlank().hasSizeLessThanOrEqualTo(Titles.MAX_LENGTH)
        .startsWith("The U.S., Britain and Australia will announce talks on Monday");
    assertThat(seed.source()).isEmpty();
    assertThat(seed.published()).isEmpty();
    assertThat(seed.commentCount()).hasValue(25);
    assertThat(seed.body())
        .startsWith("The U.S., Britain and Australia will announce talks")
        .endsWith("are to hold a trilateral summit on Thursday.")
        .doesNotContain("PTownsend", "warmongering", "25 Comments", "TaiwanIsNotChina", "©", "Thomson Reuters 2024");
  }

  @Test
  void seed002TakesTheSourceFromItsFirstLineAndDerivesTheTitle() {
    ParsedSeed seed = parser.parse(Seeds.text("002"));

    assertThat(seed.source()).contains("Reuters Yonhap News");
    assertThat(seed.titleDerived()).isTrue();
    assertThat(seed.title()).isNotBlank().hasSizeLessThanOrEqualTo(Titles.MAX_LENGTH)
        // "U.S., U.K., and" is not the end of the first sentence.
        .startsWith("The AUKUS security alliance, consisting of the U.S., U.K., and Australia, announced")
        .endsWith("…");
    assertThat(seed.body()).startsWith("The AUKUS security alliance").doesNotContain("Most Commented", "Reuters Yonhap News |");
    assertThat(seed.published()).isEmpty();
  }

  @Test
  void seed003DropsCaptionsAndSiteFurniture() {
    ParsedSeed seed = parser.parse(Seeds.text("003"));

    assertThat(seed.title()).isEqualTo("Sounding alarm on China, Japan and U.S. vow to collaborate more on defence");
    assertThat(seed.titleDerived()).isFalse();
    assertThat(seed.body())
        .startsWith("The United States and Japan on Friday voiced strong concern")
        // The story goes on after the "News Tools" widget.
        .contains("Blinken said the U.S.- Japan alliance")
        .endsWith("Editing by David Dolan and Richard Pullin")
        .doesNotContain("Image source", "News Tools", "Subscribe to", "* indicates required", "The views and opinions expressed",
            "Facebook Comments", "You may also like");
    // The first "Image source" line follows the title; it is a caption, not a source.
    assertThat(seed.source()).isEmpty();
  }

  @Test
  void seed004TakesTheDateFromTheFirstParagraph() {
    ParsedSeed seed = parser.parse(Seeds.text("004"));

    assertThat(seed.title()).isEqualTo("US Deputy Secretary of State: Japan is the preferred partner for AUKUS.");
    assertThat(seed.titleDerived()).isFalse();
    assertThat(seed.published()).isPresent();
    assertThat(seed.published().get().toLocalDate()).isEqualTo(LocalDate.of(2024, 10, 19));
    assertThat(seed.body()).startsWith("On October 19, 2024, in a report from Epoch Times")
        .endsWith("(This article is partially based on reports from South China Morning Post and Voice of America)");
  }

  /** The acceptance: each seed's title, source, date and comment count, and a body without comment text. */
  static Stream<Arguments> expectedSeeds() {
    return Stream.of(
        arguments("000", "China Expresses Serious Concerns Over Japan's Potential Inclusion in Aukus Security Pact", false,
            Optional.of("ICARO Media Group"), Optional.of(OffsetDateTime.parse("2024-04-08T21:56Z")), OptionalInt.empty()),
        arguments("001", "The U.S., Britain and Australia will announce talks on Monday about bringing new members into their AUKUS security pact "
            + "as Washington…", true, Optional.empty(), Optional.empty(), OptionalInt.of(25)),
        arguments("002", "The AUKUS security alliance, consisting of the U.S., U.K., and Australia, announced on the 8th (local time) that it is "
            + "considering…", true, Optional.of("Reuters Yonhap News"), Optional.empty(), OptionalInt.empty()),
        arguments("003", "Sounding alarm on China, Japan and U.S. vow to collaborate more on defence", false, Optional.empty(), Optional.empty(),
            OptionalInt.empty()),
        arguments("004", "US Deputy Secretary of State: Japan is the preferred partner for AUKUS.", false, Optional.empty(),
            Optional.of(OffsetDateTime.parse("2024-10-19T00:00Z")), OptionalInt.empty()));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("expectedSeeds")
  void everySeedHasItsTitleSourceDateAndNoCommentText(String prefix, String title, boolean titleDerived, Optional<String> source,
      Optional<OffsetDateTime> published, OptionalInt commentCount) {
    ParsedSeed seed = parser.parse(Seeds.text(prefix));

    assertThat(seed.title()).isEqualTo(title);
    assertThat(seed.titleDerived()).isEqualTo(titleDerived);
    assertThat(seed.source()).isEqualTo(source);
    assertThat(seed.published()).isEqualTo(published);
    assertThat(seed.commentCount()).isEqualTo(commentCount);
    assertThat(seed.body()).doesNotContain("Comments", "PTownsend", "OssanAmerica", "TaiwanIsNotChina", "Pathetic bunch of pirates");
  }

  @Test
  void seedsCoverAllFiveSamples() {
    assertThat(Seeds.all()).hasSize(5);
    assertThat(expectedSeeds()).hasSameSizeAs(Seeds.all());
  }

  @ParameterizedTest
  @MethodSource("io.newsmonitor.ingest.seed.Seeds#all")
  void noSeedLeaksFurnitureCommentsOrUnicodeSpacesIntoItsBody(Path file) {
    ParsedSeed seed = parser.parse(Seeds.read(file));

    assertThat(seed.title()).isNotBlank();
    assertThat(seed.body()).isNotBlank()
        .doesNotContain("PTownsend", "warmongering", "Comments", "Image source", "You may also like", "Most Commented", "\u00A0", "  ")
        .doesNotStartWith("\n").doesNotEndWith("\n")
        .doesNotContain("\n\n\n");
    assertThat(seed.body().lines().filter(line -> line.startsWith("http"))).isEmpty();
  }

  @Test
  void aTitleIsOnlyAFirstLineFollowedByABlankLine() {
    ParsedSeed seed = parser.parse("First paragraph of the story, with no title.\nSecond paragraph.\n");

    assertThat(seed.titleDerived()).isTrue();
    assertThat(seed.title()).isEqualTo("First paragraph of the story, with no title.");
    assertThat(seed.body()).isEqualTo("First paragraph of the story, with no title.\n\nSecond paragraph.");
  }

  @Test
  void whitespaceIsCollapsedAndTextIsNfc() {
    ParsedSeed seed = parser.parse("Caf\u0065\u0301 title\n\nThe\u00A0story   goes\ton.\r\n\r\n\r\nThe end.");

    assertThat(seed.title()).isEqualTo("Caf\u00E9 title");
    assertThat(seed.body()).isEqualTo("The story goes on.\n\nThe end.");
  }

  @Test
  void aHeaderWithoutImageStillGivesSourceAndDate() {
    ParsedSeed seed = parser.parse("A title\n\nSome Outlet\n2024-04-08T21:56:00+09:00\n\nThe story.");

    assertThat(seed.source()).contains("Some Outlet");
    assertThat(seed.published()).hasValueSatisfying(date -> assertThat(date.toString()).isEqualTo("2024-04-08T21:56+09:00"));
    assertThat(seed.body()).isEqualTo("The story.");
  }

  @Test
  void anImpossibleDateIsNoDate() {
    ParsedSeed seed = parser.parse("A title\n\nhttps://example.org/images/1.jpg\nSome Outlet\n31/02/2024 25h99\n\nThe story.");

    assertThat(seed.published()).isEmpty();
    assertThat(seed.source()).contains("Some Outlet");
  }

  @Test
  void aFileWithoutStoryIsRejected() {
    assertThatThrownBy(() -> parser.parse("")).isInstanceOf(SeedFormatException.class);
    assertThatThrownBy(() -> parser.parse("  \n\u00A0\n")).isInstanceOf(SeedFormatException.class);
    assertThatThrownBy(() -> parser.parse("Title\n\nImage source: Reuters\n\nYou may also like...\nOther story"))
        .isInstanceOf(SeedFormatException.class);
  }
}
