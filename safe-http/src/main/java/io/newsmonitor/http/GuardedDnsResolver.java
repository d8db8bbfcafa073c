package io.newsmonitor.http;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.apache.hc.client5.http.DnsResolver;

/**
 * Resolves names for the connection manager and refuses any answer holding a forbidden address, so the check applies to the very
 * addresses connected to and a DNS answer that changes between a check and the connect (rebinding) cannot slip through.
 */
final class GuardedDnsResolver implements DnsResolver {

  private final DnsResolver delegate;
  private final AddressPolicy policy;

  GuardedDnsResolver(DnsResolver delegate, AddressPolicy policy) {
    this.delegate = delegate;
    this.policy = policy;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    String refusedName = policy.refusal(host).orElse(null);
    if (refusedName != null) {
      throw new RefusedAddressException(refusedName);
    }
    InetAddress[] addresses = delegate.resolve(host);
    // One forbidden address refuses the host: a name mixing public and internal answers is an attack more often than a mistake.
    for (InetAddress address : addresses) {
      AddressPolicy.AddressKind kind = AddressPolicy.classify(address);
      if (!policy.allows(kind)) {
        throw new RefusedAddressException(host + " resolves to " + address.getHostAddress() + ", " + kind.description());
      }
    }
    return addresses;
  }

  @Override
  public String resolveCanonicalHostname(String host) throws UnknownHostException {
    return delegate.resolveCanonicalHostname(host);
  }
}
