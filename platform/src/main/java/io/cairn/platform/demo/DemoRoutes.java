package io.cairn.platform.demo;

import java.nio.file.Path;

/** The demo's routes, in the Camel YAML DSL as a user would write them. */
final class DemoRoutes {
  private DemoRoutes() {}

  static String generate(String entity, long count, long seed, int customers, Path folder, String format) {
    return """
        - route:
            description: "Generates the demo's %1$s with a fixed seed"
            from:
              uri: "cairn:source:datagen"
              parameters:
                entity: %1$s
                count: %2$d
                seed: %3$d
                customers: %4$d
              steps:
                - to:
                    uri: "cairn:sink:file"
                    parameters:
                      path: "%5$s"
                      format: %6$s
                      fileName: "%1$s.%6$s"
        """.formatted(entity, count, seed, customers, folder, format);
  }

  static String customers(Path data, String jdbc) {
    return load(data.resolve("customers.csv"), "customer_id",
        "customer_id,first_name,last_name,email,phone,street,city,postcode,country,birth_date:DATE,"
            + "signup_ts:TIMESTAMP,loyalty_tier,device_id,crm_id",
        jdbc, "customers");
  }

  static String orders(Path data, String jdbc) {
    return load(data.resolve("orders.csv"), "order_id",
        "order_id,customer_id,order_ts:TIMESTAMP,amount:DECIMAL,currency,status,channel,category,item_count:LONG",
        jdbc, "orders");
  }

  private static String load(Path file, String key, String columns, String jdbc, String table) {
    return """
        - route:
            description: "Loads %1$s into the warehouse, upserting by %2$s"
            from:
              uri: "cairn:source:file"
              parameters:
                path: "%3$s"
                format: csv
                columns: "%4$s"
                subjectColumn: customer_id
              steps:
                - to:
                    uri: "cairn:sink:jdbc"
                    parameters:
                      url: "%5$s"
                      table: %1$s
                      mode: upsert
                      keyColumns: %2$s
                      createTable: true
        """.formatted(table, key, file, columns, jdbc);
  }
}
