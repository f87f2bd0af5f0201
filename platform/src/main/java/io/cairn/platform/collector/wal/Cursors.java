package io.cairn.platform.collector.wal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Named positions of the log's consumers, one small file each, replaced atomically. Thread-safe. */
final class Cursors {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:-]{1,200}");
  private final Path dir;
  private final Map<String, Long> positions = new ConcurrentHashMap<>();

  Cursors(Path dir) throws IOException {
    this.dir = dir;
    Files.createDirectories(dir);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".pos")).toList()) {
        String file = f.getFileName().toString();
        positions.put(decode(file.substring(0, file.length() - 4)),
            Long.parseLong(Files.readString(f, StandardCharsets.US_ASCII).trim()));
      }
    }
  }

  long get(String name) {
    return positions.getOrDefault(name, -1L);
  }

  synchronized void put(String name, long position) throws IOException {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("cursor name '" + name + "' must be letters, digits or .:_-");
    }
    Path target = dir.resolve(encode(name) + ".pos");
    Path tmp = dir.resolve(encode(name) + ".tmp");
    Files.writeString(tmp, Long.toString(position), StandardCharsets.US_ASCII);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    positions.put(name, position);
  }

  /** Forgets a consumer's position (its file too); returns the position it had, or -1 when it had none. */
  synchronized long remove(String name) throws IOException {
    Long had = positions.remove(name);
    if (NAME.matcher(name).matches()) {
      Files.deleteIfExists(dir.resolve(encode(name) + ".pos"));
    }
    return had == null ? -1 : had;
  }

  /** The lowest cursor; {@code Long.MIN_VALUE} when there is none, so nothing is deleted. */
  long min() {
    return positions.values().stream().mapToLong(Long::longValue).min().orElse(Long.MIN_VALUE);
  }

  Map<String, Long> all() {
    return Map.copyOf(positions);
  }

  private static String encode(String name) {
    return name.replace(':', '~');
  }

  private static String decode(String file) {
    return file.replace('~', ':');
  }
}
