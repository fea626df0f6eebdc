package dev.lambdadeploy.lifecycle;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image reference as Lambda stores it ({@code ImageUri}, {@code ResolvedImageUri}, the history tags):
 * {@code <host>/<repository>[:<tag>][@<digest>]}. For an ECR host ({@code <account>.dkr.ecr.<region>.amazonaws.com})
 * the account and region are known, otherwise {@code null}: prune only touches this account's repositories in the
 * region. ({@link ImageRefs} has the digest and pinning helpers rollback and status use.)
 */
record EcrImageRef(String host, String account, String region, String repository, String tag, String digest) {
    private static final Pattern ECR_HOST =
            Pattern.compile("(\\d{12})\\.dkr\\.ecr(?:-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?");

    /** {@code null} when {@code uri} is not {@code host/repository...}. */
    static EcrImageRef parse(String uri) {
        if (uri == null || uri.isBlank()) {
            return null;
        }
        String rest = uri.trim();
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            // moto's ResolvedImageUri of a digest-pinned URI has two '@': the last one holds the digest
            digest = rest.substring(rest.lastIndexOf('@') + 1);
            rest = rest.substring(0, at);
        }
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            return null;
        }
        String host = rest.substring(0, slash);
        String path = rest.substring(slash + 1);
        String tag = null;
        int colon = path.lastIndexOf(':');
        if (colon >= 0) {
            tag = path.substring(colon + 1);
            path = path.substring(0, colon);
        }
        Matcher m = ECR_HOST.matcher(host);
        boolean ecr = m.matches();
        return new EcrImageRef(host, ecr ? m.group(1) : null, ecr ? m.group(2) : null, path,
                tag == null || tag.isEmpty() ? null : tag, digest == null || digest.isEmpty() ? null : digest);
    }

    /** An image in an ECR repository of this account and region, which prune may look at. */
    boolean inEcr(String account, String region) {
        return this.region != null && this.region.equals(region) && (account == null || account.equals(this.account));
    }
}
