// A moto role for the function, and a Lambda-like base image (entrypoint, /var/task, Lambda's environment) built
// offline by Jib and pushed to the IT build's docker-registry, since the tests have no internet.
import com.google.cloud.tools.jib.api.Containerizer
import com.google.cloud.tools.jib.api.Jib
import com.google.cloud.tools.jib.api.RegistryImage
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer
import com.google.cloud.tools.jib.api.buildplan.FilePermissions
import com.google.cloud.tools.jib.api.buildplan.Platform
import java.nio.file.Files
import java.time.Instant

aws = evaluate(new File(awsSupport))
aws.createRole('it-image-role')

def work = new File(basedir, 'target/base-image').toPath()
Files.createDirectories(work)
def entrypoint = work.resolve('lambda-entrypoint.sh')
Files.writeString(entrypoint, '#!/bin/sh\nexec /var/lang/bin/java "$@"\n')
def t = Instant.parse('2025-01-01T00:00:00Z')
Jib.fromScratch()
        .setPlatforms([new Platform('amd64', 'linux')] as Set)
        .addFileEntriesLayer(FileEntriesLayer.builder().setName('runtime')
                .addEntry(entrypoint, AbsoluteUnixPath.get('/lambda-entrypoint.sh'), FilePermissions.fromOctalString('755'), t)
                .build())
        .setEntrypoint('/lambda-entrypoint.sh')
        .setWorkingDirectory(AbsoluteUnixPath.get('/var/task'))
        .setEnvironment([LAMBDA_TASK_ROOT: '/var/task', LAMBDA_RUNTIME_DIR: '/var/runtime'])
        .setCreationTime(t)
        .containerize(Containerizer.to(RegistryImage.named(registryHost + '/lambda/java:21'))
                .setAllowInsecureRegistries(true)
                .setBaseImageLayersCache(work.resolve('cache'))
                .setApplicationLayersCache(work.resolve('cache')))
return true
