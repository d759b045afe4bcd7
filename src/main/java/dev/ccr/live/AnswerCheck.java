package dev.ccr.live;

import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Says what came back when an answer is not Cognito's JSON (an HTML page from a proxy or a sign-in
 * portal, say): its HTTP status and Content-Type, in place of the parser's complaint, which {@link
 * ErrorClassifier} would otherwise take for a network failure.
 */
final class AnswerCheck implements ExecutionInterceptor {
  static final String NOT_JSON = "answered with something other than Cognito's JSON";

  @Override
  public Throwable modifyException(
      Context.FailedExecution context, ExecutionAttributes attributes) {
    Throwable error = context.exception();
    if (error instanceof SdkServiceException || !notJson(error)) {
      return error;
    }
    Optional<SdkHttpResponse> response = context.httpResponse();
    String status = response.map(r -> "HTTP " + r.statusCode()).orElse("");
    String type =
        response
            .flatMap(r -> r.firstMatchingHeader("Content-Type"))
            .map(t -> "Content-Type " + t)
            .orElse("no Content-Type");
    String what = status.isEmpty() ? type : status + ", " + type;
    return SdkClientException.create(NOT_JSON + " (" + what + ")", error);
  }

  /** Whether the parser of the answer failed: the answer was not JSON. */
  static boolean notJson(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      String name = t.getClass().getSimpleName();
      if (name.equals("JsonParseException") || name.equals("StreamReadException")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
