package io.newsmonitor.alert.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook request: HMAC-SHA256, keyed with the subscription's webhook secret, over the timestamp header,
 * a dot and the body, as {@code sha256=<lower-case hex>}. Signing the timestamp with the body lets a receiver refuse an
 * old request replayed.
 */
public final class WebhookSignature {

  public static final String TIMESTAMP_HEADER = "X-Newsmonitor-Timestamp";
  public static final String SIGNATURE_HEADER = "X-Newsmonitor-Signature";
  private static final String ALGORITHM = "HmacSHA256";

  private WebhookSignature() {
  }

  /** {@code sha256=} and the hex HMAC-SHA256 of {@code timestamp + "." + body} under {@code secret}. */
  public static String sign(String secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      // Every JDK has HmacSHA256, and any non-empty key is valid for it.
      throw new IllegalStateException("cannot sign with " + ALGORITHM, e);
    }
  }
}
