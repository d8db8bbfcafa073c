package io.newsmonitor.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;

import io.newsmonitor.http.AddressPolicy.AddressKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTests {

  private static final AddressPolicy STRICT = new AddressPolicy(false, false);
  private static final AddressPolicy LOOPBACK_ALLOWED = new AddressPolicy(true, false);
  private static final AddressPolicy PRIVATE_ALLOWED = new AddressPolicy(false, true);

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
      "93.184.216.34, PUBLIC",
      "8.8.8.8, PUBLIC",
      "2606:4700::1, PUBLIC",
      "2a00:1450:4001:82a::200e, PUBLIC",
      "127.0.0.1, LOOPBACK",
      "127.1.2.3, LOOPBACK",
      "::1, LOOPBACK",
      "::ffff:127.0.0.1, LOOPBACK",
      "0.0.0.0, UNSPECIFIED",
      "0.1.2.3, UNSPECIFIED",
      "::, UNSPECIFIED",
      "169.254.169.254, LINK_LOCAL",
      "169.254.0.1, LINK_LOCAL",
      "fe80::1, LINK_LOCAL",
      "febf::1, LINK_LOCAL",
      "::ffff:169.254.169.254, LINK_LOCAL",
      "10.0.0.1, PRIVATE",
      "10.255.255.255, PRIVATE",
      "172.16.0.1, PRIVATE",
      "172.31.255.255, PRIVATE",
      "192.168.1.1, PRIVATE",
      "::ffff:10.1.2.3, PRIVATE",
      "fec0::1, PRIVATE",
      "fc00::1, UNIQUE_LOCAL",
      "fd12:3456:789a::1, UNIQUE_LOCAL",
      "100.64.0.1, SHARED",
      "100.127.255.255, SHARED",
      "100.100.100.200, SHARED",
      "224.0.0.1, MULTICAST",
      "239.255.255.250, MULTICAST",
      "ff02::1, MULTICAST",
      "255.255.255.255, BROADCAST",
      "240.0.0.1, RESERVED",
      "198.18.0.1, RESERVED",
      "192.0.2.1, RESERVED",
      "2001:db8::1, RESERVED",
      "64:ff9b::a00:1, PRIVATE",
      "2002:7f00:1::1, LOOPBACK",
      // Neighbours of the ranges stay public.
      "172.15.255.255, PUBLIC",
      "172.32.0.0, PUBLIC",
      "100.63.255.255, PUBLIC",
      "100.128.0.0, PUBLIC",
      "169.253.255.255, PUBLIC",
      "11.0.0.1, PUBLIC",
      "192.169.0.1, PUBLIC"
  })
  void classifiesAddresses(String address, AddressKind kind) throws Exception {
    assertThat(AddressPolicy.classify(InetAddress.getByName(address))).isEqualTo(kind);
  }

  @Test
  void classifiesMappedAddressesThatJavaKeepsAsIpv6() throws Exception {
    // InetAddress.getByName turns ::ffff:a.b.c.d into an Inet4Address; one built from bytes with a scope stays IPv6.
    byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 169, (byte) 254, (byte) 169, (byte) 254};
    InetAddress address = Inet6Address.getByAddress(null, mapped, -1);
    byte[] compatible = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 127, 0, 0, 1};

    assertThat(address).isInstanceOf(Inet6Address.class);
    assertThat(AddressPolicy.classify(address)).isEqualTo(AddressKind.LINK_LOCAL);
    assertThat(AddressPolicy.classify(Inet6Address.getByAddress(null, compatible, -1))).isEqualTo(AddressKind.LOOPBACK);
  }

  @ParameterizedTest
  @ValueSource(strings = {"93.184.216.34", "2606:4700::1"})
  void allowsPublicAddresses(String address) throws Exception {
    assertThat(STRICT.refusal(InetAddress.getByName(address))).isEmpty();
  }

  @ParameterizedTest(name = "{0} refused: {1}")
  @CsvSource(delimiter = '|', value = {
      "169.254.169.254 | 169.254.169.254 is a link-local address",
      "127.0.0.1       | 127.0.0.1 is a loopback address",
      "::1             | 0:0:0:0:0:0:0:1 is a loopback address",
      "10.0.0.1        | 10.0.0.1 is a private network address",
      "fd00::1         | fd00:0:0:0:0:0:0:1 is an IPv6 unique-local address",
      "100.64.0.1      | 100.64.0.1 is a carrier-grade NAT (shared) address",
      "0.0.0.0         | 0.0.0.0 is an unspecified (this-host) address",
      "224.0.0.1       | 224.0.0.1 is a multicast address",
      "255.255.255.255 | 255.255.255.255 is a broadcast address"
  })
  void refusesInternalAddressesWithAReason(String address, String reason) throws Exception {
    assertThat(STRICT.refusal(InetAddress.getByName(address))).contains(reason);
  }

  @Test
  void allowLoopbackPermitsLoopbackOnly() throws Exception {
    assertThat(LOOPBACK_ALLOWED.refusal(InetAddress.getByName("127.0.0.1"))).isEmpty();
    assertThat(LOOPBACK_ALLOWED.refusal(InetAddress.getByName("::1"))).isEmpty();
    assertThat(LOOPBACK_ALLOWED.refusal("localhost")).isEmpty();
    assertThat(LOOPBACK_ALLOWED.refusal(InetAddress.getByName("10.0.0.1"))).isPresent();
    assertThat(LOOPBACK_ALLOWED.refusal(InetAddress.getByName("169.254.169.254"))).isPresent();
  }

  @Test
  void allowPrivateNetworksPermitsPrivateRangesButNeverLinkLocalOrLoopback() throws Exception {
    for (String address : new String[] {"10.0.0.1", "172.16.5.4", "192.168.0.10", "fd00::1", "100.64.0.1"}) {
      assertThat(PRIVATE_ALLOWED.refusal(InetAddress.getByName(address))).as(address).isEmpty();
    }
    for (String address : new String[] {"127.0.0.1", "169.254.169.254", "fe80::1", "0.0.0.0", "224.0.0.1"}) {
      assertThat(PRIVATE_ALLOWED.refusal(InetAddress.getByName(address))).as(address).isPresent();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "LOCALHOST", "localhost.", "api.localhost", "x.y.localhost."})
  void refusesLocalhostNamesWithoutDns(String name) {
    assertThat(STRICT.refusal(name)).contains(name + " is a loopback name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.com", "localhost.example.com", "notlocalhost"})
  void allowsOtherNames(String name) {
    assertThat(STRICT.refusal(name)).isEmpty();
  }
}
