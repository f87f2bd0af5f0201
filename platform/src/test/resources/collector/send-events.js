// Sends events with Segment's official Node client (@segment/analytics-node) to a Segment-compatible host.
// Usage: node send-events.js <host> <writeKey>; prints "sent <n>" once every event was flushed without error.
const { Analytics } = require('@segment/analytics-node');

async function main() {
  const [host, writeKey] = process.argv.slice(2);
  const analytics = new Analytics({ writeKey, host, flushAt: 3, flushInterval: 200, maxRetries: 1 });
  const errors = [];
  analytics.on('error', (err) => errors.push(String(err && (err.reason || err.message || err.code) || err)));
  analytics.identify({ userId: 'node-user-1', traits: { email: 'node@example.test', plan: 'pro', seats: 5 } });
  analytics.track({ userId: 'node-user-1', event: 'Order Completed', messageId: 'node-msg-1',
    properties: { orderId: 'o-17', total: 42.5, items: [{ sku: 'A', qty: 2 }] } });
  analytics.page({ anonymousId: 'node-anon-1', name: 'Pricing', properties: { path: '/pricing' } });
  analytics.group({ userId: 'node-user-1', groupId: 'acme', traits: { industry: 'retail' } });
  analytics.alias({ userId: 'node-user-1', previousId: 'node-anon-1' });
  await analytics.closeAndFlush({ timeout: 30000 });
  if (errors.length > 0) {
    console.error('errors: ' + errors.join('; '));
    process.exit(2);
  }
  console.log('sent 5');
}

main().catch((e) => { console.error(e); process.exit(1); });
