package dev.ccr.apply;

import dev.ccr.live.ClientSummary;
import dev.ccr.live.CognitoGateway;
import dev.ccr.live.GatewayException;
import dev.ccr.live.LiveClient;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A gateway that retries throttled and transient failures (TooManyRequests, ConcurrentModification,
 * InternalError) with {@link Backoff}; every other failure is thrown at once.
 */
final class RetryingGateway implements CognitoGateway {
  private final CognitoGateway delegate;
  private final Backoff backoff;

  RetryingGateway(CognitoGateway delegate, Backoff backoff) {
    this.delegate = delegate;
    this.backoff = backoff;
  }

  static boolean retryable(GatewayException e) {
    return e.reason() == GatewayException.Reason.THROTTLED
        || e.reason() == GatewayException.Reason.RETRYABLE;
  }

  @Override
  public LiveClient describe(String userPoolId, String clientId) {
    return retried(() -> delegate.describe(userPoolId, clientId));
  }

  @Override
  public void update(String userPoolId, String clientId, Map<String, Object> configuration) {
    retried(
        () -> {
          delegate.update(userPoolId, clientId, configuration);
          return null;
        });
  }

  @Override
  public List<ClientSummary> list(String userPoolId) {
    return retried(() -> delegate.list(userPoolId));
  }

  private <T> T retried(Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (GatewayException e) {
        if (!retryable(e) || attempt >= backoff.maxAttempts()) {
          throw e;
        }
        pause(attempt - 1);
      }
    }
  }

  private void pause(int retry) {
    try {
      backoff.sleeper().sleep(backoff.delay(retry));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry", e);
    }
  }
}
