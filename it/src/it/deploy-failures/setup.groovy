// A 51 MB jar of random (incompressible) bytes, installed into the IT repository for the 'big' profile.
import java.util.zip.ZipEntry
import java.util.zip.ZipOutputStream

support = evaluate(new File(itSupport))
ByteArrayOutputStream jar = new ByteArrayOutputStream()
new ZipOutputStream(jar).withCloseable { zout ->
    zout.level = 0
    zout.putNextEntry(new ZipEntry('blob/data.bin'))
    byte[] chunk = new byte[1024 * 1024]
    Random random = new Random(7)
    51.times {
        random.nextBytes(chunk)
        zout.write(chunk)
    }
    zout.closeEntry()
}
support.installFake('dev.lambdadeploy.it.fake', 'big-blob', '1.0', jar.toByteArray())
return true
