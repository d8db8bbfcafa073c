package io.newsmonitor.alert.matching;

import io.newsmonitor.alert.rule.Rule;
import io.newsmonitor.kb.KnowledgeBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Resolves a bare term through the knowledge base (an id, canonical name or alias), falling back to text; a quoted phrase is always text. */
@ApplicationScoped
public class KnowledgeBaseTermResolver implements TermResolver {

  private final KnowledgeBase knowledgeBase;

  // Constructor injection keeps the resolver usable without CDI.
  public KnowledgeBaseTermResolver(KnowledgeBase knowledgeBase) {
    this.knowledgeBase = knowledgeBase;
  }

  @Override
  public Resolution resolve(Rule.Term term) {
    if (term.quoted()) {
      return new Resolution.Text(term.text());
    }
    return knowledgeBase.resolve(term.text())
        .<Resolution>map(entry -> new Resolution.Entity(entry.id(), entry.name(), entry.isTopic()))
        .orElseGet(() -> new Resolution.Text(term.text()));
  }
}
