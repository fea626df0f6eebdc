package dev.lambdadeploy.outputs;

import dev.lambdadeploy.aws.AwsCalls;
import dev.lambdadeploy.aws.AwsClientFactory;
import dev.lambdadeploy.aws.AwsSettings;
import dev.lambdadeploy.log.BuildLog;
import dev.lambdadeploy.publish.DeployResult;
import dev.lambdadeploy.publish.LayerResult;
import dev.lambdadeploy.publish.RegionResult;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Publishes each layer's newest version ARN to SSM Parameter Store, in the layer's region, as
 * {@code <prefix>/<layer name>/arn}: CloudFormation ({@code {{resolve:ssm:/lambda-deploy/deps/arn}}}), CDK and
 * Terraform ({@code aws_ssm_parameter}) stacks read it from there. A parameter that already holds the ARN is left
 * alone, so repeated deploys do not fill the parameter's history (SSM keeps 100 versions).
 */
public final class SsmPublisher {
    private final BuildLog log;

    public SsmPublisher(BuildLog log) {
        this.log = log;
    }

    /** The parameter name of one layer: {@code /<prefix>/<layer>/arn}, always absolute. */
    public static String parameterName(String prefix, String layerName) {
        String p = prefix.replaceAll("^/+|/+$", "");
        return "/" + (p.isEmpty() ? "" : p + "/") + layerName + "/arn";
    }

    /** @return the parameters written or confirmed, as {@code region:name} */
    public List<String> publish(DeployResult result, AwsSettings settings, String prefix) {
        List<String> out = new ArrayList<>();
        try (AwsClientFactory factory = new AwsClientFactory(settings)) {
            for (RegionResult r : result.regions()) {
                if (r.failed()) {
                    continue; // its layers may be half published: the parameters keep the last good ARNs
                }
                try (SsmClient ssm = factory.ssm(r.region())) {
                    for (LayerResult l : r.layers()) {
                        if (l.layerVersionArn() != null) {
                            String name = parameterName(prefix, l.layerName());
                            put(ssm, r.region(), name, l.layerVersionArn());
                            out.add(r.region() + ":" + name);
                        }
                    }
                }
            }
        }
        return out;
    }

    private void put(SsmClient ssm, String region, String name, String arn) {
        String resource = "parameter " + name + " in " + region;
        String current;
        try {
            current = AwsCalls.call(
                    "ssm:GetParameter",
                    resource,
                    () -> ssm.getParameter(r -> r.name(name)).parameter().value());
        } catch (dev.lambdadeploy.aws.AwsCallException e) {
            if (!"ParameterNotFound".equals(e.errorCode()) && !(e.getCause() instanceof ParameterNotFoundException)) {
                throw e;
            }
            current = null;
        }
        if (arn.equals(current)) {
            log.info("[" + region + "] SSM " + name + " = " + arn + " (unchanged)");
            return;
        }
        AwsCalls.run(
                "ssm:PutParameter",
                resource,
                () -> ssm.putParameter(r -> r.name(name)
                        .value(arn)
                        .type(ParameterType.STRING)
                        .overwrite(true)
                        .description("Newest layer version ARN, by lambda-deploy-maven-plugin")));
        log.info("[" + region + "] SSM " + name + " = " + arn);
    }
}
