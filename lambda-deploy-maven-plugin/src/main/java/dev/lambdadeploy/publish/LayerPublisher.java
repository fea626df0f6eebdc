package dev.lambdadeploy.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdadeploy.aws.AwsCallException;
import dev.lambdadeploy.aws.AwsCalls;
import dev.lambdadeploy.aws.IdempotentCall;
import dev.lambdadeploy.log.BuildLog;
import dev.lambdadeploy.units.ByteSizes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetLayerVersionResponse;
import software.amazon.awssdk.services.lambda.model.LayerVersionContentInput;
import software.amazon.awssdk.services.lambda.model.LayerVersionsListItem;
import software.amazon.awssdk.services.lambda.model.PublishLayerVersionResponse;

/**
 * Publishes one layer in one region unless a version already holds the same zip (CodeSha256) for the same runtimes
 * and architectures; then that version is reused: no upload, no new version.
 */
final class LayerPublisher {
    /** Statement ids of the sharing this plugin manages; other statements are never touched. */
    static final String SID_PREFIX = "lambda-deploy-";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Prefix of the content marker in layer version descriptions: {@code sha256:<CodeSha256> }. */
    static final String MARKER = "sha256:";

    private final LambdaClient lambda;
    private final LambdaClient lambdaOnce;
    private final int attempts;
    private final String region;
    private final BuildLog log;

    /**
     * @param lambdaOnce a client that makes one attempt per call, for PublishLayerVersion
     * @param attempts   how often PublishLayerVersion may be tried in all
     */
    LayerPublisher(LambdaClient lambda, LambdaClient lambdaOnce, int attempts, String region, BuildLog log) {
        this.lambda = lambda;
        this.lambdaOnce = lambdaOnce;
        this.attempts = attempts;
        this.region = region;
        this.log = log;
    }

    /**
     * Which version can be reused, read-only: the newest version whose description carries this zip's CodeSha256
     * (see {@link #contentMarker}) with the same runtimes and architectures, confirmed by GetLayerVersion; so branch
     * flip-flops, re-runs and parallel pipelines converge on one version instead of piling up new ones. Versions
     * published before the marker existed are matched through the latest version's CodeSha256, as before.
     */
    LayerState inspect(PlannedZip zip, List<String> runtimes, String architecture) {
        String resource = "layer " + zip.awsName() + " in " + region;
        List<LayerVersionsListItem> versions = AwsCalls.call(
                "lambda:ListLayerVersions",
                resource,
                () -> lambda.listLayerVersionsPaginator(r -> r.layerName(zip.awsName())).layerVersions().stream()
                        .sorted(Comparator.comparing(LayerVersionsListItem::version)
                                .reversed())
                        .toList());
        if (versions.isEmpty()) {
            return new LayerState(null, null, "no version published yet");
        }
        Optional<LayerState> marked = findMarked(zip, runtimes, architecture, versions, resource);
        if (marked.isPresent()) {
            return marked.get();
        }
        LayerVersionsListItem latest = versions.get(0);
        if (latest.description() != null && latest.description().startsWith(MARKER)) {
            // the latest version names its content, and it is another: no need to read it
            return new LayerState(
                    latest.layerVersionArn(), latest.version(), "content changed since version " + latest.version());
        }
        long version = latest.version();
        GetLayerVersionResponse v = AwsCalls.call(
                "lambda:GetLayerVersion",
                resource,
                () -> lambda.getLayerVersion(r -> r.layerName(zip.awsName()).versionNumber(version)));
        String deployedSha = v.content() == null ? null : v.content().codeSha256();
        if (!zip.codeSha256().equals(deployedSha)) {
            return new LayerState(v.layerVersionArn(), version, "content changed since version " + version);
        }
        if (!new HashSet<>(v.compatibleRuntimesAsStrings()).equals(new HashSet<>(runtimes))) {
            return new LayerState(
                    v.layerVersionArn(),
                    version,
                    "compatible runtimes changed from " + v.compatibleRuntimesAsStrings() + " to " + runtimes);
        }
        if (!Set.copyOf(v.compatibleArchitecturesAsStrings()).equals(Set.of(architecture))) {
            return new LayerState(
                    v.layerVersionArn(),
                    version,
                    "compatible architectures changed from " + v.compatibleArchitecturesAsStrings() + " to ["
                            + architecture + "]");
        }
        return new LayerState(v.layerVersionArn(), version, null);
    }

    /** The newest version that says it holds this content for these runtimes and architectures, and does. */
    private Optional<LayerState> findMarked(
            PlannedZip zip,
            List<String> runtimes,
            String architecture,
            List<LayerVersionsListItem> versions,
            String resource) {
        String marker = contentMarker(zip.codeSha256());
        for (LayerVersionsListItem item : versions) {
            if (item.description() == null
                    || !item.description().startsWith(marker)
                    || !new HashSet<>(item.compatibleRuntimesAsStrings()).equals(new HashSet<>(runtimes))
                    || !Set.copyOf(item.compatibleArchitecturesAsStrings()).equals(Set.of(architecture))) {
                continue;
            }
            // a description is only a claim: the version is reused when Lambda's own CodeSha256 agrees
            GetLayerVersionResponse v = AwsCalls.call(
                    "lambda:GetLayerVersion",
                    resource,
                    () -> lambda.getLayerVersion(r -> r.layerName(zip.awsName()).versionNumber(item.version())));
            if (v.content() != null && zip.codeSha256().equals(v.content().codeSha256())) {
                return Optional.of(new LayerState(v.layerVersionArn(), item.version(), null));
            }
        }
        return Optional.empty();
    }

    /** Starts every description this plugin writes on a layer version, so ListLayerVersions shows the content. */
    static String contentMarker(String codeSha256) {
        return MARKER + codeSha256 + " ";
    }

    /**
     * Publishes a new version from the zip (direct) or from the uploaded S3 object. PublishLayerVersion is not
     * idempotent: after an ambiguous failure the version it may have created is looked up before trying again.
     */
    PublishedLayer publish(
            PlannedZip zip,
            S3Location s3,
            List<String> runtimes,
            String architecture,
            String description,
            LayerSettings settings) {
        LayerVersionContentInput content;
        if (s3 != null) {
            content = LayerVersionContentInput.builder()
                    .s3Bucket(s3.bucket())
                    .s3Key(s3.key())
                    .build();
        } else {
            log.info("[" + region + "] uploading layer " + zip.awsName() + " directly ("
                    + ByteSizes.human(zip.zippedBytes()) + ")");
            content = LayerVersionContentInput.builder()
                    .zipFile(SdkBytes.fromByteArrayUnsafe(read(zip)))
                    .build();
        }
        String resource = "layer " + zip.awsName() + " in " + region;
        String marked = contentMarker(zip.codeSha256()) + description;
        String fullDescription = marked.length() <= 256 ? marked : marked.substring(0, 256);
        PublishedLayer published = IdempotentCall.run(
                "lambda:PublishLayerVersion",
                resource,
                attempts,
                () -> PublishedLayer.of(lambdaOnce.publishLayerVersion(r -> r.layerName(zip.awsName())
                        .content(content)
                        .compatibleRuntimesWithStrings(runtimes)
                        .compatibleArchitecturesWithStrings(architecture)
                        .description(fullDescription)
                        .licenseInfo(settings.license()))),
                () -> {
                    log.info("[" + region + "] publishing layer " + zip.awsName() + " failed on the way; checking "
                            + "whether Lambda published it before trying again");
                    LayerState s = inspect(zip, runtimes, architecture);
                    return s.upToDate()
                            ? Optional.of(new PublishedLayer(
                                    LayerArns.unversioned(s.latestArn()),
                                    s.latestArn(),
                                    s.latestVersion(),
                                    zip.codeSha256()))
                            : Optional.empty();
                });
        new HandOffCheck(lambda, region, log).layerVersion(zip, published); // before sharing or using it
        share(published, settings, resource);
        return published;
    }

    /** A published layer version, as PublishLayerVersion (or the re-read after an ambiguous failure) saw it. */
    record PublishedLayer(String layerArn, String layerVersionArn, long version, String codeSha256) {
        static PublishedLayer of(PublishLayerVersionResponse r) {
            return new PublishedLayer(
                    r.layerArn(),
                    r.layerVersionArn(),
                    r.version(),
                    r.content() == null ? null : r.content().codeSha256());
        }
    }

    /**
     * Makes who may use an existing (reused) layer version match the settings, so sharing configured after a layer
     * was first published, or removed from the POM, takes effect without a new version. Only this plugin's own
     * statements ({@code lambda-deploy-*}) are added or removed; statements added by others are left alone.
     * Returns what changed, e.g. {@code shared with 210987654321}, for the log.
     */
    List<String> reconcileSharing(String layerName, long version, LayerSettings settings, boolean dryRun) {
        String resource = "layer " + layerName + " version " + version + " in " + region;
        Map<String, Grant> wanted = grants(settings);
        Set<String> present;
        try {
            present = new TreeSet<>(ownStatementIds(layerName, version, resource));
        } catch (AwsCallException e) {
            if (wanted.isEmpty() && "AccessDeniedException".equals(e.errorCode())) {
                // nothing is to be shared: a role without lambda:GetLayerVersionPolicy still deploys
                log.debug("[" + region + "] sharing of " + resource + " not checked: " + e.getMessage());
                return List.of();
            }
            throw e;
        }
        List<String> changes = new ArrayList<>();
        for (Map.Entry<String, Grant> g : wanted.entrySet()) {
            if (!present.contains(g.getKey())) {
                if (!dryRun) {
                    grant(layerName, version, g.getKey(), g.getValue(), resource);
                }
                changes.add((dryRun ? "would share with " : "shared with ")
                        + g.getValue().who());
            }
        }
        for (String sid : present) {
            if (!wanted.containsKey(sid)) {
                if (!dryRun) {
                    AwsCalls.run(
                            "lambda:RemoveLayerVersionPermission",
                            resource,
                            () -> lambda.removeLayerVersionPermission(r -> r.layerName(layerName)
                                    .versionNumber(version)
                                    .statementId(sid)));
                }
                changes.add((dryRun ? "would remove sharing " : "removed sharing ") + sid);
            }
        }
        return changes;
    }

    private void share(PublishedLayer v, LayerSettings settings, String resource) {
        grants(settings).forEach((sid, g) -> grant(v.layerArn(), v.version(), sid, g, resource));
    }

    private void grant(String layer, long version, String sid, Grant g, String resource) {
        AwsCalls.run(
                "lambda:AddLayerVersionPermission",
                resource,
                () -> lambda.addLayerVersionPermission(r -> r.layerName(layer)
                        .versionNumber(version)
                        .statementId(sid)
                        .action("lambda:GetLayerVersion")
                        .principal(g.principal())
                        .organizationId(g.organizationId())));
    }

    /** The statements the settings ask for, by statement id; the id encodes the grantee, so a change is a new id. */
    static Map<String, Grant> grants(LayerSettings settings) {
        Map<String, Grant> m = new LinkedHashMap<>();
        for (String account : settings.shareWithAccounts()) {
            String a = account.trim();
            m.put(
                    SID_PREFIX + "account-" + ("*".equals(a) ? "all" : a),
                    new Grant(a, null, "*".equals(a) ? "all accounts" : "account " + a));
        }
        if (settings.shareWithOrganization() != null) {
            String org = settings.shareWithOrganization().trim();
            m.put(SID_PREFIX + "org-" + org, new Grant("*", org, "organization " + org));
        }
        return m;
    }

    /** Statement ids of this plugin in the version's policy; none when the version has no policy. */
    private List<String> ownStatementIds(String layerName, long version, String resource) {
        String policy;
        try {
            policy = AwsCalls.call(
                    "lambda:GetLayerVersionPolicy",
                    resource,
                    () -> lambda.getLayerVersionPolicy(
                                    r -> r.layerName(layerName).versionNumber(version))
                            .policy());
        } catch (AwsCallException e) {
            if ("ResourceNotFoundException".equals(e.errorCode())) {
                return List.of();
            }
            throw e;
        }
        if (policy == null || policy.isBlank()) {
            return List.of();
        }
        try {
            List<String> ids = new ArrayList<>();
            for (JsonNode st : JSON.readTree(policy).path("Statement")) {
                String sid = st.path("Sid").asText("");
                if (sid.startsWith(SID_PREFIX)) {
                    ids.add(sid);
                }
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable policy of " + resource, e);
        }
    }

    /** One grant: the principal (account id or {@code *}), the organization condition, and how to name it. */
    record Grant(String principal, String organizationId, String who) {}

    static byte[] read(PlannedZip zip) {
        try {
            return Files.readAllBytes(zip.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The latest version ({@code null} when none) and why it cannot be reused ({@code null}: it can). */
    record LayerState(String latestArn, Long latestVersion, String changeReason) {
        boolean upToDate() {
            return changeReason == null;
        }
    }
}
