package dev.ccr.plan;

/** What apply does with a client. */
public enum Action {
  /** Write the complete configuration with the changes laid over it. */
  UPDATE("update"),
  /** The client matches its file: no API call. */
  NO_OP("no-op");

  private final String label;

  Action(String label) {
    this.label = label;
  }

  /** The word used in the plan file. */
  public String label() {
    return label;
  }

  /** The action with this plan-file label, if any. */
  public static java.util.Optional<Action> ofLabel(String label) {
    return java.util.Arrays.stream(values()).filter(a -> a.label.equals(label)).findFirst();
  }
}
