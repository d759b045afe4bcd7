package dev.ccr.plan;

import java.util.List;

/**
 * A plan file that cannot be applied; each problem is one line that names the file and says what is
 * wrong.
 */
public final class PlanFileException extends Exception {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public PlanFileException(String problem) {
    this(List.of(problem));
  }

  public PlanFileException(List<String> problems) {
    super(String.join("\n", problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a plan-file problem without a message");
    }
    this.problems = List.copyOf(problems);
  }

  /** The problems, one line each. */
  public List<String> problems() {
    return problems;
  }
}
