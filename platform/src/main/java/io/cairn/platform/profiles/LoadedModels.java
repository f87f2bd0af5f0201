package io.cairn.platform.profiles;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model versions read from the registry and kept in memory. A version is held by every running step that
 * uses it; one that no step holds and nobody asked for during the idle time is dropped (an ONNX session is
 * closed) and read again on its next use. Idle versions are dropped whenever this is used. Thread-safe.
 */
final class LoadedModels {
  private static final Logger LOG = LoggerFactory.getLogger(LoadedModels.class);

  private final long idleNanos;
  private final LongSupplier nanos;
  private final Map<String, Held> held = new HashMap<>();

  private static final class Held {
    final Object model;
    int users;
    long since;

    Held(Object model, long now) {
      this.model = model;
      this.since = now;
    }
  }

  LoadedModels(Duration idle, LongSupplier nanos) {
    this.idleNanos = idle.toNanos();
    this.nanos = nanos;
  }

  /** Keeps a model just made (on training or registration), unheld. */
  synchronized void put(String key, Object model) {
    long now = nanos.getAsLong();
    Held old = held.put(key, new Held(model, now));
    if (old != null && old.users == 0 && old.model != model) {
      close(key, old.model);
    }
    sweep(now);
  }

  /** The model, read with {@code load} when not in memory; not held. */
  synchronized <T> T get(String key, Supplier<T> load) {
    return cast(entry(key, load).model);
  }

  /** The model, read with {@code load} when not in memory, held until {@link #release}. */
  synchronized <T> T hold(String key, Supplier<T> load) {
    Held h = entry(key, load);
    h.users++;
    return cast(h.model);
  }

  /** Gives back a model {@link #hold} returned. */
  synchronized void release(String key) {
    long now = nanos.getAsLong();
    Held h = held.get(key);
    if (h != null && h.users > 0) {
      h.users--;
      h.since = now;
    }
    sweep(now);
  }

  /** How many versions are in memory. */
  synchronized int size() {
    sweep(nanos.getAsLong());
    return held.size();
  }

  private Held entry(String key, Supplier<?> load) {
    long now = nanos.getAsLong();
    sweep(now);
    Held h = held.get(key);
    if (h == null) {
      h = new Held(load.get(), now);
      held.put(key, h);
    }
    h.since = now;
    return h;
  }

  private void sweep(long now) {
    for (Iterator<Map.Entry<String, Held>> it = held.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Held> e = it.next();
      if (e.getValue().users == 0 && now - e.getValue().since >= idleNanos) {
        it.remove();
        close(e.getKey(), e.getValue().model);
      }
    }
  }

  private static void close(String key, Object model) {
    if (model instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.warn("closing model {} failed: {}", key, e.toString());
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object model) {
    return (T) model;
  }
}
