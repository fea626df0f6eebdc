package dev.lambdadeploy.publish;

import dev.lambdadeploy.aws.AwsClientFactory;
import dev.lambdadeploy.aws.AwsClients;
import dev.lambdadeploy.log.BuildLog;
import dev.lambdadeploy.units.ByteSizes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code lambda:deploy} without Maven: plans from the manifest, deploys every region in parallel (each region on its
 * own; one failing region does not stop the others) and writes {@code deploy-result.json}. The caller decides what a
 * failed region means (the Maven goal fails the build).
 */
public final class LambdaDeployer {
    private final BuildLog log;
    private final DeployListener listener;

    public LambdaDeployer(BuildLog log) {
        this(log, DeployListener.NONE);
    }

    /** @param listener shows what the deploy reports while it runs (the pushed image) */
    public LambdaDeployer(BuildLog log, DeployListener listener) {
        this.log = log;
        this.listener = listener;
    }

    public DeployResult deploy(DeployRequest request) {
        long start = System.nanoTime();
        Instant startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        DeployPlan plan = DeployPlanner.plan(request);
        logPlan(request, plan);
        List<RegionResult> regions = new ArrayList<>();
        long calls;
        long attempts;
        try (AwsClientFactory factory = new AwsClientFactory(request.aws())) {
            if (request.regions().size() == 1) {
                regions.add(
                        deployRegion(request, plan, factory, request.regions().get(0)));
            } else {
                ExecutorService pool =
                        Executors.newFixedThreadPool(Math.min(request.regions().size(), 4));
                try {
                    List<Future<RegionResult>> futures = new ArrayList<>();
                    for (String region : request.regions()) {
                        futures.add(pool.submit(() -> deployRegion(request, plan, factory, region)));
                    }
                    for (Future<RegionResult> f : futures) {
                        regions.add(f.get());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DeployException("interrupted while deploying", e);
                } catch (ExecutionException e) {
                    throw new DeployException("deploy failed: " + e.getCause(), e.getCause());
                } finally {
                    pool.shutdownNow();
                }
            }
            calls = factory.counter().calls();
            attempts = factory.counter().attempts();
        }
        long bytes = regions.stream().mapToLong(RegionResult::bytesUploaded).sum();
        DeployResult result = new DeployResult(
                DeployResult.SCHEMA_VERSION,
                plan.manifest().project(),
                plan.image() ? DeployMode.IMAGE.id() : request.mode().id(),
                request.dryRun(),
                startedAt.toString(),
                (System.nanoTime() - start) / 1_000_000,
                bytes,
                regions,
                calls,
                attempts);
        try {
            DeployResultIO.write(result, request.outputDirectory().resolve(DeployResult.FILE_NAME));
            if (plan.image() && !request.dryRun()) {
                recordImageBuild(plan, regions, startedAt, request.outputDirectory());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    /** What lambda:status compares image functions with: the image this checkout built, and from which zips. */
    private static void recordImageBuild(
            DeployPlan plan, List<RegionResult> regions, Instant builtAt, java.nio.file.Path directory)
            throws IOException {
        List<ImageBuildRecord.Image> images = regions.stream()
                .filter(r -> r.image() != null)
                .map(r -> new ImageBuildRecord.Image(
                        r.region(), r.image().imageUri(), r.image().digest()))
                .toList();
        if (images.isEmpty()) {
            return; // nothing was built and pushed: the earlier record still describes the last image
        }
        ImageDeployResult first = regions.stream()
                .filter(r -> r.image() != null)
                .findFirst()
                .orElseThrow()
                .image();
        var m = plan.manifest();
        new ImageBuildRecord(
                        ImageBuildRecord.SCHEMA_VERSION,
                        builtAt.toString(),
                        m.project().groupId() + ":" + m.project().artifactId() + ":"
                                + m.project().version(),
                        m.architecture(),
                        m.outputTimestamp(),
                        first.baseImage(),
                        first.baseImageDigest(),
                        ImageBuildRecord.inputsKey(m),
                        ImageBuildRecord.inputs(m),
                        images)
                .write(directory);
    }

    private RegionResult deployRegion(DeployRequest request, DeployPlan plan, AwsClientFactory factory, String region) {
        try (AwsClients clients = factory.clients(region)) {
            RegionResult r = new RegionDeployer(request, plan, clients, factory.maxAttempts(), log, listener).run();
            if (r.failed()) {
                // the full message (with its fix) is the goal's error; said once, at the end
                log.warn("[" + region + "] deploy failed; the error and its fix follow the summary");
            }
            return r;
        }
    }

    private void logPlan(DeployRequest request, DeployPlan plan) {
        log.info((request.dryRun() ? "Dry run: would deploy " : "Deploying ")
                + plan.manifest().project().artifactId()
                + " " + plan.manifest().project().version() + " (" + plan.architecture() + ") to "
                + (request.layersOnly() ? "layers only (no function)" : String.join(", ", request.functionNames()))
                + " in " + String.join(", ", request.regions()) + ", mode "
                + request.mode().id());
        if (plan.image()) {
            long unzipped =
                    plan.all().stream().mapToLong(PlannedZip::unzippedBytes).sum();
            log.info("  container image " + request.image().repository() + " built from "
                    + plan.all().size()
                    + " zip(s), " + ByteSizes.human(unzipped) + " unzipped"
                    + (request.mode() == DeployMode.AUTO ? " (auto: over Lambda's 250 MB for zips, so an image)" : "")
                    + "; image functions use no Lambda layers");
            return;
        }
        SharingGuard.describe(request.layers()).forEach(line -> log.warn("  layer sharing: " + line));
        for (PlannedZip z : plan.all()) {
            log.info("  " + (z.layer() ? "layer " + z.awsName() : "function code") + ": "
                    + z.file().getFileName()
                    + " " + ByteSizes.human(z.zippedBytes()) + " zipped, " + ByteSizes.human(z.unzippedBytes())
                    + " unzipped, CodeSha256 " + z.codeSha256() + ", via "
                    + z.transport().id());
        }
    }
}
