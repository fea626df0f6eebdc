package dev.lambdadeploy.publish;

import dev.lambdadeploy.assemble.Hashes;
import dev.lambdadeploy.config.ConfigException;
import dev.lambdadeploy.limits.LambdaLimits;
import dev.lambdadeploy.manifest.ManifestIO;
import dev.lambdadeploy.manifest.PackageManifest;
import dev.lambdadeploy.manifest.ZipRecord;
import dev.lambdadeploy.units.ByteSizes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads what {@code lambda:package} built and decides how each zip travels. Refuses a missing or stale manifest (zips
 * changed or gone, classes newer than the package) and packages that can never deploy as zips, before any AWS call.
 */
public final class DeployPlanner {
    static final String RUN_PACKAGE =
            "Run 'mvn package lambda:deploy' (lambda:deploy deploys what lambda:package built "
                    + "and never re-resolves dependencies).";

    private DeployPlanner() {}

    public static DeployPlan plan(DeployRequest request) {
        Path dir = request.outputDirectory();
        Path manifestFile = dir.resolve(PackageManifest.FILE_NAME);
        PackageManifest manifest = readManifest(manifestFile);
        if (request.expectedArtifact() != null) {
            String built =
                    manifest.project().groupId() + ":" + manifest.project().artifactId();
            if (!built.equals(request.expectedArtifact())) {
                throw stale(manifestFile, "it was built for " + built + ", not " + request.expectedArtifact());
            }
        }
        Optional<Path> newer = newerThan(request.staleIfNewer(), manifestFile);
        if (newer.isPresent()) {
            throw stale(manifestFile, newer.get() + " changed after the package was built");
        }
        if (manifest.function() == null) {
            throw stale(manifestFile, "it records no function zip");
        }
        long unzipped =
                manifest.allZips().stream().mapToLong(ZipRecord::unzippedBytes).sum();
        boolean image = imageMode(request, unzipped);
        if (!image && unzipped > LambdaLimits.TOTAL_UNZIPPED) {
            throw new DeployException("The function and its layers are " + unzipped + " bytes ("
                    + ByteSizes.human(unzipped) + ") unzipped, over Lambda's limit of "
                    + LambdaLimits.TOTAL_UNZIPPED
                    + " bytes for zip deployments. Remove or <exclude> the biggest dependencies (see the size report of "
                    + "lambda:package), or deploy a container image (up to 10 GB): set <imageRepository>my-function"
                    + "</imageRepository> (-Dlambda.image.repository=my-function) and auto mode switches to an image, "
                    + "or -Dlambda.deploy.mode=image.");
        }
        if (!image && manifest.layers().size() > LambdaLimits.MAX_LAYERS) {
            throw new DeployException("The package has " + manifest.layers().size() + " layers; a function can use at "
                    + "most " + LambdaLimits.MAX_LAYERS + ". Merge layers in <layers> of lambda:package.");
        }
        List<PlannedZip> layers = new ArrayList<>();
        for (ZipRecord z : manifest.layers()) {
            layers.add(planned(
                    request, dir, manifestFile, z, true, request.layers().layerName(z.name())));
        }
        PlannedZip function = planned(
                request,
                dir,
                manifestFile,
                manifest.function(),
                false,
                manifest.project().artifactId() + "-function");
        return new DeployPlan(manifest, layers, function, image);
    }

    /**
     * Image mode as {@link DeployMode#deploysImage} decides. An image needs the repository and the handler (its CMD);
     * both are checked here, before AWS.
     */
    private static boolean imageMode(DeployRequest request, long unzipped) {
        boolean image = request.mode().deploysImage(unzipped, request.image().configured());
        if (!image) {
            return false;
        }
        if (!request.image().configured()) {
            throw new ConfigException(
                    "<imageRepository> (lambda.image.repository)",
                    "image mode needs the ECR "
                            + "repository to push to, e.g. <imageRepository>my-function</imageRepository> or "
                            + "-Dlambda.image.repository=my-function (created when absent).");
        }
        if (request.function().handler() == null) {
            throw new ConfigException(
                    "<handler> (lambda.handler)",
                    "an image function runs the handler given as the "
                            + "image's CMD: set <handler>com.example.Handler::handleRequest</handler>.");
        }
        for (String name : request.functionNames()) {
            FunctionSettings fs = request.settingsFor(name);
            if (fs.snapStart()) {
                throw new ConfigException(
                        "<snapStart> (lambda.snapStart)",
                        "SnapStart does not work with container "
                                + "images (function " + name + "). Remove <snapStart>, or deploy zips "
                                + "(-Dlambda.deploy.mode=auto without an image).");
            }
            if (!request.function().handler().equals(fs.handler())) {
                throw new ConfigException(
                        "<functions><function><handler>",
                        "function " + name + " sets its own "
                                + "handler " + fs.handler()
                                + ", but in image mode every function runs the image's CMD ("
                                + request.function().handler() + "). Deploy it from its own project, or deploy zips.");
            }
        }
        return true;
    }

    private static PlannedZip planned(
            DeployRequest request, Path dir, Path manifestFile, ZipRecord z, boolean layer, String awsName) {
        Path file = dir.resolve(z.path());
        if (!Files.isRegularFile(file)) {
            throw stale(manifestFile, file + " is missing");
        }
        byte[] sha;
        try {
            sha = Hashes.sha256(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String codeSha256 = Base64.getEncoder().encodeToString(sha);
        if (!codeSha256.equals(z.codeSha256())) {
            throw stale(manifestFile, file + " changed after the manifest was written");
        }
        String what = layer ? "layer '" + z.name() + "'" : "the function zip";
        DeployMode transport;
        boolean fits = z.zippedBytes() <= LambdaLimits.DIRECT_UPLOAD_ZIPPED;
        switch (request.mode()) {
            case DIRECT:
                if (!fits) {
                    throw new DeployException(what + " is " + z.zippedBytes() + " bytes zipped ("
                            + ByteSizes.human(z.zippedBytes()) + "), over the " + LambdaLimits.DIRECT_UPLOAD_ZIPPED
                            + "-byte limit of a direct upload (<deployMode>direct</deployMode>). Upload through S3: "
                            + "-Dlambda.deploy.mode=s3 or auto, with -Dlambda.deploy.bucket=<bucket> "
                            + "(-Dlambda.deploy.createBucket=true to create it).");
                }
                transport = DeployMode.DIRECT;
                break;
            case S3:
                transport = DeployMode.S3;
                break;
            default:
                transport = fits ? DeployMode.DIRECT : DeployMode.S3;
        }
        return new PlannedZip(
                z.name(),
                awsName,
                layer,
                file,
                codeSha256,
                Hashes.hex(sha),
                z.zippedBytes(),
                z.unzippedBytes(),
                transport);
    }

    private static PackageManifest readManifest(Path manifestFile) {
        if (!Files.isRegularFile(manifestFile)) {
            throw new DeployException("Nothing to deploy: " + manifestFile + " does not exist. " + RUN_PACKAGE);
        }
        PackageManifest m;
        try {
            m = ManifestIO.read(manifestFile);
        } catch (IOException | RuntimeException e) {
            throw stale(manifestFile, "it cannot be read (" + e.getMessage() + ")");
        }
        if (m.schemaVersion() != PackageManifest.SCHEMA_VERSION || m.project() == null) {
            throw stale(manifestFile, "it was written by another version of the plugin");
        }
        return m;
    }

    private static Optional<Path> newerThan(List<Path> roots, Path manifestFile) {
        FileTime built;
        try {
            built = Files.getLastModifiedTime(manifestFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path root : roots) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                Optional<Path> newer = files.filter(Files::isRegularFile)
                        .filter(f -> lastModified(f).compareTo(built) > 0)
                        .findFirst();
                if (newer.isPresent()) {
                    return newer;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Optional.empty();
    }

    private static FileTime lastModified(Path f) {
        try {
            return Files.getLastModifiedTime(f);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static DeployException stale(Path manifestFile, String why) {
        return new DeployException("The package is stale: " + manifestFile + " does not match what is on disk (" + why
                + "). " + RUN_PACKAGE);
    }
}
