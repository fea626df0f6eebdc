package dev.lambdadeploy.iam;

/** IAM's resource matching: {@code *} any run of characters (colons and slashes included), {@code ?} one character. */
final class Wildcards {
    private Wildcards() {}

    static boolean matches(String pattern, String value) {
        return matches(pattern, 0, value, 0);
    }

    private static boolean matches(String p, int i, String v, int j) {
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '*') {
                for (int k = j; k <= v.length(); k++) {
                    if (matches(p, i + 1, v, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (j >= v.length() || (c != '?' && c != v.charAt(j))) {
                return false;
            }
            i++;
            j++;
        }
        return j == v.length();
    }
}
