package io.newsmonitor.http;

import java.io.Serial;
import java.net.UnknownHostException;

/** Thrown from DNS resolution when a name resolves to a forbidden address; an {@link UnknownHostException} so it passes through HttpClient. */
final class RefusedAddressException extends UnknownHostException {

  @Serial
  private static final long serialVersionUID = 1L;

  RefusedAddressException(String reason) {
    super(reason);
  }
}
