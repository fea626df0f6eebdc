package dev.lambdadeploy.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdadeploy.aws.AwsSettings;
import dev.lambdadeploy.aws.RetryStrategyMode;
import dev.lambdadeploy.manifest.PackageManifest;
import dev.lambdadeploy.testing.AwsErrors;
import dev.lambdadeploy.testing.Fault;
import dev.lambdadeploy.testing.Requests;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The deploy engine with its real SDK clients going through a fault-injecting proxy to a real moto_server: transient
 * faults are survived without duplicates, persistent ones fail clearly with every function left as it was, and AWS's
 * own error shapes (which moto never sends) become messages that say what to do. What AWS holds is checked directly
 * against moto, not through the proxy.
 */
class DeployFaultsTest extends DeployThroughProxy {
    static final String BUCKET = "artifacts-eu-west-1";

    DeployRequest.Builder request(DeployMode mode) {
        DeployRequest.Builder b = moto.deployRequest(pkg.dir(), "orders")
                .mode(mode)
                // 4 attempts: enough for the transient faults below, and a persistent one fails fast
                .aws(new AwsSettings(null, proxy.uri(), RetryStrategyMode.STANDARD, Duration.ofSeconds(20), 4));
        return mode == DeployMode.S3 ? b.s3(new S3Settings(BUCKET, "builds", true, 0, 0)) : b;
    }

    int layerVersions() {
        return aws.lambda()
                .listLayerVersions(r -> r.layerName("deps"))
                .layerVersions()
                .size();
    }

    List<String> objects() {
        return aws.s3().listObjectsV2(l -> l.bucket(BUCKET)).contents().stream()
                .map(S3Object::key)
                .sorted()
                .toList();
    }

    boolean saw(String outcomePrefix) {
        return proxy.seen().stream().anyMatch(s -> s.outcome().startsWith(outcomePrefix));
    }

    @Test
    void transientFaultsAreRetriedAndNothingIsPublishedOrStoredTwice() throws Exception {
        proxy.add(AwsErrors.s3SlowDown(Requests.s3Upload()).times(1))
                .add(Fault.resetAfterBodyBytes(Requests.s3Upload(), 100).times(1))
                .add(AwsErrors.lambdaServiceError(Requests.publishLayerVersion())
                        .times(1))
                .add(AwsErrors.lambdaThrottled(Requests.updateFunctionCode()).times(1))
                .add(Fault.delay(Requests.updateFunctionConfiguration(), Duration.ofMillis(1500))
                        .times(1));

        DeployResult r = deploy(request(DeployMode.S3));

        assertFalse(r.failed(), () -> r.regions().get(0).firstError());
        for (String fault :
                List.of("injected 503", "reset after", "injected 500", "injected 429", "forwarded after delay")) {
            assertTrue(saw(fault), "the fault '" + fault + "' must really have happened: " + proxy.seen());
        }
        PackageManifest m = manifest();
        assertEquals(1, layerVersions(), "a retried PublishLayerVersion must not leave a second version");
        assertEquals(m.function().codeSha256(), codeSha256());
        assertEquals(List.of(arn(1)), layers());
        assertEquals(
                2,
                objects().size(),
                "one content-addressed object per zip, however often it was retried: " + objects());

        proxy.clear();
        DeployResult again = deploy(request(DeployMode.S3));
        assertTrue(again.upToDate(), again::toString);
        assertEquals(0, again.bytesUploaded());
    }

    @Test
    void persistentFaultFailsClearlyLeavesTheFunctionAsItWasAndARerunConverges() throws Exception {
        assertFalse(deploy(request(DeployMode.DIRECT)).failed());
        String codeBefore = codeSha256();
        pkg.layer("deps", "jackson v2").function("handler v2").write();
        proxy.add(AwsErrors.lambdaServiceError(Requests.publishLayerVersion()));

        DeployResult r = deploy(request(DeployMode.DIRECT));

        String error = r.regions().get(0).firstError();
        assertNotNull(error, "a persistent fault must fail the deploy");
        assertTrue(error.contains("lambda:PublishLayerVersion") && error.contains("Re-run the deploy"), error);
        assertTrue(error.contains("ServiceException"), error);
        assertEquals(codeBefore, codeSha256(), "the function keeps its code");
        assertEquals(List.of(arn(1)), layers(), "the function keeps its layers");
        assertEquals(1, layerVersions());

        proxy.clear();
        DeployResult again = deploy(request(DeployMode.DIRECT));
        assertFalse(again.failed(), () -> again.regions().get(0).firstError());
        assertEquals(manifest().function().codeSha256(), codeSha256());
        assertEquals(List.of(arn(2)), layers());
        assertEquals(2, layerVersions());
    }

    @Test
    void failedCodeUpdateRestoresThePreviousLayersSoNothingIsHalfDeployed() throws Exception {
        assertFalse(deploy(request(DeployMode.DIRECT)).failed());
        String codeBefore = codeSha256();
        pkg.layer("deps", "jackson v2").function("handler v2").write();
        proxy.add(AwsErrors.lambdaServiceError(Requests.updateFunctionCode()));

        DeployResult r = deploy(request(DeployMode.DIRECT));

        String error = r.regions().get(0).firstError();
        assertNotNull(error);
        assertTrue(error.contains("lambda:UpdateFunctionCode"), error);
        assertTrue(error.contains("previous configuration (layers) was restored"), error);
        assertEquals(codeBefore, codeSha256());
        assertEquals(List.of(arn(1)), layers(), "the new layer version is published but not in use");
        assertTrue(saw("injected 500"));

        proxy.clear();
        DeployResult again = deploy(request(DeployMode.DIRECT));
        assertFalse(again.failed(), () -> again.regions().get(0).firstError());
        assertEquals(
                DeployAction.UP_TO_DATE, again.regions().get(0).layers().get(0).action(), "version 2 is reused");
        assertEquals(2, layerVersions());
        assertEquals(List.of(arn(2)), layers());
        assertEquals(manifest().function().codeSha256(), codeSha256());
    }

    @Test
    void connectionResetOnEveryUploadFailsWithoutTouchingTheFunction() throws Exception {
        String codeBefore = codeSha256();
        proxy.add(Fault.resetAfterBodyBytes(Requests.s3Upload(), 100));

        DeployResult r = deploy(request(DeployMode.S3));

        String error = r.regions().get(0).firstError();
        assertNotNull(error);
        assertTrue(error.contains("s3:PutObject") || error.contains("could not reach AWS"), error);
        assertEquals(codeBefore, codeSha256());
        assertTrue(layers().isEmpty());
        assertEquals(0, layerVersions(), "no layer version may point at an object that was never stored");
    }

    // ---- AWS's own error shapes, which moto never produces -------------------------------------------------

    String failWith(Fault fault, DeployMode mode) {
        proxy.add(fault);
        DeployResult r = deploy(request(mode));
        String error = r.regions().get(0).firstError();
        assertNotNull(error, "the deploy must fail");
        assertFalse(error.contains("AKIA") || error.contains("X-Amz-Signature"), error);
        return error;
    }

    @Test
    void requestEntityTooLargeSteersToS3Upload() {
        String error = failWith(
                AwsErrors.requestEntityTooLarge(Requests.publishLayerVersion(), "PublishLayerVersion"),
                DeployMode.DIRECT);
        assertTrue(error.contains("too large for a direct upload"), error);
        assertTrue(error.contains("-Dlambda.deploy.mode=s3"), error);
        assertTrue(error.contains("RequestEntityTooLargeException"), error);
    }

    @Test
    void accessDeniedNamesTheMissingIamAction() {
        Predicate<dev.lambdadeploy.testing.RequestHead> publish = Requests.publishLayerVersion();
        String error = failWith(
                AwsErrors.lambdaAccessDenied(
                        publish, "lambda:PublishLayerVersion", "arn:aws:lambda:eu-west-1:123456789012:layer:deps"),
                DeployMode.DIRECT);
        assertTrue(error.contains("lacks the IAM permission 'lambda:PublishLayerVersion'"), error);
    }

    @Test
    void sharingThatCannotBeAlignedOnAReusedLayerVersionOnlyWarns() throws Exception {
        assertFalse(deploy(request(DeployMode.DIRECT)).failed());
        proxy.add(AwsErrors.lambdaAccessDenied(
                h -> h.method().equals("GET") && h.path().endsWith("/policy"),
                "lambda:GetLayerVersionPolicy",
                "arn:aws:lambda:eu-west-1:123456789012:layer:deps:1"));
        pkg.function("handler v2").write();

        DeployResult r = deploy(request(DeployMode.DIRECT)
                .layers(new LayerSettings("", List.of(), null, List.of("210987654321"), null)));

        assertFalse(r.failed(), () -> r.regions().get(0).firstError());
        assertEquals(DeployAction.UP_TO_DATE, r.regions().get(0).layers().get(0).action());
        assertEquals(manifest().function().codeSha256(), codeSha256(), "the code is deployed all the same");
        assertTrue(
                log.text().contains("sharing of layer deps version 1 not brought in line with the POM")
                        && log.text().contains("lambda:GetLayerVersionPolicy"),
                log.text());
    }

    @Test
    void layersTooLargeSaysHowToShrinkAndLeavesTheFunctionAlone() throws Exception {
        String codeBefore = codeSha256();
        String error = failWith(AwsErrors.layersTooLarge(Requests.updateFunctionConfiguration()), DeployMode.DIRECT);
        assertTrue(error.contains("262144000 bytes (250 MB) unzipped"), error);
        assertTrue(error.contains("container image"), error);
        assertEquals(codeBefore, codeSha256(), "configuration goes first, so the code was never touched");
        assertTrue(layers().isEmpty());
    }

    @Test
    void unzippedTooLargeOnTheCodeUpdateIsExplainedAndTheLayersPutBack() throws Exception {
        String error = failWith(AwsErrors.unzippedTooLarge(Requests.updateFunctionCode()), DeployMode.DIRECT);
        assertTrue(error.contains("exceed Lambda's 262144000 bytes"), error);
        assertTrue(layers().isEmpty(), "the layer list it had before (none) is restored: " + layers());
    }

    @Test
    void persistentThrottlingSaysToRetryOrSlowDown() {
        String error = failWith(AwsErrors.lambdaThrottled(Requests.lambdaApi()), DeployMode.DIRECT);
        assertTrue(error.contains("throttled"), error);
        assertTrue(error.contains("-Dlambda.retryMode=adaptive"), error);
    }

    // ---- Lambda's update states, which moto never reports (it is always Successful at once) ---------------------

    static Fault configurationSays(String status, String reason, String reasonCode) {
        String body = "{\"FunctionName\":\"orders\",\"State\":\"Active\",\"LastUpdateStatus\":\"" + status + "\""
                + (reason == null
                        ? ""
                        : ",\"LastUpdateStatusReason\":\"" + reason + "\",\"LastUpdateStatusReasonCode\":\""
                                + reasonCode + "\"")
                + "}";
        return Fault.respond(
                Requests.of("GET", "/2015-03-31/functions/orders/configuration"),
                200,
                java.util.Map.of("Content-Type", "application/json"),
                body);
    }

    /** GetFunctionConfiguration of {@code function} (a path regex) answering State, and LastUpdateStatus Successful. */
    static Fault stateSays(String function, String state, String reason, String reasonCode) {
        String body = "{\"FunctionName\":\"orders\",\"State\":\"" + state + "\",\"LastUpdateStatus\":\"Successful\""
                + (reason == null
                        ? ""
                        : ",\"StateReason\":\"" + reason + "\",\"StateReasonCode\":\"" + reasonCode + "\"")
                + "}";
        return Fault.respond(
                Requests.of("GET", "/2015-03-31/functions/" + function + "/configuration"),
                200,
                java.util.Map.of("Content-Type", "application/json"),
                body);
    }

    long injected(String outcome) {
        return proxy.seen().stream().filter(s -> s.outcome().equals(outcome)).count();
    }

    @Test
    void anUpdateInProgressIsWaitedForUntilItSucceeds() throws Exception {
        proxy.add(configurationSays("InProgress", null, null).times(3));

        DeployResult r = deploy(request(DeployMode.DIRECT));

        assertFalse(r.failed(), () -> r.regions().get(0).firstError());
        assertEquals(3, injected("injected 200"), "every InProgress answer was read: " + proxy.seen());
        assertEquals(manifest().function().codeSha256(), codeSha256());
    }

    @Test
    void aPendingFunctionIsWaitedForUntilActive() throws Exception {
        proxy.add(stateSays("orders", "Pending", "The function is being created.", "Creating")
                .times(3));

        DeployResult r = deploy(request(DeployMode.DIRECT));

        assertFalse(r.failed(), () -> r.regions().get(0).firstError());
        assertEquals(3, injected("injected 200"), "every Pending answer was read: " + proxy.seen());
        assertEquals(manifest().function().codeSha256(), codeSha256());
    }

    @Test
    void aFailedFunctionFailsWithLambdasStateReasonBeforeTheCodeIsTouched() throws Exception {
        String codeBefore = codeSha256();
        proxy.add(stateSays(
                "orders", "Failed", "The role defined for the function cannot be assumed by Lambda.", "InvalidRole"));

        DeployResult r = deploy(request(DeployMode.DIRECT));

        String error = r.regions().get(0).firstError();
        assertNotNull(error);
        assertTrue(
                error.contains("is in state Failed")
                        && error.contains("cannot be assumed by Lambda")
                        && error.contains("InvalidRole"),
                error);
        assertEquals(codeBefore, codeSha256());
    }

    @Test
    void aPublishedVersionIsWaitedForUntilActive() throws Exception {
        proxy.add(stateSays("orders(%3A|:)1", "Pending", "Waiting for SnapStart.", "Creating")
                .times(3));

        DeployResult r = deploy(request(DeployMode.DIRECT)
                .function(FunctionSettings.builder().publishVersion(true).build()));

        assertFalse(r.failed(), () -> r.regions().get(0).firstError());
        assertEquals(3, injected("injected 200"), "every Pending answer was read: " + proxy.seen());
        assertEquals("1", r.regions().get(0).functions().get(0).publishedVersion());
    }

    @Test
    void updatesInConflictWithARunningOneAreRetried() throws Exception {
        proxy.add(AwsErrors.lambda(
                        Requests.updateFunctionCode(),
                        409,
                        "ResourceConflictException",
                        "The operation cannot be performed at this time. An update is in progress for resource: "
                                + "arn:aws:lambda:eu-west-1:123456789012:function:orders")
                .times(2));

        DeployResult r = deploy(request(DeployMode.DIRECT));

        assertFalse(r.failed(), () -> r.regions().get(0).firstError());
        assertEquals(
                2,
                proxy.seen().stream()
                        .filter(s -> s.outcome().equals("injected 409"))
                        .count());
        assertEquals(manifest().function().codeSha256(), codeSha256());
    }

    @Test
    void aFailedUpdateFailsWithLambdasReasonBeforeTheCodeIsTouched() throws Exception {
        String codeBefore = codeSha256();
        proxy.add(configurationSays(
                "Failed",
                "Lambda was unable to configure your environment variables because the "
                        + "environment variables you have provided exceeded the 4KB limit.",
                "InvalidConfiguration"));

        DeployResult r = deploy(request(DeployMode.DIRECT));

        String error = r.regions().get(0).firstError();
        assertNotNull(error);
        assertTrue(error.contains("exceeded the 4KB limit") && error.contains("InvalidConfiguration"), error);
        assertEquals(codeBefore, codeSha256());
    }

    @Test
    void anUpdateThatNeverFinishesStopsAtTheWaitTimeout() {
        proxy.add(configurationSays("InProgress", null, null));

        DeployResult r = deploy(request(DeployMode.DIRECT).waitTimeout(Duration.ofSeconds(1)));

        String error = r.regions().get(0).firstError();
        assertNotNull(error);
        assertTrue(
                error.contains("was still updating")
                        && error.contains("LastUpdateStatus InProgress")
                        && error.contains("<waitTimeout>"),
                error);
    }
}
