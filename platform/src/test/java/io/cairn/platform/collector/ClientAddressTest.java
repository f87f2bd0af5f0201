package io.cairn.platform.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which address is stamped: the peer's, or X-Forwarded-For's client behind trusted proxies only. */
class ClientAddressTest {
  private final ClientAddress behindProxies = new ClientAddress(List.of("10.0.0.0/8", "192.168.1.5", "::1"));

  @Test
  void withoutTrustedProxiesTheHeaderIsIgnored() {
    ClientAddress none = new ClientAddress(List.of());
    assertThat(none.of("10.1.2.3", "203.0.113.7")).isEqualTo("10.1.2.3");
  }

  @Test
  void anUntrustedPeerCannotChooseItsAddress() {
    assertThat(behindProxies.of("198.51.100.9", "203.0.113.7")).isEqualTo("198.51.100.9");
    assertThat(behindProxies.of("198.51.100.9", "10.0.0.1")).isEqualTo("198.51.100.9");
  }

  @Test
  void aTrustedProxyForwardsTheClientsAddress() {
    assertThat(behindProxies.of("10.1.2.3", "203.0.113.7")).isEqualTo("203.0.113.7");
    assertThat(behindProxies.of("192.168.1.5", "203.0.113.7:5123")).isEqualTo("203.0.113.7");
    assertThat(behindProxies.of("::1", "[2001:db8::7]:443")).isEqualTo("2001:db8::7");
    assertThat(behindProxies.of("10.1.2.3", null)).as("no header").isEqualTo("10.1.2.3");
  }

  @Test
  void theChainIsReadFromTheNearestHopAndStopsAtTheFirstUntrustedOne() {
    assertThat(behindProxies.of("10.1.2.3", "1.1.1.1, 203.0.113.7, 10.9.9.9"))
        .as("1.1.1.1 is what the client claimed; 203.0.113.7 is who connected to our proxy").isEqualTo("203.0.113.7");
    assertThat(behindProxies.of("10.1.2.3", "10.9.9.8,10.9.9.9")).as("only proxies: the farthest").isEqualTo("10.9.9.8");
    assertThat(behindProxies.of("10.1.2.3", "evil.example, 10.9.9.9"))
        .as("a name is no address: the walk stops at the hop before it").isEqualTo("10.9.9.9");
    assertThat(behindProxies.of("10.1.2.3", "unknown")).isEqualTo("10.1.2.3");
  }

  @Test
  void aBadProxyEntryIsAConfigurationError() {
    assertThatThrownBy(() -> new ClientAddress(List.of("not-an-address/99")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("collector.trustedProxies");
  }
}
