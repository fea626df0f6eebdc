package dev.lambdadeploy.publish.image;

/** Image tags from free text (project versions, commits): invalid characters become '-', at most 128 characters. */
public final class ImageTags {
    private ImageTags() {}

    public static String of(String text) {
        String t = text.replaceAll("[^A-Za-z0-9_.-]", "-");
        if (t.isEmpty() || t.charAt(0) == '.' || t.charAt(0) == '-') {
            t = "v" + t;
        }
        return t.length() <= 128 ? t : t.substring(0, 128);
    }
}
