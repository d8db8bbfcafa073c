package io.newsmonitor.support.retry;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a failure of the infrastructure (the database restarting, a broken connection, a deadlock) from a failure of the
 * record being processed. The first passes when the infrastructure is back, so a consumer retries the same record; only
 * the second belongs in a dead-letter topic, where a record sent during a database restart would be lost to the pipeline.
 */
public final class TransientFailures {

  private TransientFailures() {
  }

  /** True when {@code failure} or one of its causes says the same work can succeed later, unchanged. */
  public static boolean isTransient(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
      if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException || cause instanceof ConnectException) {
        return true;
      }
      if (cause instanceof SQLException sql && isTransientState(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /**
   * SQLSTATE classes of PostgreSQL (and the SQL standard) that describe the server or the connection, not the statement:
   * 08 connection exception, 53 insufficient resources, 57P operator intervention (shutdown, "cannot connect now" while
   * starting), 40001 serialization failure and 40P01 deadlock.
   */
  private static boolean isTransientState(String state) {
    return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
        || state.equals("40001") || state.equals("40P01"));
  }
}
