package dev.lambdadeploy.publish.image;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image reference as Lambda stores it ({@code ImageUri}, {@code ResolvedImageUri}, the history tags):
 * {@code <host>/<repository>[:<tag>][@<digest>]}. The one place that takes image URIs apart: {@link #parse} for prune
 * (which repository, tag or digest an image URI protects), {@link #pinnedDigest} and {@link #pinned} for status and
 * rollback (which image exactly runs), and for the deploy history (the image a function ran, pinned). For an ECR host ({@code <account>.dkr.ecr.<region>.amazonaws.com}) the account
 * and region are known, otherwise {@code null}: prune only touches this account's repositories in the region.
 */
public record ImageRef(String host, String account, String region, String repository, String tag, String digest) {
    private static final Pattern ECR_HOST =
            Pattern.compile("(\\d{12})\\.dkr\\.ecr(?:-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?");
    private static final Pattern SHA256 = Pattern.compile("sha256:[0-9a-f]{64}");

    /** {@code null} when {@code uri} is not {@code host/repository...}. */
    public static ImageRef parse(String uri) {
        if (uri == null || uri.isBlank()) {
            return null;
        }
        String rest = uri.trim();
        String digest = digestPart(rest);
        rest = withoutDigest(rest);
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
        return new ImageRef(
                host,
                ecr ? m.group(1) : null,
                ecr ? m.group(2) : null,
                path,
                tag == null || tag.isEmpty() ? null : tag,
                digest == null || digest.isEmpty() ? null : digest);
    }

    /**
     * The {@code sha256:<hex>} digest an image URI is pinned to, or {@code null} for a tag (or a tag value cut at 256
     * characters, or anything else after the {@code @} that is not a whole digest).
     */
    public static String pinnedDigest(String imageUri) {
        if (imageUri == null) {
            return null;
        }
        String digest = digestPart(imageUri);
        return digest != null && SHA256.matcher(digest).matches() ? digest : null;
    }

    /** {@code imageUri} pinned to {@code digest} (a tag gives way to the digest it resolved to). */
    public static String pinned(String imageUri, String digest) {
        if (imageUri == null || pinnedDigest(imageUri) != null || digest == null) {
            return imageUri;
        }
        String name = withoutDigest(imageUri);
        int colon = name.lastIndexOf(':');
        return (colon > name.lastIndexOf('/') ? name.substring(0, colon) : name) + "@" + digest;
    }

    /** An image in an ECR repository of this account and region, which prune may look at. */
    public boolean inEcr(String account, String region) {
        return this.region != null && this.region.equals(region) && (account == null || account.equals(this.account));
    }

    /** After the last {@code @}: moto's ResolvedImageUri of a digest-pinned URI has two, the last holds the digest. */
    private static String digestPart(String uri) {
        int at = uri.lastIndexOf('@');
        return at >= 0 ? uri.substring(at + 1) : null;
    }

    /** Before the first {@code @}: host, repository and tag. */
    private static String withoutDigest(String uri) {
        int at = uri.indexOf('@');
        return at >= 0 ? uri.substring(0, at) : uri;
    }
}
