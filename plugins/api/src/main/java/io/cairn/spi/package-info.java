/**
 * Cairn's plugin SPI. Everything a connector or step plugin may see of the host lives under
 * {@code io.cairn.spi}: the plugin class loader delegates these packages (and pf4j and slf4j) to the host,
 * and nothing else.
 *
 * <p>Stability: types here evolve only by adding default methods. Anything marked {@link Unstable} may
 * still change between minor versions.
 */
package io.cairn.spi;
