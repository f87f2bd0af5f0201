/** Fakes at the SPI (a counting source, a keyed memory sink, an upper-casing step) and a fake registry. */
package io.cairn.platform.testkit;
