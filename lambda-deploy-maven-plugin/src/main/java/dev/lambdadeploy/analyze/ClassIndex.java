package dev.lambdadeploy.analyze;

import dev.lambdadeploy.manifest.JarRecord;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Every class and every {@code META-INF/services} registration on the function's class path, in Lambda's search
 * order: the runtime's own jars first (parent class loader), then task/, task/lib/*.jar, opt/java/lib/*.jar. The first
 * unit that defines a class is the one the JVM would load it from.
 */
public final class ClassIndex implements Closeable {

    public enum Kind {
        RUNTIME,
        FUNCTION,
        JAR
    }

    /** One class path entry: its classes (internal name to CRC of the bytes) and service registrations. */
    public static final class Unit {
        public final int index;
        public final String label;
        public final Kind kind;
        public final Path path;
        public final JarRecord jar;
        public final long bytes;
        final Map<String, Long> classes = new LinkedHashMap<>();
        final Map<String, List<String>> services = new LinkedHashMap<>();
        private ZipFile zip;

        Unit(int index, String label, Kind kind, Path path, JarRecord jar, long bytes) {
            this.index = index;
            this.label = label;
            this.kind = kind;
            this.path = path;
            this.jar = jar;
            this.bytes = bytes;
        }

        public int classCount() {
            return classes.size();
        }

        public Map<String, List<String>> services() {
            return Collections.unmodifiableMap(services);
        }

        public java.util.Set<String> classNames() {
            return Collections.unmodifiableSet(classes.keySet());
        }
    }

    private final List<Unit> units = new ArrayList<>();
    private final Map<String, Unit> firstDefinition = new HashMap<>();
    private final Map<String, List<Unit>> allDefinitions = new HashMap<>();

    /** A class path entry to index: a directory (the function's classes) or a jar. */
    public record Source(String label, Kind kind, Path path, JarRecord jar) {}

    public static ClassIndex build(List<Source> sources) throws IOException {
        ClassIndex idx = new ClassIndex();
        try {
            for (Source s : sources) {
                idx.add(s);
            }
        } catch (IOException | RuntimeException e) {
            idx.close();
            throw e;
        }
        return idx;
    }

    private void add(Source s) throws IOException {
        Unit u;
        if (Files.isDirectory(s.path())) {
            u = new Unit(units.size(), s.label(), s.kind(), s.path(), s.jar(), directoryBytes(s.path()));
            indexDirectory(u);
        } else {
            u = new Unit(units.size(), s.label(), s.kind(), s.path(), s.jar(), Files.size(s.path()));
            u.zip = new ZipFile(s.path().toFile());
            indexJar(u);
        }
        units.add(u);
        for (String c : u.classes.keySet()) {
            firstDefinition.putIfAbsent(c, u);
            allDefinitions.computeIfAbsent(c, k -> new ArrayList<>(1)).add(u);
        }
    }

    /** The function's own classes and resources, without lib/ (whose jars are units of their own). */
    private static long directoryBytes(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p ->
                            !dir.relativize(p).toString().replace('\\', '/').startsWith("lib/"))
                    .mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .sum();
        }
    }

    private void indexDirectory(Unit u) throws IOException {
        try (Stream<Path> s = Files.walk(u.path)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String name = u.path.relativize(p).toString().replace('\\', '/');
                if (name.startsWith("lib/")) {
                    continue;
                }
                if (isClassEntry(name)) {
                    CRC32 crc = new CRC32();
                    crc.update(Files.readAllBytes(p));
                    u.classes.put(name.substring(0, name.length() - 6), crc.getValue());
                } else if (isServiceEntry(name)) {
                    try (InputStream in = Files.newInputStream(p)) {
                        u.services.put(name.substring("META-INF/services/".length()), providers(in));
                    }
                }
            }
        }
    }

    private void indexJar(Unit u) throws IOException {
        Enumeration<? extends ZipEntry> en = u.zip.entries();
        while (en.hasMoreElements()) {
            ZipEntry e = en.nextElement();
            String name = e.getName();
            if (e.isDirectory()) {
                continue;
            }
            if (isClassEntry(name)) {
                u.classes.put(name.substring(0, name.length() - 6), e.getCrc());
            } else if (isServiceEntry(name)) {
                try (InputStream in = u.zip.getInputStream(e)) {
                    u.services.put(name.substring("META-INF/services/".length()), providers(in));
                }
            }
        }
    }

    private static boolean isClassEntry(String name) {
        return name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class");
    }

    private static boolean isServiceEntry(String name) {
        return name.startsWith("META-INF/services/") && name.indexOf('/', "META-INF/services/".length()) < 0;
    }

    private static List<String> providers(InputStream in) throws IOException {
        List<String> out = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = r.readLine()) != null; ) {
            int hash = line.indexOf('#');
            String p = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    public List<Unit> units() {
        return Collections.unmodifiableList(units);
    }

    /** The unit the JVM would load {@code internalName} from, or {@code null} (a JDK class, or missing). */
    public Unit definingUnit(String internalName) {
        return firstDefinition.get(internalName);
    }

    public List<Unit> definitions(String internalName) {
        return allDefinitions.getOrDefault(internalName, List.of());
    }

    public Map<String, List<Unit>> allDefinitions() {
        return Collections.unmodifiableMap(allDefinitions);
    }

    long crc(Unit u, String internalName) {
        return u.classes.getOrDefault(internalName, -1L);
    }

    public byte[] bytes(Unit u, String internalName) throws IOException {
        String entry = internalName + ".class";
        if (u.zip != null) {
            ZipEntry e = u.zip.getEntry(entry);
            try (InputStream in = u.zip.getInputStream(e)) {
                return in.readAllBytes();
            }
        }
        return Files.readAllBytes(u.path.resolve(entry));
    }

    /** Providers registered for a service (binary name), over all units, in class path order. */
    public List<String> providersOf(String serviceBinaryName) {
        List<String> out = new ArrayList<>();
        for (Unit u : units) {
            out.addAll(u.services.getOrDefault(serviceBinaryName, List.of()));
        }
        return out;
    }

    public java.util.Set<String> serviceTypes() {
        java.util.Set<String> all = new java.util.TreeSet<>();
        units.forEach(u -> all.addAll(u.services.keySet()));
        return all;
    }

    @Override
    public void close() throws IOException {
        for (Unit u : units) {
            if (u.zip != null) {
                u.zip.close();
            }
        }
    }
}
