package io.cairn.platform.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The plugins folder ({@code <CAIRN_HOME>/plugins}): each installed version is kept as its zip
 * {@code <id>-<version>-<sha12>.zip} (the file name the catalog records) and unpacked beside it into a folder
 * of the same name, which PF4J loads. Uploads are staged under {@code .staging/} first.
 */
final class PluginFiles {
  private static final String BUNDLED_MARKER = "bundled-installed.txt";

  private final Path root;
  private final Path staging;
  private final long maxZipBytes;

  PluginFiles(Path root, long maxZipBytes) {
    this.root = root.toAbsolutePath().normalize();
    this.staging = this.root.resolve(".staging");
    this.maxZipBytes = maxZipBytes;
  }

  Path root() {
    return root;
  }

  long maxUnpackedBytes() {
    return Math.max(maxZipBytes * 4, 64L * 1024 * 1024);
  }

  /** Creates the folders and removes what an interrupted upload left in the staging folder. */
  void init() throws IOException {
    Files.createDirectories(root);
    deleteTree(staging);
    Files.createDirectories(staging);
  }

  /** An upload saved, checked and unpacked in the staging folder; {@link #discard} removes what is left. */
  record Staged(Path zip, Path dir, PluginArchive.Manifest manifest, String sha256, String name) {}

  /**
   * Saves an upload, checks it ({@link PluginArchive#inspect}) and unpacks it, all in the staging folder.
   *
   * @throws PluginException 413 when larger than the limit, 400 when it is not a valid plugin zip
   */
  Staged stage(InputStream upload, String name) {
    String id = UUID.randomUUID().toString();
    Path zip = staging.resolve(id + ".zip");
    Path dir = staging.resolve(id);
    try {
      String sha256 = save(upload, zip, name);
      PluginArchive.Manifest manifest = PluginArchive.inspect(zip, name, maxUnpackedBytes());
      PluginArchive.unpack(zip, name, dir, maxUnpackedBytes());
      return new Staged(zip, dir, manifest, sha256, name);
    } catch (RuntimeException e) {
      deleteQuietly(zip);
      deleteQuietly(dir);
      throw e;
    }
  }

  private String save(InputStream upload, Path zip, String name) {
    MessageDigest sha = sha256();
    long total = 0;
    try (InputStream in = new DigestInputStream(upload, sha); OutputStream out = Files.newOutputStream(zip)) {
      byte[] buf = new byte[64 * 1024];
      for (int n; (n = in.read(buf)) >= 0;) {
        total += n;
        if (total > maxZipBytes) {
          throw new PluginException(413, "'" + name + "' is larger than the limit of " + size(maxZipBytes)
              + " for a plugin zip");
        }
        out.write(buf, 0, n);
      }
    } catch (IOException e) {
      throw PluginException.badZip("the upload of '" + name + "' broke off: " + e.getMessage());
    }
    if (total == 0) {
      throw PluginException.badZip("the upload '" + name + "' is empty: send the plugin zip as the request body "
          + "(application/zip) or as the multipart field 'file'");
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** Moves a staged plugin to its place; returns the zip's file name, as the catalog records it. */
  String place(Staged s) {
    String base = s.manifest().id() + "-" + s.manifest().version() + "-" + s.sha256().substring(0, 12);
    try {
      deleteTree(dir(base + ".zip"));
      Files.move(s.zip(), zip(base + ".zip"), StandardCopyOption.REPLACE_EXISTING);
      Files.move(s.dir(), dir(base + ".zip"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move plugin '" + s.manifest().id() + "' into " + root, e);
    }
    return base + ".zip";
  }

  /** Unpacks a recorded zip again into its folder (at start), replacing what the folder held. */
  void unpackFresh(String fileName) {
    try {
      deleteTree(dir(fileName));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + dir(fileName), e);
    }
    PluginArchive.unpack(zip(fileName), fileName, dir(fileName), maxUnpackedBytes());
  }

  Path zip(String fileName) {
    return root.resolve(fileName);
  }

  Path dir(String fileName) {
    return root.resolve(fileName.endsWith(".zip") ? fileName.substring(0, fileName.length() - 4) : fileName + ".d");
  }

  /** Removes an installed version's zip and folder. */
  void delete(String fileName) {
    deleteQuietly(zip(fileName));
    deleteQuietly(dir(fileName));
  }

  void discard(Staged s) {
    deleteQuietly(s.zip());
    deleteQuietly(s.dir());
  }

  /** The SHA-256 of a file, in lower-case hex. */
  static String sha256(Path file) throws IOException {
    MessageDigest sha = sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** The ids of the bundled plugins installed once, which are not installed again after an uninstall. */
  Set<String> bundledInstalled() throws IOException {
    Path marker = root.resolve(BUNDLED_MARKER);
    return Files.exists(marker) ? new LinkedHashSet<>(Files.readAllLines(marker, StandardCharsets.UTF_8)) : Set.of();
  }

  void markBundledInstalled(String pluginId) throws IOException {
    Set<String> ids = new LinkedHashSet<>(bundledInstalled());
    if (ids.add(pluginId)) {
      Files.write(root.resolve(BUNDLED_MARKER), ids, StandardCharsets.UTF_8);
    }
  }

  /** A size for people: {@code 512 MB}, {@code 64 KB} or {@code 100 bytes}. */
  static String size(long bytes) {
    if (bytes >= 1024 * 1024) {
      return bytes / (1024 * 1024) + " MB";
    }
    return bytes >= 1024 ? bytes / 1024 + " KB" : bytes + " bytes";
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      deleteTree(path);
    } catch (IOException e) {
      org.slf4j.LoggerFactory.getLogger(PluginFiles.class).warn("cannot delete {}: {}", path, e.getMessage());
    }
  }

  private static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
