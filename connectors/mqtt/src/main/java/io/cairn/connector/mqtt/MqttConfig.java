package io.cairn.connector.mqtt;

import io.cairn.connector.json.JsonMessages;
import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.config.ConfigException;
import io.cairn.spi.config.ConfigProperty;
import io.cairn.spi.config.ConfigType;
import io.cairn.spi.data.DatasetRef;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** The declared configuration of the MQTT source and sink, and the client they open. */
final class MqttConfig {
  static final String SERVER_URI = "serverUri";
  static final String USERNAME = "username";
  static final String PASSWORD = "password";
  static final String CLIENT_ID = "clientId";
  static final String TOPIC = "topic";
  static final String QOS = "qos";
  static final String TIMEOUT_MS = "timeoutMs";
  static final long DISCONNECT_MS = 200;

  private static final List<ConfigProperty> COMMON = List.of(
      ConfigProperty.builder(SERVER_URI, ConfigType.STRING).defaultValue("tcp://127.0.0.1:1883")
          .description("The broker, as tcp://host:port (ssl://host:port for TLS)").build(),
      ConfigProperty.builder(USERNAME, ConfigType.STRING).description("The user to connect as, if any").build(),
      ConfigProperty.builder(PASSWORD, ConfigType.STRING).secret().description("The user's password").build(),
      ConfigProperty.builder(QOS, ConfigType.ENUM).choices("0", "1", "2").defaultValue("1")
          .description("The quality of service: 1 (at least once) unless you accept losses (0)").build(),
      ConfigProperty.builder(TIMEOUT_MS, ConfigType.LONG).defaultValue("30000")
          .description("How long connecting, and a write waiting for acknowledgements, may take").build());

  static final ConfigDef SOURCE = def(
      ConfigProperty.builder(TOPIC, ConfigType.STRING).required()
          .description("The topic filter to subscribe to, e.g. shop/+/events or sensors/#").build(),
      ConfigProperty.builder(CLIENT_ID, ConfigType.STRING)
          .description("The client id, which names the broker's persistent session; by default "
              + "cairn-<flow id>. Two tasks must never share one").build(),
      JsonMessages.sourceProperties());

  static final ConfigDef SINK = def(
      ConfigProperty.builder(TOPIC, ConfigType.STRING).required().description("The topic to publish to").build(),
      ConfigProperty.builder(CLIENT_ID, ConfigType.STRING)
          .description("The client id; by default cairn-sink-<flow id>-<run id>").build(),
      List.of());

  private MqttConfig() {}

  private static ConfigDef def(ConfigProperty topic, ConfigProperty clientId, List<ConfigProperty> more) {
    List<ConfigProperty> all = new ArrayList<>(COMMON);
    all.add(topic);
    all.add(clientId);
    all.addAll(more);
    return ConfigDef.of(all.toArray(ConfigProperty[]::new));
  }

  /**
   * The broker's URI, checked.
   *
   * @throws ConfigException when it is not tcp://, ssl://, ws:// or wss:// with a host
   */
  static URI serverUri(Config config) {
    String value = config.string(SERVER_URI);
    try {
      URI uri = URI.create(value);
      if (uri.getHost() == null || !List.of("tcp", "ssl", "ws", "wss").contains(uri.getScheme())) {
        throw new IllegalArgumentException("needs tcp://, ssl://, ws:// or wss:// and a host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new ConfigException(List.of("property 'serverUri' is not a broker URI such as tcp://host:1883: '"
          + value + "' (" + e.getMessage() + ")"));
    }
  }

  static int qos(Config config) {
    return config.integer(QOS);
  }

  /** A client that keeps nothing on disk (the broker's session is what persists); not connected yet. */
  static MqttAsyncClient client(URI uri, String clientId) throws MqttException {
    return new MqttAsyncClient(uri.toString(), clientId, new MemoryPersistence());
  }

  /**
   * Connects the client; the broker keeps the session when {@code cleanSession} is false. Set the callback
   * and manual acknowledgements first: a kept session's messages arrive right after the connection.
   */
  static void connect(MqttAsyncClient client, Config config, boolean cleanSession) throws MqttException {
    MqttConnectOptions options = new MqttConnectOptions();
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    options.setCleanSession(cleanSession);
    options.setAutomaticReconnect(false);
    options.setMaxInflight(1000);
    long timeoutMs = config.longValue(TIMEOUT_MS);
    options.setConnectionTimeout((int) Math.max(1, timeoutMs / 1000));
    if (config.has(USERNAME)) {
      options.setUserName(config.string(USERNAME));
    }
    if (config.has(PASSWORD)) {
      options.setPassword(config.string(PASSWORD).toCharArray());
    }
    try {
      client.connect(options).waitForCompletion(timeoutMs);
    } catch (MqttException e) {
      client.close(true);
      throw e;
    }
  }

  /** Disconnects and releases the client; unacknowledged messages stay with the broker's session. */
  static void close(MqttAsyncClient client) throws MqttException {
    if (client == null) {
      return;
    }
    try {
      if (client.isConnected()) {
        client.disconnect(DISCONNECT_MS).waitForCompletion(DISCONNECT_MS);
      }
    } finally {
      client.close(true);
    }
  }

  /** The dataset of a topic: namespace {@code mqtt://host:port}, name the topic (filter). */
  static DatasetRef dataset(URI uri, String topic) {
    return new DatasetRef("mqtt://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 1883 : uri.getPort()), topic);
  }
}
