/**
 * Lookups served from the Redis profile view that the {@code redis} sink keeps up to date
 * ({@code profile_segments:<id>} and friends, see the connector's package doc), e.g. a profile's segments while
 * the person is on the site.
 */
package io.cairn.platform.profilestore;
