package dev.lambdadeploy.iam;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One Allow statement. {@code category} groups statements of the same kind of resource across goals (they merge
 * into one statement of the combined policy); {@code condition} is IAM's operator → key → value map, or empty.
 */
public record Statement(
        String sid,
        String category,
        List<String> actions,
        List<String> resources,
        Map<String, Map<String, String>> condition) {

    public Statement {
        actions = List.copyOf(new TreeSet<>(actions));
        resources = List.copyOf(new TreeSet<>(resources));
        condition = condition == null ? Map.of() : Map.copyOf(condition);
        if (actions.isEmpty() || resources.isEmpty()) {
            throw new IllegalArgumentException("statement " + sid + " needs actions and resources");
        }
    }

    /** Whether this statement allows {@code action} on {@code resourceArn} (IAM's * and ? wildcards in resources). */
    public boolean allows(String action, String resourceArn) {
        return actions.stream().anyMatch(a -> a.equalsIgnoreCase(action))
                && resources.stream().anyMatch(r -> Wildcards.matches(r, resourceArn));
    }
}
