package io.newsmonitor.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BoilerplateTests {

  private static final String STORY = "Japan will join the talks, officials said.";
  private static final String MORE = "The ministers meet on Thursday.";

  /** Lines dropped wherever they stand: the story around them stays. */
  static Stream<Arguments> furniture() {
    return Stream.of(
        arguments("image source", "Image source: Reuters"),
        arguments("image source, BBC style", "Image source, Getty Images"),
        arguments("image caption, BBC style", "Image caption, Protesters gathered outside the ministry"),
        arguments("photo credit", "Photo: Kim Kyung-Hoon/Reuters"),
        arguments("photograph credit", "Photograph: Eugene Hoshiko/AP"),
        arguments("photo by", "Photo by Tomohiro Ohsumi/Getty Images"),
        arguments("caption ending in (Reuters)", "Japanese Prime Minister Fumio Kishida speaks in Tokyo, April 8, 2024. (Reuters)"),
        arguments("caption ending in an AP photo credit", "Kishida arrives at the White House. (AP Photo/Susan Walsh)"),
        arguments("caption ending in a REUTERS/ credit", "Kishida attends a news conference in Tokyo, Japan, April 8, 2024. REUTERS/Kim Kyung-Hoon"),
        arguments("Getty Images", "Getty Images"),
        arguments("caption ending in Getty Images", "Kishida in Tokyo | Getty Images"),
        arguments("credit line", "Credit: AFP"),
        arguments("share this article", "Share this article"),
        arguments("share on Facebook", "Share on Facebook"),
        arguments("share alone", "Share"),
        arguments("row of networks", "Facebook Twitter LinkedIn Email"),
        arguments("news tools", "News Tools"),
        arguments("advertisement", "Advertisement"),
        arguments("newsletter", "Subscribe to the International Relations Updates by The Kootneeti"),
        arguments("required fields", "* indicates required"),
        arguments("disclaimer", "The views expressed in this article do not reflect the opinion of ICARO, or any of its affiliates."),
        arguments("copyright", "© 2024 Example News. All rights reserved."),
        arguments("inline promotion", "Read more: China warns of an arms race"),
        arguments("inline related link", "Related: Japan's defence budget at a record"),
        arguments("bare image URL", "https://example.org/images/photos/1612/original.jpg?1712613481"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("furniture")
  void furnitureIsDroppedAndTheStoryGoesOn(String name, String line) {
    Boilerplate.Cleaned cleaned = Boilerplate.clean(STORY + "\n\n" + line + "\n\n" + MORE);

    assertThat(cleaned.body()).isEqualTo(STORY + "\n\n" + MORE);
    assertThat(cleaned.commentCount()).isZero();
  }

  /** Trailers: the story ends there. */
  static Stream<Arguments> trailers() {
    return Stream.of(
        arguments("related", "Related"),
        arguments("related articles", "Related articles"),
        arguments("related stories with colon", "Related stories:"),
        arguments("most commented", "Most Commented"),
        arguments("most read", "Most Read"),
        arguments("most popular", "Most popular"),
        arguments("you may also like", "You may also like..."),
        arguments("you might also like", "You might also like"),
        arguments("read more heading", "Read more"),
        arguments("more stories", "More stories"),
        arguments("more from the site", "More from Reuters"),
        arguments("recommended", "Recommended for you"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("trailers")
  void aTrailerEndsTheStory(String name, String line) {
    Boilerplate.Cleaned cleaned = Boilerplate.clean(STORY + "\n" + line + "\nChina's navy holds drills\nMarkets fall in Tokyo");

    assertThat(cleaned.body()).isEqualTo(STORY);
  }

  static Stream<Arguments> commentThreads() {
    return Stream.of(
        arguments("25 Comments", 25),
        arguments("1 comment", 1),
        arguments("Comments (12)", 12),
        arguments("Comments: 1,204", 1204),
        arguments("View all 7 comments", 7),
        arguments("Comments", 0),
        arguments("Facebook Comments", 0),
        arguments("Leave a comment", 0),
        arguments("Leave a Reply", 0),
        arguments("Join the conversation", 0),
        arguments("Comments are closed.", 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commentThreads")
  void aCommentThreadAndAllThatFollowsIsCut(String heading, int count) {
    Boilerplate.Cleaned cleaned = Boilerplate.clean(STORY + "\n" + MORE + "\n" + heading
        + "\nPTownsend\nI thought the CCP had already been planning to increase military spending.\nisabelle\nExcellent news.");

    assertThat(cleaned.body()).isEqualTo(STORY + "\n\n" + MORE);
    assertThat(cleaned.commentCount()).isEqualTo(count);
  }

  @Test
  void aStoryThatMentionsCommentsPhotosOrRelatedNewsIsKept() {
    String story = String.join("\n\n",
        "The comments from the two allies highlight how alarm about China has grown.",
        "The ministry declined to comment, and 25 comments were posted under the minister's photo within an hour.",
        "Related talks on Pillar Two will follow, officials said.",
        "TOKYO (Reuters) - Japan said on Monday it would share more intelligence.",
        "Photos of the meeting were not released.",
        "No comment.");

    Boilerplate.Cleaned cleaned = Boilerplate.clean(story);

    assertThat(cleaned.body()).isEqualTo(story);
    assertThat(cleaned.commentCount()).isZero();
  }

  @Test
  void aCopyrightGluedToTheLastSentenceIsStripped() {
    assertThat(Boilerplate.clean("Leaders meet on Thursday.© Thomson Reuters 2024.").body()).isEqualTo("Leaders meet on Thursday.");
  }

  @Test
  void textIsNormalisedIntoParagraphs() {
    assertThat(Boilerplate.clean(" First\u00A0 line.\r\nSecond line.\n\n\n").body()).isEqualTo("First line.\n\nSecond line.");
    assertThat(Boilerplate.clean("").body()).isEmpty();
    assertThat(Boilerplate.clean("Share this article\nAdvertisement").body()).isEmpty();
  }
}
