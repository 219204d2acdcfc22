package newsgraph.testserver;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Starts a real Neo4j Community server in-process (embedded API) with Bolt, and optionally HTTP + Browser,
 * bound to 127.0.0.1. Meant for tests and local development without Docker.
 *
 * <p>Configuration (flags win over environment variables):
 * <ul>
 *   <li>{@code --home DIR} / {@code NEWSGRAPH_NEO4J_HOME}: Neo4j home (data, logs). Default {@code ./neo4j-home}.</li>
 *   <li>{@code --bolt-port N} / {@code NEO4J_BOLT_PORT}: Bolt port, default 7687.</li>
 *   <li>{@code --http-port N} / {@code NEO4J_HTTP_PORT}: HTTP port (Browser at /browser/), default 7474; 0 disables HTTP.</li>
 *   <li>{@code NEO4J_PASSWORD} (required, at least 8 characters): password of user {@code neo4j}.</li>
 *   <li>{@code --keep-data} / {@code NEO4J_KEEP_DATA=1}: keep the existing database instead of starting empty.</li>
 *   <li>{@code NEO4J_PAGECACHE} (default 256m) page cache size, e.g. 128m, 1g.</li>
 *   <li>{@code NEWSGRAPH_NEO4J_PLUGINS}: directory of procedure jars (the Graph Data Science jars that
 *       {@code mvn -Pgds package} copies to {@code target/plugins}); when set, Neo4j scans it for procedures and
 *       {@code gds.*} may use unrestricted (internal) APIs, as GDS requires. The jars must also be on the class path.</li>
 * </ul>
 */
public final class Launcher {
    /** Marker file written into a home directory we created; we only ever wipe directories that carry it. */
    private static final String MARKER = ".newsgraph-neo4j-home";

    private static final int MIN_PASSWORD_LENGTH = 8;

    private Launcher() {}

    public static void main(String[] args) {
        try {
            run(args);
        } catch (UsageException e) {
            System.err.println("neo4j testserver: " + e.getMessage());
            System.exit(2);
        } catch (Throwable t) {
            System.err.println("neo4j testserver: failed to start: " + t);
            t.printStackTrace(System.err);
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        String home = env.getOrDefault("NEWSGRAPH_NEO4J_HOME", "neo4j-home");
        String boltPortStr = env.getOrDefault("NEO4J_BOLT_PORT", "7687");
        String httpPortStr = env.getOrDefault("NEO4J_HTTP_PORT", "7474");
        boolean keepData = isTrue(env.get("NEO4J_KEEP_DATA"));
        String pageCache = env.getOrDefault("NEO4J_PAGECACHE", "256m");
        String plugins = env.getOrDefault("NEWSGRAPH_NEO4J_PLUGINS", "");

        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--home" -> home = value(args, ++i, a);
                case "--bolt-port" -> boltPortStr = value(args, ++i, a);
                case "--http-port" -> httpPortStr = value(args, ++i, a);
                case "--keep-data" -> keepData = true;
                case "-h", "--help" -> {
                    System.out.println("usage: Launcher [--home DIR] [--bolt-port N] [--http-port N (0=off)] [--keep-data]\n"
                            + "env: NEO4J_PASSWORD (required, >= 8 chars), NEWSGRAPH_NEO4J_HOME, NEO4J_BOLT_PORT,\n"
                            + "     NEO4J_HTTP_PORT, NEO4J_KEEP_DATA=1, NEO4J_PAGECACHE (default 256m)");
                    return;
                }
                default -> throw new UsageException("unknown argument: " + a + " (try --help)");
            }
        }

        String password = env.get("NEO4J_PASSWORD");
        if (password == null || password.isEmpty()) {
            throw new UsageException("NEO4J_PASSWORD is not set; refusing to start. Set it to the password for user"
                    + " 'neo4j' (Neo4j 5 requires at least " + MIN_PASSWORD_LENGTH + " characters).");
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new UsageException("NEO4J_PASSWORD is too short: Neo4j 5 requires at least " + MIN_PASSWORD_LENGTH
                    + " characters.");
        }
        int boltPort = port(boltPortStr, "bolt port", false);
        int httpPort = port(httpPortStr, "http port", true);
        long pageCacheBytes = bytes(pageCache);

        Path homeDir = Path.of(home).toAbsolutePath().normalize();
        prepareHome(homeDir, keepData);

        long t0 = System.nanoTime();
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(homeDir)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes)
                // Keep transaction logs small: tests churn data, nobody needs point-in-time recovery here.
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "1 files")
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, 16L * 1024 * 1024)
                .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress("127.0.0.1"))
                .setConfig(GraphDatabaseSettings.default_advertised_address, new SocketAddress("127.0.0.1"))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", boltPort))
                // Bolt waits 5 s twice on shutdown by default (thread pool, then connections); a test
                // server should stop fast. Internal settings: re-check them when bumping Neo4j.
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(HttpConnector.enabled, httpPort > 0);
        if (!plugins.isEmpty()) {
            Path pluginDir = Path.of(plugins).toAbsolutePath().normalize();
            if (!Files.isDirectory(pluginDir)) {
                throw new UsageException("NEWSGRAPH_NEO4J_PLUGINS " + pluginDir + " is not a directory");
            }
            builder.setConfig(GraphDatabaseSettings.plugin_dir, pluginDir)
                    .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("gds.*"));
        }
        if (httpPort > 0) {
            builder.setConfig(HttpConnector.listen_address, new SocketAddress("127.0.0.1", httpPort))
                    .setConfig(HttpConnector.advertised_address, new SocketAddress("127.0.0.1", httpPort));
        }

        DatabaseManagementService dbms = builder.build();
        long builtMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("neo4j testserver: shutting down");
            try {
                dbms.shutdown();
            } catch (Throwable t) {
                System.err.println("neo4j testserver: error during shutdown: " + t);
            }
            stopped.countDown();
            System.err.println("neo4j testserver: stopped");
        }, "neo4j-shutdown"));

        // Set the password of the built-in 'neo4j' user. Embedded transactions run with full access,
        // so this needs no login; the password is passed as a parameter, never spliced into the query.
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        String alter = "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED";
        if (keepData) {
            // A kept database may already have this password, and Neo4j rejects setting the same one
            // again ("Old password and new password cannot be the same"): go through a random one first.
            system.executeTransactionally(alter, Map.of("pw", UUID.randomUUID().toString()));
        }
        system.executeTransactionally(alter, Map.of("pw", password));

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(Duration.ofSeconds(120).toMillis())) {
            throw new IllegalStateException("default database did not become available");
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        System.err.println("neo4j testserver: home " + homeDir + (keepData ? " (kept data)" : " (fresh)")
                + ", started in " + ms + " ms (dbms " + builtMs + " ms)"
                + (plugins.isEmpty() ? "" : ", plugins " + plugins)
                + (httpPort > 0 ? ", browser http://127.0.0.1:" + httpPort + "/browser/" : ""));
        System.out.println("neo4j ready bolt://127.0.0.1:" + boltPort);
        System.out.flush();

        stopped.await();
    }

    private static void prepareHome(Path homeDir, boolean keepData) throws IOException {
        if (Files.exists(homeDir)) {
            if (!Files.isDirectory(homeDir)) {
                throw new UsageException("home " + homeDir + " exists and is not a directory");
            }
            boolean empty;
            try (Stream<Path> s = Files.list(homeDir)) {
                empty = s.findAny().isEmpty();
            }
            if (!empty && !Files.exists(homeDir.resolve(MARKER))) {
                throw new UsageException("home " + homeDir + " is not empty and was not created by this launcher"
                        + " (no " + MARKER + " file); refusing to use or wipe it");
            }
            if (!keepData && !empty) {
                deleteTree(homeDir);
            }
        }
        Files.createDirectories(homeDir);
        Path marker = homeDir.resolve(MARKER);
        if (!Files.exists(marker)) {
            Files.writeString(marker, "created by newsgraph.testserver.Launcher; safe to delete\n");
        }
    }

    private static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new UsageException(flag + " needs a value");
        }
        return args[i];
    }

    private static int port(String s, String what, boolean zeroAllowed) {
        try {
            int p = Integer.parseInt(s.trim());
            if ((p == 0 && zeroAllowed) || (p > 0 && p < 65536)) {
                return p;
            }
        } catch (NumberFormatException ignored) {
            // fall through
        }
        throw new UsageException("invalid " + what + ": " + s);
    }

    private static long bytes(String s) {
        String t = s.trim().toLowerCase();
        long mult = 1;
        if (t.endsWith("k")) {
            mult = 1024L;
        } else if (t.endsWith("m")) {
            mult = 1024L * 1024;
        } else if (t.endsWith("g")) {
            mult = 1024L * 1024 * 1024;
        }
        if (mult != 1) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            return Long.parseLong(t) * mult;
        } catch (NumberFormatException e) {
            throw new UsageException("invalid size: " + s + " (use e.g. 256m)");
        }
    }

    private static boolean isTrue(String v) {
        return v != null && (v.equals("1") || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes"));
    }

    private static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String msg) {
            super(msg);
        }
    }
}
