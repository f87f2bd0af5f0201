package io.cairn.platform.collector;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.util.List;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * The client address to stamp on an event. The socket's peer, unless that peer is a configured trusted proxy: then
 * the {@code X-Forwarded-For} chain is read from its right end (the hop nearest to us), skipping trusted proxies,
 * and the first address that is not one is the client's. A header from an untrusted peer is ignored (anyone can
 * send one); an entry that is not an IP literal ends the walk at the hop before it. Addresses are parsed as
 * literals only, never looked up. Thread-safe.
 */
final class ClientAddress {
  private final InetAddressSet trusted = new InetAddressSet();

  /** @param trustedProxies addresses, CIDR ranges ({@code 10.0.0.0/8}) or ranges ({@code a-b}) of proxies */
  ClientAddress(List<String> trustedProxies) {
    for (String p : trustedProxies) {
      try {
        trusted.add(p.strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("collector.trustedProxies: '" + p + "' is not an address or CIDR range", e);
      }
    }
  }

  /**
   * @param peer the socket's peer address
   * @param forwardedFor the {@code X-Forwarded-For} header (all of its values joined by commas), or null
   */
  String of(String peer, String forwardedFor) {
    if (trusted.isEmpty() || forwardedFor == null || !isTrusted(peer)) {
      return peer;
    }
    String client = peer;
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      InetAddress hop = literal(hops[i]);
      if (hop == null) {
        break;
      }
      client = InetAddresses.toAddrString(hop);
      if (!trusted.test(hop)) {
        break;
      }
    }
    return client;
  }

  private boolean isTrusted(String address) {
    InetAddress a = literal(address);
    return a != null && trusted.test(a);
  }

  /** An IP literal ({@code [v6]} and a {@code :port} after a v4 address are allowed), or null. */
  private static InetAddress literal(String s) {
    String t = s.strip();
    if (t.startsWith("[") && t.indexOf(']') > 0) {
      t = t.substring(1, t.indexOf(']'));
    } else if (t.indexOf(':') > 0 && t.indexOf(':') == t.lastIndexOf(':')) {
      t = t.substring(0, t.indexOf(':'));
    }
    try {
      return InetAddresses.forString(t);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
