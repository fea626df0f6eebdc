package dev.lambdadeploy.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Layer version ARNs ({@code arn:<partition>:lambda:<region>:<account>:layer:<name>:<version>}) and how a function's
 * layer list changes: versions of layers this plugin manages are replaced in place, other layers (extensions, layers
 * of other accounts) are kept.
 */
public final class LayerArns {
    private LayerArns() {}

    /** The layer ARN without its version. */
    public static String unversioned(String versionArn) {
        int colon = versionArn.lastIndexOf(':');
        return colon < 0 ? versionArn : versionArn.substring(0, colon);
    }

    public static String name(String versionArn) {
        String base = unversioned(versionArn);
        return base.substring(base.lastIndexOf(':') + 1);
    }

    public static String version(String versionArn) {
        return versionArn.substring(versionArn.lastIndexOf(':') + 1);
    }

    /** {@code name:version}, the short form recorded in function tags. */
    public static String shortForm(String versionArn) {
        return name(versionArn) + ":" + version(versionArn);
    }

    /**
     * @param current      the function's layers now
     * @param managed      the new versions of the layers of this deploy, in package order
     * @param retiredNames names of layers an earlier deploy managed that this package no longer has: removed
     */
    public static List<String> desired(List<String> current, List<String> managed, Set<String> retiredNames) {
        Map<String, String> byBase = new LinkedHashMap<>();
        managed.forEach(arn -> byBase.put(unversioned(arn), arn));
        List<String> out = new ArrayList<>();
        List<String> placed = new ArrayList<>();
        for (String arn : current) {
            String base = unversioned(arn);
            if (byBase.containsKey(base)) {
                if (!placed.contains(base)) {
                    out.add(byBase.get(base));
                    placed.add(base);
                }
            } else if (!(retiredNames.contains(name(arn)) && ownedBySameAccount(arn, managed))) {
                out.add(arn);
            }
        }
        byBase.forEach((base, arn) -> {
            if (!placed.contains(base)) {
                out.add(arn);
            }
        });
        return out;
    }

    /** A retired name only counts for layers of the account we publish to, never for someone else's layer. */
    private static boolean ownedBySameAccount(String arn, List<String> managed) {
        if (managed.isEmpty()) {
            return false;
        }
        return account(arn).equals(account(managed.get(0)));
    }

    private static String account(String arn) {
        String[] parts = arn.split(":");
        return parts.length > 4 ? parts[4] : "";
    }
}
