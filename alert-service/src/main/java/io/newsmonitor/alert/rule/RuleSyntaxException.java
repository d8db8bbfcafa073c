package io.newsmonitor.alert.rule;

/** A rule that does not parse: where ({@link #position()}, an offset into the rule text) and why. */
public class RuleSyntaxException extends IllegalArgumentException {

  private final int position;
  private final String reason;

  public RuleSyntaxException(String reason, int position) {
    super(reason + " at " + position);
    this.reason = reason;
    this.position = position;
  }

  /** Offset into the rule text where the problem was found; the length of the text when the rule ended too early. */
  public int position() {
    return position;
  }

  /** The problem without its position, e.g. {@code expected a term}. */
  public String reason() {
    return reason;
  }
}
