package io.cairn.connector.file;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/** Lists the files of a folder that match a glob, in the order they are read. */
final class FileSet {
  private FileSet() {}

  /**
   * The regular files below {@code folder} whose path relative to it matches {@code glob}, as relative
   * paths with {@code /} separators, sorted. A glob without {@code /} looks at the folder's own files only.
   */
  static List<String> list(Path folder, String glob) throws IOException {
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    int depth = glob.contains("**") ? Integer.MAX_VALUE : (int) glob.chars().filter(c -> c == '/').count() + 1;
    try (Stream<Path> paths = Files.walk(folder, depth)) {
      return paths
          .filter(Files::isRegularFile)
          .map(folder::relativize)
          .filter(matcher::matches)
          .map(p -> p.toString().replace(p.getFileSystem().getSeparator(), "/"))
          .sorted()
          .toList();
    }
  }
}
