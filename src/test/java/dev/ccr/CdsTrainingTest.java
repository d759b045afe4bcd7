package dev.ccr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training run of the class-data-sharing archive reaches every path it means to: a command that
 * stopped early would leave its classes out of the archive, and start-up slower.
 */
class CdsTrainingTest {
  @Test
  void train_everyCommandRunsToItsEnd(@TempDir Path dir) throws Exception {
    String[] keys = {"aws.accessKeyId", "aws.secretAccessKey", "aws.region"};
    String[] saved = new String[keys.length];
    for (int i = 0; i < keys.length; i++) {
      saved[i] = System.getProperty(keys[i]);
      System.setProperty(keys[i], i < 2 ? "training" : "us-east-1");
    }
    try {
      // validate 0; plan --out with a change 0; apply of that plan 0; drift finds none 0;
      // plan against a closed port 1 (a network error).
      CdsTraining.Training training = CdsTraining.train(dir);
      assertEquals(List.of(0, 0, 0, 0, 1), training.exitCodes());
      // Every read a plan makes, the pool's checks included, so the SDK's models of their
      // answers are in the archive; and the write apply makes.
      assertEquals(
          java.util.Set.of(
              "DescribeUserPool",
              "DescribeUserPoolClient",
              "ListIdentityProviders",
              "ListResourceServers",
              "ListUserPoolClients",
              "UpdateUserPoolClient"),
          training.answered());
    } finally {
      for (int i = 0; i < keys.length; i++) {
        if (saved[i] == null) {
          System.clearProperty(keys[i]);
        } else {
          System.setProperty(keys[i], saved[i]);
        }
      }
    }
  }

  /** The training for the commands that never call AWS: validate and fmt run to their ends. */
  @Test
  void trainLocal_validatesAndChecksTheFormat(@TempDir Path dir) throws Exception {
    // validate 0 (valid); fmt --check 0 (the training's file is in ccr's format).
    assertEquals(List.of(0, 0), CdsTraining.trainLocal(dir));
  }
}
