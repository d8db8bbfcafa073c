package io.newsmonitor.alert.digest;

import io.newsmonitor.alert.delivery.AttemptOutcome;
import io.newsmonitor.alert.delivery.EmailClient;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;

/** Mails a digest (HTML and plain text) through the same client as single alerts: same Message-ID, same outcomes. */
@ApplicationScoped
public class DigestMailer {

  private final EmailClient emails;
  private final Template html;
  private final Template text;
  private final ZoneId zone;

  public DigestMailer(EmailClient emails, @Location("digest-email.html") Template html, @Location("digest-email.txt") Template text,
      DigestConfig config) {
    this.emails = emails;
    this.html = html;
    this.text = text;
    this.zone = config.zone();
  }

  /** Sends the digest whose webhook JSON is {@code payload} to {@code address}, with the delivery id as Message-ID. */
  public AttemptOutcome send(String address, String payload, String deliveryId) {
    DigestEmail digest = DigestEmail.of(DigestPayload.fromJson(payload), zone);
    return emails.send(address, digest.subject(), html.data("digest", digest).render(), text.data("digest", digest).render(), deliveryId);
  }
}
