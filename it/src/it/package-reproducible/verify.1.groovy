// Keep the first build's outputs (outside target/) for the comparison in verify.groovy.
import java.nio.file.Files
import java.nio.file.StandardCopyOption

File out = new File(basedir, 'target/lambda')
assert new File(out, 'function.zip').isFile()
File saved = new File(basedir, 'first-build')
out.eachFileRecurse { File f ->
    if (f.isFile()) {
        File target = new File(saved, out.toPath().relativize(f.toPath()).toString())
        target.parentFile.mkdirs()
        Files.copy(f.toPath(), target.toPath(), StandardCopyOption.REPLACE_EXISTING)
    }
}
return true
