package dev.lambdadeploy.shim;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * JSON (de)serialization chosen the way Lambda's Java runtime chooses it: a {@link CustomPojoSerializer} registered by
 * the function (ServiceLoader), else the event serializers of aws-lambda-java-serialization for
 * {@code com.amazonaws.services.lambda.runtime.events.*} classes, else the runtime's shaded Jackson configuration.
 */
final class Serializers {
    interface Serializer {
        Object read(InputStream in);

        void write(Object value, OutputStream out);
    }

    private final ClassLoader loader;
    private final CustomPojoSerializer custom;

    Serializers(ClassLoader loader) {
        this.loader = loader;
        List<CustomPojoSerializer> found = new ArrayList<>();
        ServiceLoader.load(CustomPojoSerializer.class, loader).forEach(found::add);
        if (found.size() > 1) {
            throw new IllegalStateException("Too many CustomPojoSerializer providers (" + found.size()
                    + ") in META-INF/services: Lambda accepts at most one");
        }
        this.custom = found.isEmpty() ? null : found.get(0);
    }

    Serializer forType(Type type) {
        if (custom != null) {
            return new Serializer() {
                @Override
                public Object read(InputStream in) {
                    return custom.fromJson(in, type);
                }

                @Override
                public void write(Object value, OutputStream out) {
                    custom.toJson(value, out, type);
                }
            };
        }
        PojoSerializer<Object> pojo = pojoSerializer(type);
        return new Serializer() {
            @Override
            public Object read(InputStream in) {
                return pojo.fromJson(in);
            }

            @Override
            public void write(Object value, OutputStream out) {
                pojo.toJson(value, out);
            }
        };
    }

    @SuppressWarnings("unchecked")
    private PojoSerializer<Object> pojoSerializer(Type type) {
        if (type instanceof Class && LambdaEventSerializers.isLambdaSupportedEvent(((Class<?>) type).getName())) {
            return LambdaEventSerializers.serializerFor((Class<Object>) type, loader);
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }
}
