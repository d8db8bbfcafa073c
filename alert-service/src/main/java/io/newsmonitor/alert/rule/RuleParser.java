package io.newsmonitor.alert.rule;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the rule language, first version: terms joined by {@code +} or {@code AND} (any case). A term is a bare term of one
 * or more words ({@code Japan}, {@code Pillar II}: white space inside a term is part of it) or a quoted phrase
 * ({@code "Pillar II"}).
 *
 * <p>Operators of the full language that this version does not implement yet ({@code OR}, {@code |}, {@code NOT},
 * {@code -}, parentheses, {@code *}, {@code ~}) are refused rather than read as words, so that a rule saved today keeps its
 * meaning when the language grows.
 *
 * <p>Pure and thread-safe.
 */
public final class RuleParser {

  private final String text;
  private final List<Token> tokens;
  private int next;

  private RuleParser(String text) {
    this.text = text;
    this.tokens = tokenize(text);
  }

  /**
   * The rule written in {@code text}.
   *
   * @throws RuleSyntaxException when it does not parse, with the position and the reason
   */
  public static Rule parse(String text) {
    requireNonNull(text, "text");
    return new RuleParser(text).rule();
  }

  private Rule rule() {
    List<Rule> operands = new ArrayList<>();
    operands.add(term());
    while (peek().kind() != Kind.END) {
      Token operator = peek();
      if (operator.kind() != Kind.AND) {
        throw new RuleSyntaxException("expected '+' or AND", operator.position());
      }
      next++;
      operands.add(term());
    }
    return operands.size() == 1 ? operands.getFirst() : new Rule.And(operands);
  }

  private Rule.Term term() {
    Token first = peek();
    switch (first.kind()) {
      case END -> throw new RuleSyntaxException("unexpected end of rule", text.length());
      case AND -> throw new RuleSyntaxException("expected a term", first.position());
      case PHRASE -> {
        next++;
        return new Rule.Term(first.text(), true, first.position());
      }
      case WORD -> {
        // A bare term runs over consecutive words: "Pillar II" is one term.
        StringBuilder words = new StringBuilder(first.text());
        next++;
        while (peek().kind() == Kind.WORD) {
          words.append(' ').append(peek().text());
          next++;
        }
        return new Rule.Term(words.toString(), false, first.position());
      }
      default -> throw new IllegalStateException("unknown token " + first);
    }
  }

  private Token peek() {
    return tokens.get(next);
  }

  private static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (isSpace(c)) {
        i++;
      } else if (c == '+') {
        tokens.add(new Token(Kind.AND, "+", i));
        i++;
      } else if (c == '"') {
        int close = text.indexOf('"', i + 1);
        if (close < 0) {
          throw new RuleSyntaxException("unterminated quote", i);
        }
        String phrase = collapseSpaces(text.substring(i + 1, close));
        if (phrase.isEmpty()) {
          throw new RuleSyntaxException("empty phrase", i);
        }
        tokens.add(new Token(Kind.PHRASE, phrase, i));
        i = close + 1;
      } else if (isReserved(c)) {
        throw new RuleSyntaxException(reservedReason(c), i);
      } else {
        int start = i;
        while (i < n && !isSpace(text.charAt(i)) && text.charAt(i) != '+' && text.charAt(i) != '"' && !isReserved(text.charAt(i))) {
          i++;
        }
        tokens.add(word(text.substring(start, i), start));
      }
    }
    tokens.add(new Token(Kind.END, "", n));
    return tokens;
  }

  private static Token word(String word, int position) {
    switch (word.toUpperCase(Locale.ROOT)) {
      case "AND" -> {
        return new Token(Kind.AND, word, position);
      }
      case "OR" -> throw new RuleSyntaxException("OR is not supported yet", position);
      case "NOT" -> throw new RuleSyntaxException("NOT is not supported yet", position);
      default -> {
        if (word.startsWith("-")) {
          throw new RuleSyntaxException("NOT ('-') is not supported yet", position);
        }
        return new Token(Kind.WORD, word, position);
      }
    }
  }

  private static boolean isReserved(char c) {
    return c == '(' || c == ')' || c == '|' || c == '*' || c == '~';
  }

  private static String reservedReason(char c) {
    return switch (c) {
      case '|' -> "OR ('|') is not supported yet";
      case '*' -> "prefix search ('*') is not supported yet";
      case '~' -> "proximity search ('~') is not supported yet";
      default -> "unexpected '" + c + "'";
    };
  }

  static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private static String collapseSpaces(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean pendingSpace = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isSpace(c)) {
        pendingSpace = !out.isEmpty();
      } else {
        if (pendingSpace) {
          out.append(' ');
          pendingSpace = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  private enum Kind { WORD, PHRASE, AND, END }

  private record Token(Kind kind, String text, int position) {
  }
}
