package io.newsmonitor.http;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;

/** Which addresses outbound requests may reach: public ones always, loopback and private ranges only when allowed, the rest never. */
public final class AddressPolicy {

  /** What an address is, as far as reaching it from our servers goes. */
  public enum AddressKind {
    PUBLIC("a public address"),
    LOOPBACK("a loopback address"),
    UNSPECIFIED("an unspecified (this-host) address"),
    LINK_LOCAL("a link-local address"),
    PRIVATE("a private network address"),
    UNIQUE_LOCAL("an IPv6 unique-local address"),
    SHARED("a carrier-grade NAT (shared) address"),
    MULTICAST("a multicast address"),
    BROADCAST("a broadcast address"),
    RESERVED("a reserved, non-routable address");

    private final String description;

    AddressKind(String description) {
      this.description = description;
    }

    /** For messages: "169.254.169.254 is " + description. */
    public String description() {
      return description;
    }
  }

  private final boolean allowLoopback;
  private final boolean allowPrivateNetworks;

  public AddressPolicy(boolean allowLoopback, boolean allowPrivateNetworks) {
    this.allowLoopback = allowLoopback;
    this.allowPrivateNetworks = allowPrivateNetworks;
  }

  public static AddressPolicy of(HttpSettings settings) {
    return new AddressPolicy(settings.allowLoopback(), settings.allowPrivateNetworks());
  }

  /** Link-local (cloud metadata), multicast, broadcast, unspecified and reserved addresses are never allowed, whatever the settings. */
  public boolean allows(AddressKind kind) {
    return switch (kind) {
      case PUBLIC -> true;
      case LOOPBACK -> allowLoopback;
      case PRIVATE, UNIQUE_LOCAL, SHARED -> allowPrivateNetworks;
      case UNSPECIFIED, LINK_LOCAL, MULTICAST, BROADCAST, RESERVED -> false;
    };
  }

  /** Empty when {@code address} may be reached, otherwise why not, e.g. "169.254.169.254 is a link-local address". */
  public Optional<String> refusal(InetAddress address) {
    AddressKind kind = classify(address);
    return allows(kind) ? Optional.empty() : Optional.of(address.getHostAddress() + " is " + kind.description());
  }

  /** Refuses names that mean this host without asking DNS: "localhost" and its subdomains (RFC 6761). */
  public Optional<String> refusal(String hostName) {
    return isLocalhostName(hostName) && !allowLoopback ? Optional.of(hostName + " is a loopback name") : Optional.empty();
  }

  public static boolean isLocalhostName(String hostName) {
    String name = hostName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    return name.equals("localhost") || name.endsWith(".localhost");
  }

  public static AddressKind classify(InetAddress address) {
    byte[] bytes = address.getAddress();
    return address instanceof Inet4Address ? classifyV4(toInt(bytes, 0)) : classifyV6(bytes);
  }

  private static AddressKind classifyV4(int ip) {
    if (ip == 0xFFFFFFFF) {
      return AddressKind.BROADCAST;
    }
    int first = ip >>> 24;
    if (first == 0) {
      // 0.0.0.0/8 means "this network"; Linux connects 0.0.0.0 to the local host.
      return AddressKind.UNSPECIFIED;
    }
    if (first == 127) {
      return AddressKind.LOOPBACK;
    }
    if (first == 10 || inRange(ip, 0xAC100000, 12) || inRange(ip, 0xC0A80000, 16)) {
      return AddressKind.PRIVATE;
    }
    if (inRange(ip, 0x64400000, 10)) {
      return AddressKind.SHARED;
    }
    if (inRange(ip, 0xA9FE0000, 16)) {
      return AddressKind.LINK_LOCAL;
    }
    if (first >= 224 && first < 240) {
      return AddressKind.MULTICAST;
    }
    // 240/4 (future use), IETF protocol assignments, benchmarking and the three documentation networks.
    if (first >= 240 || inRange(ip, 0xC0000000, 24) || inRange(ip, 0xC6120000, 15) || inRange(ip, 0xC0000200, 24) || inRange(ip, 0xC6336400, 24)
        || inRange(ip, 0xCB007100, 24)) {
      return AddressKind.RESERVED;
    }
    return AddressKind.PUBLIC;
  }

  private static AddressKind classifyV6(byte[] b) {
    if (embedsIpv4(b)) {
      // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible) and 64:ff9b::a.b.c.d (NAT64) all end up at the IPv4 address.
      return classifyV4(toInt(b, 12));
    }
    if (isZero(b, 0, 15) && (b[15] == 0 || b[15] == 1)) {
      return b[15] == 0 ? AddressKind.UNSPECIFIED : AddressKind.LOOPBACK;
    }
    if ((b[0] & 0xFF) == 0x20 && b[1] == 0x02) {
      // 6to4 (2002::/16) carries the IPv4 address it is delivered to in the next four bytes.
      return classifyV4(toInt(b, 2));
    }
    int first = b[0] & 0xFF;
    int second = b[1] & 0xFF;
    if (first == 0xFF) {
      return AddressKind.MULTICAST;
    }
    if (first == 0xFE && (second & 0xC0) == 0x80) {
      return AddressKind.LINK_LOCAL;
    }
    if (first == 0xFE && (second & 0xC0) == 0xC0) {
      // fec0::/10, the deprecated site-local range, is used like a private network where it survives.
      return AddressKind.PRIVATE;
    }
    if ((first & 0xFE) == 0xFC) {
      return AddressKind.UNIQUE_LOCAL;
    }
    // Only 2000::/3 is allocated for global unicast; 2001:db8::/32 is for documentation.
    if ((first & 0xE0) != 0x20 || (first == 0x20 && second == 0x01 && (b[2] & 0xFF) == 0x0D && (b[3] & 0xFF) == 0xB8)) {
      return AddressKind.RESERVED;
    }
    return AddressKind.PUBLIC;
  }

  private static boolean embedsIpv4(byte[] b) {
    boolean mapped = isZero(b, 0, 10) && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
    boolean compatible = isZero(b, 0, 12) && !isZero(b, 12, 15);
    boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B && isZero(b, 4, 12);
    return mapped || compatible || nat64;
  }

  private static boolean isZero(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static int toInt(byte[] bytes, int offset) {
    return (bytes[offset] & 0xFF) << 24 | (bytes[offset + 1] & 0xFF) << 16 | (bytes[offset + 2] & 0xFF) << 8 | bytes[offset + 3] & 0xFF;
  }

  private static boolean inRange(int ip, int network, int prefixLength) {
    int mask = -1 << (32 - prefixLength);
    return (ip & mask) == (network & mask);
  }
}
