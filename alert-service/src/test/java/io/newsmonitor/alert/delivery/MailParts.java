package io.newsmonitor.alert.delivery;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.util.Optional;

/** Reads the parts of a received e-mail. */
public final class MailParts {

  private MailParts() {
  }

  /** The first part of this content type, anywhere in the message's tree of parts. */
  public static Optional<String> part(Part part, String contentType) throws Exception {
    if (part.isMimeType(contentType)) {
      return Optional.of((String) part.getContent());
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        Optional<String> found = part(child, contentType);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }
}
