/** Helpers for tests that run the whole application: a server on random ports in a temporary Cairn home. */
package io.cairn.platform.testing;
