package io.newsmonitor.benchmarks;

import io.newsmonitor.alert.matching.Resolution;
import io.newsmonitor.alert.matching.ResolvedRule;
import io.newsmonitor.alert.rule.Rule;
import io.newsmonitor.events.ArticleEnriched;
import io.newsmonitor.events.ArticleIngested;
import io.newsmonitor.events.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.CharTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Rules and articles as Lucene sees them, for Lucene Monitor in the matching benchmark: a resolved rule becomes a query,
 * an enriched article a document. Tags are keywords ({@code actor}, {@code topic}: their ids); title and body are words
 * split and folded as the rule evaluator does ({@link #WORDS}), in {@code text} (both) and {@code title}; the source's
 * name and id are words of {@code source}; the language is a keyword of {@code lang}, with each of its shorter tags.
 */
final class LuceneRules {

  private static final String ACTOR = "actor";
  private static final String TOPIC = "topic";
  private static final String TEXT = "text";
  private static final String TITLE = "title";
  private static final String SOURCE = "source";
  private static final String LANG = "lang";

  /**
   * Words as the rule evaluator's text search sees them: runs of letters, digits and underscores, lower-cased; so
   * {@code Japan's} is {@code japan} and {@code s}. Title and body are separate texts: a phrase or near words never span
   * them.
   */
  static final Analyzer WORDS = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer words = CharTokenizer.fromTokenCharPredicate(LuceneRules::isWordChar);
      return new TokenStreamComponents(words, new LowerCaseFilter(words));
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
      return 100_000;
    }
  };

  private LuceneRules() {
  }

  private static boolean isWordChar(int c) {
    return Character.isLetter(c) || c == '_' || switch (Character.getType(c)) {
      case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
      default -> false;
    };
  }

  /** The article as a document for {@code Monitor.match}; the Monitor analyses its text fields with {@link #WORDS}. */
  static Document document(ArticleEnriched enriched) {
    ArticleIngested article = enriched.article();
    Document document = new Document();
    for (Tag actor : enriched.actors()) {
      document.add(new StringField(ACTOR, actor.id(), Field.Store.NO));
    }
    for (Tag topic : enriched.topics()) {
      document.add(new StringField(TOPIC, topic.id(), Field.Store.NO));
    }
    for (String text : new String[] {article.title(), article.body()}) {
      if (text != null) {
        document.add(new TextField(TEXT, text, Field.Store.NO));
      }
    }
    if (article.title() != null) {
      document.add(new TextField(TITLE, article.title(), Field.Store.NO));
    }
    document.add(new TextField(SOURCE, article.source().name(), Field.Store.NO));
    document.add(new TextField(SOURCE, article.source().id(), Field.Store.NO));
    if (article.language() != null) {
      // "en" also takes "en-GB", as in the evaluator: the document carries every shorter tag of its language.
      String language = article.language().toLowerCase(Locale.ROOT);
      for (int dash = language.indexOf('-'); dash > 0; dash = language.indexOf('-', dash + 1)) {
        document.add(new StringField(LANG, language.substring(0, dash), Field.Store.NO));
      }
      document.add(new StringField(LANG, language, Field.Store.NO));
    }
    return document;
  }

  /** The rule as a query that matches the documents of the articles the rule matches, up to how words are split. */
  static Query query(ResolvedRule rule) {
    return query(rule.rule(), rule);
  }

  private static Query query(Rule node, ResolvedRule rule) {
    return switch (node) {
      case Rule.Leaf leaf -> leaf(rule.resolutionOf(leaf));
      case Rule.And and -> {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        boolean required = false;
        for (Rule operand : and.operands()) {
          if (operand instanceof Rule.Not not) {
            all.add(query(not.operand(), rule), Occur.MUST_NOT);
          } else {
            all.add(query(operand, rule), Occur.MUST);
            required = true;
          }
        }
        if (!required) {
          all.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        yield all.build();
      }
      case Rule.Or or -> {
        BooleanQuery.Builder any = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
        or.operands().forEach(operand -> any.add(query(operand, rule), Occur.SHOULD));
        yield any.build();
      }
      case Rule.Not not -> new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST).add(query(not.operand(), rule), Occur.MUST_NOT).build();
    };
  }

  private static Query leaf(Resolution resolution) {
    return switch (resolution) {
      case Resolution.Entity entity -> new TermQuery(new Term(entity.topic() ? TOPIC : ACTOR, entity.id()));
      case Resolution.Unknown unknown -> new MatchNoDocsQuery("unknown " + unknown.kind());
      case Resolution.Text text -> phrase(text.fields().size() == 1 ? TITLE : TEXT, text.phrase());
      case Resolution.Prefix prefix -> new PrefixQuery(new Term(TEXT, prefix.stem().strip().toLowerCase(Locale.ROOT)));
      case Resolution.Near near -> near(near.words(), near.distance());
      case Resolution.Source source -> phrase(SOURCE, source.words());
      case Resolution.Language language -> new TermQuery(new Term(LANG, language.code().toLowerCase(Locale.ROOT)));
    };
  }

  private static Query phrase(String field, String phrase) {
    List<String> words = words(field, phrase);
    return switch (words.size()) {
      case 0 -> new MatchNoDocsQuery("no words in " + phrase);
      case 1 -> new TermQuery(new Term(field, words.getFirst()));
      default -> new PhraseQuery(field, words.toArray(String[]::new));
    };
  }

  /**
   * The evaluator's near words are within {@code distance} positions, last minus first; an unordered span's slop counts
   * the positions between them that are none of the words, so n words at most {@code distance} apart have a slop of
   * {@code distance + 1 - n}.
   */
  private static Query near(List<String> written, int distance) {
    Set<String> words = new LinkedHashSet<>();
    written.forEach(word -> words.addAll(words(TEXT, word)));
    if (words.size() < 2) {
      return words.isEmpty() ? new MatchNoDocsQuery("no words") : new TermQuery(new Term(TEXT, words.iterator().next()));
    }
    SpanQuery[] spans = words.stream().map(word -> new SpanTermQuery(new Term(TEXT, word))).toArray(SpanQuery[]::new);
    return new SpanNearQuery(spans, Math.max(0, distance + 1 - words.size()), false);
  }

  private static List<String> words(String field, String text) {
    List<String> words = new ArrayList<>();
    try (TokenStream tokens = WORDS.tokenStream(field, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        words.add(term.toString());
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return words;
  }
}
