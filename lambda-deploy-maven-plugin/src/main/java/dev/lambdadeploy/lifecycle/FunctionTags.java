package dev.lambdadeploy.lifecycle;

import dev.lambdadeploy.aws.AwsCallException;
import dev.lambdadeploy.aws.AwsCalls;
import java.util.Map;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;

/**
 * The deploy history tags of a function. GetFunction returns tags only to a caller allowed {@code lambda:ListTags};
 * otherwise it answers with a TagsError and no tags, which must not be read as "no history": prune would then no
 * longer protect the rollback target. So the tags are asked for directly, and a denial stops the goal.
 */
final class FunctionTags {
    private FunctionTags() {}

    static Map<String, String> of(LambdaClient lambda, GetFunctionResponse f, String name, String region) {
        if (f.tagsError() == null) {
            return f.tags() == null ? Map.of() : f.tags();
        }
        String arn = f.configuration().functionArn();
        try {
            Map<String, String> tags = AwsCalls.call(
                    "lambda:ListTags",
                    "function " + name + " in " + region,
                    () -> lambda.listTags(r -> r.resource(arn)).tags());
            return tags == null ? Map.of() : tags;
        } catch (AwsCallException e) {
            throw new LifecycleException("Cannot read the deploy history tags of function " + name + " in " + region
                    + " (GetFunction: " + f.tagsError().errorCode() + ", "
                    + f.tagsError().message() + "; "
                    + e.getMessage() + "). status, rollback and prune find the previous deployment (the rollback "
                    + "target, which prune must keep) in these tags: allow lambda:ListTags on the function. Nothing "
                    + "was changed.");
        }
    }
}
