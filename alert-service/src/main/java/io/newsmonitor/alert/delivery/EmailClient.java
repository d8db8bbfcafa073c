package io.newsmonitor.alert.delivery;

import io.newsmonitor.events.AlertRaised;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.TimeoutException;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Mails an alert over SMTP (HTML and plain text) and says how it went; never throws for the server's failures. A 5xx reply
 * parks the delivery at once; a 4xx reply, a refused connection or a timeout is worth a retry. The delivery
 * id is the Message-ID, so that a repeat after a crash or a timed-out attempt that did arrive is recognisable as the same
 * message.
 */
@ApplicationScoped
public class EmailClient {

  /** SMTP's "requested action completed": the only answer after which the mailer reports success. */
  static final int SMTP_ACCEPTED = 250;

  private final ReactiveMailer mailer;
  private final Template html;
  private final Template text;
  private final Duration timeout;
  private final String messageIdDomain;
  // In every error, so that an e-mail failing because no SMTP server is configured says where it looked.
  private final String server;

  public EmailClient(ReactiveMailer mailer, @Location("alert-email.html") Template html, @Location("alert-email.txt") Template text,
      DeliveryConfig delivery, MailConfig mail, @ConfigProperty(name = "quarkus.mailer.host") String host,
      @ConfigProperty(name = "quarkus.mailer.port") int port) {
    this.mailer = mailer;
    this.html = html;
    this.text = text;
    // One bound for the whole exchange: connecting, the SMTP dialogue and the message.
    this.timeout = delivery.connectTimeout().plus(delivery.readTimeout());
    this.messageIdDomain = mail.messageIdDomain();
    this.server = "SMTP " + host + ":" + port;
  }

  /** The Message-ID of the e-mail of this delivery. */
  public String messageId(String deliveryId) {
    return "<" + deliveryId + "@" + messageIdDomain + ">";
  }

  /** Sends {@code alert} to {@code address} with the delivery id as Message-ID and idempotency key. */
  public AttemptOutcome send(String address, AlertRaised alert, String deliveryId) {
    AlertEmail email = AlertEmail.of(alert);
    return send(address, email.subject(), html.data("alert", email).render(), text.data("alert", email).render(), deliveryId);
  }

  /** Sends a message rendered elsewhere (a digest) the same way. */
  public AttemptOutcome send(String address, String subject, String htmlBody, String textBody, String deliveryId) {
    Mail mail = Mail.withHtml(address, subject, htmlBody)
        .setText(textBody)
        .addHeader("Message-ID", messageId(deliveryId))
        .addHeader(WebhookClient.IDEMPOTENCY_KEY, deliveryId)
        .addHeader(WebhookClient.DELIVERY_HEADER, deliveryId);
    try {
      mailer.send(mail).await().atMost(timeout);
      return AttemptOutcome.delivered(SMTP_ACCEPTED);
    } catch (TimeoutException e) {
      return AttemptOutcome.retry(null, server + " timed out after " + timeout.toMillis() + " ms");
    } catch (RuntimeException e) {
      // The mailer wraps the cause (connection refused, the server's reply) in exceptions that say less.
      Throwable cause = e;
      while (cause.getCause() != null && cause.getCause() != cause) {
        cause = cause.getCause();
      }
      String error = server + ": " + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
      if (cause instanceof SMTPException reply) {
        // 5xx is the server's final word (no such mailbox, refused); 4xx asks to try again later.
        return reply.isPermanent() ? AttemptOutcome.park(reply.getReplyCode(), error) : AttemptOutcome.retry(reply.getReplyCode(), error);
      }
      return AttemptOutcome.retry(null, error);
    }
  }
}
