package io.newsmonitor.ingest.feed;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The little HTML handling feed fields need: markup to plain text, and plain text to HTML. */
final class Html {

  private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
  private static final Pattern BLOCK_TAG = Pattern.compile("</?(?:br|p|div|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|pre|hr)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern TAG = Pattern.compile("</?[A-Za-z!?][^>]*>");
  private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});");
  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0]+");
  // The named entities that survive into feed text in practice; the rest are left as written rather than guessed.
  private static final Map<String, String> NAMED = Map.ofEntries(
      Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""), Map.entry("apos", "'"),
      Map.entry("nbsp", "\u00A0"), Map.entry("hellip", "\u2026"), Map.entry("mdash", "\u2014"), Map.entry("ndash", "\u2013"),
      Map.entry("lsquo", "\u2018"), Map.entry("rsquo", "\u2019"), Map.entry("ldquo", "\u201C"), Map.entry("rdquo", "\u201D"),
      Map.entry("laquo", "\u00AB"), Map.entry("raquo", "\u00BB"), Map.entry("copy", "\u00A9"), Map.entry("reg", "\u00AE"),
      Map.entry("trade", "\u2122"), Map.entry("euro", "\u20AC"), Map.entry("pound", "\u00A3"), Map.entry("bull", "\u2022"));
  // An XHTML text construct keeps its wrapping <div xmlns="http://www.w3.org/1999/xhtml">, which RFC 4287 says is not part of the content.
  private static final Pattern XHTML_DIV = Pattern.compile("^\\s*<div\\b[^>]*>(.*)</div>\\s*$", Pattern.DOTALL);

  private Html() {
  }

  /** Plain text of a piece of HTML: tags and comments removed, entities decoded, whitespace collapsed. */
  static String toText(String html) {
    // Block elements separate words; inline ones (<b>, <a>) can sit inside a word.
    String withoutTags = TAG.matcher(BLOCK_TAG.matcher(COMMENT.matcher(html).replaceAll("")).replaceAll(" ")).replaceAll("");
    return collapse(decodeEntities(withoutTags));
  }

  /** Plain text with runs of whitespace made one space, trimmed. */
  static String collapse(String text) {
    return WHITESPACE.matcher(text).replaceAll(" ").trim();
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  static String unwrapXhtmlDiv(String xhtml) {
    Matcher matcher = XHTML_DIV.matcher(xhtml);
    return matcher.matches() ? matcher.group(1) : xhtml;
  }

  static String decodeEntities(String text) {
    Matcher matcher = ENTITY.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (matcher.find()) {
      String name = matcher.group(1);
      String replacement;
      if (name.charAt(0) == '#') {
        boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
        int codePoint = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
        replacement = Character.isValidCodePoint(codePoint) && codePoint != 0 ? Character.toString(codePoint) : matcher.group();
      } else {
        replacement = NAMED.getOrDefault(name, matcher.group());
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
