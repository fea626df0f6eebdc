package dev.lambdadeploy.iam;

import dev.lambdadeploy.config.ConfigException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The goals a pipeline role can be granted; image mode is not a goal but a setting of deploy, rollback and prune. */
public enum PolicyGoal {
    DEPLOY,
    STATUS,
    ROLLBACK,
    PRUNE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Capitalised, for statement ids ({@code DeployLayers}). */
    String sidPrefix() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    /** Comma-separated goal names; fails naming {@code element} and the valid names for an unknown one. */
    public static Set<PolicyGoal> parse(String csv, String element) {
        Set<PolicyGoal> goals = EnumSet.noneOf(PolicyGoal.class);
        for (String raw : (csv == null ? "" : csv).split(",")) {
            String s = raw.trim().toLowerCase(Locale.ROOT);
            if (s.isEmpty()) {
                continue;
            }
            if (s.startsWith("lambda:")) {
                s = s.substring("lambda:".length());
            }
            String name = s;
            goals.add(Arrays.stream(values())
                    .filter(g -> g.id().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new ConfigException(
                            element,
                            "unknown goal '" + raw.trim() + "'. Use any of "
                                    + Arrays.stream(values())
                                            .map(PolicyGoal::id)
                                            .collect(Collectors.joining(", "))
                                    + ", comma-separated, e.g. -Dlambda.iam.goals=deploy,status (image mode is covered by "
                                    + "<deployMode>image</deployMode> / <imageRepository>, not by a goal name).")));
        }
        if (goals.isEmpty()) {
            throw new ConfigException(
                    element, "no goal given; use e.g. -Dlambda.iam.goals=deploy,status,rollback,prune");
        }
        return goals;
    }
}
