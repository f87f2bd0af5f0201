package io.cairn.platform.config;

import io.dropwizard.configuration.ConfigurationSourceProvider;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;

/** Reads {@code classpath:name} from the application's resources, anything else as a file. */
public final class ClasspathOrFileSourceProvider implements ConfigurationSourceProvider {
  public static final String PREFIX = "classpath:";
  private final FileConfigurationSourceProvider files = new FileConfigurationSourceProvider();

  @Override
  public InputStream open(String path) throws IOException {
    if (path.startsWith(PREFIX)) {
      String name = path.substring(PREFIX.length());
      InputStream in = ClasspathOrFileSourceProvider.class.getClassLoader().getResourceAsStream(name);
      if (in == null) {
        throw new FileNotFoundException("no configuration resource '" + name + "' in the application");
      }
      return in;
    }
    return files.open(path);
  }
}
