package dev.lambdadeploy.shim;

import com.amazonaws.services.lambda.runtime.Context;

/** One loaded handler: raw event bytes in, raw response bytes out (JSON for POJO handlers). */
interface Invocable {
    byte[] invoke(byte[] event, Context context) throws Throwable;
}
