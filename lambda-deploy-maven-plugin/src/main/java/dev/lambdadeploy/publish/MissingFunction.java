package dev.lambdadeploy.publish;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/**
 * A function name that does not exist is most often a typo or the wrong region: the message lists what the region
 * has and names the closest existing function (edit distance), so the fix is one look away.
 */
public final class MissingFunction {
    /** Names shown in a message; a region with hundreds of functions gets the first ones and "...". */
    static final int MAX_NAMES_SHOWN = 20;
    /** Names read to find the closest one (ListFunctions pages of 50). */
    static final int MAX_NAMES_READ = 1000;

    private MissingFunction() {}

    /** The region's function names, sorted; {@code null} when they cannot be listed (the hint is optional). */
    public static List<String> names(LambdaClient lambda) {
        List<String> names = new ArrayList<>();
        try {
            for (FunctionConfiguration c :
                    lambda.listFunctionsPaginator(r -> r.maxItems(50)).functions()) {
                names.add(c.functionName());
                if (names.size() >= MAX_NAMES_READ) {
                    break;
                }
            }
        } catch (SdkException e) {
            return null;
        }
        names.sort(null);
        return names;
    }

    /** The existing name nearest to {@code name}, if it is near enough to be a typo of it. */
    public static Optional<String> closest(String name, Collection<String> names) {
        if (names == null) {
            return Optional.empty();
        }
        String n = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : names) {
            int d = distance(n, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        int allowed = Math.max(2, name.length() / 3);
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance: insertions, deletions and substitutions of one character each cost 1. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** "Functions in eu-west-1: a, b, c."; when there are none, a question about region and account. */
    public static String listing(String region, List<String> names) {
        if (names == null) {
            return "(The functions in " + region + " could not be listed: lambda:ListFunctions failed.)";
        }
        if (names.isEmpty()) {
            return "There are no functions in " + region + " at all: is this the right region (-Dlambda.region) and "
                    + "account (-Dlambda.profile)?";
        }
        return "Functions in " + region + ": "
                + String.join(", ", names.subList(0, Math.min(names.size(), MAX_NAMES_SHOWN)))
                + (names.size() > MAX_NAMES_SHOWN ? ", ... (" + names.size() + " in all)" : "")
                + ".";
    }
}
