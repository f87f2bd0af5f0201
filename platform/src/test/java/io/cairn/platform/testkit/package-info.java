/**
 * Fakes at the SPI (a counting source, a keyed memory sink, an upper-casing step) and a fake registry; servers
 * for tests ({@link io.cairn.platform.testkit.TestApp}, {@link io.cairn.platform.testkit.ServerProcess}, and
 * {@link io.cairn.platform.testkit.ConnectorsApp}, the one shared by the connector tests) and a JSON client.
 */
package io.cairn.platform.testkit;
