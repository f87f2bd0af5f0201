package io.cairn.platform.collector;

import java.time.Instant;

/**
 * What the collector takes from an HTTP request besides its body.
 *
 * @param basicUser the user name of a Basic {@code Authorization} header (Segment's write key), or null
 * @param ip the client's address
 * @param userAgent the {@code User-Agent} header, or null
 * @param tcfCookie the {@code euconsent-v2} cookie, or null
 * @param tcfHeader the {@code X-TCF-String} header, or null
 * @param gpc whether {@code Sec-GPC: 1} was sent
 * @param receivedAt when the request arrived
 */
record RequestMeta(String basicUser, String ip, String userAgent, String tcfCookie, String tcfHeader, boolean gpc,
    Instant receivedAt) {}
