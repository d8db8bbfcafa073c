package io.newsmonitor.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link SafeHttpClient} behaves: identity, limits, and which internal addresses it may reach.
 *
 * @param userAgent            sent with every request
 * @param connectTimeout       for establishing the TCP (and TLS) connection
 * @param responseTimeout      longest wait for the response to start and between two reads of its body
 * @param maxBodyBytes         largest (decompressed) body accepted
 * @param maxRedirects         most redirects a GET follows
 * @param allowLoopback        reach 127.0.0.0/8, ::1 and localhost (tests against a local server)
 * @param allowPrivateNetworks reach private, unique-local and carrier-grade NAT ranges (on-premises deployments)
 */
public record HttpSettings(String userAgent, Duration connectTimeout, Duration responseTimeout, long maxBodyBytes,
                           int maxRedirects, boolean allowLoopback, boolean allowPrivateNetworks) {

  public HttpSettings {
    if (userAgent == null || userAgent.isBlank()) {
      throw new IllegalArgumentException("userAgent must not be blank");
    }
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(responseTimeout, "responseTimeout");
    if (maxBodyBytes <= 0) {
      throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
    }
    if (maxRedirects < 0) {
      throw new IllegalArgumentException("maxRedirects must not be negative: " + maxRedirects);
    }
  }

  /** 5 s to connect, 15 s for the response, 10 MiB of body, 5 redirects, public addresses only. */
  public static HttpSettings defaults(String userAgent) {
    return new HttpSettings(userAgent, Duration.ofSeconds(5), Duration.ofSeconds(15), 10L * 1024 * 1024, 5, false, false);
  }

  public HttpSettings withUserAgent(String value) {
    return new HttpSettings(value, connectTimeout, responseTimeout, maxBodyBytes, maxRedirects, allowLoopback, allowPrivateNetworks);
  }

  public HttpSettings withConnectTimeout(Duration value) {
    return new HttpSettings(userAgent, value, responseTimeout, maxBodyBytes, maxRedirects, allowLoopback, allowPrivateNetworks);
  }

  public HttpSettings withResponseTimeout(Duration value) {
    return new HttpSettings(userAgent, connectTimeout, value, maxBodyBytes, maxRedirects, allowLoopback, allowPrivateNetworks);
  }

  public HttpSettings withMaxBodyBytes(long value) {
    return new HttpSettings(userAgent, connectTimeout, responseTimeout, value, maxRedirects, allowLoopback, allowPrivateNetworks);
  }

  public HttpSettings withMaxRedirects(int value) {
    return new HttpSettings(userAgent, connectTimeout, responseTimeout, maxBodyBytes, value, allowLoopback, allowPrivateNetworks);
  }

  public HttpSettings withAllowLoopback(boolean value) {
    return new HttpSettings(userAgent, connectTimeout, responseTimeout, maxBodyBytes, maxRedirects, value, allowPrivateNetworks);
  }

  public HttpSettings withAllowPrivateNetworks(boolean value) {
    return new HttpSettings(userAgent, connectTimeout, responseTimeout, maxBodyBytes, maxRedirects, allowLoopback, value);
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + duration);
    }
  }
}
