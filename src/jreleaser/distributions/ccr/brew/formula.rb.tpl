# {{jreleaserCreationStamp}}
# The Homebrew formula of ccr, made by JReleaser from src/jreleaser/distributions/ccr/brew/.
class {{brewFormulaName}} < Formula
  desc "{{projectDescription}}"
  homepage "{{projectLinkHomepage}}"
  url "{{distributionUrl}}"
  sha256 "{{distributionChecksumSha256}}"

  depends_on "openjdk"

  def install
    libexec.install Dir["*"]
    # Homebrew's openjdk is keg-only on macOS: not on the PATH. ccr's launcher starts the java
    # that JAVA_HOME names, so bin/ccr sets it before it starts the launcher. Any Java from 17
    # runs ccr; on 25 and later (Homebrew's openjdk is the newest) the launcher makes an
    # ahead-of-time cache, the fastest start.
    (bin/"{{distributionExecutableName}}").write_env_script libexec/"bin/{{distributionExecutableUnix}}",
      Language::Java.java_home_env
  end

  def caveats
    <<~EOS
      The first run of ccr, and the first after openjdk is upgraded, prepares a faster start
      for that Java (10 to 20 seconds); the first validate, fmt or show prepares its own.
    EOS
  end

  test do
    # The test's sandbox cannot write beside the jar: no archive or cache, a plain start.
    ENV["CCR_CDS"] = "off"
    assert_equal "ccr {{projectVersion}}", shell_output("#{bin}/{{distributionExecutableName}} --version").strip
    (testpath/"web.yaml").write <<~YAML
      UserPoolId: us-east-1_AbCdEf123
      ClientName: web
    YAML
    assert_match "1 client in 1 file: valid.", shell_output("#{bin}/{{distributionExecutableName}} validate web.yaml")
  end
end
