package io.cairn.platform.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.governance.RunScope;
import io.cairn.governance.audit.AuditLog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a JSON alert to a webhook when a run's quality figure crosses a configured threshold (e.g. validity
 * below 0.95), on its own executor so runs never wait. A failed post (no answer, or not 2xx) is retried with
 * doubling delays; the outcome is logged and appended to the audit chain. Webhook URLs may hold tokens, so
 * only their scheme and host are logged or audited. Thread-safe.
 */
public final class QualityAlerts implements QualityMetricsRecorder.FiguresListener {
  private static final Logger LOG = LoggerFactory.getLogger(QualityAlerts.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final List<QualityConfig.Alert> alerts;
  private final int retries;
  private final Duration retryDelay;
  private final HttpClient http;
  private final AuditLog audit;
  private final Executor executor;

  public QualityAlerts(List<QualityConfig.Alert> alerts, int retries, Duration retryDelay, AuditLog audit,
      Executor executor) {
    this.alerts = List.copyOf(alerts);
    this.retries = retries;
    this.retryDelay = retryDelay;
    this.audit = audit;
    this.executor = executor;
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  @Override
  public void onFigures(RunScope run, String step, Map<String, Double> figures) {
    for (QualityConfig.Alert alert : alerts) {
      Double value = figures.get(alert.metric());
      if (value == null || alert.flowId() != null && !alert.flowId().equals(run.flowId())
          || !alert.crossedBy(value)) {
        continue;
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", "cairn.quality.alert");
      body.put("flowId", run.flowId());
      body.put("runId", run.runId());
      body.put("step", step);
      body.put("metric", alert.metric());
      body.put("value", value);
      if (alert.below() != null) {
        body.put("below", alert.below());
      }
      if (alert.above() != null) {
        body.put("above", alert.above());
      }
      body.put("at", Instant.now().toString());
      CompletableFuture.runAsync(() -> deliver(alert, body), executor);
    }
  }

  /** Posts with retries; returns whether a 2xx came back. */
  boolean deliver(QualityConfig.Alert alert, Map<String, Object> body) {
    String target = where(alert.webhook());
    String text;
    try {
      text = JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    HttpRequest request = HttpRequest.newBuilder(alert.webhook()).timeout(TIMEOUT)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(text)).build();
    String problem = null;
    int attempt = 0;
    for (; attempt <= retries; attempt++) {
      if (attempt > 0 && !pause(retryDelay.multipliedBy(1L << (attempt - 1)))) {
        break;
      }
      try {
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 == 2) {
          record(alert, body, target, "sent", attempt + 1, null);
          return true;
        }
        problem = "HTTP " + response.statusCode();
      } catch (IOException e) {
        problem = e.getClass().getSimpleName();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        problem = "interrupted";
        break;
      }
    }
    record(alert, body, target, "failed", Math.min(attempt + 1, retries + 1), problem);
    return false;
  }

  private void record(QualityConfig.Alert alert, Map<String, Object> body, String target, String outcome,
      int attempts, String problem) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("runId", body.get("runId"));
    details.put("metric", alert.metric());
    details.put("value", body.get("value"));
    details.put("webhook", target);
    details.put("attempts", attempts);
    if (problem != null) {
      details.put("problem", problem);
    }
    if (problem == null) {
      LOG.info("flow {} run {}: quality alert {} = {} sent to {}", body.get("flowId"), body.get("runId"),
          alert.metric(), body.get("value"), target);
    } else {
      LOG.warn("flow {} run {}: quality alert {} = {} to {} failed after {} attempt(s): {}", body.get("flowId"),
          body.get("runId"), alert.metric(), body.get("value"), target, attempts, problem);
    }
    try {
      audit.record("quality-alerts", "quality.alert", "flow:" + body.get("flowId"), outcome, details);
    } catch (RuntimeException e) {
      LOG.error("quality alert of run {} not audited: {}", body.get("runId"), e.toString());
    }
  }

  private static boolean pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Scheme, host and port only: webhook paths and queries often hold tokens. */
  static String where(URI uri) {
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }
}
