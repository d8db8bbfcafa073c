package io.newsmonitor.support.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.MDC;

/**
 * The ids a log line is about, in the MDC for as long as the work on them lasts, so that JSON and plain console lines carry
 * them: {@code try (LogContext ignored = LogContext.of(LogContext.ARTICLE_ID, id)) { ... }}. Closing puts back what the keys
 * held before, so a nested context (a delivery inside a subscription) leaves the outer one intact.
 */
public final class LogContext implements AutoCloseable {

  /** MDC key of the article a line is about. */
  public static final String ARTICLE_ID = "articleId";
  /** MDC key of the subscription a line is about. */
  public static final String SUBSCRIPTION_ID = "subscriptionId";
  /** MDC key of the delivery a line is about. */
  public static final String DELIVERY_ID = "deliveryId";

  private final Map<String, Object> previous = new LinkedHashMap<>();

  private LogContext() {
  }

  /** Puts {@code key=value} in the MDC until closed; a null value leaves the key as it is. */
  public static LogContext of(String key, Object value) {
    return new LogContext().and(key, value);
  }

  /** Also puts {@code key=value} in the MDC until closed; a null value leaves the key as it is. */
  public LogContext and(String key, Object value) {
    if (value != null && !previous.containsKey(key)) {
      previous.put(key, MDC.get(key));
      MDC.put(key, value.toString());
    }
    return this;
  }

  @Override
  public void close() {
    previous.forEach((key, value) -> {
      if (value == null) {
        MDC.remove(key);
      } else {
        MDC.put(key, value);
      }
    });
  }
}
