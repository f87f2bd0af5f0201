/**
 * {@code cairn:source:parquet} and {@code cairn:sink:parquet}: Parquet files in a lake folder partitioned by
 * date, Hive-style ({@code dt=2024-05-01/part-....parquet}), so Spark, Hive, Trino and DuckDB read the folder
 * as one partitioned table. DuckDB (in-process, no Hadoop) reads and writes the files.
 *
 * <p>The sink writes each batch as one file per partition, named after the flow and the batch's source offset:
 * a batch delivered again after a crash overwrites its own files instead of adding duplicates. The source
 * reads the files in name order and row order; its offset is the file and the row, so a resumed run goes on
 * after the last committed row. A file that is not valid Parquet goes to the quarantine with the reason and
 * the others are read. Both name the dataset {@code file} + the folder's absolute path.
 */
package io.cairn.connector.parquet;
