/**
 * Declared configuration: a plugin describes its properties once ({@link io.cairn.spi.config.ConfigDef});
 * the host validates user input against it before a task starts, masks its secrets everywhere, and the UI
 * renders its forms from it.
 */
package io.cairn.spi.config;
