package io.newsmonitor.alert.delivery;

/**
 * The result of one attempt on any channel: delivered, or the receiver's status code (HTTP, or SMTP's reply code) and/or
 * the error, and whether retrying could change the answer.
 *
 * @param permanent a failure that retrying cannot fix (a 4xx answer, a refused address, an SMTP 5xx reply): parked at once
 */
public record AttemptOutcome(boolean delivered, Integer statusCode, String error, boolean permanent) {

  /** The receiver accepted it; {@code statusCode} is null where there is none (a broker's acknowledgement). */
  public static AttemptOutcome delivered(Integer statusCode) {
    return new AttemptOutcome(true, statusCode, null, false);
  }

  /** A failure worth retrying later: the receiver is down, busy or slow. */
  public static AttemptOutcome retry(Integer statusCode, String error) {
    return new AttemptOutcome(false, statusCode, error, false);
  }

  /** A failure no retry can fix. */
  public static AttemptOutcome park(Integer statusCode, String error) {
    return new AttemptOutcome(false, statusCode, error, true);
  }
}
