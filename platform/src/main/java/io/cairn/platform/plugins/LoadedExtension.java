package io.cairn.platform.plugins;

/**
 * An extension instance of a started plugin with its description. The instance is a {@code SourceConnector},
 * {@code SinkConnector} or {@code StepFactory} (stateless and thread-safe by the SPI's contract).
 */
record LoadedExtension(ExtensionInfo info, Object instance) {}
