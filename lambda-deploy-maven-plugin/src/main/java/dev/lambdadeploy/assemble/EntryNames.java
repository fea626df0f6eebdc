package dev.lambdadeploy.assemble;

/** Guards against entry names that would escape the folder they are unpacked into ("zip slip"). */
public final class EntryNames {
    private EntryNames() {}

    public static boolean isUnsafe(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.startsWith("\\") || name.indexOf('\0') >= 0) {
            return true;
        }
        if (name.length() > 1 && name.charAt(1) == ':') {
            return true; // C:\... or C:/...
        }
        if (!name.contains("..")) {
            return false; // the common case, without splitting every name of every jar
        }
        for (String segment : name.split("[/\\\\]")) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }
}
