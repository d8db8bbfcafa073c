package io.newsmonitor.ingest.imports;

import io.newsmonitor.ingest.config.IngestConfig;
import io.newsmonitor.ingest.rest.ItemResult;
import io.newsmonitor.support.problem.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Imports the article files dropped into {@code ingest.import.directory}, every {@code ingest.import.scan-interval}, and
 * then moves each to {@code processed/} when all its items went out, or else to {@code failed/} beside a
 * {@code <name>.error.txt} listing what went wrong.
 */
@ApplicationScoped
public class ImportDirectoryScanner {

  /** Folder below the import folder for files whose items were all published (or were duplicates). */
  public static final String PROCESSED = "processed";
  /** Folder below the import folder for files with an item that did not go out, each with its {@code .error.txt}. */
  public static final String FAILED = "failed";
  /** Suffix of the file written beside a failed file. */
  public static final String ERROR_SUFFIX = ".error.txt";

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS");

  private final FileImporter importer;
  private final IngestConfig.Import config;
  // Files that could not be moved away, with the time they were last modified: skipped until that changes, so a stuck
  // file is neither imported again nor logged at every scan.
  private final Map<Path, FileTime> stuck = new ConcurrentHashMap<>();

  ImportDirectoryScanner(FileImporter importer, IngestConfig config) {
    this.importer = importer;
    this.config = config.fileImport();
  }

  // Scheduled here, not with @Scheduled: without a folder there is no job at all (the scheduler is started by configuration).
  void schedule(@Observes StartupEvent started, Scheduler scheduler) {
    config.directory().ifPresent(directory -> {
      scheduler.newJob(ImportDirectoryScanner.class.getName())
          .setInterval(config.scanInterval().toString())
          .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
          .setTask(execution -> scan(directory))
          .schedule();
      Log.infof("Importing article files dropped into %s every %s", directory.toAbsolutePath(),
          config.scanInterval().toString().substring(2).toLowerCase(Locale.ROOT));
    });
  }

  /** One pass: imports and moves every regular file of {@code directory} but hidden and partial ones, in name order. */
  void scan(Path directory) {
    List<Path> files;
    try {
      Files.createDirectories(directory);
      try (Stream<Path> listing = Files.list(directory)) {
        files = listing.filter(file -> Files.isRegularFile(file) && !ignored(file.getFileName().toString())).sorted().toList();
      }
    } catch (IOException e) {
      Log.warnf("Cannot read the import folder %s: %s", directory, e.toString());
      return;
    }
    stuck.keySet().retainAll(files);
    for (Path file : files) {
      importFile(directory, file);
    }
  }

  /** Hidden files, and files still being written under a temporary name, are not ours yet. */
  static boolean ignored(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.startsWith(".") || lower.endsWith(".part") || lower.endsWith(".tmp");
  }

  private void importFile(Path directory, Path file) {
    FileTime modified;
    try {
      modified = Files.getLastModifiedTime(file);
    } catch (IOException gone) {
      return;
    }
    if (modified.equals(stuck.get(file))) {
      return;
    }
    String name = file.getFileName().toString();
    List<String> problems = new ArrayList<>();
    int items = 0;
    try {
      List<ItemResult> results = importer.importFile(name, Files.readString(file, StandardCharsets.UTF_8));
      items = results.size();
      results.stream().filter(result -> !result.ingested()).map(ItemResult::describe).forEach(problems::add);
    } catch (ProblemException e) {
      problems.add(e.getMessage());
    } catch (CharacterCodingException e) {
      problems.add("the file is not UTF-8 text");
    } catch (IOException e) {
      problems.add("could not read the file: " + e);
    } catch (RuntimeException e) {
      Log.errorf(e, "Importing %s failed unexpectedly", file);
      problems.add("unexpected failure: " + e);
    }

    try {
      if (problems.isEmpty()) {
        Path moved = moveInto(file, directory.resolve(PROCESSED));
        Log.infof("Imported %s: %d item(s) published or already there; moved to %s", name, items, moved);
      } else {
        Path failed = Files.createDirectories(directory.resolve(FAILED));
        Path target = freeName(failed, name);
        Files.writeString(target.resolveSibling(target.getFileName() + ERROR_SUFFIX), String.join("\n", problems) + "\n", StandardCharsets.UTF_8);
        move(file, target);
        Log.warnf("Import of %s failed (%d problem(s), first: %s); moved to %s", name, problems.size(), problems.get(0), target);
      }
      stuck.remove(file);
    } catch (IOException e) {
      stuck.put(file, modified);
      Log.errorf("Could not move imported file %s out of the import folder (%s); it is skipped until it changes", file, e.toString());
    }
  }

  private static Path moveInto(Path file, Path folder) throws IOException {
    Files.createDirectories(folder);
    Path target = freeName(folder, file.getFileName().toString());
    move(file, target);
    return target;
  }

  private static void move(Path file, Path target) throws IOException {
    try {
      Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(file, target);
    }
  }

  /** {@code folder/name}, or when a file of that name was imported before, the name behind a time stamp. */
  private static Path freeName(Path folder, String name) {
    Path target = folder.resolve(name);
    return Files.exists(target) ? folder.resolve(LocalDateTime.now().format(STAMP) + "-" + name) : target;
  }
}
