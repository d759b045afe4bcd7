package dev.ccr.plan;

import dev.ccr.spec.ClientRef;
import dev.ccr.spec.DesiredState;
import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.OtherEnvironmentDocument;
import dev.ccr.spec.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code --prune} does with the undeclared clients the run selects.
 *
 * @param deleted the clients to delete
 * @param kept the clients a document of another environment declares
 * @param unmanaged the clients left as they are and reported as unmanaged
 */
record Pruning(
    List<Plan.Unmanaged> deleted,
    List<Plan.Kept> kept,
    List<Plan.Unmanaged> unmanaged,
    Optional<Plan.PruneRefused> refused) {

  /**
   * The one classification of the selected undeclared clients, for plan, apply and drift alike: a
   * client that a document of another environment declares is declared (only {@code --prune} lists
   * it, as kept), every other one is unmanaged. With {@code --prune} the unmanaged ones are
   * deleted, unless a file could not be read or such a document's client cannot be told.
   */
  static Pruning of(
      DesiredState state,
      Set<String> pools,
      List<Plan.Unmanaged> undeclared,
      Reconciler.Options options) {
    List<Plan.Kept> kept = new ArrayList<>();
    List<Plan.Unmanaged> unmanaged = new ArrayList<>();
    for (Plan.Unmanaged client : undeclared) {
      if (!options.targets().selects(client.ref())) {
        continue;
      }
      state.otherEnvironments().stream()
          .filter(d -> declares(d, client.ref()))
          .findFirst()
          .ifPresentOrElse(
              d -> kept.add(new Plan.Kept(client.ref(), d.source(), d.environments())),
              () -> unmanaged.add(client));
    }
    if (!options.prune()) {
      return new Pruning(List.of(), List.of(), unmanaged, Optional.empty());
    }
    Optional<Plan.PruneRefused> refused = refusal(state, pools);
    if (refused.isPresent()) {
      return new Pruning(List.of(), List.of(), unmanaged, refused);
    }
    return new Pruning(unmanaged, kept, List.of(), Optional.empty());
  }

  /** Whether a document of another environment names this live client: by id, else by name. */
  private static boolean declares(OtherEnvironmentDocument document, ClientRef client) {
    if (!(document.naming() instanceof OtherEnvironmentDocument.Named named)
        || !named.ref().userPoolId().equals(client.userPoolId())) {
      return false;
    }
    return named.ref().clientId().isPresent()
        ? named.ref().clientId().equals(client.clientId())
        : named.ref().clientName().equals(client.clientName());
  }

  /**
   * Why {@code --prune} cannot go ahead: files that were found and not read, and documents of other
   * environments whose client cannot be told in a declared pool (or whose pool cannot be told).
   */
  private static Optional<Plan.PruneRefused> refusal(DesiredState state, Set<String> pools) {
    List<Diagnostic> unknown = new ArrayList<>();
    for (OtherEnvironmentDocument document : state.otherEnvironments()) {
      if (document.naming() instanceof OtherEnvironmentDocument.Unknown naming
          && naming.userPoolId().map(pools::contains).orElse(true)) {
        unknown.add(cannotTell(document, naming));
      }
    }
    if (state.unreadFiles().isEmpty() && unknown.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Plan.PruneRefused(state.unreadFiles(), unknown));
  }

  private static Diagnostic cannotTell(
      OtherEnvironmentDocument document, OtherEnvironmentDocument.Unknown naming) {
    return new Diagnostic(
        Severity.ERROR,
        "--prune refused: this document belongs to "
            + document.environmentsText()
            + " only, and "
            + naming.problem()
            + ", so ccr cannot tell which client it declares, and pruning could delete it; let"
            + " the document name its client in this environment too, or run without --prune",
        document.source().file(),
        naming.position(),
        naming.pointer(),
        "");
  }

  /** The clients the plan deletes: those declared absent, and those --prune deletes. */
  Set<String> deletedIds(List<Resolution> resolutions) {
    Set<String> ids = new HashSet<>();
    for (Resolution resolution : resolutions) {
      if (resolution instanceof Resolution.Known known && known.spec().absent()) {
        ids.add(known.ref().id());
      }
    }
    deleted().forEach(u -> ids.add(u.ref().id()));
    return ids;
  }
}
