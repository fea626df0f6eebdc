// Makes a second checkout of this project at another path, with other file times and permissions.
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.FileTime
import java.nio.file.attribute.PosixFilePermissions

Path source = basedir.toPath()
Path copy = source.resolve('second-checkout/at/a/different/path')
Files.createDirectories(copy)
// the copy is deeper: point its <relativePath> at the same it-parent
String parentPath = copy.relativize(source.resolveSibling('it-parent').resolve('pom.xml')).toString()
String pom = source.resolve('pom.xml').toFile().getText('UTF-8')
assert pom.contains('<relativePath>../it-parent/pom.xml</relativePath>')
copy.resolve('pom.xml').toFile().setText(pom.replace('<relativePath>../it-parent/pom.xml</relativePath>',
        "<relativePath>${parentPath}</relativePath>"), 'UTF-8')
Path src = source.resolve('src')
Files.walk(src).forEach { Path p ->
    Path target = copy.resolve(source.relativize(p).toString())
    if (Files.isDirectory(p)) {
        Files.createDirectories(target)
    } else {
        Files.copy(p, target)
    }
}
FileTime old = FileTime.from(java.time.Instant.parse('2001-02-03T04:05:06Z'))
Files.walk(copy).sorted(Comparator.reverseOrder()).forEach { Path p ->
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? 'rwxr-x---' : 'rw-------'))
    Files.setLastModifiedTime(p, old)
}
return true
