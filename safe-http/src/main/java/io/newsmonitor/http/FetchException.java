package io.newsmonitor.http;

import java.io.Serial;
import java.util.Objects;

/** A request that {@link SafeHttpClient} refused or could not complete; the message names the URL and says why, for an operator. */
public final class FetchException extends Exception {

  @Serial
  private static final long serialVersionUID = 1L;

  /** Why the fetch failed. */
  public enum Reason {
    /** Not an absolute URL with a host, or a redirect to something that is not. */
    INVALID_URL,
    /** A scheme other than http or https (file:, ftp:, gopher:, jar: ...). */
    UNSUPPORTED_SCHEME,
    /** The host is, or resolves to, an address the {@link AddressPolicy} forbids. */
    BLOCKED_ADDRESS,
    /** DNS knows no address for the host. */
    UNKNOWN_HOST,
    /** More redirects than {@link HttpSettings#maxRedirects()}. */
    TOO_MANY_REDIRECTS,
    /** The (decompressed) body is larger than {@link HttpSettings#maxBodyBytes()}. */
    TOO_LARGE,
    /** Connecting, waiting for a free pooled connection, or waiting for the server took too long. */
    TIMEOUT,
    /** Anything else on the wire: refused connection, TLS failure, broken or malformed response. */
    CONNECTION
  }

  private final Reason reason;

  public FetchException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public FetchException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}
