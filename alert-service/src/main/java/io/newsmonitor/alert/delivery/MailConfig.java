package io.newsmonitor.alert.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What alert e-mails carry besides the SMTP settings ({@code quarkus.mailer.*}): {@code alert.mail.*}. */
@ConfigMapping(prefix = "alert.mail")
public interface MailConfig {

  /** The domain part of every Message-ID, {@code <delivery-id@domain>}; default newsmonitor.local. */
  @WithDefault("newsmonitor.local")
  String messageIdDomain();
}
