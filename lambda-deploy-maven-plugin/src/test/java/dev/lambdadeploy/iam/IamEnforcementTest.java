package dev.lambdadeploy.iam;

import static org.junit.jupiter.api.Assertions.*;

import dev.lambdadeploy.aws.AwsCallException;
import dev.lambdadeploy.aws.AwsCalls;
import dev.lambdadeploy.aws.AwsClientFactory;
import dev.lambdadeploy.aws.AwsClients;
import dev.lambdadeploy.aws.AwsSettings;
import dev.lambdadeploy.aws.RetryStrategyMode;
import dev.lambdadeploy.manifest.ProjectInfo;
import dev.lambdadeploy.outputs.SsmPublisher;
import dev.lambdadeploy.publish.DeployMode;
import dev.lambdadeploy.publish.DeployResult;
import dev.lambdadeploy.publish.LayerResult;
import dev.lambdadeploy.publish.RegionResult;
import dev.lambdadeploy.testing.MotoAws;
import dev.lambdadeploy.testing.MotoServer;
import dev.lambdadeploy.testing.RecordingLog;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;

/**
 * The generated policy's actions attached to a real (moto) IAM user, with moto enforcing IAM. moto 5.2.1 evaluates
 * writes (Lambda PublishLayerVersion, SSM PutParameter/GetParameter) but answers SigV4 GETs on Lambda with
 * SignatureDoesNotMatch, and evaluates Lambda and SSM against the resource "*" only; so this covers the actions of
 * what a layers-only deploy writes (the layer version and its SSM parameter) and that a missing one gives the
 * plugin's translated AccessDenied naming it. Resource scoping and the read and list calls are covered by
 * {@link IamPolicyCallsTest}'s recorded-calls check.
 */
class IamEnforcementTest {
    /** moto lets this many actions through unauthenticated: the two users and their keys; then it enforces IAM. */
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer().withEnvironment("INITIAL_NO_AUTH_ACTION_COUNT", "6");

    static final String REGION = "eu-west-1";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    static String previousCredentialsFile;

    @BeforeAll
    static void users() throws Exception {
        GeneratedPolicy policy = PolicyBuilder.build(PolicyRequest.builder()
                .goals(Set.of(PolicyGoal.DEPLOY))
                .regions(List.of(REGION))
                .account(MotoAws.ACCOUNT)
                .layerNames(List.of("deps"))
                .layersOnly(true)
                .mode(DeployMode.DIRECT)
                .ssmPrefix("/lambda-deploy")
                .build());
        // moto 5.2.1 evaluates Lambda and SSM actions against the resource "*" (only S3, SQS, IAM and STS name the
        // request's resource), so a scoped statement never matches there: attach the generated actions with "*".
        // The resource scoping itself is checked against the recorded calls in IamPolicyCallsTest.
        List<Statement> actionsOnly = policy.combined().stream()
                .map(st -> new Statement(st.sid(), st.category(), st.actions(), List.of("*"), st.condition()))
                .toList();
        String full = PolicyJson.document(actionsOnly);
        // the same policy without the two write actions
        Set<String> removed = Set.of("lambda:PublishLayerVersion", "ssm:PutParameter");
        String minus = PolicyJson.document(actionsOnly.stream()
                .map(st -> new Statement(
                        st.sid(),
                        st.category(),
                        st.actions().stream().filter(a -> !removed.contains(a)).toList(),
                        st.resources(),
                        st.condition()))
                .toList());
        assertFalse(minus.contains("ssm:PutParameter") || minus.contains("PublishLayerVersion"), minus);
        StringBuilder credentials = new StringBuilder();
        credentials.append(user("pipeline", full));
        credentials.append(user("pipeline-minus", minus));
        Path file = dir.resolve("credentials");
        Files.writeString(file, credentials);
        // the engine's profile credentials read this file (the system property wins over AWS_SHARED_CREDENTIALS_FILE)
        previousCredentialsFile = System.getProperty("aws.sharedCredentialsFile");
        System.setProperty("aws.sharedCredentialsFile", file.toString());
    }

    @AfterAll
    static void restore() {
        if (previousCredentialsFile == null) {
            System.clearProperty("aws.sharedCredentialsFile");
        } else {
            System.setProperty("aws.sharedCredentialsFile", previousCredentialsFile);
        }
    }

    static AwsSettings as(String profile) {
        return new AwsSettings(profile, MOTO.endpoint(), RetryStrategyMode.STANDARD, null);
    }

    @Test
    void theGeneratedActionsAllowTheWritesOfALayersOnlyDeploy() {
        try (AwsClientFactory f = new AwsClientFactory(as("pipeline"));
                AwsClients aws = f.clients(REGION)) {
            String arn = publish(aws, "deps");
            assertEquals("arn:aws:lambda:eu-west-1:123456789012:layer:deps:1", arn);
            List<String> written =
                    new SsmPublisher(new RecordingLog()).publish(result(arn), as("pipeline"), "/lambda-deploy");
            assertEquals(List.of("eu-west-1:/lambda-deploy/deps/arn"), written);
        }
    }

    @Test
    void removingAnActionGivesTheTranslatedAccessDeniedNamingIt() {
        try (AwsClientFactory f = new AwsClientFactory(as("pipeline-minus"));
                AwsClients aws = f.clients(REGION)) {
            AwsCallException layer = assertThrows(AwsCallException.class, () -> publish(aws, "deps"));
            assertTrue(
                    layer.getMessage().contains("lacks the IAM permission 'lambda:PublishLayerVersion'"),
                    layer.getMessage());
            AwsCallException ssm = assertThrows(
                    AwsCallException.class,
                    () -> new SsmPublisher(new RecordingLog())
                            .publish(
                                    result("arn:aws:lambda:eu-west-1:123456789012:layer:deps:7"),
                                    as("pipeline-minus"),
                                    "/lambda-deploy"));
            assertTrue(ssm.getMessage().contains("lacks the IAM permission 'ssm:PutParameter'"), ssm.getMessage());
        }
    }

    /** The engine's own call path for PublishLayerVersion: AwsCalls translates the SDK's error. */
    static String publish(AwsClients aws, String layer) {
        return AwsCalls.call(
                        "lambda:PublishLayerVersion",
                        "layer " + layer + " in " + REGION,
                        () -> aws.lambda()
                                .publishLayerVersion(r -> r.layerName(layer)
                                        .content(c -> c.zipFile(SdkBytes.fromUtf8String("layer " + layer)))))
                .layerVersionArn();
    }

    static DeployResult result(String layerArn) {
        LayerResult l = new LayerResult(
                "deps",
                "deps",
                dev.lambdadeploy.publish.DeployAction.PUBLISHED,
                layerArn,
                1L,
                "sha",
                "direct",
                null,
                null,
                0,
                "new");
        return new DeployResult(
                DeployResult.SCHEMA_VERSION,
                new ProjectInfo("g", "a", "1"),
                "direct",
                false,
                "2026-01-01T00:00:00Z",
                0,
                0,
                List.of(new RegionResult(REGION, "deployed", null, List.of(l), List.of(), 0, null, null)));
    }

    /** Creates an IAM user with {@code policy} and returns its key as a credentials-file profile. */
    static String user(String name, String policy) throws Exception {
        iam("CreateUser", "UserName=" + name);
        iam(
                "PutUserPolicy",
                "UserName=" + name + "&PolicyName=lambda-deploy&PolicyDocument="
                        + URLEncoder.encode(policy, StandardCharsets.UTF_8));
        String body = iam("CreateAccessKey", "UserName=" + name);
        return "[" + name + "]\naws_access_key_id = " + between(body, "AccessKeyId") + "\naws_secret_access_key = "
                + between(body, "SecretAccessKey") + "\n";
    }

    static String iam(String action, String params) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(MOTO.endpoint() + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(
                        "Authorization",
                        "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/iam/aws4_request, "
                                + "SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString("Action=" + action + "&Version=2010-05-08&" + params))
                .build();
        HttpResponse<String> res = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, res.statusCode(), action + ": " + res.body());
        return res.body();
    }

    static String between(String xml, String tag) {
        int s = xml.indexOf("<" + tag + ">") + tag.length() + 2;
        return xml.substring(s, xml.indexOf("</" + tag + ">", s));
    }
}
