package dev.lambdadeploy.outputs;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdadeploy.aws.AwsClientFactory;
import dev.lambdadeploy.config.ConfigException;
import dev.lambdadeploy.iam.IamCheck;
import dev.lambdadeploy.publish.DeployAction;
import dev.lambdadeploy.publish.DeployMode;
import dev.lambdadeploy.publish.DeployRequest;
import dev.lambdadeploy.publish.DeployResult;
import dev.lambdadeploy.publish.DeployResultIO;
import dev.lambdadeploy.publish.FunctionSettings;
import dev.lambdadeploy.publish.LambdaDeployer;
import dev.lambdadeploy.publish.PipelineOutputs;
import dev.lambdadeploy.testing.AbstractMotoTest;
import dev.lambdadeploy.testing.AwsCallRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Parameter;

/** Outputs for the next pipeline step after real deploys to moto: deploy-result.json, GITHUB_OUTPUT, SSM, layers-only. */
class DeployOutputsTest extends AbstractMotoTest {
    @BeforeEach
    void setUp() throws Exception {
        pkg.writeVersion(1);
    }

    @AfterEach
    void tearDown() {
        AwsCallRecorder.stop();
    }

    DeployRequest.Builder request(String... functions) {
        return moto.deployRequest(pkg.dir(), functions).mode(DeployMode.DIRECT);
    }

    @Test
    void deployWritesOutputsToDeployResultGithubOutputAndSsm() throws Exception {
        FunctionSettings fs =
                moto.functionSettings().publishVersion(true).alias("live").build();
        DeployResult result =
                new LambdaDeployer(log).deploy(request("orders").function(fs).build());
        assertFalse(result.failed(), () -> result.regions().get(0).error());
        String layerArn = result.regions().get(0).layers().get(0).layerVersionArn();
        assertEquals("arn:aws:lambda:eu-west-1:123456789012:layer:deps:1", layerArn);

        Map<String, String> outputs = PipelineOutputs.of(result);
        assertEquals(layerArn, outputs.get("layer-deps-arn"));
        assertEquals(layerArn, outputs.get("layer-deps-arn-eu-west-1"));
        assertEquals("{\"deps\":\"" + layerArn + "\"}", outputs.get("layer-arns"));
        assertEquals("1", outputs.get("function-orders-version"));
        assertEquals("live", outputs.get("function-orders-alias"));
        assertEquals("arn:aws:lambda:eu-west-1:123456789012:function:orders", outputs.get("function-orders-arn"));

        // deploy-result.json carries them, and still reads back
        Path file = pkg.dir().resolve(DeployResult.FILE_NAME);
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertEquals(layerArn, json.get("outputs").get("layer-deps-arn").asText());
        assertEquals(result.regions(), DeployResultIO.read(file).regions());

        Path githubOutput = dir.resolve("github_output");
        Files.writeString(githubOutput, "earlier-step=kept\n");
        AwsCallRecorder.start(MOTO.endpoint().getPort());
        DeployOutputs.publish(
                result, moto.settings(), "/lambda-deploy/", Map.of("GITHUB_OUTPUT", githubOutput.toString()), log);
        DeployOutputs.publish(result, moto.settings(), "/lambda-deploy", Map.of(), log); // same ARN again
        List<AwsCallRecorder.Call> calls = AwsCallRecorder.stop();

        List<String> lines = Files.readAllLines(githubOutput);
        assertEquals("earlier-step=kept", lines.get(0));
        assertTrue(lines.contains("layer-deps-arn=" + layerArn), lines::toString);
        assertTrue(lines.contains("function-orders-version=1"), lines::toString);

        try (AwsClientFactory f = new AwsClientFactory(moto.settings());
                SsmClient ssm = f.ssm(REGION)) {
            Parameter p =
                    ssm.getParameter(r -> r.name("/lambda-deploy/deps/arn")).parameter();
            assertEquals(layerArn, p.value());
            assertEquals(1L, p.version(), "an unchanged ARN is not written again");
        }
        assertEquals(
                1,
                calls.stream().filter(c -> c.operation().equals("PutParameter")).count(),
                calls::toString);
        // the SSM calls are what the generated policy grants for the prefix
        IamCheck.assertAllowed(
                calls, IamCheck.deployPolicy(REGION, List.of("orders"), List.of("deps"), false, "/lambda-deploy"));
    }

    @Test
    void layersOnlyDeployPublishesLayersAndTouchesNoFunction() throws Exception {
        var lambda = moto.clients().lambda();
        lambda.createFunction(r -> r.functionName("stack-owned")
                .runtime("java21")
                .role(moto.role())
                .handler("com.example.Stack::handle")
                .code(c -> c.zipFile(SdkBytes.fromUtf8String("by terraform"))));
        GetFunctionResponse before = lambda.getFunction(r -> r.functionName("stack-owned"));

        AwsCallRecorder.start(MOTO.endpoint().getPort());
        DeployResult result = new LambdaDeployer(log)
                .deploy(request("stack-owned").layersOnly(true).build());
        List<AwsCallRecorder.Call> calls = AwsCallRecorder.stop();

        assertFalse(result.failed(), () -> result.regions().get(0).error());
        assertEquals(
                DeployAction.PUBLISHED, result.regions().get(0).layers().get(0).action());
        assertEquals(List.of(), result.regions().get(0).functions());
        GetFunctionResponse after = lambda.getFunction(r -> r.functionName("stack-owned"));
        assertEquals(before.configuration(), after.configuration(), "the function must be untouched");
        assertEquals(before.tags(), after.tags());
        assertTrue(
                calls.stream()
                        .noneMatch(c -> c.field("FunctionName", String.class) != null
                                || c.operation().contains("Function")),
                () -> "function calls in a layers-only deploy: " + calls);
        assertEquals(
                "arn:aws:lambda:eu-west-1:123456789012:layer:deps:1",
                PipelineOutputs.of(result).get("layer-deps-arn"));
        assertTrue(PipelineOutputs.of(result).keySet().stream().noneMatch(k -> k.startsWith("function-")));
        IamCheck.assertAllowed(calls, IamCheck.deployPolicy(REGION, List.of(), List.of("deps"), true, null));

        // again: the layer is reused, not published twice
        DeployResult again =
                new LambdaDeployer(log).deploy(request().layersOnly(true).build());
        assertEquals(
                DeployAction.UP_TO_DATE, again.regions().get(0).layers().get(0).action());
        assertEquals(
                result.regions().get(0).layers().get(0).layerVersionArn(),
                again.regions().get(0).layers().get(0).layerVersionArn());
    }

    @Test
    void layersOnlyWithImageModeIsRejected() {
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> request().layersOnly(true).mode(DeployMode.IMAGE).build());
        assertTrue(e.getMessage().contains("lambda.deploy.layersOnly"), e.getMessage());
    }

    @Test
    void outputNamesAreValidGithubIds() {
        assertEquals("my_layer-1", PipelineOutputs.id("My.Layer-1"));
        assertEquals("/lambda-deploy/deps/arn", SsmPublisher.parameterName("lambda-deploy/", "deps"));
        assertEquals("/deps/arn", SsmPublisher.parameterName("/", "deps"));
    }
}
