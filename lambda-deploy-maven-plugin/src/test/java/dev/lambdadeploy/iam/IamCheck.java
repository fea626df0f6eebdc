package dev.lambdadeploy.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lambdadeploy.publish.DeployMode;
import dev.lambdadeploy.testing.AwsCallRecorder;
import dev.lambdadeploy.testing.MotoAws;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Checks recorded AWS calls against a generated policy, for tests outside this package. */
public final class IamCheck {
    private IamCheck() {}

    /** The deploy goal's policy for a direct-mode deploy in moto's account. */
    public static GeneratedPolicy deployPolicy(
            String region, List<String> functions, List<String> layers, boolean layersOnly, String ssmPrefix) {
        return PolicyBuilder.build(PolicyRequest.builder()
                .goals(Set.of(PolicyGoal.DEPLOY))
                .regions(List.of(region))
                .account(MotoAws.ACCOUNT)
                .functionNames(functions)
                .layerNames(layers)
                .mode(DeployMode.DIRECT)
                .layersOnly(layersOnly)
                .ssmPrefix(ssmPrefix)
                .build());
    }

    public static void assertAllowed(List<AwsCallRecorder.Call> calls, GeneratedPolicy policy) {
        List<String> denied = new ArrayList<>();
        for (AwsCallRecorder.Call c : calls) {
            for (IamRequests.Authorization a : IamRequests.of(c, MotoAws.ACCOUNT)) {
                if (!policy.allows(a.action(), a.resource())) {
                    denied.add(a.toString());
                }
            }
        }
        assertEquals(List.of(), denied, "calls the generated policy does not allow");
    }
}
