package io.newsmonitor.enrich.repository;

import java.sql.SQLException;

/**
 * PostgreSQL refused or failed a statement of story assignment. Its cause is the driver's exception, whose SQL state tells
 * a database that is away (retried in place) from a statement that cannot succeed (the record goes to the dead-letter topic).
 */
public class StoryStoreException extends RuntimeException {

  public StoryStoreException(String message, SQLException cause) {
    super(message + ": " + cause.getMessage(), cause);
  }
}
