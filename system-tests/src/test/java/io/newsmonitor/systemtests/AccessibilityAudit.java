package io.newsmonitor.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;

/**
 * axe-core's rules (Deque's, the ones browsers' accessibility tools run) on each page a browser test visits. Every
 * violation goes to a report; those of serious or critical impact (missing labels, too little contrast, …) fail the test,
 * after every page has been checked, so that one run names them all.
 */
final class AccessibilityAudit {

  private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

  private final Path report;
  private final List<String> blocking = new ArrayList<>();
  private final List<String> lines = new ArrayList<>();

  AccessibilityAudit(Path report) {
    this.report = report;
  }

  /** Runs axe on the page the browser shows now, called {@code page} in the report. */
  void check(WebDriver driver, String page) {
    Results results = new AxeBuilder().analyze(driver);
    assertThat(results.isErrored()).as("axe on %s: %s", page, results.getErrorMessage()).isFalse();
    lines.add("## " + page + " (" + driver.getCurrentUrl() + "): " + results.getViolations().size() + " violated rules, "
        + results.getPasses().size() + " passed");
    for (Rule rule : results.getViolations()) {
      String finding = page + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp() + " at "
          + rule.getNodes().stream().map(CheckedNode::getTarget).map(String::valueOf).collect(Collectors.joining(", "));
      lines.add("- " + finding);
      if (BLOCKING_IMPACTS.contains(rule.getImpact())) {
        blocking.add(finding);
      }
    }
    write();
  }

  void assertNoSeriousOrCriticalViolation() {
    assertThat(lines).as("pages checked").isNotEmpty();
    assertThat(blocking).as("serious or critical accessibility violations (all findings in %s)", report).isEmpty();
  }

  private void write() {
    try {
      Files.createDirectories(report.getParent());
      Files.write(report, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
