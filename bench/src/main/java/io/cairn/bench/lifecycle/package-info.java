/** Benchmarks 2 and 3: server start to ready (first start, warm restart) and plugin hot-install. */
package io.cairn.bench.lifecycle;
