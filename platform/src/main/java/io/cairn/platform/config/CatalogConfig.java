package io.cairn.platform.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cairn.catalog.CatalogDatabase;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;

/**
 * Where the catalog lives. With no {@code url}, the embedded default: H2 in file mode under the Cairn home.
 * For production, a PostgreSQL URL.
 */
public class CatalogConfig {
  @JsonProperty
  private String url = "";

  @JsonProperty
  private String user = "";

  @JsonProperty
  private String password = "";

  @JsonProperty
  @Min(1)
  @Max(200)
  private int maxPoolSize = 16;

  public boolean embedded() {
    return url == null || url.isBlank();
  }

  public String url() {
    return url;
  }

  /** The Dropwizard data source for this catalog (H2 under {@code home} when no URL is set). */
  public DataSourceFactory dataSourceFactory(Path home) {
    DataSourceFactory f = new DataSourceFactory();
    if (embedded()) {
      f.setDriverClass("org.h2.Driver");
      f.setUrl(CatalogDatabase.h2FileUrl(home));
      f.setUser("cairn");
      f.setPassword("");
    } else {
      f.setDriverClass(url.startsWith("jdbc:h2:") ? "org.h2.Driver" : "org.postgresql.Driver");
      f.setUrl(url);
      f.setUser(user);
      f.setPassword(password);
    }
    f.setMaxSize(maxPoolSize);
    f.setMinSize(1);
    f.setInitialSize(1);
    f.setValidationQuery("select 1");
    f.setCheckConnectionOnBorrow(true);
    return f;
  }
}
