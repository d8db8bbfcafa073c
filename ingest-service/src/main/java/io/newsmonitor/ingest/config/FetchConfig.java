package io.newsmonitor.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** Outbound HTTP of ingest-service (feeds, pages, robots.txt, WebSub hubs), under {@code ingest.fetch.*}. */
@ConfigMapping(prefix = "ingest.fetch")
public interface FetchConfig {

  /** The User-Agent of every request: names the project, so site owners know who calls. */
  @WithDefault("NewsMonitor/0.1 (+https://github.com/newsmonitor/news-monitor; news monitoring bot)")
  String userAgent();

  /** Default 5s. */
  @WithDefault("5s")
  Duration connectTimeout();

  /** Longest wait for a response (and between its packets). Default 15s. */
  @WithDefault("15s")
  Duration responseTimeout();

  /** Largest response body accepted, after decompression. Default 10485760 (10 MiB). */
  @WithDefault("10485760")
  @Min(1024)
  long maxBodyBytes();

  /** Default 5. */
  @WithDefault("5")
  @Min(0)
  int maxRedirects();

  /** Lets requests reach loopback addresses. Only tests and local demos set this; never in production (SSRF). Default false. */
  @WithDefault("false")
  boolean allowLoopback();

  /** Lets requests reach private networks (10/8, 172.16/12, 192.168/16, fc00::/7), for on-premises sources. Default false. */
  @WithDefault("false")
  boolean allowPrivateNetworks();

  /** Pages fetched from one host at the same time. Default 2. */
  @WithDefault("2")
  @Min(1)
  int perHostConcurrency();

  /** How long a host's robots.txt is trusted before it is fetched again. Default 1h. */
  @WithDefault("1h")
  Duration robotsTtl();
}
