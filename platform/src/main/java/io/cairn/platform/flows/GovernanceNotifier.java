package io.cairn.platform.flows;

import io.cairn.governance.GovernanceHook.Direction;
import io.cairn.platform.flows.camel.CairnEndpoint;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCreatedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSendingEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Installed on the CamelContext by the runtime, so every endpoint of every route, plain Camel ones too,
 * reaches governance: a route cannot opt out. Plain endpoints give dataset-level lineage and their
 * exchanges count as rows; {@code cairn:} endpoints report their batches themselves.
 */
final class GovernanceNotifier extends EventNotifierSupport {
  private final RunRegistry runs;

  GovernanceNotifier(RunRegistry runs) {
    this.runs = runs;
    setIgnoreCamelContextEvents(true);
    setIgnoreRouteEvents(true);
    setIgnoreServiceEvents(true);
    setIgnoreStepEvents(true);
    setIgnoreExchangeSentEvents(true);
    setIgnoreExchangeRedeliveryEvents(true);
    setIgnoreExchangeAsyncProcessingStartedEvents(true);
  }

  @Override
  public boolean isEnabled(CamelEvent event) {
    return event instanceof ExchangeSendingEvent || event instanceof ExchangeCreatedEvent
        || event instanceof ExchangeCompletedEvent;
  }

  @Override
  public void notify(CamelEvent event) {
    if (event instanceof ExchangeSendingEvent e) {
      report(e.getExchange(), e.getEndpoint(), Direction.OUTPUT);
    } else if (event instanceof ExchangeCreatedEvent e) {
      report(e.getExchange(), e.getExchange().getFromEndpoint(), Direction.INPUT);
    } else if (event instanceof ExchangeCompletedEvent e) {
      Endpoint from = e.getExchange().getFromEndpoint();
      if (from != null && !(from instanceof CairnEndpoint)) {
        runs.forRoute(e.getExchange().getFromRouteId()).ifPresent(run -> run.recordIn(1));
      }
    }
  }

  private void report(Exchange exchange, Endpoint endpoint, Direction direction) {
    if (endpoint == null || endpoint instanceof CairnEndpoint) {
      return;
    }
    runs.forRoute(exchange.getFromRouteId()).ifPresent(run -> {
      if (run.firstSight(direction + endpoint.getEndpointUri())) {
        DatasetNaming.of(endpoint).ifPresent(ds -> run.governance().onEndpoint(run.scope(), ds, direction));
      }
    });
  }
}
