package dev.lambdadeploy.maven;

import dev.lambdadeploy.assemble.CompressionPolicy;
import dev.lambdadeploy.assemble.LambdaPackager;
import dev.lambdadeploy.assemble.PackageRequest;
import dev.lambdadeploy.assemble.PackageResult;
import dev.lambdadeploy.assemble.PackagingException;
import dev.lambdadeploy.config.Architecture;
import dev.lambdadeploy.config.ArtifactPattern;
import dev.lambdadeploy.config.BudgetSpec;
import dev.lambdadeploy.config.ConfigException;
import dev.lambdadeploy.config.EntryGlob;
import dev.lambdadeploy.config.ExternalLayerSpec;
import dev.lambdadeploy.config.LayerSpec;
import dev.lambdadeploy.config.OutputTimestamp;
import dev.lambdadeploy.config.StripSpec;
import dev.lambdadeploy.manifest.PackageManifest;
import dev.lambdadeploy.manifest.ProjectInfo;
import dev.lambdadeploy.manifest.ZipRecord;
import dev.lambdadeploy.publish.DeployMode;
import dev.lambdadeploy.report.PackageSummary;
import dev.lambdadeploy.report.SizeCheck;
import dev.lambdadeploy.report.SizeCheckMemo;
import dev.lambdadeploy.report.SizeReportIO;
import dev.lambdadeploy.report.SizeReportRequest;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Builds the Lambda layer zips and the function zip from the project's runtime dependencies and classes, strips dead
 * weight, and writes {@code target/lambda/lambda-package.json}. Zips are reproducible and reused when unchanged.
 */
@Mojo(
        name = "package",
        defaultPhase = LifecyclePhase.PACKAGE,
        requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class PackageMojo extends AbstractLambdaMojo {

    /** Skips only this goal. */
    @Parameter(property = "lambda.package.skip", defaultValue = "false")
    private boolean skipPackage;

    /** Lambda architecture the package is for: {@code x86_64} or {@code arm64}. Native libraries for others are dropped. */
    @Parameter(property = "lambda.architecture", defaultValue = "x86_64")
    private String architecture;

    /**
     * Layers, in priority order: each artifact goes to the first layer whose includes match it and excludes don't;
     * unmatched artifacts go to the function zip. Without layers, released third-party dependencies form one layer
     * named {@code defaultLayerName} and SNAPSHOT/reactor artifacts go to the function zip.
     */
    @Parameter
    private List<Layer> layers = new ArrayList<>();

    /** Name of the default layer used when no {@code <layers>} are configured. */
    @Parameter(property = "lambda.defaultLayerName", defaultValue = "${project.artifactId}")
    private String defaultLayerName;

    /** Jar stripping: {@code <enabled>}, extra {@code <excludes>} and always-kept {@code <includes>} entry globs. */
    @Parameter
    private Strip strip;

    /** Overrides {@code <strip><enabled>} from the command line, e.g. {@code -Dlambda.strip=false}. */
    @Parameter(property = "lambda.strip")
    private Boolean stripOverride;

    /** Reuse zips whose inputs did not change since the last run. */
    @Parameter(property = "lambda.incremental", defaultValue = "true")
    private boolean incremental;

    /**
     * Deflate level of zip entries, 0-9. The default 9 gives the smallest zips (what is uploaded, and what counts
     * against Lambda's 50 MB direct-upload limit). Jars are deflated except the entry data they already compressed,
     * which is copied (see {@code deflateJarData}). {@code 0} stores every entry: no compression work at all, zips as
     * large as the stripped content.
     */
    @Parameter(property = "lambda.package.compressionLevel", defaultValue = "9")
    private int compressionLevel;

    /**
     * Also deflate the entry data that jars already compressed, instead of copying it. Makes layer zips about 1.4 %
     * smaller for more than twice the packaging time (measured in BENCHMARKS.md); worth it only when a zip must
     * squeeze under a size limit.
     */
    @Parameter(property = "lambda.package.deflateJarData", defaultValue = "false")
    private boolean deflateJarData;

    /** Attach the zips to the project (classifiers {@code lambda-function}, {@code lambda-layer-<name>}). */
    @Parameter(property = "lambda.package.attach", defaultValue = "true")
    private boolean attach;

    /** Timestamp for zip entries (reproducible builds); Maven's {@code project.build.outputTimestamp}. */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    private String outputTimestamp;

    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true)
    private File classesDirectory;

    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    private String pluginVersion;

    /**
     * Size budgets on top of Lambda's own limits (always checked): a list of {@code <budget>} with {@code <kind>},
     * {@code <max>}, optional {@code <layer>} and {@code <level>} ({@code ERROR} or {@code WARN}). See the README.
     */
    @Parameter
    private List<Budget> budgets = new ArrayList<>();

    /**
     * The deploy mode of lambda:deploy (configure it at plugin level to share it): in {@code image} mode, or in
     * {@code auto} mode over 250 MB with {@code imageRepository} set, the zip-only limits (250 MB, 5 layers, direct
     * upload) do not apply and the image-size budgets do.
     */
    @Parameter(alias = "mode", property = "lambda.deploy.mode", defaultValue = "auto")
    private String deployMode;

    /** The ECR repository of image mode (see lambda:deploy); only read here to know whether auto means an image. */
    @Parameter(property = "lambda.image.repository")
    private String imageRepository;

    /**
     * Layers the function uses that this build does not make: {@code <externalLayer>} with {@code <arn>} and
     * {@code <unzippedSize>}; they count against the 250 MB and 5-layer limits.
     */
    @Parameter
    private List<ExternalLayer> externalLayers = new ArrayList<>();

    /** An earlier {@code size-report.json} to compare with (growth budgets, and the report's diff). */
    @Parameter(property = "lambda.budgets.baseline")
    private File baseline;

    /** Skips the budget check (reports are still written). For emergencies. */
    @Parameter(property = "lambda.budgets.skip", defaultValue = "false")
    private boolean skipBudgets;

    /** Fail the build when an ERROR budget is broken; {@code false} only reports it. */
    @Parameter(property = "lambda.budgets.failOnViolation", defaultValue = "true")
    private boolean failOnViolation;

    /** File the Markdown size summary is appended to; GitHub Actions sets {@code GITHUB_STEP_SUMMARY}. */
    @Parameter(property = "lambda.report.stepSummary", defaultValue = "${env.GITHUB_STEP_SUMMARY}")
    private File stepSummary;

    @Component
    private MavenProjectHelper projectHelper;

    @Override
    protected String goal() {
        return "package";
    }

    /** Packaging needs neither, so a package-only build never resolves or loads them. */
    @Override
    protected boolean usesAwsSdk() {
        return false;
    }

    @Override
    protected boolean skipGoal() {
        return skipPackage;
    }

    private CompressionPolicy compression() {
        if (compressionLevel < 0 || compressionLevel > 9) {
            throw new ConfigException(
                    "<compressionLevel> (lambda.package.compressionLevel)",
                    "'" + compressionLevel
                            + "' is not a deflate level; use 0 (store, fastest) to 9 (smallest, the default).");
        }
        return CompressionPolicy.level(compressionLevel).withJarData(deflateJarData);
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        long start = System.nanoTime();
        List<BudgetSpec> budgetSpecs = Budget.specs(budgets);
        List<ExternalLayerSpec> externalLayerSpecs = externalLayerSpecs();
        PackageRequest request = PackageRequest.builder(
                        new ProjectInfo(project.getGroupId(), project.getArtifactId(), project.getVersion()),
                        outputDirectory.toPath())
                .classesDirectory(classesDirectory.toPath())
                .artifacts(MavenArtifacts.runtimeArtifacts(project, session))
                .layers(layerSpecs())
                .defaultLayerName(defaultLayerName)
                .architecture(Architecture.parse(architecture, "<architecture> (lambda.architecture)"))
                .strip(stripSpec())
                .outputTimestamp(OutputTimestamp.parse(outputTimestamp))
                .incremental(incremental)
                .compression(compression())
                .pluginVersion(PluginIdentity.of(pluginVersion))
                .build();
        if (baseline != null && !Files.exists(outputDirectory.toPath().resolve(PackageManifest.FILE_NAME))) {
            // a first or clean build compares with the baseline: reading it can set up alongside packaging
            SizeReportIO.warmUpInBackground();
        }
        PackageResult result;
        try {
            result = new LambdaPackager(new MavenBuildLog(getLog())).run(request);
        } catch (PackagingException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        PackageSummary.render(result.manifest(), relative(outputDirectory)).forEach(getLog()::info);
        getLog().info(String.format(
                "%d zip(s) built, %d reused in %d ms; manifest %s",
                result.builtZips(),
                result.reusedZips(),
                result.took().toMillis(),
                relative(result.manifestFile().toFile())));
        if (attach) {
            for (ZipRecord z : result.manifest().layers()) {
                projectHelper.attachArtifact(
                        project, "zip", "lambda-layer-" + z.name(), new File(outputDirectory, z.path()));
            }
            projectHelper.attachArtifact(
                    project,
                    "zip",
                    "lambda-function",
                    new File(outputDirectory, result.manifest().function().path()));
        }
        checkSizes(result, budgetSpecs, externalLayerSpecs, start);
    }

    /**
     * Writes the size reports, then fails once if an ERROR budget is broken (and failing is not switched off). When
     * the package, budgets, baseline and reports are those of the last run (a no-op build), the last run's lines and
     * verdict are replayed from {@link SizeCheckMemo} instead of measuring, checking and rendering again.
     */
    private void checkSizes(
            PackageResult result, List<BudgetSpec> budgetSpecs, List<ExternalLayerSpec> externalLayerSpecs, long start)
            throws MojoExecutionException, MojoFailureException {
        PackageManifest manifest = result.manifest();
        long reportStart = System.nanoTime();
        Path out = outputDirectory.toPath();
        SizeReportRequest request = new SizeReportRequest(
                manifest,
                out,
                budgetSpecs,
                externalLayerSpecs,
                baseline == null ? null : baseline.toPath(),
                skipBudgets,
                imageBytes(manifest),
                stepSummary == null || stepSummary.getPath().isBlank() ? null : stepSummary.toPath());
        SizeCheckMemo.Verdict verdict;
        try {
            verdict = new SizeCheck(new MavenBuildLog(getLog()), p -> relative(p.toFile()))
                    .run(request, result.contentKey(), incremental);
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        for (SizeCheckMemo.Line line : verdict.lines()) {
            switch (line.level()) {
                case ERROR -> getLog().error(line.text());
                case WARN -> getLog().warn(line.text());
                default -> getLog().info(line.text());
            }
        }
        // The whole goal's own time (what the benchmark calls plugin time), before a broken budget may end it.
        long now = System.nanoTime();
        getLog().info(String.format(
                "lambda:package took %d ms (zips %d ms, size report and budgets %d ms)",
                (now - start) / 1_000_000, result.took().toMillis(), (now - reportStart) / 1_000_000));
        if (verdict.failure() == null) {
            return;
        }
        if (!failOnViolation) {
            getLog().warn(verdict.failure().replace(" broken", " broken, but lambda.budgets.failOnViolation=false"));
            return;
        }
        throw new MojoFailureException(verdict.failure());
    }

    /**
     * In image mode the package is measured as an image: the application layers hold exactly the zips' files, so
     * their unzipped size is the image size without the base image (which lambda:deploy adds from the registry).
     */
    private OptionalLong imageBytes(PackageManifest manifest) {
        // Only a recognised mode matters here; a wrong one is lambda:deploy's to report (it names the values).
        DeployMode mode;
        try {
            mode = deployMode(deployMode);
        } catch (ConfigException e) {
            return OptionalLong.empty();
        }
        long unzipped =
                manifest.allZips().stream().mapToLong(ZipRecord::unzippedBytes).sum();
        boolean image = mode.deploysImage(unzipped, blank(imageRepository) != null);
        if (image) {
            getLog().info("Image mode: Lambda's zip limits (250 MB, 5 layers) do not apply; the image-size check "
                    + "counts the application layers here and the whole image at lambda:deploy");
        }
        return image ? OptionalLong.of(unzipped) : OptionalLong.empty();
    }

    private List<ExternalLayerSpec> externalLayerSpecs() {
        List<ExternalLayerSpec> specs = new ArrayList<>();
        for (int i = 0; i < externalLayers.size(); i++) {
            ExternalLayer e = externalLayers.get(i);
            specs.add(
                    ExternalLayerSpec.parse(e.arn, e.unzippedSize, "<externalLayers><externalLayer>[" + (i + 1) + "]"));
        }
        return specs;
    }

    private List<LayerSpec> layerSpecs() {
        List<LayerSpec> specs = new ArrayList<>();
        for (Layer l : layers) {
            String element = "<layers><layer>" + (l.name == null ? "" : " '" + l.name + "'");
            specs.add(new LayerSpec(
                    l.name,
                    patterns(l.includes, element + " <includes><include>"),
                    patterns(l.excludes, element + " <excludes><exclude>")));
        }
        return specs;
    }

    private static List<ArtifactPattern> patterns(List<String> texts, String element) {
        return texts == null
                ? List.of()
                : texts.stream().map(t -> ArtifactPattern.parse(t, element)).collect(Collectors.toList());
    }

    private StripSpec stripSpec() {
        Strip s = strip == null ? new Strip() : strip;
        boolean enabled = stripOverride != null ? stripOverride : s.enabled;
        return new StripSpec(
                enabled,
                globs(s.excludes, "<strip><excludes><exclude>"),
                globs(s.includes, "<strip><includes><include>"));
    }

    private static List<EntryGlob> globs(List<String> texts, String element) {
        return texts == null
                ? List.of()
                : texts.stream().map(t -> EntryGlob.parse(t, element)).collect(Collectors.toList());
    }
}
