/**
 * The data that flows move: {@link io.cairn.spi.data.Batch}es of {@link io.cairn.spi.data.Row}s with a
 * {@link io.cairn.spi.data.Schema}. Each row carries its subject id and provenance so lineage, consent and
 * erasure can reach it.
 */
package io.cairn.spi.data;
