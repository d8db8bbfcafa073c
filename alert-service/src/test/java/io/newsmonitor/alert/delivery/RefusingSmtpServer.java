package io.newsmonitor.alert.delivery;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail, a real SMTP server, answering RCPT TO as a real one would for some mailboxes: {@code gone…@} does not exist
 * (550, permanent) and {@code full…@} cannot take mail now (452, transient); every other recipient is accepted.
 */
final class RefusingSmtpServer extends GreenMail {

  static final String GONE = "550 5.1.1 mailbox unavailable";
  static final String FULL = "452 4.2.2 mailbox full, try again later";

  RefusingSmtpServer(int port) {
    super(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    // start() builds the SMTP service on these managers; the received messages are read from them too.
    managers = new RefusingManagers();
  }

  private static final class RefusingManagers extends Managers {

    private final SmtpManager smtp = new SmtpManager(getImapHostManager(), getUserManager()) {
      @Override
      public String checkRecipient(SmtpState state, MailAddress recipient) {
        if (recipient.getUser().startsWith("gone")) {
          return GONE;
        }
        return recipient.getUser().startsWith("full") ? FULL : null;
      }
    };

    @Override
    public SmtpManager getSmtpManager() {
      return smtp;
    }
  }
}
