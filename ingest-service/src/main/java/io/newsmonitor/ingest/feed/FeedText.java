package io.newsmonitor.ingest.feed;

import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns feed bytes into text: Rome's {@link XmlReader} picks the charset, and a strict decode with fallbacks catches feeds that lie about it. */
final class FeedText {

  private static final Pattern PROLOG_ENCODING = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([^\"']*)[\"']");
  private static final Pattern CONTENT_TYPE_CHARSET = Pattern.compile(";\\s*charset\\s*=\\s*[\"']?([^\"';\\s]+)", Pattern.CASE_INSENSITIVE);
  private static final int PROLOG_BYTES = 1024;

  private FeedText() {
  }

  /**
   * Decodes the body. Candidates, in order: what {@link XmlReader} settles on (BOM, then the prolog, then the HTTP charset, leniently), UTF-8, the
   * prolog's encoding, the HTTP charset. The first that decodes without a malformed byte wins, except that bytes which are valid UTF-8 and not plain
   * ASCII are taken as UTF-8 even under a single-byte label: mislabelled UTF-8 is common, and Latin-1 text almost never forms valid UTF-8.
   */
  static String decode(byte[] body, Optional<String> contentType) throws FeedParseException {
    String detected = null;
    String detectionProblem = null;
    try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType.orElse(null), true)) {
      detected = reader.getEncoding();
    } catch (IOException | RuntimeException e) {
      // An unknown charset name ends up here (UnsupportedEncodingException): the fallbacks below still apply.
      detectionProblem = e.getMessage();
    }
    Optional<String> prolog = prologEncoding(body);
    Optional<String> http = contentType.map(CONTENT_TYPE_CHARSET::matcher).filter(Matcher::find).map(m -> m.group(1));

    Set<String> candidates = new LinkedHashSet<>();
    if (detected != null) {
      candidates.add(detected.toUpperCase(Locale.ROOT));
    }
    candidates.add("UTF-8");
    prolog.ifPresent(e -> candidates.add(e.toUpperCase(Locale.ROOT)));
    http.ifPresent(e -> candidates.add(e.toUpperCase(Locale.ROOT)));

    String first = candidates.iterator().next();
    if (!first.startsWith("UTF-") && hasNonAscii(body)) {
      Optional<String> utf8 = strictDecode(body, StandardCharsets.UTF_8);
      if (utf8.isPresent()) {
        return utf8.get();
      }
    }
    for (String candidate : candidates) {
      Optional<Charset> charset = charset(candidate);
      Optional<String> text = charset.flatMap(c -> strictDecode(body, c));
      if (text.isPresent()) {
        return text.get();
      }
    }
    StringBuilder message = new StringBuilder("cannot decode the feed: not valid in any of the encodings tried ").append(candidates);
    prolog.filter(e -> charset(e).isEmpty()).ifPresent(e -> message.append("; the XML prolog declares an unknown encoding '").append(e).append('\''));
    http.filter(e -> charset(e).isEmpty()).ifPresent(e -> message.append("; the Content-Type declares an unknown charset '").append(e).append('\''));
    if (detectionProblem != null) {
      message.append("; ").append(detectionProblem);
    }
    throw new FeedParseException(message.toString());
  }

  private static Optional<String> prologEncoding(byte[] body) {
    int start = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF ? 3 : 0;
    String head = new String(body, start, Math.min(body.length - start, PROLOG_BYTES), StandardCharsets.ISO_8859_1);
    Matcher matcher = PROLOG_ENCODING.matcher(head);
    return matcher.find() ? Optional.of(matcher.group(1).trim()) : Optional.empty();
  }

  private static Optional<Charset> charset(String name) {
    try {
      return Charset.isSupported(name) ? Optional.of(Charset.forName(name)) : Optional.empty();
    } catch (IllegalCharsetNameException e) {
      return Optional.empty();
    }
  }

  private static boolean hasNonAscii(byte[] body) {
    for (byte b : body) {
      if (b < 0) {
        return true;
      }
    }
    return false;
  }

  private static Optional<String> strictDecode(byte[] body, Charset charset) {
    try {
      String text = charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
      // UTF-8 and the UTF-16BE/LE decoders keep the byte order mark; it is not part of the document.
      return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
