package dev.lambdadeploy.publish.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import dev.lambdadeploy.config.Architecture;
import dev.lambdadeploy.config.ConfigException;
import dev.lambdadeploy.log.BuildLog;
import dev.lambdadeploy.units.ByteSizes;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLException;

/**
 * Builds the Lambda container image from {@code lambda:package}'s output with Jib (no Docker daemon) and pushes it:
 * application layers on the base image, {@code CMD} = the handler, entrypoint, working directory and environment
 * inherited from the base, one platform (never a manifest list), fixed times so the same inputs give the same digest.
 * Afterwards the pushed manifest is read back from the registry to report per-layer sizes and to check that the
 * image really is single-platform and built for the function's architecture.
 */
public final class LambdaImageBuilder {
    static final String OS = "linux";
    private static final FilePermissions FILE_PERMISSIONS = FilePermissions.fromOctalString("644");

    private final BuildLog log;

    public LambdaImageBuilder(BuildLog log) {
        this.log = log;
    }

    public ImageResult build(ImageRequest request) {
        validate(request);
        ImageLayerPlanner.Plan plan = new ImageLayerPlanner().plan(request.packageDirectory());
        if (!request.architecture().awsName().equals(plan.manifest().architecture())) {
            throw new ConfigException(
                    "<architecture> (lambda.architecture)",
                    "the package in "
                            + request.packageDirectory() + " was built for "
                            + plan.manifest().architecture()
                            + " but the image is for " + request.architecture() + ". Run `mvn package` with the same "
                            + "<architecture> as the deploy.");
        }
        Instant time = request.creationTime() != null
                ? request.creationTime()
                : Instant.parse(plan.manifest().outputTimestamp());
        String arch = dockerArchitecture(request.architecture());
        log.info("Building image " + request.repositoryReference() + ":"
                + request.tags().get(0) + " on "
                + request.baseImage().describe() + " (" + OS + "/" + arch + "), "
                + plan.layers().size()
                + " application layers, " + ByteSizes.human(plan.bytes()));

        checkTargetRegistry(request);
        JibContainerBuilder jib = base(request, arch);
        jib.setPlatforms(Set.of(new Platform(arch, OS)))
                .setFileEntriesLayers(jibLayers(plan.layers(), time))
                .setProgramArguments(List.of(request.handler()))
                .setCreationTime(time)
                .setFormat(
                        request.format() == ImageFormat.OCI
                                ? com.google.cloud.tools.jib.api.buildplan.ImageFormat.OCI
                                : com.google.cloud.tools.jib.api.buildplan.ImageFormat.Docker);

        RegistryImage target = RegistryImage.named(reference(
                request.repositoryReference() + ":" + request.tags().get(0),
                "<imageRepository> (lambda.image.repository)"));
        if (request.credentials() != null) {
            target.addCredential(
                    request.credentials().username(), request.credentials().password());
        }
        JibEvents events = new JibEvents(log);
        Containerizer containerizer = Containerizer.to(target)
                .setAllowInsecureRegistries(request.allowInsecureRegistries())
                .setBaseImageLayersCache(request.cacheDirectory().resolve("base"))
                .setApplicationLayersCache(request.cacheDirectory().resolve("application"))
                .setToolName("lambda-deploy-maven-plugin")
                .addEventHandler(events);
        for (String tag : request.tags().subList(1, request.tags().size())) {
            containerizer.withAdditionalTag(tag);
        }
        JibContainer container;
        try {
            container = jib.containerize(containerizer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageException(null, "interrupted while pushing " + request.repositoryReference(), e);
        } catch (Exception e) {
            throw JibErrors.translate(e, request);
        }
        ImageResult result = report(request, plan, container.getDigest().toString(), events);
        log.info("Pushed " + result.imageUri() + ": uploaded " + ByteSizes.human(result.pushedBytes())
                + ", already in the registry " + ByteSizes.human(result.skippedBytes()));
        return result;
    }

    private static void validate(ImageRequest r) {
        if (r.handler() == null || r.handler().isBlank()) {
            throw new ConfigException(
                    "<handler> (lambda.handler)",
                    "an image function needs its handler for CMD, "
                            + "e.g. <handler>com.example.Handler::handleRequest</handler>.");
        }
        if (r.repository() == null || r.repository().isBlank()) {
            throw new ConfigException(
                    "<imageRepository> (lambda.image.repository)",
                    "name the image repository, " + "e.g. <repository>my-function</repository>.");
        }
        if (!ImageReference.isValidRepository(r.repository())) {
            throw new ConfigException(
                    "<imageRepository> (lambda.image.repository)",
                    "'" + r.repository()
                            + "' is not a valid repository name: use lower-case letters, digits and . _ - / , "
                            + "e.g. my-team/my-function.");
        }
        if (r.registry() == null || r.registry().isBlank() || !ImageReference.isValidRegistry(r.registry())) {
            throw new ConfigException(
                    JibErrors.REGISTRY_ELEMENT,
                    "'" + r.registry() + "' is not a registry host, "
                            + "e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com or localhost:5000.");
        }
        if (r.tags().isEmpty()) {
            throw new ConfigException("<imageTags>", "at least one tag is needed, e.g. the project version.");
        }
        for (String tag : r.tags()) {
            if (!ImageReference.isValidTag(tag)) {
                throw new ConfigException(
                        "<imageTags>",
                        "'" + tag + "' is not a valid image tag: up to 128 "
                                + "letters, digits, _ . - and not starting with . or -.");
            }
        }
    }

    /**
     * One request to the target registry before Jib starts: Jib retries a refused or non-HTTPS connection for
     * about a minute before giving up, this fails at once with the fix.
     */
    private static void checkTargetRegistry(ImageRequest request) {
        try {
            new RegistryApi(request.registry(), null, request.allowInsecureRegistries()).ping();
        } catch (SSLException e) {
            throw new ImageException(
                    JibErrors.INSECURE_ELEMENT,
                    "the registry " + request.registry() + " has no "
                            + "trusted HTTPS (" + e.getMessage()
                            + "). Use its HTTPS address; only for a registry you trust "
                            + "(e.g. a local test registry), set <allowInsecureRegistries>true</allowInsecureRegistries> or "
                            + "-Dlambda.image.allowInsecureRegistries=true.",
                    e);
        } catch (IOException e) {
            throw new ImageException(
                    JibErrors.REGISTRY_ELEMENT,
                    "cannot reach the registry " + request.registry()
                            + " to push " + request.repositoryReference() + " ("
                            + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "). Check the host and port, the "
                            + "network or proxy, and that the registry is running.",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageException(null, "interrupted", e);
        }
    }

    /** The Jib starting point for the base image, after checking it exists and fits the architecture. */
    private JibContainerBuilder base(ImageRequest request, String arch) {
        BaseImage base = request.baseImage();
        Path work = request.packageDirectory().resolve(ImageRequest.IMAGE_DIR).resolve("base");
        try {
            if (base instanceof BaseImage.Registry r) {
                ImageReference ref = reference(r.reference(), BaseImage.ELEMENT);
                RegistryCredentials creds = request.baseCredentials() != null
                        ? request.baseCredentials()
                        : ref.getRegistry().equals(request.registry()) ? request.credentials() : null;
                checkRegistryBase(request, ref, creds, arch);
                RegistryImage image = RegistryImage.named(ref);
                if (creds != null) {
                    image.addCredential(creds.username(), creds.password());
                }
                return Jib.from(image);
            }
            OciLayouts.LocalBase local = base instanceof BaseImage.DockerTar t
                    ? OciLayouts.fromTar(t.file(), OS, arch, work)
                    : OciLayouts.fromLayout(((BaseImage.OciLayout) base).path(), OS, arch, work);
            if (!arch.equals(local.architecture()) || !OS.equals(local.os())) {
                throw JibErrors.architecture(
                        request,
                        "the base image " + base.describe() + " is built for " + local.os() + "/" + local.architecture()
                                + ", not " + OS + "/" + arch,
                        null);
            }
            return Jib.from(TarImage.at(local.dockerTar()));
        } catch (IOException e) {
            throw new ImageException(
                    BaseImage.ELEMENT, "cannot read the base image " + base.describe() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Looks at the base image before Jib does, to fail with a message naming the base image (not found, not for this
     * architecture, registry unreachable). Anything inconclusive is left to Jib.
     */
    private void checkRegistryBase(ImageRequest request, ImageReference ref, RegistryCredentials creds, String arch) {
        String name = ref.toString();
        RegistryApi api = new RegistryApi(ref.getRegistry(), creds, request.allowInsecureRegistries());
        try {
            RegistryApi.Manifest m = api.manifest(ref.getRepository(), ref.getQualifier());
            if (m.isList()) {
                if (m.platformManifest(OS, arch).isEmpty()) {
                    throw JibErrors.architecture(
                            request,
                            "the base image " + name + " has no image for " + OS + "/" + arch + " (it has "
                                    + m.platforms() + ")",
                            null);
                }
                return;
            }
            JsonNode config = api.blobJson(ref.getRepository(), m.configDigest());
            String os = config.path("os").asText();
            String architecture = config.path("architecture").asText();
            if (!arch.equals(architecture) || !OS.equals(os)) {
                throw JibErrors.architecture(
                        request,
                        "the base image " + name + " is built for " + os + "/" + architecture + ", not " + OS + "/"
                                + arch,
                        null);
            }
        } catch (RegistryApi.StatusException e) {
            if (e.status() == 404) {
                throw new ImageException(
                        BaseImage.ELEMENT,
                        "the base image " + name + " does not exist in the "
                                + "registry " + ref.getRegistry() + " (HTTP 404). Check the repository and tag, e.g. "
                                + "public.ecr.aws/lambda/java:21, or that the mirror holds it.",
                        e);
            }
            if (e.status() == 401 || e.status() == 403) {
                throw new ImageException(
                        BaseImage.ELEMENT,
                        "the registry " + ref.getRegistry() + " refused to "
                                + "serve the base image " + name + " (HTTP " + e.status()
                                + "). Check the credentials for "
                                + "that registry, or use a base image it lets you pull.",
                        e);
            }
            log.debug("Base image check inconclusive, leaving it to Jib: " + e.getMessage());
        } catch (ConnectException | UnknownHostException e) {
            throw new ImageException(
                    BaseImage.ELEMENT,
                    "cannot reach the registry " + ref.getRegistry()
                            + " of the base image " + name + " (" + e.getClass().getSimpleName()
                            + "). Check the host and "
                            + "port, the network or proxy, or use a local base (tar:... or oci:...) to build offline.",
                    e);
        } catch (SSLException e) {
            if (!request.allowInsecureRegistries()) {
                throw new ImageException(
                        JibErrors.INSECURE_ELEMENT,
                        "the registry " + ref.getRegistry() + " of the "
                                + "base image " + name + " has no trusted HTTPS (" + e.getMessage() + "). Only for a "
                                + "registry you trust, set -Dlambda.image.allowInsecureRegistries=true.",
                        e);
            }
            log.debug("Base image check inconclusive, leaving it to Jib: " + e);
        } catch (IOException e) {
            log.debug("Base image check inconclusive, leaving it to Jib: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageException(null, "interrupted", e);
        }
    }

    private static List<FileEntriesLayer> jibLayers(List<ApplicationLayer> layers, Instant time) {
        List<FileEntriesLayer> out = new ArrayList<>();
        for (ApplicationLayer layer : layers) {
            FileEntriesLayer.Builder b = FileEntriesLayer.builder().setName(layer.name());
            for (ApplicationLayer.File f : layer.files()) {
                b.addEntry(f.source(), AbsoluteUnixPath.get(f.containerPath()), FILE_PERMISSIONS, time);
            }
            out.add(b.build());
        }
        return out;
    }

    /** Reads the pushed manifest and config back from the registry: sizes, pushed/skipped, and a final sanity check. */
    private ImageResult report(ImageRequest request, ImageLayerPlanner.Plan plan, String digest, JibEvents events) {
        RegistryApi api = new RegistryApi(request.registry(), request.credentials(), request.allowInsecureRegistries());
        String imageUri = request.repositoryReference() + "@" + digest;
        try {
            RegistryApi.Manifest m = api.manifest(request.repository(), digest);
            if (m.isList()) {
                throw new ImageException(
                        null,
                        imageUri + " is a manifest list, which Lambda rejects. This is a bug "
                                + "in the plugin; please report it.");
            }
            JsonNode config = api.blobJson(request.repository(), m.configDigest());
            String os = config.path("os").asText();
            String architecture = config.path("architecture").asText();
            String arch = dockerArchitecture(request.architecture());
            if (!arch.equals(architecture) || !OS.equals(os)) {
                throw JibErrors.architecture(
                        request,
                        "the pushed image " + imageUri + " is for " + os + "/"
                                + architecture + " because its base image "
                                + request.baseImage().describe()
                                + " is; it was NOT deployed",
                        null);
            }
            List<String> cmd = new ArrayList<>();
            config.path("config").path("Cmd").forEach(c -> cmd.add(c.asText()));
            List<RegistryApi.Descriptor> blobs = m.layers();
            int baseCount = blobs.size() - plan.layers().size();
            Set<String> uploaded = events.uploadedBlobs();
            List<ImageLayerReport> layers = new ArrayList<>();
            for (int i = 0; i < blobs.size(); i++) {
                RegistryApi.Descriptor d = blobs.get(i);
                boolean isBase = i < baseCount;
                ApplicationLayer app = isBase ? null : plan.layers().get(i - baseCount);
                layers.add(new ImageLayerReport(
                        isBase ? "base-" + (i + 1) : app.name(),
                        isBase ? ImageLayerReport.BASE : ImageLayerReport.APPLICATION,
                        d.digest(),
                        d.size(),
                        isBase ? -1 : app.bytes(),
                        uploaded.contains(d.digest())));
            }
            List<String> tags = request.tags().stream()
                    .map(t -> request.repositoryReference() + ":" + t)
                    .toList();
            return new ImageResult(
                    imageUri,
                    digest,
                    tags,
                    m.mediaType(),
                    os,
                    architecture,
                    cmd,
                    request.baseImage().describe(),
                    events.baseImageDigest(),
                    layers);
        } catch (IOException e) {
            throw new ImageException(
                    null,
                    "pushed " + imageUri + " but cannot read it back from the registry (" + e.getMessage()
                            + "). Check that the registry serves what it accepted.",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageException(null, "interrupted", e);
        }
    }

    /** Docker/OCI architecture name for Lambda's. */
    static String dockerArchitecture(Architecture a) {
        return a == Architecture.ARM64 ? "arm64" : "amd64";
    }

    private static ImageReference reference(String reference, String element) {
        try {
            return ImageReference.parse(reference);
        } catch (InvalidImageReferenceException e) {
            throw new ConfigException(
                    element,
                    "'" + reference + "' is not a valid image reference, "
                            + "e.g. public.ecr.aws/lambda/java:21 or 123456789012.dkr.ecr.eu-west-1.amazonaws.com/my-function.");
        }
    }
}
