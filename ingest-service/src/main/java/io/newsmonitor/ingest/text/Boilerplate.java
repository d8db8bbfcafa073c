package io.newsmonitor.ingest.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Site furniture in the plain text of an article: lines dropped wherever they stand (credits, captions, share widgets), trailers
 * that end the story (related links, most-read lists) and the reader comment thread, cut off with everything after it.
 *
 * <p>Every rule matches a whole line, so a story that merely mentions comments, photos or related news keeps its sentence.
 */
public final class Boilerplate {

  /** A comment thread's heading, with its count: {@code 25 Comments}, {@code Comments (12)}, {@code View 3 comments}. */
  private static final List<Pattern> COUNTED_THREAD = compile(
      "(?:(?:View|Show|See|Read)(?: all)? )?(\\d[\\d,]*) (?:Reader )?Comments?(?: so far)?:?",
      "(?:Reader )?Comments? ?[(\\[:] ?(\\d[\\d,]*)[)\\]]?",
      "(?:Show|View|See|Read) (?:all )?comments ?\\((\\d[\\d,]*)\\)",
      "Conversation ?\\((\\d[\\d,]*)\\)");
  /** A comment thread's heading without a count. */
  private static final List<Pattern> THREAD = compile(
      "(?:Facebook |Reader |Readers' |User |Show |View |Hide |Load )?Comments:?",
      "(?:Leave|Post|Add|Write) (?:a |your )?(?:comment|reply)\\W*",
      "Join the (?:conversation|discussion|debate)\\W*",
      "Comments (?:are|have been) (?:closed|disabled)\\.?",
      "(?:No comments yet|Be the first to comment)\\W*",
      "Discussion");
  /** Lines of site furniture, dropped wherever they stand. */
  private static final List<Pattern> FURNITURE = compile(
      // Image credits and captions: "Image source: Reuters", "Image caption, ...", "Photo: AFP", "Credit: Getty Images".
      "(?:Image|Photo|Picture|Video|Graphic)s? ?(?:source|credit|caption)s?\\s*[:,].*",
      "(?:Photo(?:graph)?|Image|Picture|Pictured|Credit|Caption|Illustration|Source image)s?\\s*:.*",
      "(?:Photo|Image|Picture) by .{0,120}",
      // A caption that ends with its credit: "... in Tokyo, April 8, 2024. REUTERS/Kim Kyung-Hoon", "... (AP Photo/Jae C. Hong)".
      ".{0,400}\\((?:Reuters|AP|AFP|EPA|Xinhua|Getty Images|Bloomberg|Kyodo|Yonhap|(?:AP|AFP|EPA|Reuters) Photo[^)]*|Photo[:/][^)]*)\\)\\.?",
      ".{0,400}\\b(?:REUTERS|AFP|EPA(?:-EFE)?|AP Photo)/[\\p{L} .'-]{2,60}(?:/(?:File )?Photo)?\\.?",
      ".{0,200}(?:\\||/|via|©|-|–|—)\\s*Getty(?: Images)?(?: for [\\p{L} ]+)?\\.?",
      "Getty Images\\.?",
      // Share widgets: "Share this article", "Share on Facebook", or a row of network names.
      "Share(?: (?:this|the) (?:article|story|page|post))?\\W*",
      "Share (?:on|via|to|with) .{0,40}",
      "(?:(?:Facebook|Twitter|X|LinkedIn|WhatsApp|Email|E-mail|Print|Reddit|Telegram|Pinterest|Copy link|Tweet|Share)\\W*){1,12}",
      "News Tools",
      "Advertisement(?:\\W+Scroll to continue.*)?|Sponsored|Ad",
      "(?:Subscribe to|Sign up for|Sign up to) .{0,100}",
      "\\* indicates required",
      "The views (?:and opinions )?expressed .*(?:do not|does not|don't|are (?:solely )?those of) .*",
      "(?:Copyright\\s*)?(?:©|\\(c\\)).{0,100}|All rights reserved\\.?",
      // An inline promotion for another story: "Read more: ...", "Related: ...".
      "(?:Read (?:more|also|next)|Also read|Related|See also|Watch|Listen)\\s*:\\s*.{1,200}",
      // A bare image URL: the picture of the article, not its text.
      "https?://\\S*(?:\\.(?:jpe?g|png|gif|webp|avif|svg)(?:[?#]\\S*)?|/(?:images?|photos?|img|media|uploads)/\\S*)");
  /** Trailers: everything from such a line on is navigation, not the story. */
  private static final List<Pattern> TRAILERS = compile(
      "Related(?: (?:articles?|stories|story|news|posts|content|coverage|topics|links|reading))?\\W*",
      "(?:More|Other|Latest|Top) (?:stories|news|articles|headlines)(?: from .{1,40})?\\W*",
      // "More from Reuters"; a sentence would end with a stop.
      "More from (?-i:\\p{Lu})[^.!?]{0,40}",
      "Most (?:Commented|Read|Popular|Viewed|Shared|Emailed)(?: .{1,30})?\\W*",
      "(?:You|We think you) (?:may|might|will|could) (?:also )?(?:like|enjoy|be interested in).*",
      "(?:Read (?:more|also|next)|Also read|See also|Recommended(?: for you)?|Trending(?: now)?|Popular now|Don't miss|Sponsored (?:content|stories))\\W*");
  // "… on Thursday.© Thomson Reuters 2024." — the copyright notice glued to the last sentence.
  private static final Pattern GLUED_COPYRIGHT = Pattern.compile("\\s*(?:Copyright\\s*)?(?:©|\\(c\\))\\s*[^.©]{0,80}?\\d{4}\\.?\\s*$",
      Pattern.CASE_INSENSITIVE);

  private Boilerplate() {
  }

  /**
   * The story in {@code text}: furniture lines dropped, cut at the first trailer or comment thread heading.
   *
   * @param text plain text, one paragraph per line or paragraphs separated by blank lines
   */
  public static Cleaned clean(String text) {
    List<String> story = new ArrayList<>();
    int commentCount = 0;
    for (String line : TextNormalizer.lines(text)) {
      if (line.isEmpty()) {
        continue;
      }
      Matcher counted = firstMatch(COUNTED_THREAD, line);
      if (counted != null) {
        commentCount = Integer.parseInt(counted.group(1).replace(",", ""));
        break;
      }
      if (matchesAny(THREAD, line) || matchesAny(TRAILERS, line)) {
        break;
      }
      if (!matchesAny(FURNITURE, line)) {
        String paragraph = GLUED_COPYRIGHT.matcher(line).replaceFirst("").strip();
        if (!paragraph.isEmpty()) {
          story.add(paragraph);
        }
      }
    }
    return new Cleaned(TextNormalizer.joinParagraphs(story), commentCount);
  }

  /**
   * The story and what was cut from it.
   *
   * @param body the paragraphs kept, separated by a blank line; empty when nothing was story
   * @param commentCount the count a comment thread's heading gave ({@code 25 Comments}); 0 when there was none or it gave no count
   */
  public record Cleaned(String body, int commentCount) {
  }

  private static Matcher firstMatch(List<Pattern> patterns, String line) {
    for (Pattern pattern : patterns) {
      Matcher matcher = pattern.matcher(line);
      if (matcher.matches()) {
        return matcher;
      }
    }
    return null;
  }

  private static boolean matchesAny(List<Pattern> patterns, String line) {
    return firstMatch(patterns, line) != null;
  }

  private static List<Pattern> compile(String... regexes) {
    return Arrays.stream(regexes).map(regex -> Pattern.compile(regex, Pattern.CASE_INSENSITIVE)).toList();
  }
}
