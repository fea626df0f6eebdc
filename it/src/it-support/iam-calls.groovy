// The AWS calls an IT's Maven builds made, as moto_server logged them, as IAM authorizations (action + resource),
// and whether an IAM policy document allows them. Used as: calls = evaluate(new File(iamCalls)); then
// calls.requests(motoLog, 'it-pipeline') and calls.allows(policy, action, resource).
// moto logs each request line ("PUT /bucket/key?query HTTP/1.1" status); Lambda's REST paths and S3's path-style
// paths name the resource. Requests whose line names no resource of the IT (STS, SSM, CreateFunction: POST /...)
// cannot be told apart from other ITs' on the shared moto and are left out.

class IamCalls {
    static final String ACCOUNT = '123456789012'

    /** [line, action, resource] for every logged request whose path contains {@code marker}. */
    List<Map> requests(File motoLog, String marker, String region) {
        List<Map> out = []
        motoLog.eachLine { String line ->
            def m = line =~ /"([A-Z]+) (\S+) HTTP\/[\d.]+" (\d{3})/
            if (!m.find()) {
                return
            }
            String method = m.group(1)
            String target = URLDecoder.decode(m.group(2), 'UTF-8')
            if (!target.contains(marker)) {
                return
            }
            Map auth = authorization(method, target, region)
            out << [line: line, action: auth?.action, resource: auth?.resource, status: m.group(3) as int]
        }
        out
    }

    /** The IAM action and resource ARN of one Lambda or S3 request; null when it is neither. */
    Map authorization(String method, String target, String region) {
        String path = target.contains('?') ? target.substring(0, target.indexOf('?')) : target
        String query = target.contains('?') ? target.substring(target.indexOf('?') + 1) : ''
        Closure<String> fn = { String name -> "arn:aws:lambda:${region}:${ACCOUNT}:function:${name}".toString() }
        def f = path =~ /^\/2015-03-31\/functions\/([^\/]+)(\/.*)?$/
        if (f.matches()) {
            String name = f.group(1)
            String rest = f.group(2) ?: ''
            String action = [
                    ['GET', '']              : 'GetFunction',
                    ['DELETE', '']           : 'DeleteFunction',
                    ['GET', '/configuration']: 'GetFunctionConfiguration',
                    ['PUT', '/configuration']: 'UpdateFunctionConfiguration',
                    ['PUT', '/code']         : 'UpdateFunctionCode',
                    ['POST', '/versions']    : 'PublishVersion',
                    ['GET', '/versions']     : 'ListVersionsByFunction',
                    ['GET', '/aliases']      : 'ListAliases',
                    ['POST', '/aliases']     : 'CreateAlias',
            ][[method, rest]]
            if (action == null && rest.startsWith('/aliases/')) {
                action = [GET: 'GetAlias', PUT: 'UpdateAlias', DELETE: 'DeleteAlias'][method]
            }
            return action == null ? null : [action: 'lambda:' + action, resource: fn(name)]
        }
        if (path == '/2015-03-31/functions' || path == '/2015-03-31/functions/') {
            return [action: method == 'POST' ? 'lambda:CreateFunction' : 'lambda:ListFunctions', resource: '*']
        }
        def t = path =~ /^\/2017-03-31\/tags\/(.+)$/
        if (t.matches()) {
            return [action: 'lambda:' + [GET: 'ListTags', POST: 'TagResource', DELETE: 'UntagResource'][method],
                    resource: t.group(1)]
        }
        def l = path =~ /^\/2018-10-31\/layers\/([^\/]+)\/versions(?:\/(\d+))?(\/policy(?:\/.*)?)?$/
        if (l.matches()) {
            String layer = "arn:aws:lambda:${region}:${ACCOUNT}:layer:${l.group(1)}"
            if (l.group(2) == null) {
                return method == 'POST' ? [action: 'lambda:PublishLayerVersion', resource: layer]
                        : [action: 'lambda:ListLayerVersions', resource: '*']
            }
            String version = layer + ':' + l.group(2)
            if (l.group(3) != null) {
                return [action: 'lambda:' + [GET: 'GetLayerVersionPolicy', POST: 'AddLayerVersionPermission',
                                             DELETE: 'RemoveLayerVersionPermission'][method], resource: version]
            }
            return [action: method == 'DELETE' ? 'lambda:DeleteLayerVersion' : 'lambda:GetLayerVersion',
                    resource: version]
        }
        if (path.startsWith('/20')) {
            return null // another Lambda API: reported as unmapped
        }
        // S3, path-style: /bucket or /bucket/key
        def s = path =~ /^\/([^\/]+)(?:\/(.+))?$/
        if (!s.matches()) {
            return null
        }
        String bucket = "arn:aws:s3:::${s.group(1)}"
        if (s.group(2) != null) {
            String object = bucket + '/' + s.group(2)
            String action = [HEAD: 's3:GetObject', GET: 's3:GetObject', PUT: 's3:PutObject', POST: 's3:PutObject',
                             DELETE: query.contains('uploadId') ? 's3:AbortMultipartUpload' : 's3:DeleteObject'][method]
            return [action: action, resource: object]
        }
        Map<String, Map<String, String>> bucketActions = [
                publicAccessBlock: [PUT: 's3:PutBucketPublicAccessBlock', GET: 's3:GetBucketPublicAccessBlock'],
                ownershipControls: [PUT: 's3:PutBucketOwnershipControls', GET: 's3:GetBucketOwnershipControls'],
                encryption       : [PUT: 's3:PutEncryptionConfiguration', GET: 's3:GetEncryptionConfiguration'],
                policy           : [PUT: 's3:PutBucketPolicy', GET: 's3:GetBucketPolicy'],
                lifecycle        : [PUT: 's3:PutLifecycleConfiguration', GET: 's3:GetLifecycleConfiguration']]
        String sub = query.split('&')[0].split('=')[0]
        if (bucketActions.containsKey(sub)) {
            return [action: bucketActions[sub][method], resource: bucket]
        }
        return [action: [HEAD: 's3:ListBucket', GET: 's3:ListBucket', PUT: 's3:CreateBucket'][method],
                resource: bucket]
    }

    /** Whether an Allow statement of the policy document covers the action on the resource (wildcards * and ?). */
    boolean allows(Map policy, String action, String resource) {
        List statements = policy.Statement instanceof List ? policy.Statement : [policy.Statement]
        statements.any { Map st ->
            st.Effect == 'Allow' && list(st.Action).any { glob(it, action) } && list(st.Resource).any { glob(it, resource) }
        }
    }

    private static List list(Object o) {
        o instanceof List ? o : [o]
    }

    private static boolean glob(String pattern, String value) {
        String regex = pattern.split(/\*/, -1).collect { part ->
            part.split(/\?/, -1).collect { java.util.regex.Pattern.quote(it) }.join('.')
        }.join('.*')
        value ==~ regex
    }
}

new IamCalls()
