package io.newsmonitor.infra;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

/** Console logging for this module's own processes (the local run, the broker process), outside any Quarkus application. */
public final class Logs {

  /** Held, because java.util.logging keeps a logger's level only while someone references the logger. */
  private static List<Logger> quieted = List.of();

  private Logs() {
  }

  /**
   * One line per record on stderr, INFO and above, and WARNING and above for {@code quietCategories}. Call it first in
   * {@code main}, before anything logs.
   *
   * <p>Kafka and zonky log through SLF4J, which this class path binds to JBoss LogManager, so that becomes the JUL manager
   * here. Its initial handler goes: it is Quarkus's, which holds every record until a Quarkus application configures
   * logging, and none will in this process.
   */
  public static void toConsole(String... quietCategories) {
    System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
    Logger root = Logger.getLogger("");
    for (Handler handler : root.getHandlers()) {
      root.removeHandler(handler);
    }
    ConsoleHandler console = new ConsoleHandler();
    console.setFormatter(new Formatter() {
      @Override
      public String format(LogRecord record) {
        String line = String.format("%1$tF %1$tT %2$-7s [%3$s] %4$s%n", record.getInstant().atZone(ZoneId.systemDefault()), record.getLevel(),
            record.getLoggerName(), formatMessage(record));
        return record.getThrown() == null ? line : line + stackTrace(record.getThrown());
      }
    });
    root.addHandler(console);
    root.setLevel(Level.INFO);
    quieted = Stream.of(quietCategories).map(Logger::getLogger).toList();
    quieted.forEach(logger -> logger.setLevel(Level.WARNING));
  }

  private static String stackTrace(Throwable thrown) {
    StringWriter text = new StringWriter();
    thrown.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}
