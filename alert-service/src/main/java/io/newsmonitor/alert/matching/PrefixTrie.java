package io.newsmonitor.alert.matching;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Postings under word prefixes, found for a word by walking its characters: the few prefixes it starts with, not all rules'. */
final class PrefixTrie {

  private final Node root = new Node();
  private final boolean empty;

  PrefixTrie(Map<String, int[]> postingsByPrefix) {
    postingsByPrefix.forEach((prefix, postings) -> {
      Node node = root;
      for (int i = 0; i < prefix.length(); i++) {
        node = node.children.computeIfAbsent(prefix.charAt(i), c -> new Node());
      }
      node.postings = postings;
    });
    empty = postingsByPrefix.isEmpty();
  }

  boolean isEmpty() {
    return empty;
  }

  /** Gives the postings of every prefix of {@code word} (the word itself included). */
  void forEachPrefixOf(String word, Consumer<int[]> action) {
    Node node = root;
    for (int i = 0; i < word.length(); i++) {
      node = node.children.get(word.charAt(i));
      if (node == null) {
        return;
      }
      if (node.postings != null) {
        action.accept(node.postings);
      }
    }
  }

  private static final class Node {
    final Map<Character, Node> children = new HashMap<>(4);
    int[] postings;
  }
}
