package io.cairn.platform.dsar;

import io.cairn.catalog.erasure.DsarRepository;
import io.cairn.catalog.erasure.DsarRequestEntry;
import io.cairn.catalog.erasure.DsarStepEntry;
import io.cairn.governance.erasure.DsarType;
import io.cairn.governance.erasure.ErasureService;
import io.cairn.governance.erasure.Identifier;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stores requests and runs them on the executor; the identifiers stay in memory only while a request runs. */
final class DsarRequests {
  private static final Logger LOG = LoggerFactory.getLogger(DsarRequests.class);
  private final DsarRepository repository;
  private final ErasureService service;
  private final ExecutorService executor;

  DsarRequests(DsarRepository repository, ErasureService service, ExecutorService executor) {
    this.repository = repository;
    this.service = service;
    this.executor = executor;
  }

  DsarRequestEntry submit(DsarType type, List<Identifier> identifiers, String reason, String user) {
    DsarRequestEntry created = service.submit(type, identifiers, reason, user);
    executor.execute(() -> {
      try {
        service.run(created.id(), type, identifiers, user);
      } catch (RuntimeException e) {
        LOG.warn("dsar request {} failed: {}", created.id(), e.toString());
      }
    });
    return created;
  }

  Optional<DsarRequestEntry> find(String id) {
    return repository.find(id);
  }

  List<DsarRequestEntry> list(int limit) {
    return repository.list(limit);
  }

  List<DsarStepEntry> steps(String id) {
    return repository.steps(id);
  }

  Optional<String> bundle(String id) {
    return service.bundle(id);
  }

  ErasureService service() {
    return service;
  }
}
