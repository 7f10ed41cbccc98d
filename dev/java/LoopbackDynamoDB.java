/*
 * DynamoDB Local bound to one address (127.0.0.1 unless told otherwise).
 *
 * DynamoDB Local has no option for the address it listens on: its Jetty server binds every
 * interface, and it has no authentication, so anyone on the same Wi-Fi could read the table. Its
 * server is embeddable, so this launcher builds it from the usual command-line arguments, sets the
 * host of each Jetty connector before starting it, and then runs it as DynamoDB Local's own main
 * would. Run with Java's source-file mode (JDK 11+):
 *
 *   java -cp DynamoDBLocal.jar -Djava.library.path=DynamoDBLocal_lib dev/java/LoopbackDynamoDB.java \
 *        127.0.0.1 -port 8000 -sharedDb -inMemory
 */
import java.lang.reflect.Field;
import java.util.Arrays;
import org.eclipse.jetty.server.AbstractNetworkConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

public class LoopbackDynamoDB {
  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: LoopbackDynamoDB <host> [DynamoDB Local arguments]");
      System.exit(2);
    }
    String host = args[0];
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(Arrays.copyOfRange(args, 1, args.length));
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server server = (Server) field.get(proxy);
    int bound = 0;
    for (Connector connector : server.getConnectors()) {
      if (connector instanceof AbstractNetworkConnector network) {
        network.setHost(host);
        bound++;
      }
    }
    // Refuse to start rather than listen everywhere if a future DynamoDB Local changes its server.
    if (bound == 0) {
      System.err.println("LoopbackDynamoDB: no network connector found to bind to " + host + "; not starting.");
      System.exit(3);
    }
    // When whoever started it dies without stopping it (killed, crashed), stop too: a DynamoDB Local
    // left behind would hold the port and the data folder's lock until someone found it by hand.
    ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
      System.err.println("LoopbackDynamoDB: the process that started DynamoDB Local has gone; stopping.");
      try {
        proxy.stop();
      } catch (Exception ignored) {
        // stopping anyway
      }
      System.exit(0);
    }));
    proxy.start();
    System.out.println("DynamoDB Local listening on " + host);
    proxy.join();
  }
}
