package dev.lambdadeploy.analyze;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Static reachability over a {@link ClassIndex}, from the handler class and the keep-list. Edges: every type a reached
 * class names; string constants of reached classes that name a class on the class path ({@code Class.forName},
 * reflection-driven frameworks); and {@code META-INF/services} providers, which become roots as soon as their service
 * type is reached, or, for JDK service types, when a reached class uses the JDK class that loads them (e.g.
 * {@code java.sql.DriverManager} loads every {@code java.sql.Driver}). JDK service types the JDK only loads when
 * configured ({@code java.security.Provider}) or that only build tools read (annotation processors) are not followed.
 * Classes of the runtime's own jars are resolved there and not followed, as the runtime's class loader is the parent.
 */
public final class Reachability {
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z_$][\\w$]*([./][A-Za-z_$][\\w$]*)+");
    /**
     * Service types a running function never loads through ServiceLoader by merely using their type: build-tool
     * services, and security providers (the JDK installs only those listed in java.security).
     */
    private static final Set<String> NEVER_LOADED_SERVICES =
            Set.of("javax.annotation.processing.Processor", "java.security.Provider");
    /** JDK classes that load the providers of a JDK service type themselves (internal names). */
    private static final Map<String, String> JDK_SERVICE_TRIGGERS = Map.ofEntries(
            Map.entry("java/sql/DriverManager", "java.sql.Driver"),
            Map.entry("java/nio/file/FileSystems", "java.nio.file.spi.FileSystemProvider"),
            Map.entry("java/nio/file/spi/FileSystemProvider", "java.nio.file.spi.FileSystemProvider"),
            Map.entry("java/nio/charset/Charset", "java.nio.charset.spi.CharsetProvider"),
            Map.entry("java/time/ZoneId", "java.time.zone.ZoneRulesProvider"),
            Map.entry("java/lang/System$Logger", "java.lang.System$LoggerFinder"),
            Map.entry("javax/script/ScriptEngineManager", "javax.script.ScriptEngineFactory"),
            Map.entry("javax/imageio/ImageIO", "javax.imageio.spi.ImageReaderSpi"),
            Map.entry("javax/naming/InitialContext", "javax.naming.spi.InitialContextFactory"),
            Map.entry("org/xml/sax/helpers/XMLReaderFactory", "org.xml.sax.driver"));

    /** How a class became reachable: from {@code via}, for {@code reason} ({@code root}, {@code reference}, ...). */
    public record Edge(String via, String reason) {}

    public record Result(
            Map<String, Edge> reached,
            Set<String> external,
            Map<ClassIndex.Unit, Set<String>> reachedByUnit,
            Map<String, Set<String>> snapStartHazards,
            List<String> missingRoots) {

        /** The chain root -> ... -> {@code cls} in binary names, at most {@code max} long (the tail is kept). */
        public List<String> chain(String cls, int max) {
            List<String> out = new ArrayList<>();
            String cur = cls;
            Set<String> seen = new HashSet<>();
            while (cur != null && seen.add(cur)) {
                out.add(0, cur.replace('/', '.'));
                Edge e = reached.get(cur);
                cur = e == null ? null : e.via();
            }
            return out.size() <= max ? out : out.subList(out.size() - max, out.size());
        }

        public int reachedIn(ClassIndex.Unit u) {
            return reachedByUnit.getOrDefault(u, Set.of()).size();
        }
    }

    private final ClassIndex index;
    private final Map<String, Edge> reached = new LinkedHashMap<>();
    private final Deque<String> queue = new ArrayDeque<>();
    private final Set<String> external = new LinkedHashSet<>();
    private final Set<String> activatedServices = new HashSet<>();
    private final Map<String, Set<String>> hazards = new LinkedHashMap<>();
    private boolean followServices = true;

    private Reachability(ClassIndex index) {
        this.index = index;
    }

    /**
     * @param roots binary or internal class names (the handler class first)
     * @param keep  keep-list patterns: {@code com.x.Foo}, {@code com.x.*} (package), {@code com.x.**} (subpackages),
     *              or {@code groupId:artifactId} (every class of that jar)
     */
    public static Result analyze(ClassIndex index, List<String> roots, List<String> keep) throws IOException {
        return analyze(index, roots, keep, true);
    }

    /** With {@code followServices=false}: only what the code references itself (to tell service-only jars apart). */
    public static Result analyze(ClassIndex index, List<String> roots, List<String> keep, boolean followServices)
            throws IOException {
        Reachability r = new Reachability(index);
        r.followServices = followServices;
        List<String> missing = new ArrayList<>();
        for (String root : roots) {
            String n = root.replace('.', '/');
            if (index.definingUnit(n) == null) {
                missing.add(root);
            }
            r.enqueue(n, null, "root");
        }
        for (String k : keep) {
            r.keep(k);
        }
        r.run();
        Map<ClassIndex.Unit, Set<String>> byUnit = new LinkedHashMap<>();
        for (String c : r.reached.keySet()) {
            ClassIndex.Unit u = index.definingUnit(c);
            if (u != null) {
                byUnit.computeIfAbsent(u, x -> new LinkedHashSet<>()).add(c);
            }
        }
        return new Result(Collections.unmodifiableMap(r.reached), r.external, byUnit, r.hazards, missing);
    }

    private void keep(String pattern) {
        String p = pattern.trim();
        if (p.isEmpty()) {
            return;
        }
        for (ClassIndex.Unit u : index.units()) {
            if (p.contains(":")) {
                if (u.jar != null && p.equals(u.jar.groupId() + ":" + u.jar.artifactId())) {
                    u.classNames().forEach(c -> enqueue(c, null, "keep " + p));
                }
                continue;
            }
            String internal = p.replace('.', '/');
            for (String c : u.classNames()) {
                if (matches(internal, c)) {
                    enqueue(c, null, "keep " + p);
                }
            }
        }
    }

    static boolean matches(String pattern, String internalName) {
        if (pattern.endsWith("/**")) {
            return internalName.startsWith(pattern.substring(0, pattern.length() - 2));
        }
        if (pattern.endsWith("/*")) {
            String pkg = pattern.substring(0, pattern.length() - 1);
            return internalName.startsWith(pkg) && internalName.indexOf('/', pkg.length()) < 0;
        }
        return pattern.equals(internalName);
    }

    private void enqueue(String cls, String via, String reason) {
        if (cls == null || reached.containsKey(cls)) {
            return;
        }
        reached.put(cls, new Edge(via, reason));
        queue.add(cls);
    }

    private void run() throws IOException {
        while (!queue.isEmpty()) {
            String c = queue.poll();
            ClassIndex.Unit u = index.definingUnit(c);
            if (u == null) {
                external.add(c);
                activateService(c);
                String triggered = JDK_SERVICE_TRIGGERS.get(c);
                if (triggered != null) {
                    activateService(triggered.replace('.', '/'));
                }
                continue;
            }
            activateService(c);
            if (u.kind == ClassIndex.Kind.RUNTIME) {
                continue;
            }
            BytecodeScanner.Refs refs = BytecodeScanner.scan(index.bytes(u, c));
            for (String t : refs.types()) {
                enqueue(t, c, "reference");
            }
            for (String s : refs.strings()) {
                if (s.length() < 256 && CLASS_NAME.matcher(s).matches()) {
                    String n = s.replace('.', '/');
                    if (index.definingUnit(n) != null) {
                        enqueue(n, c, "string constant");
                    }
                }
            }
            if (!refs.snapStartHazards().isEmpty()) {
                hazards.put(c.replace('/', '.'), refs.snapStartHazards());
            }
        }
    }

    /** Providers of a service whose type {@code internalName} has just been reached. */
    private void activateService(String internalName) {
        String binary = internalName.replace('/', '.');
        if (!followServices || NEVER_LOADED_SERVICES.contains(binary) || !activatedServices.add(binary)) {
            return;
        }
        for (String p : index.providersOf(binary)) {
            enqueue(p.replace('.', '/'), internalName, "ServiceLoader " + binary);
        }
    }
}
