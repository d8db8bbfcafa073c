package io.newsmonitor.ingest.fetch;

import io.newsmonitor.http.HttpSettings;
import io.newsmonitor.http.SafeHttpClient;
import io.newsmonitor.ingest.config.FetchConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

/** The one outbound HTTP client of the service, guarded against SSRF and oversized responses. */
@ApplicationScoped
public class HttpClientProducer {

  @Produces
  @ApplicationScoped
  SafeHttpClient httpClient(FetchConfig config) {
    return new SafeHttpClient(new HttpSettings(config.userAgent(), config.connectTimeout(), config.responseTimeout(), config.maxBodyBytes(),
        config.maxRedirects(), config.allowLoopback(), config.allowPrivateNetworks()));
  }

  void close(@Disposes SafeHttpClient client) {
    client.close();
  }
}
