package parcours.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Local Neo4j Community for Parcours: embedded DBMS, Bolt on 127.0.0.1, auth on, APOC core.
 *
 * <p>Configuration (all required):
 * <ul>
 *   <li>{@code -Dparcours.neo4j.home=DIR}: Neo4j home; data in DIR/data, Neo4j's debug log in DIR/logs</li>
 *   <li>{@code -Dparcours.neo4j.port=PORT}: Bolt port</li>
 *   <li>{@code -Dparcours.neo4j.plugins=DIR}: folder holding the APOC jars (target/plugins)</li>
 *   <li>environment {@code NEO4J_PASSWORD}: password of the {@code neo4j} user (not a system
 *       property, so it does not show up in {@code ps})</li>
 * </ul>
 * Heap: the caller's -Xms/-Xmx. Run with {@code -cp target/classes:target/lib/*}.
 *
 * <p>Optional: {@code -Dparcours.neo4j.settings=FILE}, a neo4j.conf of further settings (a test's
 * transaction memory limit: Community has no {@code dbms.setConfigValue} to change one at run time).
 *
 * <p>The password is only set while the {@code neo4j} user still has Neo4j's initial one (fresh
 * data folder); an existing database keeps its own password, so a mismatch shows as a login error.
 */
public final class Neo4jLauncher {
    private static final String READY = "Parcours Neo4j ready"; // local/neo4j-process.ts waits for it

    private static final List<String> APOC_FUNCTIONS_GRAPHQL_NEEDS =
            List.of("apoc.util.validatePredicate", "apoc.date.convertFormat");

    public static void main(String[] args) throws InterruptedException {
        try {
            start();
        } catch (RuntimeException | Error e) {
            e.printStackTrace();
            Throwable cause = e;
            while (cause.getCause() != null) cause = cause.getCause();
            fail(cause.getMessage()); // exits even when the DBMS threads are up
        }
        Thread.currentThread().join(); // until SIGTERM; the shutdown hook closes the DBMS
    }

    private static void start() {
        Path home = Path.of(required("parcours.neo4j.home")).toAbsolutePath();
        int port = Integer.parseInt(required("parcours.neo4j.port"));
        Path plugins = Path.of(required("parcours.neo4j.plugins")).toAbsolutePath();
        String password = System.getenv("NEO4J_PASSWORD");
        if (password == null || password.isEmpty()) fail("environment variable NEO4J_PASSWORD is not set");

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
        String settings = System.getProperty("parcours.neo4j.settings");
        if (settings != null && !settings.isBlank()) builder.loadPropertiesFromFile(Path.of(settings));
        DatabaseManagementService dbms = builder
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(512))
                // A dev database needs no point-in-time history: keep the transaction logs small.
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(32))
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                .setConfig(GraphDatabaseSettings.plugin_dir, plugins)
                .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"))
                // Bolt otherwise waits 2 × 5 s at shutdown for connections a local stop does not care about.
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Parcours Neo4j stopping");
            dbms.shutdown();
            System.out.println("Parcours Neo4j stopped");
        }, "neo4j-shutdown"));

        setInitialPassword(dbms.database("system"), password);
        checkApoc(dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME));

        System.out.println(READY + " on bolt://127.0.0.1:" + port + " (home " + home + ")");
    }

    private static void setInitialPassword(GraphDatabaseService system, String password) {
        boolean initial = system.executeTransactionally(
                "SHOW USERS YIELD user, passwordChangeRequired WHERE user = 'neo4j' RETURN passwordChangeRequired",
                Map.of(),
                result -> result.hasNext() && Boolean.TRUE.equals(result.next().get("passwordChangeRequired")));
        if (initial) {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
            System.out.println("Parcours Neo4j: set the password of user neo4j (new database)");
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkApoc(GraphDatabaseService db) {
        List<String> found = db.executeTransactionally(
                "SHOW FUNCTIONS YIELD name WHERE name IN $names RETURN collect(name) AS found",
                Map.of("names", APOC_FUNCTIONS_GRAPHQL_NEEDS),
                result -> (List<String>) result.next().get("found"));
        if (!found.containsAll(APOC_FUNCTIONS_GRAPHQL_NEEDS)) {
            fail("APOC is not loaded: found only " + found + " of " + APOC_FUNCTIONS_GRAPHQL_NEEDS);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) fail("system property " + property + " is not set");
        return value;
    }

    private static void fail(String message) {
        System.err.println("Parcours Neo4j launcher: " + message);
        System.exit(1); // runs the shutdown hook when the DBMS is already up
    }
}
