// After the first clean build: check entry times and CodeSha256, then keep the zips (outside target/).
import java.nio.file.Files
import java.nio.file.StandardCopyOption
import java.time.Instant

support = evaluate(new File(itSupport))
File out = support.lambdaDir()
Map m = support.manifest()
assert support.zipHashes(out).keySet() == ['function.zip', 'layers/repro-function.zip'] as Set
assert m.function.codeSha256 == support.codeSha256(new File(out, 'function.zip'))
assert support.layer(m, 'repro-function').codeSha256 == support.codeSha256(new File(out, 'layers/repro-function.zip'))

// Entry times come from project.build.outputTimestamp (2024-06-15T12:00:00Z), not from the clock or the files.
long expected = Instant.parse('2024-06-15T12:00:00Z').toEpochMilli()
long tolerance = 26L * 3600 * 1000 // DOS times are local times; allow any zone offset
for (String name : ['function.zip', 'layers/repro-function.zip']) {
    List times = support.entries(new File(out, name))*.time
    assert times.every { Math.abs(it - expected) <= tolerance }: "${name}: entry times ${times.unique()}"
}
assert support.fileEntryNames(new File(out, 'function.zip')).containsAll(['com/example/repro/ReproHandler.class',
        'com/example/repro/ReproHandler$Nested.class', 'templates/reply.json', 'templates/unicode.txt'])

File saved = new File(basedir, 'first-build')
out.eachFileRecurse { File f ->
    if (f.isFile()) {
        File target = new File(saved, out.toPath().relativize(f.toPath()).toString())
        target.parentFile.mkdirs()
        Files.copy(f.toPath(), target.toPath(), StandardCopyOption.REPLACE_EXISTING)
    }
}
return true
