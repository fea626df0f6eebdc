import java.util.zip.CRC32
import java.util.zip.ZipEntry
import java.util.zip.ZipOutputStream

support = evaluate(new File(itSupport))
// 51 MiB of seeded random bytes, STORED: a jar that neither stripping nor deflate can make smaller.
byte[] data = new byte[51 * 1024 * 1024]
new Random(42).nextBytes(data)
ByteArrayOutputStream jar = new ByteArrayOutputStream(data.length + 1024)
new ZipOutputStream(jar).withCloseable { zout ->
    ZipEntry e = new ZipEntry('data/model.bin')
    e.method = ZipEntry.STORED
    e.size = data.length
    CRC32 crc = new CRC32()
    crc.update(data)
    e.crc = crc.value
    zout.putNextEntry(e)
    zout.write(data)
    zout.closeEntry()
}
support.installFake('dev.lambdadeploy.it.big', 'big-data', '1.0', jar.toByteArray())
return true
