package dev.ccr.report;

import dev.ccr.drift.DriftReport;
import dev.ccr.drift.DriftReport.ClientResult;
import dev.ccr.drift.DriftReport.DriftedAttribute;
import dev.ccr.drift.DriftReport.PoolError;
import dev.ccr.drift.DriftReport.Problem;
import dev.ccr.drift.DriftReport.ProblemKind;
import dev.ccr.drift.DriftReport.RegisteredClient;
import dev.ccr.drift.DriftReport.UnmanagedClient;
import dev.ccr.report.SarifWriter.Finding;
import dev.ccr.spec.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The drift report as SARIF 2.1.0 for GitHub code scanning ({@link SarifWriter}): one result per
 * drifted attribute at its key in the file, one per client that could not be read or compared, one
 * per pool that could not be listed, and one per unmanaged client, located at the UserPoolId of the
 * first file that declares a client of its pool (the client itself is in no file, so each gets a
 * fingerprint of its own). Each finding of a security rule is a result of that rule ({@code
 * CCR101}) at its attribute, at the finding's level; one that {@code --strict} made an error is not
 * repeated as a plan error.
 */
final class DriftSarifRenderer implements DriftRenderer {
  static final SarifRule ATTRIBUTE_DRIFT =
      SarifRule.of(
          "ccr/attribute-drift",
          "AttributeDrift",
          "error",
          "A managed attribute of a live app client differs from its desired-state file.",
          "An attribute that the desired-state file manages has another value on the live Cognito app client: the client was changed outside ccr, or the file was changed and not applied. The result sits at the attribute's key and gives the value in the file and the live value.",
          "Run `ccr plan` to review the change and `ccr apply` to write the file's value back to the client, or change the file to accept the live value.\n\nAttributes that the file leaves out are unmanaged and never compared.",
          true);
  static final SarifRule UNMANAGED_CLIENT =
      SarifRule.of(
          "ccr/unmanaged-client",
          "UnmanagedClient",
          "warning",
          "A live app client of a declared user pool is declared in no file.",
          "The files manage this user pool, but no file declares this app client of it, so nobody reviews its configuration. No line of any file is about the client: the result sits at the UserPoolId of the first file that declares a client of the pool, with a fingerprint of its own, so that each unmanaged client is an alert of its own.",
          "Declare the client in a file (`ccr export --user-pool-id POOL --client-id ID` writes one) or delete it if nobody uses it.\n\nWith `--fail-on-unmanaged` this finding is an error and fails the check.",
          false);
  static final SarifRule REGISTERED_CLIENT =
      SarifRule.of(
          "ccr/registered-client",
          "RegisteredClient",
          "note",
          "A live app client of a declared user pool was registered at run time.",
          "The client's ClientType is not REGULAR: an application registered it at run time through dynamic client registration (DCR), or Cognito returned a type ccr does not know. ccr does not adopt such a client by name, prune it or count it as unmanaged. The result sits at the UserPoolId of the first file that declares a client of the pool, with a fingerprint of its own.",
          "Nothing to do when the registration was expected. To manage the client like any other, run with `--include-dcr`, or declare it by its `ClientId`.",
          false);
  static final SarifRule READ_ERROR =
      SarifRule.of(
          "ccr/read-error",
          "ReadError",
          "error",
          "A declared app client or its user pool could not be read from Cognito.",
          "ccr could not describe a declared app client, or could not list the clients of a declared user pool, so it cannot tell whether they drifted. The result sits at the client's ClientId, or at the first UserPoolId of the pool.",
          "Check the `UserPoolId` (its pool must exist in the region and account in use) and the `ClientId`, the credentials, and the IAM permissions `cognito-idp:DescribeUserPoolClient` and `cognito-idp:ListUserPoolClients`. A client that is gone on purpose can be declared `ccr: {state: absent}`.",
          true);
  static final SarifRule MISSING_CLIENT =
      SarifRule.of(
          "ccr/missing-client",
          "MissingClient",
          "error",
          "A declared app client does not exist in its user pool.",
          "A file declares this app client, by ClientName within its pool, and the pool has no client of that name. The result sits at the start of the client's document.",
          "Run `ccr plan` to review and `ccr apply` to create it, or remove the document if the client should not exist.",
          true);
  static final SarifRule UNWANTED_CLIENT =
      SarifRule.of(
          "ccr/unwanted-client",
          "UnwantedClient",
          "error",
          "An app client that its file declares absent exists.",
          "A document declares this app client absent (`ccr: {state: absent}`), and it exists. The result sits at the start of the client's document.",
          "Run `ccr plan` to review and `ccr apply` to delete it, or remove `state: absent` from the document to keep it.",
          true);
  static final SarifRule PLAN_ERROR =
      SarifRule.of(
          "ccr/plan-error",
          "PlanError",
          "error",
          "A value in the file cannot be compared with the live client.",
          "A value in the file is out of range once read with the live client's unit, for example a token validity whose unit the file does not give in TokenValidityUnits. The result sits at the attribute.",
          "Give the validity together with its unit in `TokenValidityUnits`.",
          true);
  private static final SarifWriter.Omission OMISSION =
      SarifWriter.Omission.of("ccr drift --format text");
  static final SarifRule RESULTS_OMITTED = OMISSION.rule();

  /**
   * The rules of drift, in the order of the driver's list: its own, then the security rules, then
   * the note about runtime-registered clients.
   */
  static final List<SarifRule> RULES =
      Stream.concat(
              Stream.of(
                  ATTRIBUTE_DRIFT,
                  UNMANAGED_CLIENT,
                  READ_ERROR,
                  MISSING_CLIENT,
                  UNWANTED_CLIENT,
                  PLAN_ERROR,
                  RESULTS_OMITTED),
              Stream.concat(SarifRule.SECURITY.stream(), Stream.of(REGISTERED_CLIENT)))
          .toList();

  private final SarifWriter writer;

  DriftSarifRenderer(String version, String informationUri, Path workingDirectory) {
    this(version, informationUri, workingDirectory, SarifWriter.MAX_RESULTS);
  }

  DriftSarifRenderer(String version, String informationUri, Path workingDirectory, int maxResults) {
    this.writer = new SarifWriter(version, informationUri, workingDirectory, maxResults);
  }

  @Override
  public String render(DriftReport report) {
    return writer.write(RULES, OMISSION, findings(report));
  }

  private List<Finding> findings(DriftReport report) {
    List<Finding> findings = new ArrayList<>();
    for (ClientResult client : report.clients()) {
      findings.addAll(findings(client));
    }
    for (PoolError error : report.poolErrors()) {
      findings.add(
          new Finding(
              READ_ERROR,
              error.message(),
              error.file(),
              error.position(),
              "UserPoolId".length(),
              error.userPoolId()));
    }
    for (UnmanagedClient client : report.unmanaged()) {
      String message =
          "Unmanaged client "
              + client.title()
              + ": no file declares it. It is reported here because this file declares its"
              + " pool.";
      String level = report.failOnUnmanaged() ? "error" : UNMANAGED_CLIENT.level();
      findings.add(
          new Finding(
              UNMANAGED_CLIENT,
              level,
              message,
              client.file(),
              client.position(),
              "UserPoolId".length(),
              client.userPoolId() + "/" + client.clientId()));
    }
    for (RegisteredClient client : report.registered()) {
      findings.add(
          new Finding(
              REGISTERED_CLIENT,
              "Client " + client.title() + " is " + client.finding() + ".",
              client.file(),
              client.position(),
              "UserPoolId".length(),
              client.userPoolId() + "/" + client.clientId()));
    }
    for (Diagnostic finding : report.securityFindings()) {
      findings.add(writer.finding(finding, SarifRule.security(finding.rule().orElseThrow())));
    }
    return findings;
  }

  /** A missing or unwanted client, its drifted attributes, and its problems. */
  private static List<Finding> findings(ClientResult client) {
    List<Finding> findings = new ArrayList<>();
    String about = client.userPoolId() + "/" + client.clientId();
    if (client.status() == DriftReport.Status.MISSING
        || client.status() == DriftReport.Status.UNWANTED) {
      SarifRule rule =
          client.status() == DriftReport.Status.MISSING ? MISSING_CLIENT : UNWANTED_CLIENT;
      findings.add(
          new Finding(
              rule,
              client.title() + ": " + DriftReport.lifecycleFinding(client) + ".",
              client.file(),
              client.position(),
              "UserPoolId".length(),
              client.userPoolId() + "/" + client.clientName()));
    }
    for (DriftedAttribute attribute : client.drifted()) {
      findings.add(drifted(client, attribute, about));
    }
    for (Problem problem : client.problems()) {
      if (problem.rule().isEmpty()) {
        findings.add(problem(client, problem, about));
      }
    }
    return findings;
  }

  private static Finding drifted(ClientResult client, DriftedAttribute attribute, String about) {
    String message =
        attribute.path()
            + " of "
            + client.title()
            + " drifted: the file says "
            + attribute.desired()
            + ", live is "
            + attribute.live()
            + ".";
    String key = attribute.path().substring(attribute.path().lastIndexOf('/') + 1);
    return new Finding(
        ATTRIBUTE_DRIFT,
        message,
        client.file(),
        attribute.position(),
        key.length(),
        about + "/" + attribute.path());
  }

  private static Finding problem(ClientResult client, Problem problem, String about) {
    if (problem.kind() == ProblemKind.READ) {
      return new Finding(
          READ_ERROR,
          problem.message(),
          client.file(),
          problem.position(),
          "ClientId".length(),
          about);
    }
    return new Finding(
        PLAN_ERROR,
        problem.message(),
        client.file(),
        problem.position(),
        1,
        about + "/" + problem.message());
  }
}
