package dev.lambdadeploy.assemble;

import static dev.lambdadeploy.config.Architecture.ARM64;
import static dev.lambdadeploy.config.Architecture.X86_64;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class NativeLibrariesTest {
    @Test
    void sqliteJdbcKeepsOnlyLinuxGlibcForTheArchitecture() {
        assertFalse(NativeLibraries.isForOtherPlatform("org/sqlite/native/Linux/x86_64/libsqlitejdbc.so", X86_64));
        assertTrue(NativeLibraries.isForOtherPlatform("org/sqlite/native/Linux/aarch64/libsqlitejdbc.so", X86_64));
        assertFalse(NativeLibraries.isForOtherPlatform("org/sqlite/native/Linux/aarch64/libsqlitejdbc.so", ARM64));
        assertTrue(NativeLibraries.isForOtherPlatform("org/sqlite/native/Linux-Musl/x86_64/libsqlitejdbc.so", X86_64));
        assertTrue(
                NativeLibraries.isForOtherPlatform("org/sqlite/native/Linux-Android/aarch64/libsqlitejdbc.so", ARM64));
        assertTrue(NativeLibraries.isForOtherPlatform("org/sqlite/native/Linux/arm/libsqlitejdbc.so", ARM64));
        assertTrue(NativeLibraries.isForOtherPlatform("org/sqlite/native/Linux/x86/libsqlitejdbc.so", X86_64));
        assertTrue(NativeLibraries.isForOtherPlatform("org/sqlite/native/Linux/ppc64/libsqlitejdbc.so", X86_64));
        assertTrue(NativeLibraries.isForOtherPlatform("org/sqlite/native/Mac/x86_64/libsqlitejdbc.dylib", X86_64));
        assertTrue(NativeLibraries.isForOtherPlatform("org/sqlite/native/Windows/x86_64/sqlitejdbc.dll", X86_64));
        assertTrue(NativeLibraries.isForOtherPlatform("org/sqlite/native/FreeBSD/x86_64/libsqlitejdbc.so", X86_64));
    }

    @Test
    void otherLibraryLayouts() {
        // JNA
        assertFalse(NativeLibraries.isForOtherPlatform("com/sun/jna/linux-x86-64/libjnidispatch.so", X86_64));
        assertTrue(NativeLibraries.isForOtherPlatform("com/sun/jna/linux-x86/libjnidispatch.so", X86_64));
        assertTrue(NativeLibraries.isForOtherPlatform("com/sun/jna/win32-x86-64/jnidispatch.dll", X86_64));
        // netty: OS only implied
        assertFalse(NativeLibraries.isForOtherPlatform(
                "META-INF/native/libnetty_transport_native_epoll_x86_64.so", X86_64));
        assertTrue(
                NativeLibraries.isForOtherPlatform("META-INF/native/libnetty_transport_native_epoll_x86_64.so", ARM64));
        assertFalse(NativeLibraries.isForOtherPlatform(
                "META-INF/native/libnetty_transport_native_epoll_aarch_64.so", ARM64));
        assertTrue(NativeLibraries.isForOtherPlatform(
                "META-INF/native/libnetty_transport_native_kqueue_x86_64.jnilib", X86_64));
        // zstd-jni
        assertFalse(NativeLibraries.isForOtherPlatform("linux/amd64/libzstd-jni-1.5.5-5.so", X86_64));
        assertTrue(NativeLibraries.isForOtherPlatform("linux/s390x/libzstd-jni-1.5.5-5.so", X86_64));
        assertTrue(NativeLibraries.isForOtherPlatform("darwin/aarch64/libzstd-jni-1.5.5-5.dylib", ARM64));
    }

    @Test
    void unknownPlatformIsKeptAndNonNativesIgnored() {
        assertFalse(NativeLibraries.isForOtherPlatform("lib/libfoo.so", X86_64));
        assertFalse(NativeLibraries.isForOtherPlatform("lib/libfoo.so.1", ARM64));
        assertFalse(NativeLibraries.isForOtherPlatform("org/windows/Thing.class", X86_64));
        assertTrue(NativeLibraries.isNative("a/libfoo.so.1.2"));
        assertFalse(NativeLibraries.isNative("a/libso.txt"));
    }

    @Test
    void nativeNamesAreRecognisedInAnyCaseAndWithVersionSuffixes() {
        for (String name : new String[] {
            "a/libfoo.so",
            "A/LIBFOO.SO",
            "x.dll",
            "X.DLL",
            "m/libm.dylib",
            "j/libj.JNILIB",
            "libz.so.1",
            "libz.so.1.2.13",
            ".so",
            "dir.so/lib.so"
        }) {
            assertTrue(NativeLibraries.isNative(name), name);
        }
        for (String name : new String[] {
            "a/libfoo.so/",
            "a/Foo.class",
            "a/foo.sox",
            "a/foo.so.x",
            "a/foo.so.1a",
            "a/foo.so.",
            "a/foo.dll.txt",
            "a/so",
            "a/dll",
            "a/foo.so\n",
            "a/foo.jni",
            "a/foo.solib"
        }) {
            assertFalse(NativeLibraries.isNative(name), name);
        }
    }
}
