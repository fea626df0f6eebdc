package dev.lambdadeploy.iam;

import dev.lambdadeploy.aws.AwsClientFactory;
import dev.lambdadeploy.aws.AwsClients;
import dev.lambdadeploy.aws.AwsSettings;
import dev.lambdadeploy.config.ConfigException;
import software.amazon.awssdk.core.exception.SdkException;

/** The account the policy's ARNs name: the caller's, from STS GetCallerIdentity (which needs no permission). */
public final class AccountLookup {
    private AccountLookup() {}

    public static String fromSts(AwsSettings settings, String region) {
        try (AwsClientFactory factory = new AwsClientFactory(settings);
                AwsClients aws = factory.clients(region)) {
            return aws.sts().getCallerIdentity().account();
        } catch (SdkException e) {
            throw new ConfigException(
                    "<iamAccount> (lambda.iam.account)",
                    "the AWS account id could not be read "
                            + "from STS GetCallerIdentity (" + firstLine(e.getMessage()) + "). Without credentials or "
                            + "network, give it: -Dlambda.iam.account=123456789012.");
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "no message";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
