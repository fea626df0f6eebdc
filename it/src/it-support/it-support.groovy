/*
 * Shared helpers for the invoker verify/setup scripts. Load it at the top of a script with
 *     support = evaluate(new File(itSupport))   // no "def": a binding variable, visible in script methods too
 * (`itSupport` is a script variable set in it/pom.xml). The script's binding supplies basedir,
 * localRepositoryPath and pluginVersion.
 */
import groovy.json.JsonSlurper

import java.nio.file.Files
import java.security.MessageDigest
import java.util.zip.ZipEntry
import java.util.zip.ZipFile
import java.util.zip.ZipInputStream
import java.util.zip.ZipOutputStream

class ItSupport {
    static final String PLUGIN_GA = 'dev.lambdadeploy:lambda-deploy-maven-plugin'

    final File basedir
    final File localRepo
    final String pluginVersion

    ItSupport(File basedir, File localRepo, String pluginVersion) {
        this.basedir = basedir
        this.localRepo = localRepo
        this.pluginVersion = pluginVersion
    }

    // ---------------------------------------------------------------- files

    File file(String path) {
        File f = new File(basedir, path)
        assert f.isFile(): "expected file ${f}"
        f
    }

    File lambdaDir(String module = null) {
        File dir = new File(module ? new File(basedir, module) : basedir, 'target/lambda')
        assert dir.isDirectory(): "expected output directory ${dir}"
        dir
    }

    Map manifest(String module = null) {
        File f = new File(lambdaDir(module), 'lambda-package.json')
        assert f.isFile(): "expected manifest ${f}"
        return (Map) new JsonSlurper().parse(f)
    }

    File repoFile(String groupId, String artifactId, String version, String classifier = null, String ext = 'jar') {
        new File(localRepo, "${groupId.replace('.', '/')}/${artifactId}/${version}/"
                + "${artifactId}-${version}${classifier ? '-' + classifier : ''}.${ext}")
    }

    // ---------------------------------------------------------------- hashes

    static byte[] sha256(byte[] bytes) {
        MessageDigest.getInstance('SHA-256').digest(bytes)
    }

    static String sha256Hex(File f) {
        sha256(f.bytes).encodeHex().toString()
    }

    static String sha256Hex(byte[] bytes) {
        sha256(bytes).encodeHex().toString()
    }

    /** SHA-256 (hex) of every *.zip under dir, keyed by the path relative to dir. */
    static Map<String, String> zipHashes(File dir) {
        Map<String, String> h = new TreeMap<>()
        dir.eachFileRecurse { File f ->
            if (f.isFile() && f.name.endsWith('.zip')) {
                h[dir.toPath().relativize(f.toPath()).toString()] = sha256Hex(f)
            }
        }
        h
    }

    /** What AWS reports as CodeSha256: base64 of the raw SHA-256 of the zip. */
    static String codeSha256(File f) {
        sha256(f.bytes).encodeBase64().toString()
    }

    // ---------------------------------------------------------------- zips

    static List<String> entryNames(File zip) {
        new ZipFile(zip).withCloseable { zf -> zf.entries().collect { it.name } }
    }

    static List<String> fileEntryNames(File zip) {
        entryNames(zip).findAll { !it.endsWith('/') }
    }

    static List<ZipEntry> entries(File zip) {
        new ZipFile(zip).withCloseable { zf -> zf.entries().collect { it } }
    }

    static byte[] entryBytes(File zip, String name) {
        new ZipFile(zip).withCloseable { zf ->
            ZipEntry e = zf.getEntry(name)
            assert e != null: "${zip.name} has no entry ${name}; it has ${zf.entries().collect { it.name }}"
            zf.getInputStream(e).withCloseable { it.bytes }
        }
    }

    /** Entry names of a jar stored inside a zip (e.g. java/lib/x.jar inside a layer). */
    static List<String> nestedEntryNames(File zip, String jarEntry) {
        nestedEntryNames(entryBytes(zip, jarEntry))
    }

    static List<String> nestedEntryNames(byte[] jarBytes) {
        List<String> names = []
        new ZipInputStream(new ByteArrayInputStream(jarBytes)).withCloseable { zin ->
            ZipEntry e
            while ((e = zin.nextEntry) != null) {
                names << e.name
            }
        }
        names
    }

    static Map<String, byte[]> nestedEntryContents(byte[] jarBytes) {
        Map<String, byte[]> contents = [:]
        new ZipInputStream(new ByteArrayInputStream(jarBytes)).withCloseable { zin ->
            ZipEntry e
            while ((e = zin.nextEntry) != null) {
                contents[e.name] = zin.readAllBytes()  // not zin.bytes: Groovy closes the stream
            }
        }
        contents
    }

    static void unzip(File zip, File target) {
        new ZipFile(zip).withCloseable { zf ->
            zf.entries().each { ZipEntry e ->
                File out = new File(target, e.name).canonicalFile
                assert out.path.startsWith(target.canonicalPath): "entry escapes target: ${e.name}"
                if (e.directory) {
                    out.mkdirs()
                } else {
                    out.parentFile.mkdirs()
                    zf.getInputStream(e).withCloseable { ins -> Files.copy(ins, out.toPath()) }
                }
            }
        }
    }

    /** Writes a jar; entries maps entry name -> content (String or byte[]). Names are written verbatim. */
    static void writeJar(File jar, Map<String, Object> entries) {
        jar.parentFile.mkdirs()
        new ZipOutputStream(new FileOutputStream(jar)).withCloseable { zout ->
            entries.each { String name, Object content ->
                zout.putNextEntry(new ZipEntry(name))
                zout.write(content instanceof byte[] ? (byte[]) content : content.toString().getBytes('UTF-8'))
                zout.closeEntry()
            }
        }
    }

    /** Puts a jar + minimal POM into the IT local repository, as if installed there. */
    void installFake(String groupId, String artifactId, String version, byte[] jarBytes) {
        File jar = repoFile(groupId, artifactId, version)
        jar.parentFile.mkdirs()
        jar.bytes = jarBytes
        repoFile(groupId, artifactId, version, null, 'pom').text = """<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>${groupId}</groupId>
  <artifactId>${artifactId}</artifactId>
  <version>${version}</version>
</project>
"""
    }

    /**
     * Checks a zip record of the manifest (function or layer) against the file it describes:
     * size, CodeSha256, entry count and unzipped size.
     */
    File checkZipRecord(Map rec, File lambdaDir) {
        assert rec.path instanceof String: "record without path: ${rec}"
        File zip = new File(lambdaDir, rec.path as String)
        assert zip.isFile(): "manifest names ${rec.path} but ${zip} does not exist"
        assert rec.zippedBytes == zip.length(): "zippedBytes of ${rec.path}"
        assert rec.codeSha256 == codeSha256(zip): "codeSha256 of ${rec.path} must be base64(sha256(file))"
        List<ZipEntry> all = entries(zip)
        assert rec.entryCount == all.size(): "entryCount of ${rec.path}"
        assert rec.unzippedBytes == all.sum(0L) { it.size }: "unzippedBytes of ${rec.path}"
        assert rec.reused instanceof Boolean
        zip
    }

    /** The manifest's jar record for groupId:artifactId (exactly one). */
    static Map jar(Map manifest, String groupId, String artifactId) {
        List matches = manifest.jars.findAll { it.groupId == groupId && it.artifactId == artifactId }
        assert matches.size() == 1: "expected one jar record for ${groupId}:${artifactId} in ${manifest.jars*.artifactId}"
        return (Map) matches[0]
    }

    static Map layer(Map manifest, String name) {
        List matches = manifest.layers.findAll { it.name == name }
        assert matches.size() == 1: "expected one layer named ${name}, manifest has ${manifest.layers*.name}"
        return (Map) matches[0]
    }

    // ---------------------------------------------------------------- build.log

    String buildLog() {
        file('build.log').getText('UTF-8').replaceAll(/\u001B\[[;\d]*m/, '')
    }

    /** True when build.log (or the given part) shows lambda:package starting (for the given artifactId). */
    boolean packageExecuted(String artifactId, String log = buildLog()) {
        log.readLines().any { it ==~ /^\[INFO\] --- (?:lambda|lambda-deploy-maven-plugin):[^:]+:package \(.*\) @ ${artifactId} ---.*/ }
    }

    /** Lines printed while lambda:package ran (the section after its "--- lambda:...:package" header). */
    List<String> packageExecutionLines(String artifactId = null, String log = buildLog()) {
        List<String> section = []
        boolean inside = false
        log.readLines().each { String line ->
            def header = line =~ /^\[INFO\] --- (?:lambda|lambda-deploy-maven-plugin):[^:]+:package \(.*\) @ (\S+) ---/
            if (header.find()) {
                inside = artifactId == null || header.group(1) == artifactId
                return
            }
            if (line.startsWith('[INFO] --- ') || line.startsWith('[INFO] -----') || line.startsWith('[INFO] BUILD ')) {
                inside = false
            }
            if (inside) {
                section << line
            }
        }
        section
    }

    /** build.log split per Maven invocation (the ITs run with showVersion, so each starts with the banner). */
    List<String> invocationLogs() {
        List<String> parts = []
        StringBuilder current = null
        buildLog().readLines().each { String line ->
            if (line ==~ /^Apache Maven \d.*/) {
                if (current != null) {
                    parts << current.toString()
                }
                current = new StringBuilder()
            }
            if (current != null) {
                current.append(line).append('\n')
            }
        }
        if (current != null) {
            parts << current.toString()
        }
        parts
    }

    /**
     * Asserts the build (or the given part of build.log) failed in lambda:package and that every fragment occurs
     * in what it reported as errors: the "Failed to execute goal" message and any [ERROR] line.
     * Returns that error text.
     */
    String assertPackageFailure(List<String> fragments, String log = buildLog()) {
        assertGoalFailure('package', fragments, log)
    }

    /** The same for any goal of the plugin (e.g. 'deploy'). */
    String assertGoalFailure(String goal, List<String> fragments, String log = buildLog()) {
        assert log.contains('BUILD FAILURE'): "the build must fail, log:\n${tail(log)}"
        int start = log.indexOf("Failed to execute goal ${PLUGIN_GA}:${pluginVersion}:${goal}")
        assert start >= 0: "the build must fail in ${PLUGIN_GA}:${pluginVersion}:${goal}, log:\n${tail(log)}"
        int end = log.indexOf('-> [Help', start)
        String failure = log.substring(start, end > 0 ? end : log.length())
        String errors = failure + '\n' + log.readLines().findAll { it.startsWith('[ERROR]') }.join('\n')
        fragments.each { fragment ->
            assert errors.contains(fragment): "error output must mention '${fragment}', it is:\n${errors}"
        }
        errors
    }

    static String tail(String text, int lines = 60) {
        List<String> all = text.readLines()
        all.subList(Math.max(0, all.size() - lines), all.size()).join('\n')
    }

    // ---------------------------------------------------------------- processes

    static String run(File dir, List<String> command, Map<String, String> env = [:]) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir).redirectErrorStream(true)
        pb.environment().putAll(env)
        Process p = pb.start()
        p.outputStream.close()
        String out = p.inputStream.getText('UTF-8')
        int rc = p.waitFor()
        assert rc == 0: "${command.join(' ')} exited with ${rc}:\n${out}"
        out
    }
}

new ItSupport(basedir as File, localRepositoryPath as File, pluginVersion as String)
