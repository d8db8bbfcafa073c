package io.newsmonitor.alert.rule;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Parses the rule language (recursive descent; precedence NOT over AND over OR):
 *
 * <pre>
 * rule      = or , END ;
 * or        = and , { ( "OR" | "|" ) , and } ;
 * and       = unary , { ( "AND" | "+" ) , unary } ;
 * unary     = ( "NOT" | "-" ) , unary | primary ;
 * primary   = "(" , or , ")" | leaf ;
 * leaf      = field | proximity | phrase | prefix | term ;
 * field     = ( "actor" | "topic" | "source" | "lang" | "title" ) , ":" , ( phrase | term ) ;   (* name in any case *)
 * proximity = phrase , "~" , digit , [ digit , [ digit , [ digit ] ] ] ;   (* at least two words *)
 * phrase    = '"' , word , { word } , '"' ;
 * prefix    = word , "*" ;
 * term      = word , { word } ;
 * </pre>
 *
 * Keywords are read in any case. White space inside a bare term is part of it ({@code Pillar II} is one term, which the
 * knowledge base can resolve as a whole), so two operands always need an operator between them. A {@code -} is NOT only at
 * the start of a word ({@code Sino-Japanese} is a word). Inside quotes every character but the quote is a word character.
 *
 * <p>Pure and thread-safe.
 */
public final class RuleParser {

  /** Proximity beyond 9999 words is no proximity: refused rather than read as a number that may overflow. */
  private static final int MAX_DISTANCE_DIGITS = 4;

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
    RuleParser parser = new RuleParser(text);
    Rule rule = parser.or();
    Token rest = parser.peek();
    switch (rest.kind()) {
      case END -> {
        return rule;
      }
      case CLOSE -> throw new RuleSyntaxException("unexpected ')'", rest.position());
      default -> throw new RuleSyntaxException("expected an operator", rest.position());
    }
  }

  private Rule or() {
    List<Rule> operands = new ArrayList<>();
    operands.add(and());
    while (peek().kind() == Kind.OR) {
      next++;
      operands.add(and());
    }
    return operands.size() == 1 ? operands.getFirst() : new Rule.Or(operands);
  }

  private Rule and() {
    List<Rule> operands = new ArrayList<>();
    operands.add(unary());
    while (peek().kind() == Kind.AND) {
      next++;
      operands.add(unary());
    }
    return operands.size() == 1 ? operands.getFirst() : new Rule.And(operands);
  }

  private Rule unary() {
    if (peek().kind() == Kind.NOT) {
      next++;
      return new Rule.Not(unary());
    }
    return primary();
  }

  private Rule primary() {
    Token first = peek();
    switch (first.kind()) {
      case OPEN -> {
        next++;
        Rule inner = or();
        Token close = peek();
        if (close.kind() == Kind.END) {
          throw new RuleSyntaxException("'(' is not closed", first.position());
        }
        if (close.kind() != Kind.CLOSE) {
          throw new RuleSyntaxException("expected an operator or ')'", close.position());
        }
        next++;
        return inner;
      }
      case PHRASE -> {
        next++;
        return new Rule.Term(first.text(), true, first.position());
      }
      case PROXIMITY -> {
        next++;
        return proximity(first);
      }
      case PREFIX -> {
        next++;
        return new Rule.Prefix(first.text(), first.position());
      }
      case WORD -> {
        return words();
      }
      case FIELD -> {
        next++;
        return field(first);
      }
      case END -> throw new RuleSyntaxException("unexpected end of rule", text.length());
      case CLOSE -> throw new RuleSyntaxException("unexpected ')'", first.position());
      default -> throw new RuleSyntaxException("expected a term", first.position());
    }
  }

  /** A bare term runs over consecutive words: "Pillar II" is one term. */
  private Rule.Term words() {
    Token first = peek();
    StringBuilder words = new StringBuilder(first.text());
    next++;
    while (peek().kind() == Kind.WORD) {
      words.append(' ').append(peek().text());
      next++;
    }
    return new Rule.Term(words.toString(), false, first.position());
  }

  private Rule.Field field(Token name) {
    Rule.FieldName field = Rule.FieldName.valueOf(name.text().toUpperCase(Locale.ROOT));
    Token value = peek();
    return switch (value.kind()) {
      case PHRASE -> {
        next++;
        yield new Rule.Field(field, new Rule.Term(value.text(), true, value.position()), name.position());
      }
      case WORD -> new Rule.Field(field, words(), name.position());
      default -> throw new RuleSyntaxException("expected a word or a quoted phrase after '" + field.keyword() + ":'", value.position());
    };
  }

  private static Rule.Proximity proximity(Token token) {
    List<String> words = List.of(token.text().split(" "));
    if (words.size() < 2) {
      throw new RuleSyntaxException("proximity needs at least two words", token.position());
    }
    return new Rule.Proximity(words, token.distance(), token.position());
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
        tokens.add(new Token(Kind.AND, "+", i++));
      } else if (c == '|') {
        tokens.add(new Token(Kind.OR, "|", i++));
      } else if (c == '(') {
        tokens.add(new Token(Kind.OPEN, "(", i++));
      } else if (c == ')') {
        tokens.add(new Token(Kind.CLOSE, ")", i++));
      } else if (c == '-') {
        tokens.add(new Token(Kind.NOT, "-", i++));
      } else if (c == '~') {
        throw new RuleSyntaxException("'~' must follow a quoted phrase", i);
      } else if (c == '"') {
        i = phrase(text, i, tokens);
      } else {
        int start = i;
        while (i < n && !endsWord(text.charAt(i))) {
          i++;
        }
        word(text.substring(start, i), start, tokens);
      }
    }
    tokens.add(new Token(Kind.END, "", n));
    return tokens;
  }

  /** Reads the phrase opening at {@code open}, and its proximity when a {@code ~} follows; answers where reading goes on. */
  private static int phrase(String text, int open, List<Token> into) {
    int close = text.indexOf('"', open + 1);
    if (close < 0) {
      throw new RuleSyntaxException("unterminated quote", open);
    }
    String phrase = collapseSpaces(text.substring(open + 1, close));
    if (phrase.isEmpty()) {
      throw new RuleSyntaxException("empty phrase", open);
    }
    int after = close + 1;
    if (after < text.length() && text.charAt(after) == '~') {
      int digits = after + 1;
      int end = digits;
      while (end < text.length() && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
        end++;
      }
      if (end == digits) {
        throw new RuleSyntaxException("expected a number after '~'", digits);
      }
      if (end - digits > MAX_DISTANCE_DIGITS) {
        throw new RuleSyntaxException("distance too large", digits);
      }
      into.add(new Token(Kind.PROXIMITY, phrase, open, Integer.parseInt(text.substring(digits, end))));
      return end;
    }
    into.add(new Token(Kind.PHRASE, phrase, open));
    return after;
  }

  private static void word(String word, int position, List<Token> into) {
    int colon = word.indexOf(':');
    if (colon > 0 && word.substring(0, colon).chars().allMatch(c -> c < 128 && Character.isLetter(c))) {
      field(word, colon, position, into);
      return;
    }
    int star = word.indexOf('*');
    if (star >= 0) {
      if (star != word.length() - 1) {
        throw new RuleSyntaxException("'*' may only end a word", position + star);
      }
      if (star == 0) {
        throw new RuleSyntaxException("'*' needs the start of a word", position);
      }
      into.add(new Token(Kind.PREFIX, word.substring(0, star), position));
      return;
    }
    Kind kind = switch (word.toUpperCase(Locale.ROOT)) {
      case "AND" -> Kind.AND;
      case "OR" -> Kind.OR;
      case "NOT" -> Kind.NOT;
      default -> Kind.WORD;
    };
    into.add(new Token(kind, word, position));
  }

  private static void field(String word, int colon, int position, List<Token> into) {
    String name = word.substring(0, colon);
    boolean known = Arrays.stream(Rule.FieldName.values()).anyMatch(field -> field.keyword().equalsIgnoreCase(name));
    if (!known) {
      throw new RuleSyntaxException("unknown field '" + name + "' (expected one of " + fieldNames() + ")", position);
    }
    into.add(new Token(Kind.FIELD, name, position));
    if (colon + 1 < word.length()) {
      // The value is a plain word even when it reads like a keyword: actor:or is the actor "or".
      String value = word.substring(colon + 1);
      if (value.indexOf('*') >= 0) {
        throw new RuleSyntaxException("expected a word or a quoted phrase after '" + name + ":'", position + colon + 1);
      }
      into.add(new Token(Kind.WORD, value, position + colon + 1));
    }
  }

  private static String fieldNames() {
    return Arrays.stream(Rule.FieldName.values()).map(Rule.FieldName::keyword).collect(Collectors.joining(", "));
  }

  private static boolean endsWord(char c) {
    return isSpace(c) || c == '+' || c == '|' || c == '(' || c == ')' || c == '"' || c == '~';
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

  private enum Kind { WORD, PHRASE, PROXIMITY, PREFIX, FIELD, AND, OR, NOT, OPEN, CLOSE, END }

  /** A piece of the rule text; {@code distance} is the number after a proximity's {@code ~}, and 0 for the other kinds. */
  private record Token(Kind kind, String text, int position, int distance) {

    Token(Kind kind, String text, int position) {
      this(kind, text, position, 0);
    }
  }
}
