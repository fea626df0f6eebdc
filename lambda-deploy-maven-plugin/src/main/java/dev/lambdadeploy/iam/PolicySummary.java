package dev.lambdadeploy.iam;

import java.util.ArrayList;
import java.util.List;

/** The console summary: per goal its statements (actions on how many resources), then the files and their size. */
public final class PolicySummary {
    private PolicySummary() {}

    public static List<String> render(
            GeneratedPolicy policy, PolicyRequest request, String combinedJson, String directory) {
        List<String> out = new ArrayList<>();
        out.add("IAM policy for lambda:"
                + String.join(
                        ", lambda:", policy.goals().stream().map(PolicyGoal::id).toList()) + " in "
                + String.join(", ", request.regions()) + " (account " + request.account() + ")");
        for (PolicyGoal g : policy.goals()) {
            out.add("  " + g.id() + ":");
            for (Statement s : policy.of(g)) {
                out.add("    " + s.sid() + ": " + String.join(", ", s.actions()) + " on "
                        + (s.resources().equals(List.of("*"))
                                ? "* (AWS has no resource type for these)"
                                : s.resources().size() == 1
                                        ? s.resources().get(0)
                                        : s.resources().size() + " ARNs"));
            }
        }
        int size = PolicyJson.size(combinedJson);
        out.add("Policy: " + directory + "/" + PolicyJson.FILE_NAME + " ("
                + policy.combined().size()
                + " statements, " + policy.actions().size() + " actions, " + size + " characters of IAM's "
                + PolicyJson.INLINE_ROLE_POLICY_LIMIT + " for a role's inline policies); one policy per goal: "
                + directory + "/" + PolicyJson.BY_GOAL_FILE_NAME);
        out.add("Attach it: aws iam put-role-policy --role-name <pipeline-role> --policy-name lambda-deploy "
                + "--policy-document file://" + directory + "/" + PolicyJson.FILE_NAME);
        return out;
    }
}
