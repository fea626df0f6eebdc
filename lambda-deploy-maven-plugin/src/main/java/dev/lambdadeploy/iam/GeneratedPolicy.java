package dev.lambdadeploy.iam;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The statements per goal, and the combined policy (statements of the same category and condition merged across
 * goals: one statement for all function actions, one for all layer actions, ...).
 */
public record GeneratedPolicy(Map<PolicyGoal, List<Statement>> byGoal) {

    public GeneratedPolicy {
        byGoal = Map.copyOf(byGoal);
    }

    /** The goals, in goal order. */
    public List<PolicyGoal> goals() {
        return java.util.Arrays.stream(PolicyGoal.values())
                .filter(byGoal::containsKey)
                .toList();
    }

    public List<Statement> combined() {
        Map<List<Object>, List<Statement>> groups = new LinkedHashMap<>();
        for (PolicyGoal g : goals()) {
            for (Statement s : byGoal.get(g)) {
                groups.computeIfAbsent(List.of(s.category(), s.condition()), k -> new ArrayList<>())
                        .add(s);
            }
        }
        List<Statement> out = new ArrayList<>();
        groups.values()
                .forEach(ss -> out.add(new Statement(
                        ss.get(0).category(),
                        ss.get(0).category(),
                        ss.stream()
                                .flatMap(s -> s.actions().stream())
                                .distinct()
                                .toList(),
                        ss.stream()
                                .flatMap(s -> s.resources().stream())
                                .distinct()
                                .toList(),
                        ss.get(0).condition())));
        return out;
    }

    public List<Statement> of(PolicyGoal goal) {
        return byGoal.getOrDefault(goal, List.of());
    }

    /** Whether the combined policy allows {@code action} on {@code resourceArn}. */
    public boolean allows(String action, String resourceArn) {
        return allows(combined(), action, resourceArn);
    }

    public static boolean allows(Collection<Statement> statements, String action, String resourceArn) {
        return statements.stream().anyMatch(s -> s.allows(action, resourceArn));
    }

    /** Every action the combined policy grants. */
    public Set<String> actions() {
        Set<String> out = new java.util.TreeSet<>();
        combined().forEach(s -> out.addAll(s.actions()));
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GeneratedPolicy p && Objects.equals(byGoal, p.byGoal);
    }

    @Override
    public int hashCode() {
        return byGoal.hashCode();
    }
}
