package dev.lambdadeploy.assemble;

import dev.lambdadeploy.config.Architecture;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognizes native libraries inside jars and the platform they are built for, from their path
 * ({@code org/sqlite/native/Linux/aarch64/libsqlitejdbc.so}, {@code com/sun/jna/win32-x86-64/jnidispatch.dll},
 * {@code META-INF/native/libnetty_transport_native_epoll_x86_64.so}, ...). Lambda is Linux with glibc on x86_64 or
 * arm64, so a library for any other OS, libc or CPU can never load there. When the path does not say, the library is
 * kept: a wrong guess must never remove something the function needs.
 */
public final class NativeLibraries {
    enum Os {
        LINUX,
        OTHER,
        UNKNOWN
    }

    enum Cpu {
        X86_64,
        AARCH64,
        OTHER,
        UNKNOWN
    }

    private static final Pattern NATIVE = Pattern.compile(".*\\.(so|dll|dylib|jnilib)(\\.\\d+)*$");
    private static final Pattern AARCH64 = Pattern.compile("aarch[_-]?64|arm64|armv8");
    private static final Pattern X86_64 = Pattern.compile("x86[_-]?64|amd64|x64|em64t|linux64");
    private static final Pattern TOKEN_SPLIT = Pattern.compile("[/._\\-]+");

    private static final Set<String> WINDOWS = Set.of("windows", "win", "win32", "win64", "mingw", "cygwin");
    private static final Set<String> MAC = Set.of("mac", "macos", "macosx", "osx", "darwin", "ios");
    private static final Set<String> NOT_GLIBC_LINUX = Set.of(
            "android",
            "musl",
            "alpine",
            "freebsd",
            "openbsd",
            "netbsd",
            "dragonfly",
            "sunos",
            "solaris",
            "aix",
            "hpux",
            "zos",
            "os400");
    private static final Set<String> LINUX = Set.of("linux", "linux64", "linux32", "gnu", "glibc");
    private static final Set<String> OTHER_CPU = Set.of(
            "x86",
            "i386",
            "i486",
            "i586",
            "i686",
            "x86_32",
            "ppc",
            "ppc64",
            "ppc64le",
            "powerpc",
            "powerpc64",
            "powerpc64le",
            "s390",
            "s390x",
            "riscv",
            "riscv32",
            "riscv64",
            "mips",
            "mipsel",
            "mips64",
            "mips64el",
            "loongarch64",
            "loongarch",
            "arm",
            "armel",
            "armhf",
            "armv5",
            "armv6",
            "armv7",
            "armv7a",
            "arm32",
            "sparc",
            "sparcv9",
            "ia64",
            "e2k",
            "linux32",
            "win32");

    private NativeLibraries() {}

    public static boolean isNative(String entryName) {
        // most entries are classes: skip the lower-casing and the pattern for them, and the pattern for names without
        // any of its extensions (it runs on every resource otherwise, hot enough for the JIT to compile it)
        if (entryName.endsWith("/") || entryName.endsWith(".class")) {
            return false;
        }
        String lower = entryName.toLowerCase(Locale.ROOT);
        return (lower.contains(".so")
                        || lower.contains(".dll")
                        || lower.contains(".dylib")
                        || lower.contains(".jnilib"))
                && NATIVE.matcher(lower).matches();
    }

    /** True when the native library at {@code entryName} cannot load on Lambda with this architecture. */
    public static boolean isForOtherPlatform(String entryName, Architecture architecture) {
        if (!isNative(entryName)) {
            return false;
        }
        String lower = entryName.toLowerCase(Locale.ROOT);
        Os os = os(lower);
        Cpu cpu = cpu(lower);
        boolean osFits = os == Os.LINUX || os == Os.UNKNOWN;
        boolean cpuFits = cpu == Cpu.UNKNOWN
                || (cpu == Cpu.X86_64 && architecture == Architecture.X86_64)
                || (cpu == Cpu.AARCH64 && architecture == Architecture.ARM64);
        return !(osFits && cpuFits);
    }

    static Os os(String lowerPath) {
        if (lowerPath.endsWith(".dll")) {
            return Os.OTHER;
        }
        if (lowerPath.endsWith(".dylib") || lowerPath.endsWith(".jnilib")) {
            return Os.OTHER;
        }
        List<String> tokens = Arrays.asList(TOKEN_SPLIT.split(lowerPath));
        if (tokens.stream().anyMatch(t -> WINDOWS.contains(t) || MAC.contains(t) || NOT_GLIBC_LINUX.contains(t))) {
            return Os.OTHER;
        }
        return tokens.stream().anyMatch(LINUX::contains) ? Os.LINUX : Os.UNKNOWN;
    }

    static Cpu cpu(String lowerPath) {
        if (AARCH64.matcher(lowerPath).find()) {
            return Cpu.AARCH64;
        }
        if (X86_64.matcher(lowerPath).find()) {
            return Cpu.X86_64;
        }
        // Keep "x86_32" whole before splitting on '_'.
        String path = lowerPath.replace("x86_32", "x86");
        return Arrays.stream(TOKEN_SPLIT.split(path)).anyMatch(OTHER_CPU::contains) ? Cpu.OTHER : Cpu.UNKNOWN;
    }
}
