package dev.lambdadeploy.assemble;

import dev.lambdadeploy.config.Architecture;
import dev.lambdadeploy.config.EntryGlob;
import dev.lambdadeploy.config.StripSpec;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides, per jar entry, whether it is dead weight on Lambda. Entries a jar needs to work are protected and never
 * removed: the manifest, ServiceLoader registrations, multi-release classes, signatures and license texts.
 */
public final class StripRules {
    public static final String MAVEN_METADATA = "maven-metadata";
    public static final String SOURCE_FILE = "source-file";
    public static final String NATIVE_OTHER_PLATFORM = "native-other-platform";
    public static final String CONFIGURED_EXCLUDE = "configured-exclude";

    private static final Pattern SIGNATURE =
            Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)|META-INF/SIG-[^/]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern LICENSE_NAME =
            Pattern.compile("(LICENSE|LICENCE|NOTICE|COPYING|COPYRIGHT)([._-].*)?", Pattern.CASE_INSENSITIVE);

    private final StripSpec spec;
    private final Architecture architecture;

    public StripRules(StripSpec spec, Architecture architecture) {
        this.spec = spec;
        this.architecture = architecture;
    }

    public boolean enabled() {
        return spec.enabled();
    }

    /** The reason to remove this entry, or {@code null} to keep it. */
    public String removalReason(String name) {
        if (!spec.enabled() || isProtected(name) || matchesAny(spec.keeps(), name)) {
            return null;
        }
        if (name.startsWith("META-INF/maven/")) {
            return MAVEN_METADATA;
        }
        if (name.endsWith(".java") && !name.endsWith("/")) {
            return SOURCE_FILE;
        }
        if (NativeLibraries.isForOtherPlatform(name, architecture)) {
            return NATIVE_OTHER_PLATFORM;
        }
        if (matchesAny(spec.removals(), name)) {
            return CONFIGURED_EXCLUDE;
        }
        return null;
    }

    public static boolean isProtected(String name) {
        // cheap checks first: this runs for every entry of every jar (about 100,000 in the benchmark)
        if (inMetaInf(name)) {
            String upper = name.toUpperCase(Locale.ROOT);
            if (upper.equals("META-INF/MANIFEST.MF")
                    || upper.startsWith("META-INF/SERVICES/")
                    || upper.startsWith("META-INF/VERSIONS/")
                    || upper.startsWith("META-INF/LICENSES/")
                    || SIGNATURE.matcher(name).matches()) {
                return true;
            }
        }
        int slash = name.lastIndexOf('/');
        if (slash == name.length() - 1) {
            return false; // a folder (or no name at all)
        }
        return mayBeLicenseName(name, slash + 1)
                && LICENSE_NAME.matcher(name.substring(slash + 1)).matches();
    }

    /**
     * A cheap necessary condition for {@link #LICENSE_NAME} (which still decides): the name starts with the first
     * letters of one of its words. Most entries are classes, and running the pattern on every one whose name starts with
     * C, L or N made it hot enough for C2 to compile the matcher in a cold build (110 ms of its time in one profiled build).
     */
    private static boolean mayBeLicenseName(String name, int start) {
        return name.regionMatches(true, start, "LICEN", 0, 5)
                || name.regionMatches(true, start, "NOTICE", 0, 6)
                || name.regionMatches(true, start, "COPY", 0, 4);
    }

    public static boolean isSignatureFile(String name) {
        return inMetaInf(name) && SIGNATURE.matcher(name).matches();
    }

    private static boolean inMetaInf(String name) {
        return name.regionMatches(true, 0, "META-INF/", 0, 9);
    }

    private static boolean matchesAny(List<EntryGlob> globs, String name) {
        for (EntryGlob g : globs) {
            if (g.matches(name)) {
                return true;
            }
        }
        return false;
    }

    /** Stable text for cache keys. */
    public String fingerprint() {
        return spec.fingerprint() + "|" + architecture.awsName();
    }
}
