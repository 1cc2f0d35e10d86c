import java.lang.reflect.Field;
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
 * Run from source (Java 11+ source-file mode, which needs a JDK), with the jar on the class path:
 *   java -Ddynamodb.local.host=127.0.0.1 -cp DynamoDBLocal.jar dynamodb-local-loopback.java -inMemory -port 8000
 */
public final class DynamoDbLocalLoopback {
  public static void main(String[] args) throws Exception {
    String host = System.getProperty("dynamodb.local.host");
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("Set the system property dynamodb.local.host to the address to listen on");
    }
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server jetty = (Server) field.get(proxy);
    for (Connector connector : jetty.getConnectors()) {
      ((ServerConnector) connector).setHost(host);
    }
    proxy.start();
    System.out.println("DynamoDB Local listening on " + host);
  }
}
