package dev.ccr.spec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A document the run left out because its {@code ccr.environments} names only other environments,
 * with the client it names as far as the run's variables resolve it. It is not checked and not
 * planned, but it keeps its client from {@code --prune}: a client that another environment's
 * document declares is not an accident to clean up.
 *
 * @param source the document
 * @param environments the environments it belongs to
 * @param naming the client it names, or why the run cannot tell
 */
public record OtherEnvironmentDocument(SourceRef source, List<String> environments, Naming naming) {
  public OtherEnvironmentDocument {
    Objects.requireNonNull(source, "source");
    environments = List.copyOf(environments);
    Objects.requireNonNull(naming, "naming");
  }

  /** How the document names its client in this run. */
  public sealed interface Naming permits Named, Unknown {}

  /** The client, by ClientId, else by ClientName in its pool. */
  public record Named(ClientRef ref) implements Naming {
    public Named {
      Objects.requireNonNull(ref, "ref");
    }
  }

  /**
   * A key that names the client has no value in this run: it is missing, or holds a variable that
   * only other environments define.
   *
   * @param userPoolId the pool, when UserPoolId itself has a value
   * @param pointer the key that has none: {@code /UserPoolId}, {@code /ClientId} or {@code
   *     /ClientName}
   * @param problem what is wrong with it, as a clause ({@code ClientId has no value in environment
   *     prod})
   */
  public record Unknown(
      Optional<String> userPoolId, String pointer, Position position, String problem)
      implements Naming {
    public Unknown {
      Objects.requireNonNull(userPoolId, "userPoolId");
      Objects.requireNonNull(pointer, "pointer");
      Objects.requireNonNull(position, "position");
      Objects.requireNonNull(problem, "problem");
    }
  }

  /** {@code environment dev} or {@code environments dev, staging}. */
  public String environmentsText() {
    return (environments.size() == 1 ? "environment " : "environments ")
        + String.join(", ", environments);
  }
}
