package dev.ccr.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads the version the build wrote into {@code dev/ccr/version.properties}. */
final class Version implements IVersionProvider {
  /** Where users learn about ccr; reports that name their tool (SARIF) point here. */
  static final String INFORMATION_URI = "https://ccr.dev/";

  @Override
  public String[] getVersion() {
    return new String[] {"ccr " + number()};
  }

  /** What plan files record as their author: {@code ccr 0.1.0}. */
  static String generatedBy() {
    return "ccr " + number();
  }

  static String number() {
    Properties properties = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("/dev/ccr/version.properties")) {
      if (in == null) {
        return "unknown";
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version", "unknown");
  }
}
