package dev.lambdadeploy.maven;

import dev.lambdadeploy.analyze.AnalysisIO;
import dev.lambdadeploy.analyze.AnalysisReport;
import dev.lambdadeploy.analyze.AnalysisRequest;
import dev.lambdadeploy.analyze.Analyzer;
import dev.lambdadeploy.invoke.InvokeException;
import dev.lambdadeploy.manifest.PackageManifest;
import dev.lambdadeploy.report.AnalysisHtml;
import dev.lambdadeploy.report.AnalysisSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Why is the function big and what slows its cold start, measured on the packaged layout: static bytecode reachability
 * from the handler across function.zip and the layers (unused jars with the POM change that removes them, duplicate
 * classes, split packages), a cold-start probe in fresh JVMs with class-load logging (classes and time per jar, long
 * pauses), comparisons that measure the recommendations, and ranked recommendations. Writes
 * {@code target/lambda/analysis.json} and {@code target/lambda/analysis.html}. Run after lambda:package:
 * {@code mvn package lambda:analyze}.
 */
@Mojo(name = "analyze", threadSafe = true)
public class AnalyzeMojo extends AbstractFunctionRunMojo {

    /** Skips only this goal. */
    @Parameter(property = "lambda.analyze.skip", defaultValue = "false")
    private boolean skipAnalyze;

    /** The probe's event: a JSON file, inline JSON, or {@code -} for stdin; {@code {}} when unset. */
    @Parameter(property = "lambda.event")
    private String event;

    /** Fresh-JVM probe runs (medians are reported); each comparison runs as many again. */
    @Parameter(property = "lambda.analyze.runs", defaultValue = "5")
    private int runs;

    /**
     * Extra roots for the static analysis, for classes only reached by computed reflection: {@code com.x.Foo},
     * {@code com.x.*} (a package), {@code com.x.**} (with subpackages) or {@code groupId:artifactId} (a whole jar).
     */
    @Parameter
    private List<String> keep = new ArrayList<>();

    /** Measure the start-up with full tiered compilation against Lambda's C1-only default. */
    @Parameter(property = "lambda.analyze.compareJit", defaultValue = "true")
    private boolean compareJit;

    /** Run the probe without the unused jars too: proves the handler still works and measures the gain. */
    @Parameter(property = "lambda.analyze.verifyRemoval", defaultValue = "true")
    private boolean verifyRemoval;

    /** Pauses between class loads at least this long (median, ms) are reported as heavy initialization. */
    @Parameter(property = "lambda.analyze.pauseThresholdMs", defaultValue = "20")
    private double pauseThresholdMs;

    /** The Lambda runtime the function is deployed on (SnapStart eligibility), e.g. {@code java21}. */
    @Parameter(property = "lambda.runtime", defaultValue = "java21")
    private String runtime;

    /** {@code Zip} or {@code Image} (SnapStart eligibility). */
    @Parameter(property = "lambda.packageType", defaultValue = "Zip")
    private String packageType;

    /** Fail the build when unused jars are found (a CI gate). */
    @Parameter(property = "lambda.analyze.failOnUnused", defaultValue = "false")
    private boolean failOnUnused;

    @Override
    protected String goal() {
        return "analyze";
    }

    @Override
    protected boolean skipGoal() {
        return skipAnalyze;
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        if (runs < 1 || runs > 50) {
            throw new MojoExecutionException("<runs> (lambda.analyze.runs) must be 1..50, was " + runs);
        }
        PackageManifest manifest = readManifest();
        Path out = outputDirectory.toPath();
        AnalysisRequest request = new AnalysisRequest(
                manifest,
                out,
                out.resolve("analyze"),
                invokeRequest(Events.read(event, project.getBasedir().toPath(), System.in), 2, "analyze"),
                runs,
                keep,
                compareJit,
                verifyRemoval,
                pauseThresholdMs,
                runtime,
                packageType);
        AnalysisReport report;
        try {
            report = new Analyzer(new MavenBuildLog(getLog())).run(request);
            AnalysisIO.write(report, out.resolve(AnalysisReport.FILE_NAME));
            Files.writeString(out.resolve(AnalysisReport.HTML_FILE_NAME), AnalysisHtml.render(report));
        } catch (InvokeException e) {
            if (e.handlerFault()) {
                throw new MojoFailureException("lambda:analyze needs a handler that runs: " + e.getMessage(), e);
            }
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("lambda:analyze failed: " + e.getMessage(), e);
        }
        AnalysisSummary.render(
                        report,
                        relative(out.resolve(AnalysisReport.FILE_NAME).toFile()),
                        relative(out.resolve(AnalysisReport.HTML_FILE_NAME).toFile()))
                .forEach(getLog()::info);
        if (failOnUnused && report.totals().unusedJars() > 0) {
            throw new MojoFailureException(report.totals().unusedJars() + " unused jar(s) found (see "
                    + relative(out.resolve(AnalysisReport.HTML_FILE_NAME).toFile())
                    + "); remove them or list them in <keep>, or set lambda.analyze.failOnUnused=false");
        }
    }
}
