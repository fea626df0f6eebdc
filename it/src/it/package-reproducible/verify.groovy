// The zips of three builds must be byte-identical.
import java.time.Instant

support = evaluate(new File(itSupport))

Map<String, String> hashes(File dir) {
    Map<String, String> h = new TreeMap<>()
    dir.eachFileRecurse { File f ->
        if (f.isFile() && f.name.endsWith('.zip')) {
            h[dir.toPath().relativize(f.toPath()).toString()] = support.sha256Hex(f)
        }
    }
    h
}

File first = new File(basedir, 'first-build')
File relocated = new File(basedir, 'second-checkout/at/a/different/path/target/lambda')
File rebuilt = new File(basedir, 'target/lambda')

Map<String, String> firstHashes = hashes(first)
assert firstHashes.keySet() == ['function.zip', 'layers/repro-function.zip'] as Set
assert hashes(relocated) == firstHashes: 'clean build at another path/time zone/locale must give identical zips'
assert hashes(rebuilt) == firstHashes: 'an incremental rebuild must give identical zips'

// The manifests agree on CodeSha256 and sizes, and the CodeSha256 is that of the files.
Map m1 = new groovy.json.JsonSlurper().parse(new File(first, 'lambda-package.json'))
Map m2 = support.manifest('second-checkout/at/a/different/path')
for (Map m : [m1, m2]) {
    assert m.function.codeSha256 == support.codeSha256(new File(first, 'function.zip'))
    assert m.layers.find { it.name == 'repro-function' }.codeSha256 == support.codeSha256(new File(first, 'layers/repro-function.zip'))
}
assert m2.jars.collect { [it.zipEntry, it.finalBytes] } as Set == m1.jars.collect { [it.zipEntry, it.finalBytes] } as Set

// Entry times come from project.build.outputTimestamp (2024-06-15T12:00:00Z), not from the clock or the files.
long expected = Instant.parse('2024-06-15T12:00:00Z').toEpochMilli()
long tolerance = 26L * 3600 * 1000 // DOS times are local times; allow any zone offset
for (String name : ['function.zip', 'layers/repro-function.zip']) {
    List times = support.entries(new File(first, name))*.time
    assert times.every { Math.abs(it - expected) <= tolerance }: "${name}: entry times ${times.unique()}"
}
File fnZip = new File(first, 'function.zip')
assert support.fileEntryNames(fnZip).containsAll(['com/example/repro/ReproHandler.class',
        'com/example/repro/ReproHandler$Nested.class', 'templates/reply.json', 'templates/unicode.txt'])
return true
