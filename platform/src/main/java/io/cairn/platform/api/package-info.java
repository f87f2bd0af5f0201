/** Cross-cutting REST pieces: error mapping to clear 4xx messages. */
package io.cairn.platform.api;
