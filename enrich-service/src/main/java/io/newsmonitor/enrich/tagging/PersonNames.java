package io.newsmonitor.enrich.tagging;

import java.util.Set;

/**
 * Tells, from the words around it, that a wording is used as part of a person's name: {@code Chad Whitaker} (a capitalised
 * word right after it) or {@code Denzel Washington} (a capitalised word right before it). Capitalised words that are no
 * names do not count: titles and institutions after a country ({@code Chad President}, {@code Jordan Valley}) and
 * sentence-opening function words before it ({@code In Washington}, {@code Today Washington}).
 */
final class PersonNames {

  private static final Set<String> NOT_SURNAMES = Set.of(
      "President", "Prime", "Minister", "Ministers", "Ministry", "Foreign", "Government", "Army", "Armed", "Republic", "National",
      "Defence", "Defense", "Interior", "Parliament", "Senate", "Embassy", "Ambassador", "King", "Queen", "Crown", "Central", "State",
      "Navy", "Air", "Police", "Supreme", "Court", "Council", "Cabinet", "Airlines", "Basin", "River", "Valley", "Lake", "Sea",
      "Strait", "Islands", "Island", "Post", "Times", "Commanders", "Nationals", "Wizards", "Capitals", "Dulles", "Consensus",
      "Président", "Premier", "Ministre", "Gouvernement", "Armée", "République", "Parlement", "Ambassade", "Lac", "Fleuve");

  private static final Set<String> NOT_FIRST_NAMES = Set.of(
      "In", "From", "To", "And", "But", "Or", "With", "By", "Of", "For", "On", "At", "As", "While", "When", "Since", "After",
      "Before", "Both", "Meanwhile", "Across", "Outside", "Inside", "Near", "Until", "Unlike", "Like", "Why", "How", "What",
      "Where", "Then", "Today", "Yesterday", "Now", "Also", "If", "Because", "Although", "Though", "Only", "Even", "The", "A",
      "An", "That", "This", "These", "Those", "Officials", "Diplomats", "Leaders", "Sources", "Analysts", "Critics", "Neither",
      "Either", "Whether", "Once", "Later", "Earlier", "Still", "Yet", "So", "Here", "There", "Over", "Under", "Against",
      "Between", "Among", "Beyond", "Through", "Without", "Within", "Toward", "Towards", "Via", "Per", "Amid",
      "En", "Dans", "De", "Du", "Des", "Le", "La", "Les", "Et", "Mais", "Ou", "Depuis", "Selon", "Pendant", "Vers", "Sur",
      "Sous", "Chez", "Entre", "Avec", "Pour", "Par", "Contre", "Quand", "Lorsque", "Si", "Aujourd'hui", "Hier", "À");

  private PersonNames() {
  }

  /** True when {@code [.., end)} is followed by one space and a capitalised word that is not a title or institution. */
  static boolean followedByName(String text, int end) {
    if (end + 1 >= text.length() || text.charAt(end) != ' ' || !Character.isUpperCase(text.charAt(end + 1))) {
      return false;
    }
    int wordEnd = end + 1;
    while (wordEnd < text.length() && (Character.isLetter(text.charAt(wordEnd)) || text.charAt(wordEnd) == '\'' || text.charAt(wordEnd) == '-')) {
      wordEnd++;
    }
    return !NOT_SURNAMES.contains(text.substring(end + 1, wordEnd));
  }

  /** True when {@code [start, ..)} follows one space and a capitalised word (or an initial such as {@code T.}) that is not a function word. */
  static boolean precededByName(String text, int start) {
    if (start < 2 || text.charAt(start - 1) != ' ') {
      return false;
    }
    int wordStart = start - 1;
    while (wordStart > 0 && !Character.isWhitespace(text.charAt(wordStart - 1))) {
      wordStart--;
    }
    String word = text.substring(wordStart, start - 1);
    boolean initial = word.length() == 2 && Character.isUpperCase(word.charAt(0)) && word.charAt(1) == '.';
    boolean capitalisedWord = !word.isEmpty() && Character.isUpperCase(word.charAt(0)) && word.chars().allMatch(c -> Character.isLetter(c) || c == '-' || c == '\'');
    return initial || capitalisedWord && !NOT_FIRST_NAMES.contains(word);
  }
}
