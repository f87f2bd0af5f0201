package io.cairn.connector.jdbc;

import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.config.ConfigException;
import io.cairn.spi.config.ConfigProperty;
import io.cairn.spi.config.ConfigType;
import java.util.List;

/** The declared configuration of the JDBC source and sink. */
final class JdbcConfig {
  static final String URL = "url";
  static final String USER = "user";
  static final String PASSWORD = "password";
  static final String TABLE = "table";
  static final String QUERY = "query";
  static final String MODE = "mode";
  static final String WATERMARK_COLUMN = "watermarkColumn";
  static final String SUBJECT_COLUMN = "subjectColumn";
  static final String FETCH_SIZE = "fetchSize";
  static final String KEY_COLUMNS = "keyColumns";
  static final String CREATE_TABLE = "createTable";
  static final String BATCH_SIZE = "batchSize";
  static final String DISCOVER_SCHEMAS = "discoverSchemas";

  private static final ConfigProperty URL_PROPERTY = ConfigProperty.builder(URL, ConfigType.STRING).required()
      .description("The JDBC URL: jdbc:postgresql://host:port/db, jdbc:mariadb://host:port/db or jdbc:h2:...")
      .build();
  private static final ConfigProperty USER_PROPERTY = ConfigProperty.builder(USER, ConfigType.STRING)
      .description("The database user")
      .build();
  private static final ConfigProperty PASSWORD_PROPERTY = ConfigProperty.builder(PASSWORD, ConfigType.STRING)
      .secret()
      .description("The database user's password")
      .build();

  static final ConfigDef SOURCE = ConfigDef.of(
      URL_PROPERTY,
      USER_PROPERTY,
      PASSWORD_PROPERTY,
      ConfigProperty.builder(TABLE, ConfigType.STRING)
          .description("The table to read, as table, schema.table (PostgreSQL, H2) or database.table (MariaDB); "
              + "give either table or query")
          .build(),
      ConfigProperty.builder(QUERY, ConfigType.STRING)
          .description("A SELECT to read instead of a table; give either table or query")
          .build(),
      ConfigProperty.builder(MODE, ConfigType.ENUM).choices("full", "incremental").defaultValue("full")
          .description("full reads everything on every run; incremental reads the rows whose watermark "
              + "column is greater than the last committed value")
          .build(),
      ConfigProperty.builder(WATERMARK_COLUMN, ConfigType.STRING)
          .description("For incremental mode: the ever-increasing column (a number, date, timestamp or "
              + "string) that orders the reads; rows where it is null are not read")
          .build(),
      ConfigProperty.builder(SUBJECT_COLUMN, ConfigType.STRING)
          .description("The column holding the id of the person each row is about")
          .build(),
      ConfigProperty.builder(FETCH_SIZE, ConfigType.INT).defaultValue("1000")
          .description("How many rows the driver fetches per round trip while streaming the result")
          .build(),
      ConfigProperty.builder(DISCOVER_SCHEMAS, ConfigType.LIST)
          .description("For discovery: the schemas (MariaDB: databases) to list, comma-separated; default: "
              + "every non-system schema this user can see (MariaDB: the URL's database)")
          .build());

  static final ConfigDef SINK = ConfigDef.of(
      URL_PROPERTY,
      USER_PROPERTY,
      PASSWORD_PROPERTY,
      ConfigProperty.builder(TABLE, ConfigType.STRING).required()
          .description("The table to write, as table, schema.table (PostgreSQL, H2) or database.table (MariaDB)")
          .build(),
      ConfigProperty.builder(MODE, ConfigType.ENUM).choices("insert", "upsert").defaultValue("insert")
          .description("insert adds rows; upsert inserts or updates by keyColumns, so re-delivery is harmless")
          .build(),
      ConfigProperty.builder(KEY_COLUMNS, ConfigType.LIST)
          .description("The columns that identify a row (comma-separated); required for upsert, and the "
              + "primary key of a created table")
          .build(),
      ConfigProperty.builder(CREATE_TABLE, ConfigType.BOOLEAN).defaultValue("false")
          .description("Create the table from the first batch's schema when it does not exist, with the key "
              + "columns as primary key; names are used exactly as given (quoted)")
          .build(),
      ConfigProperty.builder(BATCH_SIZE, ConfigType.INT).defaultValue("1000")
          .description("How many rows go to the database per JDBC batch; each write commits once")
          .build());

  private JdbcConfig() {}

  static ConfigException problem(String message) {
    return new ConfigException(List.of(message));
  }

  static int positive(io.cairn.spi.config.Config config, String name) {
    int value = config.integer(name);
    if (value <= 0) {
      throw problem("property '" + name + "' must be positive: " + value);
    }
    return value;
  }
}
