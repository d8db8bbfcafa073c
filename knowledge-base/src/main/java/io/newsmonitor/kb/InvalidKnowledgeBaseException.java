package io.newsmonitor.kb;

/** A knowledge-base file that cannot be read or breaks a rule of the format; the message says which entry and why. */
public class InvalidKnowledgeBaseException extends RuntimeException {

  public InvalidKnowledgeBaseException(String message) {
    super(message);
  }

  public InvalidKnowledgeBaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
