package io.newsmonitor.alert.delivery;

import io.newsmonitor.infra.Ports;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points the mailer at a free local port where the test itself starts (and stops) a real SMTP server, GreenMail: the
 * server must be able to be down while the service runs.
 */
public class SmtpPort implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    return Map.of(
        "quarkus.mailer.host", "127.0.0.1",
        "quarkus.mailer.port", String.valueOf(Ports.free()),
        // GreenMail speaks plain SMTP here; STARTTLS with its self-signed certificate would only test the certificate.
        "quarkus.mailer.start-tls", "DISABLED");
  }

  @Override
  public void stop() {
  }
}
