package dev.lambdadeploy.lifecycle;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Image references as Lambda and the history tags hold them: {@code repo:tag} or {@code repo@sha256:<hex>}. */
final class ImageRefs {
    private static final Pattern DIGEST = Pattern.compile("@(sha256:[0-9a-f]{64})$");

    private ImageRefs() {}

    /** The digest an image URI is pinned to, or {@code null} for a tag (or a tag value cut at 256 characters). */
    static String digest(String imageUri) {
        if (imageUri == null) {
            return null;
        }
        Matcher m = DIGEST.matcher(imageUri);
        return m.find() ? m.group(1) : null;
    }

    /** The repository part: without tag or digest. */
    static String repository(String imageUri) {
        int at = imageUri.indexOf('@');
        String s = at >= 0 ? imageUri.substring(0, at) : imageUri;
        int colon = s.lastIndexOf(':');
        return colon > s.lastIndexOf('/') ? s.substring(0, colon) : s;
    }

    /** {@code imageUri} pinned to {@code digest} (a tag gives way to the digest it resolved to). */
    static String pinned(String imageUri, String digest) {
        if (imageUri == null || digest(imageUri) != null || digest == null) {
            return imageUri;
        }
        return repository(imageUri) + "@" + digest;
    }
}
